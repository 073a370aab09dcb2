"""Every way a newsroom function refuses its arguments: the code, the message and the
hint a fact-checker reads, one row per refusal (mutation testing found these unchecked).
"""

from __future__ import annotations

import pytest

from claimcheck.checking.calc import calculate

PEOPLE = "possible_share(23%, 40): can 40 people give 23%?"
RESPONDENTS = "grim(5.19, 28): can 28 whole answers average 5.19?"
PERIODS = "annualize(0.5%, 12): a monthly rate over the 12 months of a year"
YEARS = "write it as digits, e.g. 5, or as a duration such as 5 years"
COMPOUNDING = "a fall of 100% leaves nothing: check the sign and the unit"
PP = "for a relative change of any figure use pct_change(old, new)"
RATES = "write rates as percentages, e.g. 6.0%"
WHOLE = "write it as digits, e.g. 12"
BILLION = "1,000,000,000"

ROWS = [
    ("pp_change(5, 7%)", "dimension-mismatch",
     "pp_change needs two percentages; old is a pure number", PP),
    ("pp_change(5%, 7 t)", "dimension-mismatch",
     "pp_change needs two percentages; new is t (mass)", PP),
    ("annualize(1%, 400)", "out-of-range", "a year has at most 366 periods (daily), not 400",
     PERIODS),
    ("annualize(1%, 2.5)", "expression-syntax",
     "the number of periods in a year must be a whole number written plainly", WHOLE),
    ("annualize(1%, 0)", "out-of-range",
     f"the number of periods in a year must be a whole number from 1 to {BILLION}, not 0",
     PERIODS),
    ("annualize(-100%, 12)", "out-of-range", "a rate of -100% or less cannot be compounded",
     COMPOUNDING),
    ("annualize(-0.5%, 400)", "out-of-range",
     "a year has at most 366 periods (daily), not 400", PERIODS),
    ("compound(-150%, 5%)", "out-of-range", "a rate of -100% or less cannot be compounded",
     COMPOUNDING),
    ("compound(5%, 5 t)", "dimension-mismatch",
     "a rate must be a percentage or a pure number, not t (mass)", RATES),
    ("cagr(100 USD, 150 USD, 0)", "expression-syntax", "the number of years must be positive",
     YEARS),
    ("cagr(100 USD, 150 USD, -3)", "expression-syntax",
     "the number of years must be positive", YEARS),
    ("cagr(100 USD, 150 USD, 5 t)", "dimension-mismatch",
     "the number of years must be a number or a duration, not t (mass)", YEARS),
    ("cagr(100 USD, 150 USD, 2 voyages)", "dimension-mismatch",
     "the number of years must be a number or a duration, not voyages (a pure number)",
     YEARS),
    ("cagr(100 USD, 150 USD, 5%)", "dimension-mismatch",
     "the number of years must be a number or a duration, not % (a pure number)", YEARS),
    ("cagr(-100 USD, 150 USD, 3)", "out-of-range",
     "end / start must stay above zero to take a root",
     "a growth rate needs a start and an end above zero"),
    ("cagr(1 USD, 10 USD, 0.0001)", "out-of-range",
     "end / start to the power 1/0.0001 is beyond what claimcheck computes with "
     "(10^-100 to 10^100)",
     "check the number of years: a compound rate over a tiny span explodes"),
    ("cagr(100 USD, 150 t, 3)", "dimension-mismatch",
     "the start value is USD (money), but t (mass) is needed",
     "check that both sides measure the same thing (mass with mass, money with money)"),
    ("possible_share(5 t, 20)", "dimension-mismatch", "possible_share needs a percentage",
     PEOPLE),
    ("possible_share(120%, 20)", "out-of-range", "a share of people is 0% to 100%, not 120%",
     PEOPLE),
    ("possible_share(51%, 0)", "out-of-range",
     f"the number of people must be a whole number from 1 to {BILLION}, not 0", PEOPLE),
    ("possible_share(51%, 2.5)", "expression-syntax",
     "the number of people must be a whole number written plainly", WHOLE),
    ("grim(5.18, 0)", "out-of-range",
     f"the number of respondents must be a whole number from 1 to {BILLION}, not 0",
     RESPONDENTS),
    ("grim(5.18, 28, 0)", "out-of-range",
     f"the number of items must be a whole number from 1 to {BILLION}, not 0", RESPONDENTS),
    ("inflate(100 EUR @ 2019, 2024)", "dimension-mismatch",
     "inflate() uses the US CPI-U: the amount must be in USD, not EUR (money)",
     "convert with a dated, cited exchange rate declared as an assumption"),
    ("inflate(100 USD @ 1800, 2024)", "out-of-range", "the bundled CPI-U table has no 1800",
     "years 2000 to 2024"),
    ("inflate(100 USD @ 2019, 2999)", "out-of-range", "the bundled CPI-U table has no 2999",
     "years 2000 to 2024"),
    ("percent_of(5 t, 100 t)", "dimension-mismatch",
     "the percentage must be a percentage or a pure number, not t (mass)", RATES),
    ("share(5 t, 10 USD)", "dimension-mismatch",
     "the whole is USD (money), but t (mass) is needed",
     "check that both sides measure the same thing (mass with mass, money with money)"),
    ("pct_change(5 t, 6 USD)", "dimension-mismatch",
     "old is t (mass), but USD (money) is needed",
     "check that both sides measure the same thing (mass with mass, money with money)"),
    ("min(1 t)", "expression-syntax", "min() takes 2 or more arguments, not 1", "min(a, b, ...)"),
    ("cagr(100 USD, 150 USD)", "expression-syntax", "cagr() takes 3 arguments, not 2",
     "cagr(start, end, years)"),
]


