"""The collaboration tables (members, document access, proposals, audit trail), for queries.

Their schema is made and changed by the migrations in :mod:`destinations.store.migrations` (never
by ``create_all``); these :class:`~sqlalchemy.Table` objects mirror the newest revision.
"""

from __future__ import annotations

import sqlalchemy as sa

from destinations.store.documents import MAX_DOCUMENT_NAME_LENGTH, MAX_KEY_LENGTH, MAX_KIND_LENGTH

MAX_EMAIL = 254
metadata = sa.MetaData()

document_access = sa.Table(
    "document_access", metadata,
    sa.Column("kind", sa.String(MAX_KIND_LENGTH), primary_key=True),
    sa.Column("key", sa.String(MAX_KEY_LENGTH), primary_key=True),
    sa.Column("owner", sa.String(MAX_EMAIL), nullable=False),
    sa.Column("visibility", sa.String(20), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

members = sa.Table(
    "members", metadata,
    sa.Column("email", sa.String(MAX_EMAIL), primary_key=True),
    sa.Column("role", sa.String(20), nullable=False),
    sa.Column("companies", sa.Text, nullable=False),  # JSON list of company ids
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_by", sa.String(MAX_EMAIL), nullable=False),
)

proposals = sa.Table(
    "proposals", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(MAX_KIND_LENGTH), nullable=False),
    sa.Column("key", sa.String(MAX_KEY_LENGTH), nullable=False),
    sa.Column("target_name", sa.String(MAX_DOCUMENT_NAME_LENGTH), nullable=False),
    sa.Column("base_version", sa.Integer, nullable=False),
    sa.Column("author", sa.String(MAX_EMAIL), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("change", sa.Text, nullable=False),  # JSON, destinations.collab.proposals.Change
    sa.Column("companies", sa.Text, nullable=False),  # JSON list of touched company ids
    sa.Column("company_names", sa.Text, nullable=False),  # JSON {id: name} at drafting
    sa.Column("problems", sa.Text, nullable=False),  # JSON list of rule problems at drafting
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("state", sa.String(20), nullable=False),
    sa.Column("applied_version", sa.Integer, nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

proposal_decisions = sa.Table(
    "proposal_decisions", metadata,
    sa.Column("proposal_id", sa.Integer, primary_key=True),
    sa.Column("company", sa.String(MAX_KEY_LENGTH), primary_key=True),
    sa.Column("who", sa.String(MAX_EMAIL), nullable=False),
    sa.Column("decision", sa.String(20), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)

proposal_comments = sa.Table(
    "proposal_comments", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("proposal_id", sa.Integer, nullable=False, index=True),
    sa.Column("who", sa.String(MAX_EMAIL), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)

audit_log = sa.Table(
    "audit_log", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("who", sa.String(MAX_EMAIL), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("kind", sa.String(MAX_KIND_LENGTH), nullable=False),
    sa.Column("key", sa.String(MAX_KEY_LENGTH), nullable=False),
    sa.Column("name", sa.String(MAX_DOCUMENT_NAME_LENGTH), nullable=False),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Column("before", sa.Text, nullable=False),
    sa.Column("after", sa.Text, nullable=False),
)
