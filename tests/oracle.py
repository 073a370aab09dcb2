"""An independent oracle for the property tests: the reading rules and the verdict ladder
as docs/claim-format.md states them, written again from the text of the rules, and
interval results found by brute force over dense grids of exact points.

Nothing here imports claimcheck: a test compares claimcheck's answer with this one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fractions import Fraction
from itertools import product

SCALES = {"": 1, "thousand": 10**3, "million": 10**6, "billion": 10**9}

#: the documented widening of the hedges the generated figures use (claim-format.md's
#: hedge table): "about" is 10% beyond rounding either way, "nearly" 10% towards zero
APPROXIMATE = ("about", "around", "roughly", "approximately", "some", "an estimated")
BELOW = ("nearly", "almost")
UPWARD_BOUNDS = {"more than": True, "over": True, "at least": False}  # word -> strict
DOWNWARD_BOUNDS = {"less than": True, "under": True, "up to": False, "at most": False}
WIDEN = Fraction(1, 10)


@dataclass(frozen=True)
class Expected:
    """What a figure as written states: its central value, its rounding interval, its
    hedged interval, and for a bound the region (lo, hi, lo_open, hi_open)."""

    central: Fraction
    rounding: tuple[Fraction, Fraction]
    hedged: tuple[Fraction | None, Fraction | None]  # None: unbounded that way
    region: tuple[Fraction | None, Fraction | None, bool, bool] | None = None


def half_unit(number: str, scale: int) -> Fraction:
    """Rule 1 of claim-format.md, from the digits as written: digits after a decimal
    point are all significant (3.70 is ±0.005); an integer's trailing zeros, those of its
    scale word included, are significant down to its second significant figure
    (10,000 is ±500, 70 is ±0.5, 1 million is ±50,000, 370 is ±5)."""
    digits = number.replace(",", "")
    if "." in digits:
        decimals = len(digits.split(".")[1])
        return Fraction(scale, 10**decimals) / 2
    whole = str(int(digits) * scale)
    trailing_zeros = len(whole) - len(whole.rstrip("0"))
    place = 0 if len(whole) < 2 else min(trailing_zeros, len(whole) - 2)
    return Fraction(10**place) / 2


def expected(hedge: str, number: str, scale_word: str, percent: bool = False) -> Expected:
    scale = SCALES[scale_word]
    central = Fraction(number.replace(",", "")) * scale
    h = half_unit(number, scale)
    if percent:  # "a percentage is never read rounder than ±5 points (1,000%)"
        h = min(h, Fraction(5))
    lo, hi = central - h, central + h
    if hedge == "":
        return Expected(central, (lo, hi), (lo, hi))
    if hedge in APPROXIMATE:
        return Expected(central, (lo, hi), (lo - WIDEN * abs(lo), hi + WIDEN * abs(hi)))
    if hedge in BELOW:  # the generated figures are positive: towards zero is downwards
        return Expected(central, (lo, hi), (lo - WIDEN * abs(lo), hi))
    if hedge in UPWARD_BOUNDS:  # a bound is at the stated number itself, not its rounding
        return Expected(central, (central, central), (central, None),
                        (central, None, UPWARD_BOUNDS[hedge], False))
    strict = DOWNWARD_BOUNDS[hedge]
    return Expected(central, (central, central), (Fraction(0), central),
                    (None, central, False, strict))


# --- brute force over exact points ---------------------------------------------------


def grid(lo: Fraction, hi: Fraction, n: int = 8) -> list[Fraction]:
    """n + 1 evenly spaced exact points from lo to hi, both ends included."""
    return [lo + (hi - lo) * Fraction(i, n) for i in range(n + 1)]


def image(op: Callable[[Fraction, Fraction], Fraction], xs: Iterable[Fraction],
          ys: Iterable[Fraction]) -> tuple[Fraction, Fraction]:
    """The smallest and largest of op(x, y) over every pair of sample points."""
    values = [op(x, y) for x, y in product(xs, ys)]
    return min(values), max(values)


def meets(a: tuple[Fraction, Fraction], b: tuple[Fraction, Fraction]) -> bool:
    """Whether two closed intervals share a point, found by looking for one: a sample
    point of either that lies in both (an overlap always holds an end of one of them)."""
    points = [*grid(*a, 4), *grid(*b, 4)]
    return any(a[0] <= p <= a[1] and b[0] <= p <= b[1] for p in points)


def ladder(computed_central: Fraction, computed_rounding: tuple[Fraction, Fraction],
           computed_hedged: tuple[Fraction, Fraction], stated_rounding: tuple[Fraction, Fraction],
           stated_hedged: tuple[Fraction, Fraction]) -> str:
    """The verdict ladder for `recomputed == stated value`, from the README's wording."""
    if stated_rounding[0] <= computed_central <= stated_rounding[1]:
        return "consistent"
    if meets(computed_rounding, stated_rounding):
        return "within_rounding"
    if meets(computed_hedged, stated_hedged):
        return "within_hedge"
    return "inconsistent"


_RELATIONS: dict[str, Callable[[Fraction, Fraction], bool]] = {
    "<": lambda x, y: x < y, "<=": lambda x, y: x <= y,
    ">": lambda x, y: x > y, ">=": lambda x, y: x >= y}


def relation_ladder(relation: str, computed: tuple[Fraction, tuple[Fraction, Fraction],
                                                   tuple[Fraction, Fraction]],
                    stated: tuple[Fraction, tuple[Fraction, Fraction],
                                  tuple[Fraction, Fraction]]) -> str:
    """The ladder for `recomputed < stated` (and <=, >, >=), each tier by looking for a
    witness: a pair of sample points, one from each side's interval, that satisfies it."""
    holds = _RELATIONS[relation]
    if holds(computed[0], stated[0]):
        return "consistent"
    for tier, verdict in ((1, "within_rounding"), (2, "within_hedge")):
        xs, ys = grid(*computed[tier], 4), grid(*stated[tier], 4)  # type: ignore[misc]
        if any(holds(x, y) for x, y in product(xs, ys)):
            return verdict
    return "inconsistent"
