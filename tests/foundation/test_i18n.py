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
