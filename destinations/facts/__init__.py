"""Tourism facts: overnights and capacity per municipality, month, accommodation type and guest
nationality, official where StatBank files are present, modelled (and validated) elsewhere.

Public surface::

    from destinations.facts import load_facts, facts_summary, validation_report

* :func:`load_facts` -> :class:`FactsTable` for one year (cached; a fresh copy per call).
* :func:`facts_summary` -> the JSON payload of ``destinations facts summary --json``.
* :func:`datasets_info` -> one :class:`~destinations.model.DatasetInfo` per tourism file.
* :func:`validation_report` / :func:`validation_mae` -> leave-one-out validation of the model.
* :func:`fetch_statbank` -> download official StatBank tables (online only).

Method and validation: ``docs/facts-model.md``.
"""

from destinations.facts.capacity import national_occupancy, occupancy
from destinations.facts.constants import (
    ACCOMMODATION_TYPES,
    AVAILABLE_YEARS,
    MODEL_VERSION,
    NATIONALITIES,
    REGION_CODE_SYSTEM,
)
from destinations.facts.datasets import datasets_info
from destinations.facts.loader import (
    available_years,
    clear_caches,
    facts_model,
    load_facts,
    official_data,
    summer_houses_known,
)
from destinations.facts.statbank import STATBANK_TABLES, fetch_statbank
from destinations.facts.summary import facts_summary
from destinations.facts.table import FactsTable
from destinations.facts.validation import validation_mae, validation_markdown, validation_report

__all__ = [
    "ACCOMMODATION_TYPES",
    "AVAILABLE_YEARS",
    "FactsTable",
    "MODEL_VERSION",
    "NATIONALITIES",
    "REGION_CODE_SYSTEM",
    "STATBANK_TABLES",
    "available_years",
    "clear_caches",
    "datasets_info",
    "facts_model",
    "facts_summary",
    "fetch_statbank",
    "load_facts",
    "national_occupancy",
    "occupancy",
    "official_data",
    "summer_houses_known",
    "validation_mae",
    "validation_markdown",
    "validation_report",
]
