"""Writers of StatBank-format test files (semicolon CSV, Danish variable names).

StatBank CSV looks like this (``..`` = suppressed)::

    OMRÅDE;OVERNATF;NATION1;PERIODE;TID;INDHOLD
    København;Hoteller;Danmark;Juli;2019;412345
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import link_data

MONTHS_DA = ["Januar", "Februar", "Marts", "April", "Maj", "Juni", "Juli", "August", "September",
             "Oktober", "November", "December"]
#: OVERNATF texts of the five non-holiday-home types in the municipality table.
OVERNATF_TEXTS = {"120": "Hoteller", "130": "Feriecentre", "140": "Camping", "150": "Vandrerhjem",
                  "160": "Lystbådehavne"}


def write_statbank(path: Path, header: list[str], rows: list[list[object]], *,
                   encoding: str = "utf-8-sig") -> Path:
    """Write rows in StatBank's CSV format (``;``, CRLF line ends as StatBank sends them)."""
    lines = [";".join(header)] + [";".join(str(v) for v in row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def municipality_rows(codes_names: dict[str, str], year: int, value_of) -> list[list[object]]:
    """VDK-style rows for every type, nationality and month; ``value_of(code, type_code, nat,
    month)`` gives INDHOLD."""
    rows = []
    for code, name in codes_names.items():
        for type_code, type_text in OVERNATF_TEXTS.items():
            for nat in ("Danmark", "Verden udenfor Danmark"):
                for month, month_name in enumerate(MONTHS_DA, start=1):
                    rows.append([name, type_text, nat, month_name, year,
                                 value_of(code, type_code, nat, month)])
    return rows


def holiday_home_rows(codes_names: dict[str, str], year: int, value_of) -> list[list[object]]:
    """FERIEH6-style rows (NATION1 total and Danish, TAL Overnatninger)."""
    rows = []
    for code, name in codes_names.items():
        for nat in ("I alt", "Danmark"):
            for month, month_name in enumerate(MONTHS_DA, start=1):
                rows.append([name, nat, "Overnatninger", month_name, year,
                             value_of(code, nat, month)])
    return rows


def relink_with(real_dir: Path, root: Path, relative: str, content: str) -> Path:
    """Symlink every data file of ``real_dir`` into ``root`` (no manifest), replacing
    ``relative`` with ``content``."""
    link_data(real_dir, root)
    target = root / relative
    target.unlink()
    target.write_text(content, encoding="utf-8")
    return target
