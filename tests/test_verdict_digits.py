"""The digits a check is shown with, against a brute-force oracle (issue 9, and the early
stop added for speed in issue 12): from the count ``verdict_digits`` answers up to the
most claimcheck ever shows, the numbers as shown, parsed back and judged, give the exact
verdict at every count; and one count fewer would not (the answer is the fewest)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.checking.report import Shown
from claimcheck.checking.verdicts import _as_shown, judge, verdict_digits
from claimcheck.quantities import formatting as fmt
from claimcheck.quantities.intervals import INF, Interval, Region

RELATIONS = ["==", "<", "<=", ">", ">="]


@st.composite
def close_numbers(draw: st.DrawFn) -> Fraction:
    """Numbers that agree to many digits and then differ, some never ending in decimal
    (thirds, sevenths): where display rounding can flip a comparison at any count."""
    base = Fraction(draw(st.integers(10**5, 10**6)), 10 ** draw(st.integers(0, 8)))
    nudge = Fraction(draw(st.integers(-50, 50)), draw(st.sampled_from([3, 7, 10, 1000])))
    return base + nudge * base / 10**6


@st.composite
def shown(draw: st.DrawFn, centre: Fraction) -> Shown:
    spread = [abs(draw(close_numbers()) - centre) / 10**draw(st.integers(0, 6))
              for _ in range(4)]
    central = centre + draw(st.sampled_from([0, 1, -1])) * spread[0] / 3
    rounding = Interval(min(central, centre) - spread[1], max(central, centre) + spread[2])
    hedged = Interval(rounding.lo - spread[3] * draw(st.sampled_from([0, 1])), rounding.hi)
    return Shown(central, rounding, hedged, "t")


@st.composite
def checks(draw: st.DrawFn) -> tuple[str, Shown, Shown, tuple[Region, Region] | None]:
    centre = draw(close_numbers())
    computed = draw(shown(centre))
    stated = draw(shown(draw(st.sampled_from([centre, draw(close_numbers())]))))
    relation = draw(st.sampled_from(RELATIONS))
    region = None
    if relation == "==" and draw(st.booleans()):
        at = stated.central
        strict = Region(at, INF, draw(st.booleans()), False)
        loose = Region(stated.hedged.lo, INF, False, False)
        region = (strict, loose)
    return relation, computed, stated, region


def _judged(relation: str, computed: Shown, stated: Shown,
            region: tuple[Region, Region] | None, digits: int) -> object:
    shown_region = None if region is None else (
        fmt.shown_region(region[0], digits), fmt.shown_region(region[1], digits))
    return judge(relation, _as_shown(computed, digits), _as_shown(stated, digits),
                 shown_region)


@settings(max_examples=300, deadline=None)
@given(checks())
def test_every_count_from_the_answer_up_shows_the_verdict_and_none_fewer_does(
        check: tuple[str, Shown, Shown, tuple[Region, Region] | None]) -> None:
    relation, computed, stated, region = check
    verdict = judge(relation, computed, stated, region)
    digits = verdict_digits(verdict, relation, computed, stated, region)
    holds = [_judged(relation, computed, stated, region, d) == verdict
             for d in range(fmt.DEFAULT_DIGITS, fmt.MAX_DIGITS + 1)]
    wanted = next((fmt.DEFAULT_DIGITS + i for i in range(len(holds))
                   if all(holds[i:])), fmt.MAX_DIGITS)
    assert digits == wanted, (digits, wanted, holds)


def test_the_oracle_sees_a_verdict_that_flips_at_a_higher_count() -> None:
    """Guard against an oracle that cannot fail: 280.004 against a stated 280.0035 to
    280.0039 is inconsistent, but looks consistent until six digits are shown."""
    computed = Shown(Fraction("280.004"), Interval.point(Fraction("280.004")),
                     Interval.point(Fraction("280.004")), "t")
    stated = Shown(Fraction("280.0037"), Interval(Fraction("280.0035"), Fraction("280.0039")),
                   Interval(Fraction("280.0035"), Fraction("280.0039")), "t")
    assert judge("==", computed, stated) == "inconsistent"
    assert _judged("==", computed, stated, None, 3) != "inconsistent"
    assert verdict_digits(judge("==", computed, stated), "==", computed, stated) == 7
