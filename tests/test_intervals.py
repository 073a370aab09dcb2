"""Interval arithmetic (tables + soundness properties) and Quantity's three views."""

from __future__ import annotations

import math
from fractions import Fraction as F

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from claimcheck.diagnostics import ClaimcheckError
from claimcheck.quantities import quantity as q
from claimcheck.quantities import unit_math, units
from claimcheck.quantities.intervals import INF, Interval, IntervalDivisionError, exact
from claimcheck.quantities.quantity import Quantity


def iv(lo, hi) -> Interval:
    """Interval from ints/strings/Fractions, with ±inf passed through."""
    def conv(x):
        return x if isinstance(x, float) and math.isinf(x) else F(x)

    return Interval(conv(lo), conv(hi))


# --- construction -------------------------------------------------------------------


def test_exact_keeps_float_repr():
    assert exact(0.9072) == F(9072, 10000)
    assert exact("3.65") == F(365, 100)
    assert exact(3) == F(3)


@pytest.mark.parametrize(("lo", "hi"), [(2, 1), (INF, INF), (-INF, -INF)])
def test_empty_or_degenerate_infinite_interval_rejected(lo, hi):
    with pytest.raises(ValueError, match="empty interval"):
        Interval(lo if isinstance(lo, float) else F(lo), hi if isinstance(hi, float) else F(hi))


def test_point_bounded_width_contains():
    p = Interval.point(F(3, 2))
    assert p.lo == p.hi == F(3, 2)
    assert p.bounded
    assert p.width == 0
    assert iv(1, 3).width == 2
    assert not iv(1, INF).bounded
    assert not iv(-INF, 1).bounded
    assert iv(1, INF).width == INF
    assert iv(1, 3).contains(F(3))
    assert not iv(1, 3).contains(F(31, 10))
    assert iv(-1, 1).contains_zero()
    assert iv(0, 1).contains_zero()
    assert not iv(F(1, 10**9), 1).contains_zero()
    assert iv(1, 3).overlaps(iv(3, 5))
    assert not iv(1, 3).overlaps(iv(F(301, 100), 5))
    assert iv(1, 2).hull(iv(5, 6)) == iv(1, 6)


# --- table tests --------------------------------------------------------------------

ADD = [
    ((1, 2), (3, 4), (4, 6)),
    ((-1, 2), (-3, 4), (-4, 6)),
    ((F(1, 3), F(1, 2)), (F(1, 6), F(1, 6)), (F(1, 2), F(2, 3))),
    ((1, INF), (2, 3), (3, INF)),
    ((-INF, 1), (2, 3), (-INF, 4)),
    ((-INF, INF), (2, 3), (-INF, INF)),
]


@pytest.mark.parametrize(("a", "b", "want"), ADD)
def test_add(a, b, want):
    assert iv(*a) + iv(*b) == iv(*want)
    assert iv(*b) + iv(*a) == iv(*want)


SUB = [
    ((1, 2), (3, 4), (-3, -1)),
    ((5, 10), (1, 2), (3, 9)),
    ((-1, 1), (-1, 1), (-2, 2)),  # no dependency tracking: x - x is not 0
    ((1, INF), (2, 3), (-2, INF)),
    ((1, 2), (0, INF), (-INF, 2)),
    ((1, 2), (-INF, 0), (1, INF)),
]


@pytest.mark.parametrize(("a", "b", "want"), SUB)
def test_sub(a, b, want):
    assert iv(*a) - iv(*b) == iv(*want)


