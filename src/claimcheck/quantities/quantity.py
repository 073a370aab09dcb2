"""Quantities with three views of one figure: central value, rounding and hedged intervals.

Every operation applies to all three at once, so a result knows both what the stated
numbers give at face value and how far their rounding and their hedges let it move.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from fractions import Fraction

from ..diagnostics import fail
from . import unit_math, units
from .intervals import Bound, Interval, IntervalDivisionError

MAX_EXPONENT = 12
LARGEST = Fraction(10) ** 100
SMALLEST = Fraction(1, 10**100)


#: the most bits an exact value may hold (numerator and denominator together, about
#: 12,000 decimal digits): chained powers of 'exactly 1.0000001' would otherwise need
#: millions of digits and minutes
MAX_BITS = 40_000


def _order(x: Fraction) -> int:
    # from the bit lengths: str() of a huge integer is itself refused past 4,300 digits
    return round((abs(x.numerator).bit_length() - x.denominator.bit_length()) * 0.30103)


def _too_precise() -> Exception:
    return fail("too-precise", "exact arithmetic here would need more than about 12,000 "
                "digits", hint="a chain of powers or of exact values with many decimals; "
                               "round an input, or name parts as derived figures")


@dataclass(frozen=True)
class Quantity:
    central: Fraction
    rounding: Interval
    hedged: Interval
    unit: units.Unit
    label: str | None = None  # count noun carried through, e.g. "voyages"
    #: the difference of two percentages (42% - 38%): shown in % but convertible to
    #: percentage points, which is what such a difference measures
    percent_difference: bool = False

    def __post_init__(self) -> None:
        # Bound what an input controls: 1e999 tonnes, or 1e200 / 1e-200, would overflow
        # every float a report holds and make exact arithmetic crawl.
        for x in {id(x): x for x in (self.central, self.rounding.lo, self.rounding.hi,
                                      self.hedged.lo, self.hedged.hi)}.values():
            if type(x) is not Fraction or not x:
                continue  # ±inf, or zero
            n, d = x.numerator.bit_length(), x.denominator.bit_length()
            if n + d > MAX_BITS:
                raise _too_precise()
            # 2**330 < 10**100 < 2**333: only values near a limit need comparing exactly
            if abs(n - d) >= 330 and not SMALLEST <= abs(x) <= LARGEST:
                raise fail("out-of-range",
                           f"a value of about 10^{_order(x)} is outside what claimcheck "
                           "computes with (10^-100 to 10^100)",
                           hint="check the figure's scale words and exponents")

    @classmethod
    def exact(cls, value: Fraction, unit: units.Unit | None = None) -> Quantity:
        point = Interval.point(value)
        return cls(value, point, point, unit if unit is not None else units.dimensionless())

    def scaled(self, k: Fraction, unit: units.Unit) -> Quantity:
        if k == 1:
            return replace(self, unit=unit)
        return Quantity(self.central * k, self.rounding.scale(k), self.hedged.scale(k), unit,
                        self.label)

    def to(self, unit: units.Unit, what: str = "value") -> Quantity:
        if unit == self.unit:
            return self
        if self.percent_difference and unit_math.is_points(unit):
            return Quantity(self.central, self.rounding, self.hedged, unit, self.label)
        if not unit_math.same_dimension(self.unit, unit):
            raise dimension_error(what, self.unit, unit)
        converted = self.scaled(unit_math.factor(self.unit, unit), unit)
        if unit_math.without_bases(self.unit)[0] != 1 and unit_math.without_bases(unit)[0] == 1:
            return converted.with_label(None)  # '31 per 100,000 in %' is 0.031%, no base left
        return converted

    def with_label(self, label: str | None) -> Quantity:
        return replace(self, label=label)

    def shown_in(self, unit: units.Unit, label: str | None, what: str = "value") -> Quantity:
        """Converted for display 'in UNIT': the unit phrase's label, else the value's own
        (which a conversion out of a rate's base drops)."""
        converted = self.to(unit, what)
        return converted.with_label(label or converted.label)


def describe(unit: units.Unit, label: str | None = None) -> str:
    """'t (mass)', 'USD (money (USD))', 'a pure number'."""
    shown = unit_math.format_unit(unit, label)
    dims = unit_math.dimensionality(unit)
    if not shown:
        return dims
    return f"{shown} ({dims})" if dims != "a pure number" else f"{shown} (a pure number)"


POINTS_HINT = ("percent and percentage points differ: from 6.1% to 7.35% is a rise of "
               "1.25 percentage points, pp_change(old, new), but of 20.5%, "
               "pct_change(old, new)")


def mismatch_hint(a: units.Unit, b: units.Unit, default: str) -> str:
    """The hint for two quantities that cannot meet: percent vs points gets its own."""
    kinds = {unit_math.format_unit(a), unit_math.format_unit(b)}
    if "pp" in kinds and (kinds & {"%", ""}):
        return POINTS_HINT
    if unit_math.reciprocal(a, b):
        return ("one is the reciprocal of the other (miles per gallon and litres per 100 km): "
                "convert 1 / (the value), e.g. '1 / x in L/(100 km)'")
    if unit_math.differ_only_in_currency(a, b):
        return ("claimcheck never converts currencies by itself: declare a dated, cited "
                "exchange rate under `assumptions:` and multiply by it")
    return default


def dimension_error(what: str, have: units.Unit, want: units.Unit,
                    hint: str = "check that both sides measure the same thing "
                                "(mass with mass, money with money)") -> Exception:
    return fail("dimension-mismatch", f"{what} is {describe(have)}, but {describe(want)} is "
                "needed", hint=mismatch_hint(have, want, hint))


def _combine(
    a: Quantity, b: Quantity, op: Callable[[Interval, Interval], Interval], unit: units.Unit,
    label: str | None,
) -> Quantity:
    central = op(Interval.point(a.central), Interval.point(b.central)).lo
    assert isinstance(central, Fraction)
    return Quantity(central, op(a.rounding, b.rounding), op(a.hedged, b.hedged), unit, label)


def _as_percent(points: Quantity, percent: units.Unit) -> Quantity:
    """Percentage points added to (or taken from) a percentage: 38% + 4 pp is 42%."""
    return Quantity(points.central, points.rounding, points.hedged, percent, points.label)


def add(a: Quantity, b: Quantity, sign: int = 1) -> Quantity:
    if unit_math.is_percent(a.unit) and unit_math.is_points(b.unit):
        b = _as_percent(b, a.unit)
    elif sign > 0 and unit_math.is_points(a.unit) and unit_math.is_percent(b.unit):
        a = _as_percent(a, b.unit)
    if not unit_math.same_dimension(a.unit, b.unit):
        raise dimension_error(f"the right-hand side of '{'+' if sign > 0 else '-'}'", b.unit,
                              a.unit, "only quantities of one kind add up: mass with mass, "
                                      "money with money; a share of an amount is "
                                      "percent_of(share, amount) or '25% of amount'")
    b = b.to(a.unit)
    label = a.label if a.label == b.label else None
    result = _combine(a, b, (lambda x, y: x + y) if sign > 0 else (lambda x, y: x - y), a.unit,
                      label)
    if sign < 0 and unit_math.is_percent(a.unit) and unit_math.is_percent(b.unit):
        result = replace(result, percent_difference=True)
    return result


def _reduce(q: Quantity) -> Quantity:
    k, unit = unit_math.simplify(q.unit)
    return q.scaled(k, unit) if (k != 1 or unit is not q.unit) else q


def _count(label: str | None) -> str | None:
    """Only a count noun survives multiplication: '$11,121 per person' times people is
    no longer per person."""
    return label if unit_math.is_count_label(label) else None


def multiply(a: Quantity, b: Quantity) -> Quantity:
    product = _reduce(_combine(a, b, lambda x, y: x * y, a.unit * b.unit,
                               _count(a.label) or _count(b.label)))
    for rate, other in ((a, b), (b, a)):
        if unit_math.is_count_label(other.label) and not unit_math.is_count_label(rate.label) \
                and rate.label is not None:
            # 31 deaths per 100,000 residents times 5 million residents is 1,550 deaths:
            # what the rate counts, with its base in the value (a label would hide it)
            k, unit = unit_math.without_bases(product.unit)
            return product.scaled(k, unit).with_label(unit_math.rate_numerator(rate.label))
        if other.label is None and unit_math.is_dimensionless(other.unit) and rate.label:
            return product.with_label(rate.label)  # twice a rate is a rate of the same
    return product


def divide(a: Quantity, b: Quantity) -> Quantity:
    """a / b.  A divisor whose rounding reaches zero has no quotient (an error); one whose
    hedge alone reaches zero ("up to 500 t") leaves the hedged quotient unbounded on that
    side, and the rounding tier decides."""
    if b.central == 0:
        raise fail("division-by-zero", "division by zero",
                   hint="a divisor stated as 0 gives no finite result; check the figure")
    if b.rounding.contains_zero():
        raise fail(
            "division-by-zero",
            f"the divisor can be zero within its rounding "
            f"(it ranges from {_plain(b.rounding.lo)} to {_plain(b.rounding.hi)})",
            hint="give the divisor a range that does not include zero",
        )
    label = _count(a.label) if b.label is None else None
    central = a.central / b.central
    try:
        hedged = a.hedged.divided_allowing_zero(b.hedged)
    except IntervalDivisionError as err:  # pragma: no cover - b.central != 0 rules it out
        raise fail("division-by-zero", str(err)) from err
    return _reduce(Quantity(central, a.rounding / b.rounding, hedged.hull(a.rounding / b.rounding),
                            a.unit / b.unit, label))


def _plain(x: Bound) -> str:
    from . import formatting as fmt

    return fmt.number(x, fmt.digits_for([x]))


def power(a: Quantity, n: int) -> Quantity:
    if abs(n) > MAX_EXPONENT:
        raise fail("exponent-too-large",
                   f"exponent {n} is outside -{MAX_EXPONENT}..{MAX_EXPONENT}",
                   hint="powers beyond 12 are never newsroom arithmetic; check the expression")
    bits = max(x.numerator.bit_length() + x.denominator.bit_length()
               for x in (a.central, a.rounding.lo, a.rounding.hi, a.hedged.lo, a.hedged.hi)
               if isinstance(x, Fraction))
    if bits * abs(n) > MAX_BITS:  # refuse before computing it: that is the slow part
        raise _too_precise()
    if n >= 0:
        return _reduce(Quantity(Fraction(a.central**n), a.rounding**n, a.hedged**n,
                                a.unit**n, None))
    one = Quantity.exact(Fraction(1))
    return divide(one, power(a, -n))


def negate(a: Quantity) -> Quantity:
    return Quantity(-a.central, -a.rounding, -a.hedged, a.unit, a.label)


def absolute(a: Quantity) -> Quantity:
    return Quantity(abs(a.central), abs(a.rounding), abs(a.hedged), a.unit, a.label)


def extreme(values: list[Quantity], largest: bool) -> Quantity:
    first = values[0]
    result = first
    for other in values[1:]:
        o = other.to(first.unit, "an argument")
        if largest:
            result = Quantity(max(result.central, o.central), result.rounding.maximum(o.rounding),
                              result.hedged.maximum(o.hedged), first.unit, first.label)
        else:
            result = Quantity(min(result.central, o.central), result.rounding.minimum(o.rounding),
                              result.hedged.minimum(o.hedged), first.unit, first.label)
    return result
