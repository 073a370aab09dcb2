"""Property tests for the reading rules of issue 7 (docs/claim-format.md, "How a stated
figure is read"): every claim here is checked against an independent oracle (exact points
sampled densely inside the inputs), never against the formula under test."""

from __future__ import annotations

from fractions import Fraction as F
from itertools import combinations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from claimcheck.checking.report import Shown
from claimcheck.checking.verdicts import judge
from claimcheck.outcomes import Verdict
from claimcheck.quantities import quantity as q
from claimcheck.quantities import unit_math
from claimcheck.quantities.intervals import INF, Interval, Region
from claimcheck.reading.figures import ReadContext, read_figure
from claimcheck.reading.hedges import DEFAULT_HEDGES, HedgeKind
from claimcheck.reading.precision import Mode, of_number
from claimcheck.reading.words import SIMPLE_DENOMINATOR, fraction_interval

CTX = ReadContext()

# --- rule 1: round numbers -----------------------------------------------------------------

whole_numbers = st.builds(
    lambda head, zeros: head * 10**zeros,
    st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9))


@given(whole_numbers)
def test_two_figures_never_looser_than_one_figure_and_always_contains_the_number(n: int) -> None:
    digits = str(n)
    two, one = of_number(digits), of_number(digits, mode=Mode.ONE_FIGURE)
    assert 0 < two.half <= one.half
    significant = digits.rstrip("0")
    if len(significant) == 1 and len(digits) > 1:
        # one significant figure and trailing zeros: the second figure counts
        assert two.half == F(10) ** (len(digits) - 2) / 2
        assert two.coarse_half == one.half == 10 * two.half
    else:
        assert two.coarse_half is None and two.half == one.half


@given(whole_numbers)
def test_a_round_number_is_read_within_five_percent(n: int) -> None:
    # two significant figures: half a unit of the second figure is at most 5% of the number
    assert of_number(str(n)).half <= F(n, 20) or n < 10


@given(st.integers(min_value=1, max_value=9), st.sampled_from(["", " thousand", " million"]))
def test_a_scale_word_adds_trailing_zeros(digit: int, scale: str) -> None:
    r = read_figure(f"{digit}{scale} t", CTX).quantity
    width = r.rounding.hi - r.rounding.lo  # type: ignore[operator]
    if scale:  # "3 million": read to two figures, 2.95 to 3.05 million
        assert width == r.central / digit / 10
    else:      # "3 t": the units digit
        assert width == 1


# --- rule 2: bounds at the stated number ------------------------------------------------------

def shown(lo: F, hi: F, hedge: F = F(0)) -> Shown:
    central = (lo + hi) / 2
    return Shown(central, Interval(lo, hi), Interval(lo - hedge, hi + hedge), "")


bounds = st.fractions(min_value=-100, max_value=100, max_denominator=20)
widths = st.fractions(min_value=0, max_value=30, max_denominator=20)
regions = st.builds(
    lambda x, kind: DEFAULT_HEDGES[kind].region(x),
    bounds, st.sampled_from(["more than", "at least", "under", "up to", "just over",
                             "just under", "well over", "well under", "several"]))


@given(regions, bounds, widths, widths, widths)
def test_widening_the_recomputed_range_never_makes_a_bound_consistent_or_inconsistent(
        region: tuple[Region, Region], lo: F, width: F, more: F, hedge: F) -> None:
    narrow = judge("==", shown(lo, lo + width, hedge), shown(F(0), F(0)), region)
    wide = judge("==", shown(lo - more, lo + width + more, hedge), shown(F(0), F(0)), region)
    # more uncertainty can only move a verdict towards the middle of the ladder
    if wide is Verdict.CONSISTENT:
        assert narrow is Verdict.CONSISTENT
    if wide is Verdict.INCONSISTENT:
        assert narrow is Verdict.INCONSISTENT


@given(regions, bounds, widths)
def test_bound_verdicts_agree_with_sampled_points(region: tuple[Region, Region], lo: F,
                                                  width: F) -> None:
    strict, _ = region
    points = [lo + width * F(k, 40) for k in range(41)]  # dense exact points of the range
    verdict = judge("==", shown(lo, lo + width), shown(F(0), F(0)), region)
    holds = [strict.contains(p) for p in points]
    if verdict is Verdict.CONSISTENT:
        assert all(holds)
    if any(holds):
        assert verdict in (Verdict.CONSISTENT, Verdict.WITHIN_ROUNDING)
    if verdict is Verdict.INCONSISTENT:
        assert not any(holds)


@pytest.mark.parametrize("phrase", ["more than", "over", "exceeds", "under", "less than"])
def test_strict_bounds_exclude_the_stated_number(phrase: str) -> None:
    rule = DEFAULT_HEDGES[phrase]
    strict, _ = rule.region(F(80))
    assert not strict.contains(F(80))
    assert rule.kind in (HedgeKind.MORE_THAN, HedgeKind.LESS_THAN)


@pytest.mark.parametrize("phrase", ["at least", "no less than", "up to", "at most"])
def test_inclusive_bounds_include_the_stated_number(phrase: str) -> None:
    strict, _ = DEFAULT_HEDGES[phrase].region(F(80))
    assert strict.contains(F(80))


# --- rule 4: fractions --------------------------------------------------------------------------

