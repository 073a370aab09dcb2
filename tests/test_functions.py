"""Each newsroom function: values and interval behaviour at the edges of rounding."""

from __future__ import annotations

import re
from fractions import Fraction

import pytest

from claimcheck.checking.calc import calculate
from claimcheck.expressions.functions import ARITY

from .conftest import ROOT


def value(text: str) -> tuple[float, float, float, str]:
    result = calculate(text)
    assert not result.diagnostics, result.diagnostics
    assert result.value is not None
    v = result.value
    return float(v.central), float(v.rounding.lo), float(v.rounding.hi), v.unit


def verdict(text: str) -> str | None:
    result = calculate(text)
    assert not result.diagnostics, result.diagnostics
    return result.verdict


@pytest.mark.parametrize(("text", "central", "low", "high", "unit"), [
    # rounding of the inputs flows to both ends
    ("pct_change(3.5 million t, 4.2 million t)", 20, 100 * (4.15 / 3.55 - 1),
     100 * (4.25 / 3.45 - 1), "%"),
    ("pp_change(6.1%, 7.35%)", 1.25, 7.345 - 6.15, 7.355 - 6.05, "pp"),
    ("ratio(6 t, 2 t)", 3, 5.5 / 2.5, 6.5 / 1.5, ""),
    ("share(2.8 million t, 3.7 million t)", 100 * 2.8 / 3.7, 100 * 2.75 / 3.75,
     100 * 2.85 / 3.65, "%"),
    ("sum(48%, 39%, 16%)", 103, 101.5, 104.5, "%"),
    ("mean(3, 4, 5)", 4, 4, 4, ""),
    ("compound(6.0%, 6.6%)", 100 * (1.06 * 1.066 - 1), 100 * (1.0595 * 1.0655 - 1),
     100 * (1.0605 * 1.0665 - 1), "%"),
    ("annualize(1%, 12)", 100 * (1.01 ** 12 - 1), 100 * (1.005 ** 12 - 1),
     100 * (1.015 ** 12 - 1), "%/year"),
    # 1,234 patients is a whole count; the rate is per 100,000
    ("per(1234 patients, 5.6 million people, 100000)", 1234 / 5.6e6 * 1e5,
     1234 / 5.65e6 * 1e5, 1234 / 5.55e6 * 1e5, "per 100,000"),
    ("percent_of(25%, 3.7 million t)", 925_000, 0.245 * 3.65e6, 0.255 * 3.75e6, "t"),
    ("possible_share(51%, 23)", 100 * 12 / 23, 100 * 12 / 23, 100 * 12 / 23, "%"),
    ("grim(5.18, 28)", 145 / 28, 145 / 28, 145 / 28, ""),
])
def test_function_values(text: str, central: float, low: float, high: float,
                         unit: str) -> None:
    got = value(text)
    assert got[0] == pytest.approx(central, rel=1e-12)
    assert got[1] == pytest.approx(low, rel=1e-9)
    assert got[2] == pytest.approx(high, rel=1e-9)
    assert got[3] == unit


def test_cagr_root_encloses_the_true_bounds() -> None:
    central, low, high, unit = value("cagr(120 million USD, 180 million USD, 5)")
    assert unit == "%/year"
    assert central == pytest.approx(100 * (1.5 ** 0.2 - 1), rel=1e-12)
    assert low <= 100 * ((175 / 125) ** 0.2 - 1) <= low + 1e-9
    assert high - 1e-9 <= 100 * ((185 / 115) ** 0.2 - 1) <= high


def test_cagr_of_a_decline_and_of_a_hedged_end() -> None:
    central, low, high, _ = value("cagr(180 million USD, 120 million USD, 5)")
    assert central == pytest.approx(100 * ((120 / 180) ** 0.2 - 1), rel=1e-12)
    assert low <= 100 * ((115 / 185) ** 0.2 - 1) <= low + 1e-9
    assert high - 1e-9 <= 100 * ((125 / 175) ** 0.2 - 1) <= high
    # "up to" reaches zero only in the hedge tier: the rounding tier is at 150 itself,
    # and the hedged range runs down to a fall of 100%
    result = calculate("cagr(100 USD, up to 150 USD, 3)")
    assert not result.diagnostics and result.value is not None
    assert float(result.value.central) == pytest.approx(100 * (1.5 ** (1 / 3) - 1))
    assert result.value.hedged.lo == -100


