"""English and Danish message tables. Pages add their own tables; `translate` looks keys up."""

from __future__ import annotations

from typing import Mapping

LANGUAGES = ("en", "da")
LANGUAGE_NAMES = {"en": "English", "da": "Dansk"}

Table = Mapping[str, Mapping[str, str]]

COMMON: dict[str, dict[str, str]] = {
    "app.title": {"en": "Destinations: Denmark's destination companies", "da": "Destinationer: Danmarks destinationsselskaber"},
    "app.language": {"en": "Language", "da": "Sprog"},
    "nav.map": {"en": "National map", "da": "Danmarkskort"},
    "nav.data": {"en": "Data & sources", "da": "Data og kilder"},
    "kind.official": {"en": "official", "da": "officiel"},
    "kind.compiled": {"en": "compiled", "da": "indsamlet"},
    "kind.modelled": {"en": "modelled", "da": "modelleret"},
    "kind.estimated": {"en": "estimated", "da": "skønnet"},
    "gap": {"en": "no data", "da": "ingen data"},
    "unaffiliated": {"en": "Unaffiliated (in no destination company)", "da": "Uden for destinationsselskab"},
    "uncertain": {"en": "membership uncertain", "da": "medlemskab usikkert"},
    "error.data": {"en": "The data could not be loaded", "da": "Data kunne ikke indlæses"},
    "source": {"en": "Source", "da": "Kilde"},
    "unit.residents": {"en": "residents", "da": "indbyggere"},
    "unit.km²": {"en": "km²", "da": "km²"},
    "year": {"en": "Year", "da": "År"},
}


def translate(table: Table, key: str, lang: str, **values: object) -> str:
    """The message ``key`` in ``lang`` (falls back to English, then to the key itself)."""
    entry = table.get(key) or COMMON.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry.get("en") or key
    return text.format(**values) if values else text


def number(value: float, lang: str, decimals: int = 0) -> str:
    """A number in the language's convention: en 1,096.2 · da 1.096,2."""
    text = f"{value:,.{decimals}f}"
    if lang == "da":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def normalize_language(value: object) -> str:
    """A language code from untrusted input (URL): 'da' or 'en'."""
    text = str(value or "").strip().lower()
    return text if text in LANGUAGES else "en"