@pytest.mark.parametrize(("expression", "code", "message", "hint"), ROWS,
                         ids=[row[0] for row in ROWS])
def test_each_refusal_says_what_and_how_to_fix_it(expression: str, code: str, message: str,
                                                  hint: str) -> None:
    (diagnostic,) = calculate(expression).diagnostics
    assert (diagnostic.code, diagnostic.message, diagnostic.hint) == (code, message, hint)


@pytest.mark.parametrize(("expression", "central", "hedged_low"), [
    # a hedge that reaches a fall of more than 100% stops at a total loss (-100%)
    ("annualize(about -95%, 2)", -99.75, -100.0),
    ("compound(nearly -95%)", -95.0, -95.5),
    ("cagr(100 USD, 150 USD, 24 months)", 100 * (1.5 ** 0.5 - 1), None),
    ("cagr(100 USD, 150 USD, 0.5)", 125.0, None),  # half a year: 1.5 squared
])
def test_hedges_and_durations_reach_a_result(expression: str, central: float,
                                             hedged_low: float | None) -> None:
    result = calculate(expression)
    assert not result.diagnostics and result.value is not None
    assert float(result.value.central) == pytest.approx(central)
    if hedged_low is not None:
        assert float(result.value.hedged.lo) == pytest.approx(hedged_low)


@pytest.mark.parametrize(("expression", "unit"), [
    # a round base of 100 or more gives the rate in that base's unit ("per 100,000")
    ("per(1 people, 10 people, 100)", "per 100"),
    ("per(5 people, 1000 people, 1000)", "per 1,000"),
    # any other base multiplies: 7, 150, 1000.5, a hedged 1000
    ("per(5 people, 100 people, 7)", ""),
    ("per(5 people, 100 people, 150)", ""),
    ("per(5 people, 1000 people, 1000.5)", ""),
    ("per(5 people, 1000 people, about 1000)", ""),
])
def test_per_uses_a_round_base_as_its_unit(expression: str, unit: str) -> None:
    result = calculate(expression)
    assert not result.diagnostics and result.value is not None
    assert result.value.unit == unit
