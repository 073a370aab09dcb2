"""How tightly each operator binds, against pint's parser and numbat's grammar.

claimcheck follows numbat (book/src/basics/operations.md, "Operations and precedence")
and GNU units, where a number and its unit are one quantity that binds tighter than '/':
`50 cm / 2 m` is 50 cm / (2 m), so "$370 million / 3.7 million t" means what it says.
pint differs there (left to right: its `1/2 km` is 0.5 km); the table records both, so a
change of claimcheck's grammar has to face the peers it departs from.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from claimcheck.checking.calc import calculate

# expression, claimcheck's exact value, its unit, numbat's reading, pint's reading
BINDING = [
    ("exactly 3 km^2 in ha", "300", "ha", "3 km² = 300 ha", "3 km**2 = 300 ha"),
    ("exactly 3 km**2 in ha", "300", "ha", "3 km² = 300 ha", "3 km**2 = 300 ha"),
    ("(exactly 3 km)^2 in km^2", "9", "km²", "9 km²", "9 km**2"),
    ("exactly 353 billion ft^3 in km^3", "9.995846846976", "km³", "9.996 km³", "9.996 km**3"),
    ("exactly 10 m/s^2", "10", "m/s²", "10 m/s²", "10 m/s**2"),
    ("-2^2", "-4", "", "-4", "-4"),
    ("(-2)^2", "4", "", "4", "4"),
    ("2^-1", "1/2", "", "0.5", "0.5"),
    ("2*3^2", "18", "", "18", "18"),
    ("1/2 km", "1/2", "per km", "1/(2 km)", "0.5 km (left to right)"),
    ("1/(2 km)", "1/2", "per km", "0.5 km⁻¹", "0.5 km⁻¹"),
    ("exactly 5 t/2 h", "5/2", "t/h", "5 t/(2 h)", "2.5 t·h (left to right)"),
    ("exactly 5 t/(2 h)", "5/2", "t/h", "2.5 t/h", "2.5 t/h"),
    ("6/2*3", "9", "", "9", "9"),
    ("6/(2*3)", "1", "", "1", "1"),
    ("1 - 2 - 3", "-4", "", "-4", "-4"),
    ("2 + 3 * 4", "14", "", "14", "14"),
    ("exactly 2 t * 3", "6", "t", "6 t", "6 t"),
    ("-exactly 2 t + exactly 5 t", "3", "t", "3 t", "3 t"),
    ("exactly 1 t per h", "1", "t/h", "1 t/h", "1 t/h"),
    ("exactly 100 km/h in m/s", "250/9", "m/s", "27.78 m/s", "27.78 m/s"),
]


@pytest.mark.parametrize(("text", "value", "unit", "numbat", "pint"), BINDING,
                         ids=[row[0] for row in BINDING])
def test_operator_binding(text: str, value: str, unit: str, numbat: str, pint: str) -> None:
    result = calculate(text)
    assert not result.diagnostics, result.diagnostics
    assert result.value is not None
    assert (result.value.central, result.value.unit) == (Fraction(value), unit)


def test_a_power_of_a_power_is_refused_not_guessed() -> None:
    (d,) = calculate("2^3^2").diagnostics
    assert d.code == "expression-syntax" and "ambiguous" in d.message


def test_a_unit_after_a_parenthesis_asks_for_an_operator() -> None:
    (d,) = calculate("(1/2) km").diagnostics
    assert d.hint is not None and "operator" in d.hint


@pytest.mark.parametrize(("text", "verdict", "unit"), [
    # the difference of two percentages is a number of percentage points
    ("42% - 38% == 4 percentage points", "consistent", "pp"),
    ("42% - 38% == 4 pp", "consistent", "pp"),
    ("42% - 38% == 6 pp", "inconsistent", "pp"),
    ("42% - 38% == 4%", "consistent", "%"),  # the same difference, written in percent
    # points added to (or taken from) a percentage give a percentage
    ("38% + 4 pp == 42%", "consistent", "%"),
    ("4 pp + 38% == 42%", "consistent", "%"),
    ("42% - 4 pp == 38%", "consistent", "%"),
])
def test_percentage_point_arithmetic(text: str, verdict: str, unit: str) -> None:
    result = calculate(text)
    assert not result.diagnostics, result.diagnostics
    assert result.verdict == verdict, result.explanation
    assert result.computed is not None and result.computed.unit == unit


def test_a_difference_of_percentages_says_it_was_read_as_points() -> None:
    result = calculate("42% - 38% == 4 percentage points")
    assert any("difference of two percentages" in n for n in result.notes)
    shown = calculate("42% - 38% in pp")
    assert shown.value is not None and (shown.value.central, shown.value.unit) == (4, "pp")


@pytest.mark.parametrize("text", [
    "42% in pp",               # one percentage is not a number of points
    "(42% - 38%) * 2 in pp",   # only a difference itself is read as points
    "4 pp - 38%",              # points less a percentage means nothing
])
def test_percent_and_points_stay_apart_elsewhere(text: str) -> None:
    (d,) = calculate(text).diagnostics
    assert d.code == "dimension-mismatch"
    assert d.hint is not None and "percentage points" in d.hint