@pytest.mark.parametrize(("text", "want"), [
    ("possible_share(51%, 20)", Fraction(50)),          # 50% and 55%: 50 is nearer
    ("possible_share(at least 51%, 20)", Fraction(55)),  # a bound: the possible 55%
    ("possible_share(about 51%, 20)", Fraction(50)),    # within "about"'s hedge
    ("possible_share(up to 51%, 20)", Fraction(50)),
    ("grim(more than 5.18, 28)", Fraction(146, 28)),    # 145/28 = 5.179 is not above
    ("grim(5.18, 28)", Fraction(145, 28)),
    ("grim(5.18, 28, 2)", Fraction(290, 56)),
])
def test_granular_functions_answer_within_the_rounding_then_the_hedge(
        text: str, want: Fraction) -> None:
    result = calculate(text)
    assert not result.diagnostics and result.value is not None
    assert result.value.central == want


def test_a_possible_share_of_a_bound_is_consistent() -> None:
    # "at least 51% of 20 people": 11 people are 55%, which is at least 51%
    assert calculate("possible_share(at least 51%, 20) == at least 51%").verdict == \
        "consistent"
    assert calculate("possible_share(51%, 23) == 51%").verdict == "inconsistent"


def test_inflate_uses_the_bundled_table_and_says_so() -> None:
    result = calculate("inflate($100 million @ 2019, 2024)")
    assert result.value is not None
    assert result.value.central == Fraction(100_000_000) * Fraction("313.689") / Fraction(
        "255.657")
    assert any("CPI-U" in n and "2019" in n and "2024" in n for n in result.notes)
    (d,) = calculate("inflate(€100 million @ 2019, 2024)").diagnostics
    assert d.code == "dimension-mismatch" and "exchange rate" in (d.hint or "")
    (d,) = calculate("inflate($1 @ 1990, 2024)").diagnostics
    assert d.code == "out-of-range"


@pytest.mark.parametrize(("text", "expected"), [
    ("compound(6.0%, 6.6%) == 13.1%", "within_rounding"),   # right, within rounding
    ("6.0% + 6.6% == 13.1%", "inconsistent"),               # adding rates is wrong
    ("possible_share(52%, 25) == 52%", "consistent"),       # 13/25
    ("possible_share(51%, 25) == 51%", "inconsistent"),     # no k/25 rounds to 51%
    ("grim(5.19, 28) == 5.19", "inconsistent"),
    ("grim(3.45, 10, 2) == 3.45", "consistent"),
    ("400 cases / 100 cases == three times more", "consistent"),  # read as 4 times
    # a bound read the other way moves with it: under 4 times as much (it was judged as
    # the value 4, within its hedge, and shown against the bound it no longer was)
    ("35 / 9 == under 3 times more", "consistent"),
    ("35 / 9 == less than 3 times more", "consistent"),
    ("45 / 9 == under 3 times more", "inconsistent"),  # 5: under neither 3 nor 4
    ("25 / 5 == more than 3 times more", "consistent"),
    ("1 / 3 == 0.333", "consistent"),  # a bare number on the stated side keeps its precision
])
def test_verdicts_at_the_edges(text: str, expected: str) -> None:
    assert verdict(text) == expected


def test_percent_and_points_do_not_mix() -> None:
    # a percentage stated where the arithmetic gives points (or the reverse) is a finding
    result = calculate("pct_change(6.1%, 7.35%) == 1.25 percentage points")
    assert result.verdict == "inconsistent" and not result.diagnostics
    assert "a number of percentage points" in (result.explanation or "")
    assert any("pp_change" in n for n in result.notes)
    (d,) = calculate("pp_change(6.1 t, 7.35 t)").diagnostics
    assert d.code == "dimension-mismatch"