SIMPLE = sorted({F(p, d) for d in range(1, SIMPLE_DENOMINATOR + 1) for p in range(d + 1)})


def test_neighbouring_simple_fractions_never_overlap_and_stay_within_a_whole() -> None:
    spans = {x: fraction_interval(x.numerator, x.denominator)[0] for x in SIMPLE}
    for x, span in spans.items():
        assert 0 <= span.lo <= x * 100 <= span.hi <= 100  # type: ignore[operator]
    for a, b in combinations(SIMPLE, 2):
        low, high = (spans[a], spans[b]) if a < b else (spans[b], spans[a])
        assert low.hi <= high.lo  # touching at a midpoint at most


@given(st.integers(min_value=1, max_value=20), st.integers(min_value=11, max_value=100_000))
def test_one_in_n_is_relative_and_never_leaves_zero_to_a_hundred(m: int, n: int) -> None:
    assume(m <= n)
    span, _ = fraction_interval(m, n)
    assert 0 < span.lo <= F(100 * m, n) <= span.hi <= 100  # type: ignore[operator]
    if m > 1 and n >= 100 and str(n).rstrip("0") == "1":
        # "27 in 100", "2 in 100,000": a count over a round base, the count rounded
        assert (span.lo, span.hi) == (F(200 * m - 100, 2 * n), min(F(200 * m + 100, 2 * n), F(100)))
        return
    # relative: the width is about twice the rounding of n, as a share of n
    half = of_number(str(n)).half
    assert span.hi - span.lo <= F(100 * m, n) * 2 * half / (n - half) + F(1, 10**9)  # type: ignore[operator]


# --- rule 5: hedged divisors ------------------------------------------------------------------

positive = st.fractions(min_value=F(1, 50), max_value=1000, max_denominator=50)


@given(positive, positive, positive, positive)
def test_division_by_a_hedge_that_reaches_zero_is_sound(a_lo: F, a_w: F, b_hi: F, frac: F) -> None:
    a = Interval(a_lo, a_lo + a_w)
    b = Interval(F(0), b_hi)
    result = a.divided_allowing_zero(b)
    for x in (a.lo, a.hi, (a.lo + a.hi) / 2):  # type: ignore[operator]
        for y in (b_hi, b_hi / 2, b_hi * F(1, 1000), b_hi * frac / (1 + frac)):
            assert result.contains(x / y)  # type: ignore[operator]
    assert result.hi == INF


# --- rule 6 and 8: sides of different kinds; exact conversions ---------------------------------

@pytest.mark.parametrize(("a", "b"), [("1 m^3", "1000 L"), ("1 mile", "1.609344 km"),
                                      ("1 short ton", "0.90718474 t"), ("1 ft", "0.3048 m"),
                                      ("1 bbl", "158.987294928 L"),
                                      ("1 acre", "4046.8564224 m^2")])
def test_conversions_are_exact(a: str, b: str) -> None:
    from claimcheck.checking.calc import calculate

    result = calculate(f"exactly {a} in {b.split(' ', 1)[1]}")
    assert result.value is not None, result.diagnostics
    assert result.value.central == F(b.split(" ", maxsplit=1)[0])


@given(st.sampled_from(["t", "t/year", "bbl", "bbl/day", "USD", "km", "%", "pp"]),
       st.sampled_from(["t", "t/year", "bbl", "bbl/day", "USD", "km", "%", "pp"]))
def test_two_sides_of_different_kinds_are_a_finding(left: str, right: str) -> None:
    from claimcheck.checking.calc import calculate

    result = calculate(f"5 {left} == 5 {right}")
    same = unit_math.same_dimension(read_figure(f"5 {left}", CTX).quantity.unit,
                                read_figure(f"5 {right}", CTX).quantity.unit)
    assert not result.diagnostics
    assert (result.verdict == "inconsistent") if not same else result.verdict != "inconsistent"


def test_adding_unlike_quantities_stays_an_error() -> None:
    from claimcheck.checking.calc import calculate

    (d,) = calculate("5 t + 5 USD == 10 t").diagnostics
    assert d.code == "dimension-mismatch"


# --- soundness of quantities through the new readings ----------------------------------------

@given(st.sampled_from(["about 3.7 million t", "nearly 70%", "up to 500 t", "more than 2 t",
                        "just over 10 t", "a quarter", "1 in 50", "doubled", "down 6%",
                        "fell nearly 5%", "several times", "three hours", "10,000-ton"]))
def test_every_reading_has_nested_views(text: str) -> None:
    x = read_figure(text, CTX).quantity
    assert x.rounding.contains(x.central)
    assert x.hedged.lo <= x.rounding.lo and x.rounding.hi <= x.hedged.hi


def test_a_fall_mirrors_its_size() -> None:
    fall = read_figure("fell more than 5%", CTX)
    assert fall.region is not None
    strict, _ = fall.region
    assert strict.contains(F(-6)) and not strict.contains(F(-5)) and not strict.contains(F(-4))
    rise = read_figure("rose more than 5%", CTX)
    assert rise.region is not None and rise.region[0].contains(F(6))


def test_divisor_helper_matches_quantity_divide() -> None:
    up_to = read_figure("up to 5 t", CTX).quantity
    cost = read_figure("100 USD", CTX).quantity
    price = q.divide(cost, up_to)
    assert price.rounding == Interval(F(95, 5), F(105, 5))
    assert price.hedged.hi == INF
