"""Reading uploaded text tables (plan CSVs, flow matrices): size cap, encoding, separator, numbers.

Shared by :mod:`.io` (plans) and :mod:`.flows` (origin-destination uploads); imports nothing else of
the package, so neither depends on the other.
"""

from __future__ import annotations

import csv
import io
import re

from destinations.errors import DataError

#: Largest upload accepted (bytes). A 98-row plan is about 3 kB.
MAX_UPLOAD_BYTES = 5 * 1024 * 1024

_ZIP_MAGIC = b"PK\x03\x04"  # .xlsx, .ods
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls


def read_text_upload(raw: bytes, label: str, *, limit: int = MAX_UPLOAD_BYTES) -> str:
    """Bytes of an uploaded text table -> str, refusing what is not a CSV.

    Raises :class:`~destinations.errors.DataError` for files over ``limit``, Excel workbooks,
    binary data and text that is neither UTF-8 nor Windows-1252.
    """
    if len(raw) > limit:
        raise DataError(label, f"is {len(raw) / 2**20:.1f} MB; at most {limit / 2**20:.0f} MB "
                               "are accepted", "a plan has 98 rows - upload just the plan table")
    if raw.startswith(_ZIP_MAGIC) or raw.startswith(_OLE_MAGIC):
        raise DataError(label, "is an Excel (or other spreadsheet) workbook, not a CSV file",
                        "in Excel choose File > Save As > 'CSV UTF-8 (comma delimited)' or "
                        "'CSV (semikolonsepareret)' and upload that file")
    if b"\x00" in raw[:4096]:
        raise DataError(label, "is a binary file, not a CSV text file", "upload a CSV file")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError(label, "is neither UTF-8 nor Windows-1252 text", "save it as CSV UTF-8")


def sniff_separator(text: str) -> str:
    """``;``, tab or ``,`` - whichever the header line uses most (Danish Excel writes ``;``)."""
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    counts = {sep: header.count(sep) for sep in (";", "\t", ",")}
    best = max(counts, key=counts.get)
    return best if counts[best] > 0 else ","


def read_rows(text: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """Header (lower-cased, trimmed) and ``(line number, cells)`` rows; blank lines skipped."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=sniff_separator(text))
    rows = [(reader.line_num, row) for row in reader]
    rows = [(n, r) for n, r in rows if any(cell.strip() for cell in r)]
    if not rows:
        return [], []
    header = [_header(cell) for cell in rows[0][1]]
    return header, rows[1:]


def parse_number(text: str, *, decimal_comma: bool) -> float:
    """A number as spreadsheets write it; ValueError when it is none.

    ``decimal_comma`` (files separated by ``;``, the Danish convention): ``"1.234,5"`` -> 1234.5,
    ``"1234,5"`` -> 1234.5, and ``"12.5"`` -> 12.5 when it cannot be a thousands group. Otherwise
    ``","`` groups thousands: ``"1,234.5"`` -> 1234.5. Spaces (also non-breaking) are ignored.
    """
    value = text.strip().replace("\u00a0", "").replace(" ", "")
    if decimal_comma:
        if "," in value or re.fullmatch(r"-?\d{1,3}(\.\d{3})+", value):
            value = value.replace(".", "").replace(",", ".")
    else:
        value = value.replace(",", "")
    return float(value)


def _header(cell: str) -> str:
    return re.sub(r"[\s\-]+", "_", cell.strip().lstrip("\ufeff").lower())
