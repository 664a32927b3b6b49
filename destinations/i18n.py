"""Languages: gettext catalogs (Babel) and numbers, dates and percentages in the reader's locale.

Every user-facing string is an English msgid translated through ``locales/<lang>/LC_MESSAGES/
destinations.po`` (extracted with ``pybabel extract``, configured in ``pyproject.toml``). Compiled
``.mo`` files are used when present and current (``pybabel compile -d locales -D destinations``,
run at install by ``setup.py``); otherwise the ``.po`` file is read directly, so a clone works
without a build step.

Numbers go through :mod:`babel.numbers` (en 1,096.2 · da 1.096,2); a missing value prints as a
gap ("–"), never "None" or "nan". Charts get the same conventions through :func:`vega_locale`.

The pages' tables (``COMMON`` here, ``TEXT`` in ``destinations/ui/*_text.py``) map a stable key to
an English msgid marked with :func:`N_` (or :func:`NC_` with a context, for an English text that
translates two ways); :func:`translate` looks the key up and translates the msgid. A table still in
the old ``{"key": {"en": ..., "da": ...}}`` shape is read as before until it is converted.
"""

from __future__ import annotations

import io
import math
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Union

from babel import Locale
from babel.dates import get_month_names
from babel.numbers import format_decimal, format_percent, get_decimal_symbol, get_group_symbol
from babel.support import NullTranslations, Translations

LANGUAGES = ("en", "da")
LANGUAGE_NAMES = {"en": "English", "da": "Dansk"}
#: Babel locale of each language (British English: day before month, 24-hour clock).
LOCALES = {"en": "en_GB", "da": "da_DK"}
DOMAIN = "destinations"
#: How a missing value reads, in every language.
GAP = "–"

_PACKAGE_DIR = Path(__file__).resolve().parent

#: A msgid (``N_``), a (context, msgid) pair (``NC_``) or, in a not yet converted table, {lang: text}.
Entry = Union[str, tuple[str, str], Mapping[str, str]]
Table = Mapping[str, Entry]


# ------------------------------------------------------------------------------ catalogs
def locales_dir() -> Path:
    """``locales/`` of the checkout, or the copy installed inside the package."""
    checkout = _PACKAGE_DIR.parent / "locales"
    return checkout if checkout.is_dir() else _PACKAGE_DIR / "locales"


def normalize_language(value: object) -> str:
    """A language code from untrusted input (URL): 'da' or 'en'."""
    text = str(value or "").strip().lower()
    return text if text in LANGUAGES else "en"


@lru_cache(maxsize=len(LANGUAGES))
def translations(lang: str) -> NullTranslations:
    """The catalog of ``lang``: the compiled ``.mo`` when current, else the ``.po`` read directly."""
    lang = normalize_language(lang)
    folder = locales_dir() / lang / "LC_MESSAGES"
    po, mo = folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as handle:
            return Translations(handle, domain=DOMAIN)
    if not po.is_file():
        return NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle, locale=LOCALES[lang], domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


def gettext(message: str, lang: str, **values: object) -> str:
    """``message`` in ``lang``; ``{name}`` placeholders are filled from ``values``."""
    text = translations(lang).gettext(message)
    return text.format(**values) if values else text


def pgettext(context: str, message: str, lang: str, **values: object) -> str:
    """:func:`gettext` with a context, for an English word that translates two ways."""
    text = translations(lang).pgettext(context, message)
    return text.format(**values) if values else text


