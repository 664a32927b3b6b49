"""The gettext catalogs are complete and current: every msgid in the code (extracted in memory with
Babel and the settings of ``pyproject.toml``) is in the checked-in template and has a Danish
translation, and each translation keeps its msgid's ``{placeholders}``."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import _parse_config_object
from babel.messages.pofile import read_po

from destinations.i18n import DOMAIN, LOCALES, gettext, pgettext, translate

ROOT = Path(__file__).resolve().parents[2]
LOCALES_DIR = ROOT / "locales"
#: What ``pybabel extract`` reads (docs/translating.md).
SOURCES = ("destinations", "pages", "app.py", "geodata")
PLACEHOLDER = re.compile(r"\{(\w*)(?:[!:][^{}]*)?\}")


def extracted() -> dict[tuple[str | None, str], list[str]]:
    """(context, msgid) -> where, for every message the code and the manifest mark."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["babel"]
    method_map, options_map = _parse_config_object(config, filename="pyproject.toml")
    found: dict[tuple[str | None, str], list[str]] = {}
    for source in SOURCES:
        path = ROOT / source
        if path.is_file():
            results = ((path.name, *m) for m in _extract_file(path, method_map, options_map))
        else:
            results = extract_from_dir(path, method_map, options_map)
        for filename, lineno, message, _comments, context in results:
            msgid = message[0] if isinstance(message, tuple) else message
            found.setdefault((context, msgid), []).append(f"{source}/{filename}:{lineno}")
    return found


def _extract_file(path: Path, method_map, options_map):
    from babel.messages.extract import check_and_call_extract_file

    for _file, *rest in check_and_call_extract_file(str(path), method_map, options_map, None,
                                                    keywords={}, comment_tags=(), strip_comment_tags=False,
                                                    dirpath=str(path.parent)):
        yield rest


def catalog(name: str):
    path = LOCALES_DIR / name if name.endswith(".pot") else LOCALES_DIR / name / "LC_MESSAGES" / f"{DOMAIN}.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=None if name.endswith(".pot") else LOCALES[name], domain=DOMAIN)


@pytest.fixture(scope="module")
def code_messages():
    messages = extracted()
    assert len(messages) > 900, "the extraction found too few messages; is pyproject's [tool.babel] intact?"
    return messages


def keys(cat) -> set[tuple[str | None, str]]:
    return {(m.context, m.id) for m in cat if m.id}


def test_the_catalogs_are_checked_in():
    for name in ("destinations.pot", "en", "da"):
        assert len(keys(catalog(name))) > 900, name


def test_every_message_in_the_code_is_in_the_template_and_the_catalogs(code_messages):
    """A new string needs ``pybabel extract`` and ``pybabel update`` (docs/translating.md)."""
    for name in ("destinations.pot", "en", "da"):
        missing = sorted(set(code_messages) - keys(catalog(name)), key=str)
        assert not missing, (f"{name} is stale: {len(missing)} messages of the code are missing, e.g. "
                             + "; ".join(f"{m!r} ({code_messages[m][0]})" for m in missing[:5]))


def test_every_message_has_a_danish_translation(code_messages):
    da = catalog("da")
    untranslated = []
    for key in code_messages:
        message = da.get(key[1], context=key[0])
        if message is None or message.fuzzy or not message.string or not str(message.string).strip():
            untranslated.append(key)
    assert not untranslated, (f"{len(untranslated)} messages have no Danish translation, e.g. "
                              + "; ".join(f"{k!r} ({code_messages[k][0]})" for k in untranslated[:5]))


def test_translations_keep_their_placeholders():
    wrong = []
    for message in catalog("da"):
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set(PLACEHOLDER.findall(ids[0]))
        for text in strings:
            if set(PLACEHOLDER.findall(text)) != expected:
                wrong.append((message.id, text))
    assert not wrong, f"{len(wrong)} translations change the placeholders, e.g. {wrong[:3]}"


def test_no_obsolete_or_fuzzy_translations_linger():
    da = catalog("da")
    assert not da.obsolete, sorted(da.obsolete)[:5]
    assert not [m.id for m in da if m.id and m.fuzzy]


def test_the_catalog_translates_and_contexts_keep_both_translations():
    assert gettext("Language", "da") == "Sprog"
    assert gettext("Language", "en") == "Language"
    assert pgettext("store.open.button", "Open", "da") != gettext("Open", "da")
    assert translate({"k": "Source"}, "k", "da") == "Kilde"
    assert translate({"k": ("store.open.button", "Open")}, "k", "en") == "Open"
    # A table not yet converted keeps working.
    assert translate({"k": {"en": "Hello {name}", "da": "Hej {name}"}}, "k", "da", name="Ida") == "Hej Ida"


def test_the_catalogs_pass_babels_own_checks():
    """`pybabel compile` exits 1 on these (e.g. '5 % of' reads as a printf '% o'): write '5 %)' or
    'one in a thousand', or pass the share as a {placeholder} formatted with fmt_percent."""
    for name in ("en", "da"):
        problems = [(message.id, [str(e) for e in errors]) for message, errors in catalog(name).check()]
        assert not problems, f"{name}: {problems[:3]}"