MUL = [
    ((2, 3), (4, 5), (8, 15)),            # + * +
    ((-3, -2), (4, 5), (-15, -8)),        # - * +
    ((-3, -2), (-5, -4), (8, 15)),        # - * -
    ((-2, 3), (4, 5), (-10, 15)),         # mixed * +
    ((-2, 3), (-5, -4), (-15, 10)),       # mixed * -
    ((-2, 3), (-5, 7), (-15, 21)),        # mixed * mixed
    ((-7, 3), (-5, 2), (-15, 35)),
    ((0, 0), (-INF, INF), (0, 0)),        # 0 * inf = 0
    ((0, 1), (1, INF), (0, INF)),
    ((-1, 0), (1, INF), (-INF, 0)),
    ((2, 3), (1, INF), (2, INF)),
    ((-3, -2), (1, INF), (-INF, -2)),
    ((-1, 1), (1, INF), (-INF, INF)),
    ((-INF, -1), (-INF, -1), (1, INF)),
    ((F(1, 2), F(3, 4)), (F(2, 3), F(4, 3)), (F(1, 3), 1)),
]


@pytest.mark.parametrize(("a", "b", "want"), MUL)
def test_mul(a, b, want):
    assert iv(*a) * iv(*b) == iv(*want)
    assert iv(*b) * iv(*a) == iv(*want)


def test_mul_zero_by_infinity_is_zero_not_nan():
    r = iv(0, 0) * iv(1, INF)
    assert r == iv(0, 0)
    assert not any(isinstance(x, float) and math.isnan(x) for x in (r.lo, r.hi))


def test_scale():
    assert iv(1, 2).scale(F(-3)) == iv(-6, -3)
    assert iv(1, INF).scale(F(0)) == iv(0, 0)


DIV = [
    ((1, 2), (4, 8), (F(1, 8), F(1, 2))),
    ((-2, 1), (4, 8), (F(-1, 2), F(1, 4))),
    ((1, 2), (-8, -4), (F(-1, 2), F(-1, 8))),
    ((-2, -1), (-8, -4), (F(1, 8), F(1, 2))),
    ((1, 2), (2, INF), (0, 1)),
    ((1, 2), (-INF, -2), (-1, 0)),
    ((1, INF), (2, 4), (F(1, 4), INF)),
]


@pytest.mark.parametrize(("a", "b", "want"), DIV)
def test_div(a, b, want):
    assert iv(*a) / iv(*b) == iv(*want)


@pytest.mark.parametrize("b", [(-1, 1), (0, 1), (-1, 0), (0, 0), (-INF, INF), (0, INF)])
def test_div_by_interval_containing_zero_raises(b):
    with pytest.raises(IntervalDivisionError, match=r"^division by an interval that "
                                                   r"contains zero$"):
        iv(1, 2) / iv(*b)
    assert issubclass(IntervalDivisionError, ZeroDivisionError)


POW = [
    ((2, 3), 2, (4, 9)),
    ((-3, -2), 2, (4, 9)),
    ((-2, 3), 2, (0, 9)),
    ((-3, 2), 2, (0, 9)),
    ((-3, 2), 4, (0, 81)),
    ((-2, 3), 3, (-8, 27)),
    ((-3, -2), 3, (-27, -8)),
    ((2, 4), -1, (F(1, 4), F(1, 2))),
    ((-4, -2), -1, (F(-1, 2), F(-1, 4))),
    ((2, 4), -2, (F(1, 16), F(1, 4))),
    ((-4, -2), -2, (F(1, 16), F(1, 4))),
    ((-4, 5), 0, (1, 1)),
    ((-4, 5), 1, (-4, 5)),
    ((-INF, 2), 2, (0, INF)),
    ((-INF, -2), 2, (4, INF)),
    ((-INF, -2), 3, (-INF, -8)),
    ((2, INF), -1, (0, F(1, 2))),
]


@pytest.mark.parametrize(("a", "n", "want"), POW)
def test_pow(a, n, want):
    assert iv(*a) ** n == iv(*want)


@pytest.mark.parametrize("a", [(-1, 1), (0, 2), (-2, 0)])
def test_negative_pow_of_interval_containing_zero_raises(a):
    with pytest.raises(IntervalDivisionError):
        iv(*a) ** -2


ABS = [
    ((2, 3), (2, 3)),
    ((-3, -2), (2, 3)),
    ((-2, 3), (0, 3)),
    ((-5, 3), (0, 5)),
    ((-INF, 1), (0, INF)),
    ((-INF, -1), (1, INF)),
]


