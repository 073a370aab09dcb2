"""Edge rows (issue 14): every relation with equal and touching values, bounds at the
stated number, hedges on negative figures, percentages at and above 100%.  The expected
verdicts were written down from the reading rules (docs/claim-format.md) before the rows
were run; a row where the tool and that reasoning differ is kept as a strict xfail with
the question it raises, not tuned away."""

from __future__ import annotations

import pytest

from claimcheck.checking.calc import calculate

ROWS = [
    # equal exact values under every relation
    ("exactly 5 t < exactly 5 t", "inconsistent"),
    ("exactly 5 t <= exactly 5 t", "consistent"),
    ("exactly 5 t > exactly 5 t", "inconsistent"),
    ("exactly 5 t >= exactly 5 t", "consistent"),
    ("exactly 5 t == exactly 5 t", "consistent"),
    ("exactly 5 t == exactly 6 t", "inconsistent"),
    # touching: a rounding range that ends where the other value is
    ("5 t == 6 t", "within_rounding"),              # 4.5-5.5 meets 5.5-6.5 at 5.5
    ("exactly 5 t < 5 t", "within_rounding"),        # 5 < anything in 5-5.5
    ("exactly 5.5 t < 5 t", "inconsistent"),         # 5.5 is not below 5.5
    ("exactly 5.5 t <= 5 t", "within_rounding"),     # ... but is at most 5.5
    ("exactly 4.5 t >= 5 t", "within_rounding"),
    ("exactly 4.5 t > 5 t", "inconsistent"),
    # bounds sit at the stated number, strict or not
    ("exactly 80% == more than 80%", "inconsistent"),
    ("exactly 80% == at least 80%", "consistent"),
    ("exactly 80% == less than 80%", "inconsistent"),
    ("exactly 80% == at most 80%", "consistent"),
    ("exactly 80.1% == more than 80%", "consistent"),
    ("exactly 79.9% == less than 80%", "consistent"),
    ("80% == more than 80%", "within_rounding"),     # only part of 79.5-80.5 is above 80
    # hedges on negative figures: 'nearly' widens towards zero, 'about' both ways
    ("exactly -50% == nearly -50%", "consistent"),
    ("exactly -46% == nearly -50%", "within_hedge"),
    ("exactly -54% == nearly -50%", "inconsistent"),  # a fall of 54% is not nearly 50%
    ("exactly -46% == about -50%", "within_hedge"),
    ("exactly -54% == about -50%", "within_hedge"),
    # percentages at and above 100%
    ("exactly 150% == 150%", "consistent"),
    ("exactly 100% == nearly 100%", "consistent"),
    ("pct_change(exactly 10 t, exactly 22 t) == 120%", "consistent"),
    pytest.param("exactly 105% == nearly 100%", "inconsistent", marks=pytest.mark.xfail(
        strict=True, reason="open question: '100%' reads 95% to 105% by the two-figure "
        "rule and 'nearly' only widens downwards, so 105% is at the edge of the rounding; "
        "a careful reader takes 'nearly 100%' as not reaching 100%. Needs published "
        "claims before the rule changes (docs/claim-format.md)")),
]


@pytest.mark.parametrize(("expression", "verdict"), ROWS)
def test_edge_rows(expression: str, verdict: str) -> None:
    result = calculate(expression)
    assert result.diagnostics == ()
    assert result.verdict == verdict


HEDGE_DESCRIPTIONS = {
    "about": "±10% beyond rounding",
    "nearly": "up to 10% towards zero beyond rounding",
    "more than": "above the stated number itself; no upper limit",
    "at least": "the stated number itself or more; no upper limit",
    "less than": "below the stated number itself",
    "up to": "the stated number itself or less",
    "just over": "above the stated number, by at most 10%",
    "just under": "below the stated number, by at most 10%",
    "well over": "above the stated number by more than 10%",
    "well under": "below the stated number by more than 10%",
    "a full": "never below the stated number itself",
    "exactly": "no rounding allowance",
    "several": "a count from 3 to 9",
}


@pytest.mark.parametrize(("words", "meaning"), HEDGE_DESCRIPTIONS.items())
def test_each_hedge_kind_says_what_it_allows(words: str, meaning: str) -> None:
    """The hedge table's wording (docs, explain): one row per kind."""
    from claimcheck.reading.hedges import DEFAULT_HEDGES

    assert DEFAULT_HEDGES[words].describe() == meaning


def test_up_to_zero_is_zero() -> None:
    from claimcheck.reading.cursor import ReadContext
    from claimcheck.reading.figures import read_figure

    hedged = read_figure("up to 0 t", ReadContext()).quantity.hedged
    assert (hedged.lo, hedged.hi) == (0, 0)