def ngettext(singular: str, plural: str, n: int, lang: str, **values: object) -> str:
    """Singular or plural by ``n`` (``{n}`` is available as a placeholder)."""
    text = translations(lang).ngettext(singular, plural, n)
    return text.format(n=n, **values)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark a string for extraction where it is defined; translate it where it is shown."""
    return message


def NC_(context: str, message: str) -> tuple[str, str]:  # noqa: N802 - the gettext convention
    """:func:`N_` with a context: a (context, msgid) pair that :func:`translate` reads with
    :func:`pgettext` (extracted by the ``NC_:1c,2`` keyword)."""
    return context, message


def entry_text(entry: Entry, lang: str) -> str:
    """A table entry (see :data:`Entry`) in ``lang``, placeholders left unfilled."""
    if isinstance(entry, str):
        return translations(lang).gettext(entry) if entry else entry
    if isinstance(entry, tuple):
        return translations(lang).pgettext(*entry)
    return entry.get(lang) or entry.get("en") or ""


class Percent(float):
    """A share shown as a percentage with ``digits`` decimals, in each language's convention
    (a value of a :class:`Message`)."""

    def __new__(cls, value: float, digits: int = 1) -> "Percent":
        share = super().__new__(cls, value)
        share.digits = digits
        return share

    def __reduce__(self):
        return Percent, (float(self), self.digits)


class Number(float):
    """A number shown with ``digits`` decimals in each language's convention (a value of a
    :class:`Message`)."""

    def __new__(cls, value: float, digits: int = 0) -> "Number":
        number = super().__new__(cls, value)
        number.digits = digits
        return number

    def __reduce__(self):
        return Number, (float(self), self.digits)


class Message(str):
    """English text that remembers its msgid and values: the command line and JSON keep the
    English text (it *is* the string), a page shows it in its language with :func:`localize`.

    ``Message("{n} crossing times are estimated.", n=4)`` (``Message`` is an extraction keyword);
    int values are grouped (1,234 · 1.234), :class:`Number` and :class:`Percent` values follow
    the language, ``Message`` values (and lists of them, joined by commas) are localized too,
    anything else is inserted as it is.
    """

    msgid: str
    values: dict

    def __new__(cls, msgid: str, **values: object) -> "Message":
        text = super().__new__(cls, _fill(msgid, "en", values))
        text.msgid, text.values = msgid, values
        return text

    def __reduce__(self):
        return _message, (self.msgid, self.values)


def _message(msgid: str, values: dict) -> Message:
    return Message(msgid, **values)


def _fill(message: str, lang: str, values: Mapping[str, object]) -> str:
    if not values:
        return message
    shown: dict[str, object] = {}
    for name, value in values.items():
        if isinstance(value, Percent):
            shown[name] = fmt_percent(float(value), lang, digits=value.digits)
        elif isinstance(value, Number):
            shown[name] = fmt_number(float(value), lang, digits=value.digits)
        elif isinstance(value, (list, tuple)):
            shown[name] = ", ".join(localize(item, lang) for item in value)
        elif isinstance(value, int) and not isinstance(value, bool):
            shown[name] = fmt_number(value, lang)
        elif isinstance(value, str):
            shown[name] = localize(value, lang) if isinstance(value, Message) else value
        else:
            shown[name] = value
    return message.format(**shown)


def localize(text: object, lang: str) -> str:
    """A text of the domain in ``lang``: a :class:`Message` with its values, a plain string
    through the catalog (unchanged when the catalog does not know it: names, citations)."""
    if isinstance(text, Message):
        return _fill(translations(lang).gettext(text.msgid), normalize_language(lang), text.values)
    if text is None:
        return ""
    text = str(text)
    return translations(lang).gettext(text) if text.strip() else text


# ------------------------------------------------------------------------------ numbers
def is_gap(value: object) -> bool:
    """None, NaN and pandas' NA are gaps."""
    if value is None:
        return True
    try:
        return bool(math.isnan(value))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value) in ("<NA>", "NaT")


def fmt_number(value: object, lang: str, *, digits: int = 0) -> str:
    """A number with the locale's grouping and decimal sign and exactly ``digits`` decimals."""
    if is_gap(value):
        return GAP
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(float(value), format=pattern, locale=LOCALES[normalize_language(lang)])


def fmt_percent(share: object, lang: str, *, digits: int = 1) -> str:
    """A share (0.446) as a percentage (en 44.6% · da 44,6 %)."""
    if is_gap(share):
        return GAP
    locale = Locale.parse(LOCALES[normalize_language(lang)])
    pattern = locale.percent_formats[None].pattern.replace(
        "#,##0", "#,##0" + ("." + "0" * digits if digits > 0 else ""), 1)
    return format_percent(float(share), format=pattern, locale=locale)


