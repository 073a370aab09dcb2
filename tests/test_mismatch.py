"""A report that states one kind of quantity where the arithmetic gives another (a total
where a rate was meant) gets an inconsistent finding that names both kinds, never an
error: every part of that finding, checked (mutation testing found it unchecked)."""

from __future__ import annotations

import pytest

from claimcheck.checking.engine import check_text

BODY = """source: {publisher: P, title: T, url: u, published: 2024-01-02}
figures:
  coal: {stated: 3.7 million t}
  voyages: {stated: 370 voyages}
  rate: {stated: 3.7 million t/year}
  old: {stated: 38%}
  new: {stated: 42%}
checks:
  - {id: total-for-rate, claim: x, assert: coal == rate}
  - {id: below, claim: x, assert: coal < rate}
  - {id: count-for-rate, claim: x, assert: voyages == rate}
  - {id: points-for-percent, claim: x, assert: "pp_change(old, new) == 4%"}
"""

WANT = {
    "total-for-rate": (
        "coal = 3.7 million t; stated '3.7 million t/year' is 3.7 million t/year: the "
        "report's figure is a mass per year; the arithmetic gives a mass, so they cannot "
        "agree", ("the two sides measure different things: a mass vs a mass per year",),
        "t", "t/year"),
    "below": (
        "coal = 3.7 million t; stated '3.7 million t/year' is 3.7 million t/year: the "
        "report's figure is a mass per year; the arithmetic gives a mass, so they cannot "
        "be compared", ("the two sides measure different things: a mass vs a mass per year",),
        "t", "t/year"),
    "count-for-rate": (
        "voyages = 370 voyages; stated '3.7 million t/year' is 3.7 million t/year: the "
        "report's figure is a mass per year; the arithmetic gives a count of voyages, so "
        "they cannot agree",
        ("the two sides measure different things: a count of voyages vs a mass per year",),
        "voyages", "t/year"),
    "points-for-percent": (
        "pp_change(old, new) = pp_change(38%, 42%) = 4 pp; stated '4%' is 4%: the report's "
        "figure is a percentage; the arithmetic gives a number of percentage points, so "
        "they cannot agree",
        ("the two sides measure different things: a number of percentage points vs a "
         "percentage",
         "percent and percentage points differ: from 6.1% to 7.35% is a rise of 1.25 "
         "percentage points, pp_change(old, new), but of 20.5%, pct_change(old, new)"),
        "pp", "%"),
}

@pytest.mark.parametrize("check_id", sorted(WANT))
def test_a_unit_mismatch_is_a_finding_that_names_both_kinds(check_id: str) -> None:
    check = {c.id: c for c in check_text("mismatch.yaml", BODY).checks}[check_id]
    explanation, notes, computed_unit, stated_unit = WANT[check_id]
    assert check.verdict == "inconsistent"
    assert check.explanation == explanation
    assert tuple(check.notes) == notes
    assert check.computed is not None and check.stated is not None
    assert (check.computed.unit, check.stated.unit) == (computed_unit, stated_unit)
    assert check.gap is None


def test_arithmetic_on_the_stated_side_is_not_called_the_reports_figure() -> None:
    body = BODY.replace("checks:\n", "checks:\n  - {id: arith, claim: x, "
                                     "assert: coal == rate * 1 year / 1 day}\n")
    (check,) = [c for c in check_text("m.yaml", body).checks if c.id == "arith"]
    assert check.verdict == "inconsistent"
    assert "the stated side's arithmetic gives a mass per day" in check.explanation
    assert "report's figure" not in check.explanation
