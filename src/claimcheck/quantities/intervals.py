"""Closed intervals with exact rational bounds (and infinite ends for one-sided hedges).

Bounds are ``Fraction`` so that a stated "3.7 million" is exactly [3.65, 3.75] million and
comparisons at the edge of rounding are decided without floating-point noise.  The only
floats allowed are ``±inf``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

Bound = Fraction | float  # float only for ±inf

INF = math.inf


class IntervalDivisionError(ZeroDivisionError):
    """Division by an interval that contains zero."""


def exact(x: int | float | str | Fraction) -> Fraction:
    """An exact rational: floats go through their shortest repr, so 0.9072 stays 0.9072."""
    if isinstance(x, float):
        return Fraction(repr(x))
    return Fraction(x)


def _norm(x: Bound) -> Bound:
    if isinstance(x, float):
        return x if math.isinf(x) else exact(x)
    return x


_ZERO = Fraction(0)


def _mul(a: Bound, b: Bound) -> Bound:
    # 0 x inf is 0 in interval arithmetic: the zero is exact, the infinity is a bound.
    if not a or not b:
        return _ZERO
    return _norm(a * b)


def _nonnegative(x: Bound) -> bool:
    return x.numerator >= 0 if type(x) is Fraction else x >= 0


def _recip(x: Bound) -> Bound:
    return Fraction(0) if isinstance(x, float) else 1 / x


@dataclass(frozen=True)
class Interval:
    lo: Bound
    hi: Bound

    def __post_init__(self) -> None:
        lo, hi = self.lo, self.hi
        if type(lo) is Fraction and type(hi) is Fraction:
            # the common case, compared without Fraction's generic operators (this runs
            # for every interval a check builds)
            if lo is hi or lo.numerator * hi.denominator <= hi.numerator * lo.denominator:
                return
        elif lo <= hi and lo != INF and hi != -INF:
            return
        raise ValueError(f"empty interval [{lo}, {hi}]")

    @classmethod
    def point(cls, x: Fraction) -> Interval:
        return cls(x, x)

    @property
    def bounded(self) -> bool:
        return not (isinstance(self.lo, float) or isinstance(self.hi, float))

    @property
    def width(self) -> Bound:
        return _norm(self.hi - self.lo)

    def contains(self, x: Bound) -> bool:
        return self.lo <= x <= self.hi

    def contains_zero(self) -> bool:
        return self.lo <= 0 <= self.hi

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def hull(self, other: Interval) -> Interval:
        return Interval(min(self.lo, other.lo), max(self.hi, other.hi))

    def scale(self, k: Fraction) -> Interval:
        return self * Interval.point(k)

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def __add__(self, other: Interval) -> Interval:
        return Interval(_norm(self.lo + other.lo), _norm(self.hi + other.hi))

    def __sub__(self, other: Interval) -> Interval:
        return self + (-other)

    def __mul__(self, other: Interval) -> Interval:
        if self.lo == self.hi and other.lo == other.hi:
            product = _mul(self.lo, other.lo)
            return Interval(product, product)
        if _nonnegative(self.lo) and _nonnegative(other.lo):
            # most figures are amounts: the ends multiply end to end
            return Interval(_mul(self.lo, other.lo), _mul(self.hi, other.hi))
        products = [_mul(a, b) for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(products), max(products))

    def __truediv__(self, other: Interval) -> Interval:
        if other.contains_zero():
            raise IntervalDivisionError("division by an interval that contains zero")
        return self * Interval(_recip(other.hi), _recip(other.lo))

    def __pow__(self, n: int) -> Interval:
        if n < 0:
            return Interval.point(Fraction(1)) / (self ** (-n))
        if n == 0:
            return Interval.point(Fraction(1))
        lo_n, hi_n = _norm(self.lo**n), _norm(self.hi**n)
        if n % 2 == 1 or self.lo >= 0:
            return Interval(lo_n, hi_n)
        if self.hi <= 0:
            return Interval(hi_n, lo_n)
        return Interval(Fraction(0), max(lo_n, hi_n))

    def __abs__(self) -> Interval:
        if self.lo >= 0:
            return self
        if self.hi <= 0:
            return -self
        return Interval(Fraction(0), max(-self.lo, self.hi))

    def minimum(self, other: Interval) -> Interval:
        return Interval(min(self.lo, other.lo), min(self.hi, other.hi))

    def maximum(self, other: Interval) -> Interval:
        return Interval(max(self.lo, other.lo), max(self.hi, other.hi))

    def divided_allowing_zero(self, other: Interval) -> Interval:
        """``self / other`` where ``other`` may reach zero: the result is then unbounded
        on that side ([1, 2] / [0, 4] is [0.25, ∞)); a divisor that is exactly zero has
        no quotient at all."""
        if not other.contains_zero():
            return self / other
        if other.lo == 0 and other.hi == 0:
            raise IntervalDivisionError("division by an interval that is exactly zero")
        if other.lo == 0:
            reciprocal = Interval(_recip(other.hi), INF)
        elif other.hi == 0:
            reciprocal = Interval(-INF, _recip(other.lo))
        else:
            return Interval(-INF, INF)  # both signs: quotients of every size and sign
        return self * reciprocal


@dataclass(frozen=True)
class Region:
    """The values a stated bound allows: an interval whose ends may be open ("more than
    80%" is (80, ∞)).  Only verdicts use regions; arithmetic uses closed intervals."""

    lo: Bound
    hi: Bound
    lo_open: bool = False
    hi_open: bool = False

    def _above_lo(self, x: Bound) -> bool:
        return bool(x > self.lo) if self.lo_open else bool(x >= self.lo)

    def _below_hi(self, x: Bound) -> bool:
        return bool(x < self.hi) if self.hi_open else bool(x <= self.hi)

    def contains(self, x: Bound) -> bool:
        return self._above_lo(x) and self._below_hi(x)

    def holds_throughout(self, iv: Interval) -> bool:
        """Every value of ``iv`` lies in the region."""
        return self._above_lo(iv.lo) and self._below_hi(iv.hi)

    def meets(self, iv: Interval) -> bool:
        """Some value of ``iv`` lies in the region (none does when the region is empty:
        "just over 0", 0 < v <= 0)."""
        return not self.empty and self._above_lo(iv.hi) and self._below_hi(iv.lo)

    @property
    def empty(self) -> bool:
        return bool(self.lo > self.hi) or (self.lo == self.hi and (self.lo_open or self.hi_open))

    def scaled(self, k: Fraction) -> Region:
        """The region in another unit (``k`` > 0 converts)."""
        return Region(_mul(self.lo, k), _mul(self.hi, k), self.lo_open, self.hi_open)