def round_significant(value: float, digits: int = 3) -> float:
    """``value`` rounded to ``digits`` significant figures (582,037 -> 582,000)."""
    if value == 0 or is_gap(value):
        return value
    return round(value, digits - 1 - int(math.floor(math.log10(abs(value)))))


def fmt_significant(value: object, lang: str, *, digits: int = 3) -> str:
    """A modelled figure at the precision it has: ``digits`` significant figures, grouped."""
    if is_gap(value):
        return GAP
    rounded = round_significant(float(value), digits)
    magnitude = int(math.floor(math.log10(abs(rounded)))) if rounded else 0
    decimals = max(0, digits - 1 - magnitude)
    return fmt_number(rounded, lang, digits=decimals)


def month_name(month: int, lang: str, *, width: str = "wide") -> str:
    """'July' / 'juli' (``width`` 'abbreviated' for 'Jul' / 'jul.')."""
    return get_month_names(width, locale=LOCALES[normalize_language(lang)])[int(month)]


def month_names(lang: str, *, width: str = "abbreviated") -> list[str]:
    """The twelve month names in calendar order."""
    names = get_month_names(width, locale=LOCALES[normalize_language(lang)])
    return [names[m] for m in range(1, 13)]


def vega_locale(lang: str) -> dict:
    """Vega-Lite ``config.locale`` for ``lang``: chart axes and tooltips group and round like the page.

    Pass as ``chart.configure(locale=vega_locale(lang))``.
    """
    locale = Locale.parse(LOCALES[normalize_language(lang)])
    days = locale.days["format"]
    months = locale.months["format"]
    return {
        "number": {"decimal": get_decimal_symbol(locale), "thousands": get_group_symbol(locale),
                   "grouping": [3], "currency": ["", " kr."] if locale.language == "da" else ["£", ""]},
        "time": {
            "dateTime": "%A %e %B %Y %X", "date": "%d.%m.%Y" if locale.language == "da" else "%d/%m/%Y",
            "time": "%H:%M:%S", "periods": ["AM", "PM"],
            "days": [days["wide"][i] for i in (6, 0, 1, 2, 3, 4, 5)],
            "shortDays": [days["abbreviated"][i] for i in (6, 0, 1, 2, 3, 4, 5)],
            "months": [months["wide"][m] for m in range(1, 13)],
            "shortMonths": [months["abbreviated"][m] for m in range(1, 13)],
        },
    }


# ------------------------------------------------------------------------------ tables
COMMON: dict[str, Entry] = {
    "app.title": N_("Destinations: Denmark's destination companies"),
    "app.language": N_("Language"),
    "nav.map": N_("National map"),
    "nav.data": N_("Data & sources"),
    "kind.official": N_("official"),
    "kind.compiled": N_("compiled"),
    "kind.modelled": N_("modelled"),
    "kind.estimated": N_("estimated"),
    "gap": N_("no data"),
    "unaffiliated": N_("Unaffiliated (in no destination company)"),
    "uncertain": N_("membership uncertain"),
    "error.data": N_("The data could not be loaded"),
    "source": N_("Source"),
    "unit.residents": N_("residents"),
    "unit.km²": N_("km²"),
    "year": N_("Year"),
}


def translate(table: Table, key: str, lang: str, **values: object) -> str:
    """The message ``key`` in ``lang`` (falls back to English, then to the key itself)."""
    entry = table.get(key) or COMMON.get(key)
    if entry is None:
        return key
    text = entry_text(entry, normalize_language(lang)) or key
    return text.format(**values) if values else text


def number(value: float, lang: str, decimals: int = 0) -> str:
    """A number in the language's convention: en 1,096.2 · da 1.096,2 (see :func:`fmt_number`)."""
    return fmt_number(value, lang, digits=decimals)