@pytest.mark.parametrize(("text", "code"), [
    ("annualize(1%, 12.5)", "expression-syntax"),
    ("compound(6 t)", "dimension-mismatch"),
    ("cagr(0 USD, 5 USD, 3)", "division-by-zero"),
    ("share(1 t)", "expression-syntax"),
    ("possible_share(5 t, 10)", "dimension-mismatch"),
])
def test_function_errors(text: str, code: str) -> None:
    (d,) = calculate(text).diagnostics
    assert d.code == code


def test_every_function_is_documented() -> None:
    page = (ROOT / "docs" / "functions.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`(\w+)\(", page))
    assert set(ARITY) <= documented, sorted(set(ARITY) - documented)


def test_pct_change_counts_the_old_value_once() -> None:
    """(new - old) / old with old's rounding twice would reach -12.2%; new / old - 1 gives
    the true range: 935 / 1,050 - 1 to 945 / 950 - 1."""
    from claimcheck.checking.calc import calculate

    result = calculate("pct_change(1000 t, 940 t)")
    assert result.value is not None
    assert result.value.rounding.lo == (Fraction(935, 1050) - 1) * 100
    assert result.value.rounding.hi == (Fraction(945, 950) - 1) * 100


@pytest.mark.parametrize(("text", "message"), [
    ("grim(5.19, 0)", "the number of respondents must be a whole number from 1"),
    ("grim(5.19, 28, 0)", "the number of items must be a whole number from 1"),
    ("possible_share(51%, 0)", "the number of people must be a whole number from 1"),
    ("possible_share(51%, -3)", "the number of people must be a whole number from 1"),
    ("possible_share(151%, 23)", "a share of people is 0% to 100%"),
    ("possible_share(51%, 10000000000)", "from 1 to 1,000,000,000"),
    ("annualize(1%, 0)", "the number of periods in a year must be a whole number from 1"),
    ("annualize(1%, 400)", "a year has at most 366 periods"),
    ("annualize(-100%, 52)", "cannot be compounded"),
])
def test_functions_refuse_inputs_outside_their_domain(text: str, message: str) -> None:
    from claimcheck.checking.calc import calculate

    (d,) = calculate(text).diagnostics
    assert d.code == "out-of-range" and message in d.message


def test_granularity_of_a_million_people_is_computed_not_searched() -> None:
    from claimcheck.checking.calc import calculate

    # 1,000,000 people give shares in steps of 0.0001%: 51.23456% is not one of them
    result = calculate("possible_share(51.23456%, 1000000)")
    assert result.value is not None and result.value.central == Fraction(512346, 10000)
    result = calculate("possible_share(51.2346%, 1000000)")
    assert result.value is not None and result.value.central == Fraction(512346, 10000)


@pytest.mark.parametrize(("text", "expected"), [
    # weekly and daily rates compound past the grammar's power limit of 12
    ("annualize(exactly 0.5%, 52)", (Fraction(1005, 1000) ** 52 - 1) * 100),
    ("annualize(exactly 0.1%, 365)", (Fraction(1001, 1000) ** 365 - 1) * 100),
])
def test_annualize_compounds_weekly_and_daily_rates(text: str, expected: Fraction) -> None:
    from claimcheck.checking.calc import calculate

    result = calculate(text)
    assert result.value is not None and result.value.central == expected


def test_a_bound_read_the_other_way_is_explained_and_shown_as_judged() -> None:
    """'under 3 times more' kept as 'under 4 times as much': the sentence and the
    meaning say 4, and the digits are those that show that verdict (3.89, not 3.889)."""
    result = calculate("35 / 9 == under 3 times more")
    assert result.stated_meaning == "less than 4 times"
    assert "means less than 4 times" in (result.explanation or "")
    assert result.computed is not None and result.computed.digits == 3