@pytest.mark.parametrize(("a", "want"), ABS)
def test_abs(a, want):
    assert abs(iv(*a)) == iv(*want)


def test_neg_min_max():
    assert -iv(1, INF) == iv(-INF, -1)
    assert iv(1, 5).minimum(iv(2, 3)) == iv(1, 3)
    assert iv(1, 5).maximum(iv(2, 3)) == iv(2, 5)


def test_bounds_stay_fractions():
    r = (iv(F(1, 3), F(1, 2)) * iv(3, 7) + iv(1, 2)) / iv(2, 3)
    assert isinstance(r.lo, F)
    assert isinstance(r.hi, F)


# --- soundness (hypothesis) -----------------------------------------------------------

fractions = st.fractions(min_value=-1000, max_value=1000, max_denominator=50)
nonneg = st.fractions(min_value=0, max_value=1000, max_denominator=50)
unit_fraction = st.fractions(min_value=0, max_value=1, max_denominator=20)


@st.composite
def interval_and_point(draw, infinite=True, exclude_zero=False):
    """(interval, a finite point inside it)."""
    a, b = sorted((draw(fractions), draw(fractions)))
    if exclude_zero:
        assume(not (a <= 0 <= b))
    lo_inf = infinite and not exclude_zero and draw(st.booleans()) and draw(st.booleans())
    hi_inf = infinite and not exclude_zero and draw(st.booleans()) and draw(st.booleans())
    if exclude_zero and infinite and draw(st.booleans()):
        # a one-sided infinite end away from zero keeps zero out
        if a > 0:
            hi_inf = True
        else:
            lo_inf = True
    lo = -INF if lo_inf else a
    hi = INF if hi_inf else b
    if not lo_inf and not hi_inf:
        x = a + draw(unit_fraction) * (b - a)
    elif lo_inf and hi_inf:
        x = draw(fractions)
    elif lo_inf:
        x = b - draw(nonneg)
    else:
        x = a + draw(nonneg)
    interval = Interval(lo, hi)
    assert interval.contains(x)
    return interval, x


PROPS = settings(suppress_health_check=[HealthCheck.filter_too_much])


@PROPS
@given(interval_and_point(), interval_and_point())
def test_sound_add_sub_mul(ax, by):
    (a, x), (b, y) = ax, by
    assert (a + b).contains(x + y)
    assert (a - b).contains(x - y)
    assert (a * b).contains(x * y)
    assert (a.minimum(b)).contains(min(x, y))
    assert (a.maximum(b)).contains(max(x, y))
    assert (-a).contains(-x)
    assert abs(a).contains(abs(x))


@PROPS
@given(interval_and_point(), interval_and_point(exclude_zero=True))
def test_sound_div(ax, by):
    (a, x), (b, y) = ax, by
    assert (a / b).contains(x / y)


@PROPS
@given(interval_and_point(), st.integers(min_value=0, max_value=7))
def test_sound_pow_nonnegative(ax, n):
    a, x = ax
    assert (a**n).contains(x**n)


@PROPS
@given(interval_and_point(exclude_zero=True), st.integers(min_value=-7, max_value=-1))
def test_sound_pow_negative(ax, n):
    a, x = ax
    assert (a**n).contains(x**n)


@PROPS
@given(interval_and_point(infinite=False), interval_and_point(infinite=False))
def test_bounded_results_are_tight(ax, by):
    """For bounded inputs the bounds of + and * are attained at corners (no slack)."""
    (a, _), (b, _) = ax, by
    corners = [p * r for p in (a.lo, a.hi) for r in (b.lo, b.hi)]
    assert a * b == Interval(min(corners), max(corners))
    assert a + b == Interval(a.lo + b.lo, a.hi + b.hi)


# --- Quantity: central in rounding in hedged ------------------------------------------

TON = units.pint_unit("metric_ton")
USD = units.pint_unit("USD")
DAY = units.pint_unit("day")
SHORT_TON = units.pint_unit("short_ton")


