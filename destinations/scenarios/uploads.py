"""Text tables in and out: reading uploads (size cap, encoding, separator, numbers) and writing
cells that are safe to open in a spreadsheet or show in a map popup.

* Reading is shared by :mod:`.io` (plans) and :mod:`.flows` (origin-destination uploads).
* Writing: :func:`neutralize_cell` / :func:`restore_cell` (CSV formula injection, OWASP rule),
  :func:`neutralize_frame` and :func:`csv_text` for whole tables, :func:`escape_markup` for names in
  GeoJSON/GeoPackage. Every CSV the app or the CLI writes goes through these; nothing else of the
  package is imported here, so any layer above may use them.
"""

from __future__ import annotations

import csv
import html
import io
import re
import unicodedata
from typing import TYPE_CHECKING, Collection, Iterable, Sequence

from destinations.errors import DataError

if TYPE_CHECKING:
    import pandas as pd

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


# ---------------------------------------------------------------------------------------------
# Writing: cells a spreadsheet will not run, names a map popup will not render as markup
# ---------------------------------------------------------------------------------------------
#: First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP
#: "CSV injection": ``=``, ``+``, ``-``, ``@``, tab, carriage return).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Also cells that already start with quotes before a trigger: quoting them once more keeps
# restore_cell(neutralize_cell(x)) == x for every x, including a name that begins with "'=".
_TRIGGERED = re.compile(r"^'*[=+\-@\t\r]")


def fold(text: object) -> str:
    """Text compared the way people mean it: NFC, runs of whitespace as one space, case folded."""
    return unicodedata.normalize("NFC", " ".join(str(text).split())).casefold()


def _needs_quote(text: str, reserved: Collection[str]) -> bool:
    return bool(_TRIGGERED.match(text)) or (bool(reserved) and fold(text.lstrip("'")) in reserved)


def neutralize_cell(value: object, *, reserved: Collection[str] = ()) -> object:
    """A text cell that a spreadsheet shows as text: ``'`` in front when it starts like a formula.

    ``=HYPERLINK("http://x")`` -> ``'=HYPERLINK("http://x")``. Numbers and other non-text values
    are returned as they are (a negative number is a number, not a formula). ``reserved`` are
    (folded) words the reader gives a meaning of its own, e.g. ``-`` for "no company": text equal
    to one is quoted the same way, so it reads back as text. :func:`restore_cell` undoes it.
    """
    if isinstance(value, str) and _needs_quote(value, reserved):
        return "'" + value
    return value


def restore_cell(text: str, *, reserved: Collection[str] = ()) -> str:
    """The inverse of :func:`neutralize_cell` for a cell read back from a CSV.

    Drops one leading ``'`` where :func:`neutralize_cell` would have added it; other text is
    unchanged, so files written by hand or by older versions read as before.
    """
    if text.startswith("'") and _needs_quote(text[1:], reserved):
        return text[1:]
    return text


def neutralize_frame(frame: "pd.DataFrame") -> "pd.DataFrame":
    """A copy of ``frame`` whose text cells and column names are :func:`neutralize_cell` -ed.

    For writers that use ``DataFrame.to_csv``; numeric columns are untouched (and keep their
    decimal comma when ``to_csv(decimal=",")`` writes them).
    """
    import pandas as pd

    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column].dtype):
            out[column] = out[column].map(neutralize_cell)
    out.columns = [neutralize_cell(c) for c in out.columns]
    return out


def csv_text(rows: Iterable[Sequence[object]], *, header: Sequence[str] | None = None,
             sep: str = ",") -> str:
    """Rows as CSV text with every text cell :func:`neutralize_cell` -ed (``\n`` line ends)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\n")
    if header is not None:
        writer.writerow([neutralize_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([neutralize_cell(cell) for cell in row])
    return out.getvalue()


def escape_markup(value: object) -> object:
    """Text with ``&``, ``<`` and ``>`` as HTML entities, so a popup shows ``<img ...>`` as text.

    For names written into GeoJSON/GeoPackage, which map viewers (Leaflet, QGIS HTML popups, web
    GIS) often put into HTML as they are. Quotes are kept: names are not put into attributes, and
    Danish names with apostrophes stay readable. Non-text values are returned as they are.
    """
    return html.escape(value, quote=False) if isinstance(value, str) else value
