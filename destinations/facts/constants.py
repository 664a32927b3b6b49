"""Names shared by every module of :mod:`destinations.facts` (no imports, so no cycles)."""

from __future__ import annotations

#: Accommodation types, in display order. ``holiday_centre_hostel`` is Eurostat NACE I552
#: (DST feriecentre + vandrerhjem); ``holiday_home`` is holiday homes let through agencies.
ACCOMMODATION_TYPES = ("hotel", "holiday_centre_hostel", "camping", "marina", "holiday_home")
#: Guest nationality as far as the model resolves it.
NATIONALITIES = ("danish", "foreign")
MONTHS = tuple(range(1, 13))

#: Types covered by the Eurostat national monthly series (NACE I551, I552, I553).
EUROSTAT_TYPES = {"I551": "hotel", "I552": "holiday_centre_hostel", "I553": "camping"}
#: Types inside StatBank TURIST "Alle typer" at region level (everything but holiday homes).
NON_HOLIDAY_HOME_TYPES = ("hotel", "holiday_centre_hostel", "camping", "marina")

MODEL_VERSION = "facts-model 1.1"

#: Years with every input of the model (national monthly, regional annual, national holiday-home
#: total). 2022's holiday-home total is derived from two published totals (see docs/facts-model.md).
AVAILABLE_YEARS: tuple[int, ...] = (2016, 2017, 2018, 2019, 2022, 2023)

#: Region code system used in summaries: Statistics Denmark's codes, as in TURIST.
REGION_CODE_SYSTEM = "DST"