def nested(qty: Quantity) -> bool:
    r, h = qty.rounding, qty.hedged
    return r.contains(qty.central) and h.lo <= r.lo and r.hi <= h.hi


@st.composite
def quantities(draw, unit, positive=False, infinite=True):
    sign = 1 if positive else draw(st.sampled_from([1, -1]))
    if positive:
        c = draw(st.fractions(min_value=F(1, 10), max_value=1000, max_denominator=50))
    else:
        c = draw(fractions)
    below = draw(st.fractions(min_value=0, max_value=10, max_denominator=20))
    above = draw(st.fractions(min_value=0, max_value=10, max_denominator=20))
    if positive:
        below = min(below, c / 2)
    rounding = Interval(c - below, c + above)
    h_lo = rounding.lo - draw(st.fractions(min_value=0, max_value=10, max_denominator=20))
    h_hi = rounding.hi + draw(st.fractions(min_value=0, max_value=10, max_denominator=20))
    if positive:
        h_lo = max(h_lo, rounding.lo / 2)
    if infinite and not positive and draw(st.booleans()):
        h_lo = -INF
    if infinite and draw(st.booleans()):
        h_hi = INF
    qty = Quantity(c, rounding, Interval(h_lo, h_hi), unit)
    if sign == -1 and positive:
        qty = q.negate(qty)
    return qty


QSET = settings(max_examples=60, deadline=None)


@QSET
@given(quantities(TON), quantities(TON))
def test_quantity_add_sub_keep_nesting(a, b):
    assert nested(a)
    assert nested(b)
    for result in (q.add(a, b), q.add(a, b, sign=-1)):
        assert nested(result)
        assert result.unit == TON
    assert q.add(a, b).central == a.central + b.central
    assert q.add(a, b, sign=-1).central == a.central - b.central


@QSET
@given(quantities(TON), quantities(SHORT_TON, infinite=False))
def test_quantity_add_converts_units_and_keeps_nesting(a, b):
    result = q.add(a, b)
    assert nested(result)
    assert result.unit == TON
    # a short ton is 0.90718474 t
    assert result.central == a.central + b.central * unit_math.factor(SHORT_TON, TON)


@QSET
@given(quantities(USD), quantities(TON))
def test_quantity_multiply_keeps_nesting(a, b):
    result = q.multiply(a, b)
    assert nested(result)
    assert result.central == a.central * b.central
    assert unit_math.same_dimension(result.unit, USD * TON)


@QSET
@given(quantities(USD), quantities(TON, positive=True))
def test_quantity_divide_keeps_nesting(a, b):
    result = q.divide(a, b)
    assert nested(result)
    assert result.central == a.central / b.central
    assert unit_math.format_unit(result.unit) == "USD/t"


@QSET
@given(quantities(DAY, positive=True), st.integers(min_value=-q.MAX_EXPONENT,
                                                   max_value=q.MAX_EXPONENT))
def test_quantity_power_keeps_nesting(a, n):
    result = q.power(a, n)
    assert nested(result)
    assert result.central == a.central**n


@QSET
@given(quantities(DAY), st.integers(min_value=0, max_value=5))
def test_quantity_nonnegative_power_keeps_nesting(a, n):
    assert nested(q.power(a, n))


def test_quantity_add_dimension_mismatch():
    with pytest.raises(ClaimcheckError) as err:
        q.add(Quantity.exact(F(1), TON), Quantity.exact(F(1), USD))
    assert err.value.diagnostic.code == "dimension-mismatch"


def test_quantity_divide_by_hedged_zero_is_unbounded():
    # "up to 5.5 t" as a divisor: the rounding decides, the hedge has no upper limit
    up_to = Quantity(F(5), iv(F(9, 2), F(11, 2)), iv(0, F(11, 2)), TON)
    r = q.divide(Quantity.exact(F(1), USD), up_to)
    assert (r.rounding.lo, r.rounding.hi) == (F(2, 11), F(2, 9))
    assert (r.hedged.lo, r.hedged.hi) == (F(2, 11), INF)


