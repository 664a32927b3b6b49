"""Numbers, percentages, months and chart locales in the reader's language; gaps never print as None."""

from __future__ import annotations

import math

import pytest

from destinations.i18n import (
    GAP,
    fmt_number,
    fmt_percent,
    fmt_significant,
    month_name,
    normalize_language,
    round_significant,
    vega_locale,
)


@pytest.mark.parametrize("value,lang,digits,expected", [
    (1096.2, "en", 1, "1,096.2"), (1096.2, "da", 1, "1.096,2"),
    (1_692_391, "da", 0, "1.692.391"), (1_012_182, "en", 0, "1,012,182"),
])
def test_numbers_follow_the_language(value, lang, digits, expected):
    assert fmt_number(value, lang, digits=digits) == expected


@pytest.mark.parametrize("gap", [None, math.nan, float("nan")])
def test_gaps_print_as_a_dash(gap):
    assert fmt_number(gap, "da") == fmt_percent(gap, "en") == fmt_significant(gap, "da") == GAP


def test_percentages_follow_the_language():
    assert fmt_percent(0.446, "en") == "44.6%"
    assert fmt_percent(0.446, "da") == "44,6\xa0%"


def test_modelled_figures_keep_three_significant_figures():
    assert round_significant(582_037) == 582_000
    assert fmt_significant(582_037, "da") == "582.000"
    assert fmt_significant(84_925, "en") == "84,900"
    assert fmt_significant(0.012345, "en") == "0.0123"
    assert "e" not in fmt_significant(-8.6e-06, "en")


def test_months_and_chart_locale():
    assert month_name(7, "da") == "juli" and month_name(7, "en") == "July"
    locale = vega_locale("da")
    assert locale["number"]["decimal"] == "," and locale["number"]["thousands"] == "."
    assert locale["time"]["months"][6] == "juli"
    assert vega_locale("en")["number"]["thousands"] == ","


def test_untrusted_language_codes_fall_back_to_english():
    assert normalize_language("DA") == "da"
    assert normalize_language("<script>") == normalize_language(None) == "en"


# ------------------------------------------------------------------------------ catalogs
def test_catalog_translations_and_tables():
    from destinations.i18n import COMMON, N_, NC_, gettext, ngettext, translate

    assert gettext("Source", "da") == "Kilde" and gettext("Source", "en") == "Source"
    assert gettext("a text no catalog knows", "da") == "a text no catalog knows"
    assert translate(COMMON, "year", "da") == "År"
    assert translate({"k": N_("Copy of {name}")}, "k", "da", name="Fyn") == "Kopi af Fyn"
    assert translate({"k": NC_("store.open.button", "Open")}, "k", "da") == "Åbn"
    assert translate({}, "no.such.key", "da") == "no.such.key"
    assert ngettext("{n} plan", "{n} plans", 2, "en") == "2 plans"


def test_a_message_keeps_english_for_the_command_line_and_shows_danish_on_a_page():
    import json
    import pickle

    from destinations.i18n import Message, Number, Percent, localize

    text = Message("{n} crossing times are estimated (no source gave one).", n=1234)
    assert text == "1,234 crossing times are estimated (no source gave one)."
    assert json.loads(json.dumps({"caveat": text})) == {"caveat": str(text)}
    assert localize(text, "da") == "1.234 overfartstider er skønnede (ingen kilde angav dem)."
    share = Message("{n} x {n} directed pairs; {flows} with a flow", n=98, flows=Number(9506.0))
    assert localize(share, "da") == "98 × 98 rettede par; 9.506 med en strøm"
    assert Message("network check failed ({n}): {problems}", n=1, problems="x") == "network check failed (1): x"
    assert Percent(0.446, 1) == 0.446
    restored = pickle.loads(pickle.dumps(text))
    assert restored == text and localize(restored, "da").startswith("1.234")
    assert localize("Regions", "da") == "Regioner"  # a manifest title
    assert localize("Statistics Denmark, StatBank", "da") == "Statistics Denmark, StatBank"  # a citation
    assert localize(None, "da") == ""


def test_categories_and_themes_are_translated_and_unknown_codes_pass_through():
    from destinations.data.attractions import CATEGORIES
    from destinations.data.labels import CATEGORY_LABELS, category_label, theme_label, themes_text

    assert set(CATEGORY_LABELS) == set(CATEGORIES)
    assert category_label("castle/palace", "da") == "slot/palæ"
    assert category_label("castle/palace", "en") == "castle/palace"
    assert theme_label("wadden-sea", "da") == "Vadehavet"
    assert themes_text(("viking", "royal"), "da") == "vikingetiden, kongelig"
    assert category_label("something new", "da") == "something new"
