"""Collaboration: members and roles, document access (owner, visibility), proposals with their
decisions and comments, the audit trail.

Documents saved before this revision had no owner and were visible to everybody: they become
``shared`` without an owner (strategists save them directly, everybody else proposes), and a stored
"Destination companies today" (id ``today``) becomes ``published``. Each backfilled document gets
an audit line saying so.

Revision ID: 0002
Revises: 0001
"""

from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    access = op.create_table(
        "document_access",
        sa.Column("kind", sa.String(40), primary_key=True),
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("owner", sa.String(254), nullable=False),
        sa.Column("visibility", sa.String(20), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "members",
        sa.Column("email", sa.String(254), primary_key=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("companies", sa.Text, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(254), nullable=False),
    )
    op.create_table(
        "proposals",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("target_name", sa.String(200), nullable=False),
        sa.Column("base_version", sa.Integer, nullable=False),
        sa.Column("author", sa.String(254), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("change", sa.Text, nullable=False),
        sa.Column("companies", sa.Text, nullable=False),
        sa.Column("company_names", sa.Text, nullable=False),
        sa.Column("problems", sa.Text, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("applied_version", sa.Integer, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_proposals_target", "proposals", ["kind", "key"])
    op.create_index("ix_proposals_state", "proposals", ["state"])
    op.create_table(
        "proposal_decisions",
        sa.Column("proposal_id", sa.Integer, primary_key=True),
        sa.Column("company", sa.String(100), primary_key=True),
        sa.Column("who", sa.String(254), nullable=False),
        sa.Column("decision", sa.String(20), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "proposal_comments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("proposal_id", sa.Integer, nullable=False),
        sa.Column("who", sa.String(254), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_proposal_comments_proposal_id", "proposal_comments", ["proposal_id"])
    audit = op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("who", sa.String(254), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        sa.Column("before", sa.Text, nullable=False),
        sa.Column("after", sa.Text, nullable=False),
    )
    op.create_index("ix_audit_log_target", "audit_log", ["kind", "key"])

    # Backfill: every document saved before sign-in existed.
    now = datetime.now(timezone.utc)
    heads = sa.table("document_heads", sa.column("kind"), sa.column("key"), sa.column("name"),
                     sa.column("version"))
    conn = op.get_bind()
    rows = conn.execute(sa.select(heads.c.kind, heads.c.key, heads.c.name, heads.c.version)).all()
    if rows:
        visibility = {(row.kind, row.key): "published" if (row.kind, row.key) == ("scenario", "today")
                      else "shared" for row in rows}
        op.bulk_insert(access, [{"kind": r.kind, "key": r.key, "owner": "",
                                 "visibility": visibility[(r.kind, r.key)], "updated_at": now}
                                for r in rows])
        op.bulk_insert(audit, [{
            "at": now, "who": "migration", "action": "visibility", "kind": r.kind, "key": r.key,
            "name": r.name, "detail": "saved before sign-in existed: open to every member, "
                                      "no owner",
            "before": "", "after": visibility[(r.kind, r.key)]} for r in rows])


def downgrade() -> None:
    for table in ("audit_log", "proposal_comments", "proposal_decisions", "proposals", "members",
                  "document_access"):
        op.drop_table(table)
