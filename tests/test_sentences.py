"""The sentence each verdict comes with, word for word where a word carries meaning: the
plural of the inputs' hedges, quotes only around a stated figure, a gap of exactly one
percentage point (mutation testing found each unchecked)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from claimcheck.checking.engine import check_text
from claimcheck.checking.verdicts import Gap

BODY = """source: {publisher: P, title: T, url: u, published: 2024-01-02}
figures:
  coal: {stated: about 3.7 million t}
  ship: {stated: "about 10,000 t"}
  ship2: {stated: "roughly 10,000 t"}
  trips: {stated: more than 400 voyages}
  n: {stated: 371 voyages}
  old: {stated: 38%}
  new: {stated: 42%}
  share: {stated: 3%}
checks:
  - {id: one-hedge, claim: x, assert: coal / ship == trips}
  - {id: two-hedges, claim: x, assert: coal / ship2 == trips}
  - {id: expression, claim: x, assert: coal / ship == n + n}
  - {id: one-point, claim: x, assert: new - old == share}
"""

WANT = {
    "one-hedge": "coal / ship = 3.7 million t / 10,000 t = 370 voyages (347 voyages to 395 "
                 "voyages); stated 'more than 400 voyages' means more than 400 voyages: it "
                 "holds only through the inputs' hedge 'about'",
    "two-hedges": "coal / ship2 = 3.7 million t / 10,000 t = 370 voyages (347 voyages to 395 "
                  "voyages); stated 'more than 400 voyages' means more than 400 voyages: it "
                  "holds only through the inputs' hedges 'about', 'roughly'",
    "expression": "coal / ship = 3.7 million t / 10,000 t = 370 voyages (347 voyages to 395 "
                  "voyages); n + n is 742 voyages by its rounding: they do not meet, even "
                  "allowing for rounding and hedges (50.1% apart)",
    "one-point": "new - old = 42% - 38% = 4% (3% to 5%); stated '3%' is 2.5% to 3.5% by its "
                 "rounding: the two meet only at the edge of rounding (1 percentage point "
                 "apart)",
}


@pytest.mark.parametrize("check_id", sorted(WANT))
def test_the_sentence_says_it_exactly(check_id: str) -> None:
    checks = {c.id: c for c in check_text("sentences.yaml", BODY).checks}
    assert checks[check_id].explanation == WANT[check_id]


@pytest.mark.parametrize(("gap", "words"), [
    (Gap(Fraction(1), "pp"), "1 percentage point"),
    (Gap(Fraction(-1), "pp"), "1 percentage point"),
    (Gap(Fraction(2), "pp"), "2 percentage points"),
    (Gap(Fraction(-1, 20), "relative"), "5%"),
])
def test_a_gap_in_words(gap: Gap, words: str) -> None:
    assert gap.describe() == words


IN_UNIT = ("'in UNIT' converts a side to a unit of the same kind (t in kg, USD/t in USD/kg); "
           "remove it or name a unit this side can be shown in")
UNBOUNDED = ("with its hedges the recomputed value has no {} limit (it rests on a figure "
             "stated as a bound, such as 'more than ...', or on a divisor stated 'up to ...' "
             "that can reach zero), so the hedge tier meets almost any stated value: its "
             "rounding range is the informative one")


def test_an_in_unit_a_side_cannot_be_shown_in_is_an_error() -> None:
    from claimcheck.checking.calc import calculate

    (d,) = calculate("3.7 million t / 10,000 t == 370 in USD").diagnostics
    assert (d.code, d.message, d.hint) == (
        "dimension-mismatch", "a pure number cannot be shown in USD", IN_UNIT)


@pytest.mark.parametrize(("expression", "side"), [
    ("5 t - more than 3 t == 1 t", "lower"),
    ("5 t + more than 3 t == 9 t", "upper"),
    ("exactly 100 t / up to 2 == 50 t", "upper"),
])
def test_an_unbounded_hedge_tier_is_said_which_way(expression: str, side: str) -> None:
    from claimcheck.checking.calc import calculate

    assert UNBOUNDED.format(side) in calculate(expression).notes