def test_quantity_divide_by_a_rounding_that_reaches_zero():
    swing = Quantity(F(1), iv(-1, 3), iv(-1, 3), TON)
    with pytest.raises(ClaimcheckError) as err:
        q.divide(Quantity.exact(F(1), USD), swing)
    assert err.value.diagnostic.code == "division-by-zero"
    assert "rounding" in err.value.diagnostic.message


def test_interval_division_allowing_zero():
    assert iv(1, 2).divided_allowing_zero(iv(0, 4)) == iv(F(1, 4), INF)
    assert iv(1, 2).divided_allowing_zero(iv(-4, 0)) == iv(-INF, F(-1, 4))
    assert iv(1, 2).divided_allowing_zero(iv(-1, 1)) == iv(-INF, INF)
    assert iv(1, 2).divided_allowing_zero(iv(2, 4)) == iv(F(1, 4), 1)  # no zero: plain
    assert iv(1, 2).divided_allowing_zero(iv(0, 1)) == iv(1, INF)
    assert iv(1, 2).divided_allowing_zero(iv(-1, 0)) == iv(-INF, -1)
    with pytest.raises(IntervalDivisionError, match=r"^division by an interval that is "
                                                   r"exactly zero$"):
        iv(1, 2).divided_allowing_zero(iv(0, 0))


def test_the_reciprocal_of_an_unbounded_interval_stays_exact():
    """1 / [2, inf) is [0, 1/2] with an exact zero: a float 0.0 would read as unbounded
    wherever an end's type tells a bound from infinity."""
    got = iv(1, 1).divided_allowing_zero(iv(0, 2)) * iv(1, 1)
    assert got == iv(F(1, 2), INF)
    quotient = iv(1, 1) / iv(2, INF)
    assert quotient == iv(0, F(1, 2))
    assert type(quotient.lo) is F and type(quotient.hi) is F


def test_quantity_divide_by_exact_zero():
    with pytest.raises(ClaimcheckError) as err:
        q.divide(Quantity.exact(F(1)), Quantity.exact(F(0)))
    assert err.value.diagnostic.code == "division-by-zero"


@pytest.mark.parametrize("n", [13, -13, 100])
def test_quantity_power_exponent_bound(n):
    with pytest.raises(ClaimcheckError) as err:
        q.power(Quantity.exact(F(2)), n)
    assert err.value.diagnostic.code == "exponent-too-large"


def test_quantity_negative_power_of_possible_zero():
    qty = Quantity(F(1), iv(0, 2), iv(0, 2), DAY)
    with pytest.raises(ClaimcheckError) as err:
        q.power(qty, -1)
    assert err.value.diagnostic.code == "division-by-zero"


def test_quantity_divide_same_dimension_is_pure_number():
    r = q.divide(Quantity.exact(F(10), TON), Quantity.exact(F(4), TON))
    assert unit_math.is_dimensionless(r.unit)
    assert r.central == F(5, 2)


def test_quantity_percent_folds_into_number():
    pct = Quantity.exact(F(70), units.pint_unit("percent"))
    r = q.multiply(pct, Quantity.exact(F(200), TON))
    assert r.central == 140
    assert unit_math.format_unit(r.unit) == "t"


def test_quantity_extreme_and_absolute():
    a = Quantity(F(-3), iv(-4, -2), iv(-5, -1), TON)
    b = Quantity(F(2), iv(1, 3), iv(0, 4), TON)
    hi = q.extreme([a, b], largest=True)
    lo = q.extreme([a, b], largest=False)
    assert (hi.central, hi.rounding, hi.hedged) == (2, iv(1, 3), iv(0, 4))
    assert (lo.central, lo.rounding, lo.hedged) == (-3, iv(-4, -2), iv(-5, -1))
    ab = q.absolute(a)
    assert (ab.central, ab.rounding, ab.hedged) == (3, iv(2, 4), iv(1, 5))
