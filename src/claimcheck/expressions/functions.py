"""The functions expressions may call: newsroom arithmetic with interval semantics.

Each takes quantities (central value, rounding and hedged intervals, unit) and returns
one, so rounding and hedges flow through percent changes, compounding and per-capita
rates exactly as through + - * /.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction

from ..diagnostics import fail
from ..quantities import quantity as q
from ..quantities import unit_math, units
from ..quantities.intervals import Bound, Interval

#: name -> (fewest, most) arguments; None: no limit
ARITY: dict[str, tuple[int, int | None]] = {
    "min": (2, None), "max": (2, None), "abs": (1, 1), "sum": (1, None), "mean": (1, None),
    "ratio": (2, 2), "share": (2, 2), "pct_change": (2, 2), "pp_change": (2, 2),
    "compound": (1, None), "annualize": (2, 2), "cagr": (3, 3), "per": (2, 3),
    "percent_of": (2, 2), "possible_share": (2, 2), "grim": (2, 3), "inflate": (3, 3),
}
SIGNATURES = {
    "min": "(a, b, ...)", "max": "(a, b, ...)", "abs": "(x)", "sum": "(a, b, ...)",
    "mean": "(a, b, ...)", "ratio": "(a, b)", "share": "(part, whole)",
    "pct_change": "(old, new)", "pp_change": "(old %, new %)",
    "compound": "(rate, rate, ...)", "annualize": "(rate per period, periods per year)",
    "cagr": "(start, end, years)", "per": "(count, population[, per 100000])",
    "percent_of": "(percentage, whole)", "possible_share": "(percentage, n)",
    "grim": "(mean, n[, items])", "inflate": "(USD amount @ year, to year)",
}


#: functions whose first argument is a stated figure even when written as a bare number
AS_STATED = frozenset({"grim", "possible_share"})


def arity_text(name: str) -> str:
    low, high = ARITY[name]
    if high == low:
        return "one argument" if low == 1 else f"{low} arguments"
    return f"{low} or more arguments" if high is None else f"{low} to {high} arguments"


def _percent() -> units.Unit:
    return units.pint_unit("percent")


def _fraction(x: q.Quantity, what: str) -> q.Quantity:
    """A rate as a pure fraction: 6% -> 0.06."""
    if not unit_math.is_dimensionless(x.unit):
        raise fail("dimension-mismatch", f"{what} must be a percentage or a pure number, "
                   f"not {q.describe(x.unit, x.label)}",
                   hint="write rates as percentages, e.g. 6.0%")
    return x.to(units.dimensionless(), what).with_label(None)


def _per_year(x: q.Quantity) -> q.Quantity:
    """A yearly rate: 8.4% a year."""
    return q.Quantity(x.central, x.rounding, x.hedged, x.unit / units.pint_unit("year"))


def _one() -> q.Quantity:
    return q.Quantity.exact(Fraction(1))


def _as_percent(x: q.Quantity) -> q.Quantity:
    return x.to(_percent()).with_label(None)


def _whole_number(x: q.Quantity, what: str) -> int:
    if not unit_math.is_dimensionless(x.unit) or x.rounding.lo != x.rounding.hi or (
            x.central.denominator != 1):
        raise fail("expression-syntax", f"{what} must be a whole number written plainly",
                   hint="write it as digits, e.g. 12")
    return int(x.central)


def _root(x: q.Quantity, n: Fraction, what: str) -> q.Quantity:
    """x ** (1/n) for x > 0, bounds rounded outwards (the only inexact step here).

    As with a hedged divisor, the rounding tier decides: a hedge that reaches zero ("up
    to 150 USD" as the end value) takes the hedged range down to zero, not to an error."""
    if x.hedged.lo < 0 or x.rounding.lo <= 0 or x.central <= 0:
        raise fail("out-of-range", f"{what} must stay above zero to take a root",
                   hint="a growth rate needs a start and an end above zero")

    def down(v: object) -> object:
        if v == 0:
            return Fraction(0)
        return v if isinstance(v, float) else Fraction(math.nextafter(
            float(v) ** float(1 / n), 0.0))  # type: ignore[arg-type]

    def up(v: object) -> object:
        return v if isinstance(v, float) else Fraction(math.nextafter(
            float(v) ** float(1 / n), math.inf))  # type: ignore[arg-type]

    try:
        central = Fraction(float(x.central) ** float(1 / n))
        return q.Quantity(central, Interval(down(x.rounding.lo), up(x.rounding.hi)),  # type: ignore[arg-type]
                          Interval(down(x.hedged.lo), up(x.hedged.hi)), x.unit)  # type: ignore[arg-type]
    except (OverflowError, ValueError):  # 2 to the power 10 million: over so few years
        raise fail("out-of-range", f"{what} to the power 1/{float(n):g} is beyond what "
                   "claimcheck computes with (10^-100 to 10^100)",
                   hint="check the number of years: a compound rate over a tiny span "
                        "explodes") from None


def _total(args: list[q.Quantity]) -> q.Quantity:
    total = args[0]
    for a in args[1:]:
        total = q.add(total, a)
    return total


def _compound(rates: list[q.Quantity]) -> q.Quantity:
    growth = _one()
    for r in rates:
        growth = q.multiply(growth, _growth_factor(q.add(_one(), _fraction(r, "a rate"))))
    return _as_percent(q.add(growth, _one(), -1))


def _growth_factor(base: q.Quantity) -> q.Quantity:
    """1 + rate, for compounding: above zero at its rounding (a fall of 100% or more
    leaves nothing to compound); a hedge reaching below zero stops at a total loss, as
    a hedged divisor's range stops at zero."""
    if base.rounding.lo <= 0 or base.central <= 0:
        raise fail("out-of-range", "a rate of -100% or less cannot be compounded",
                   hint="a fall of 100% leaves nothing: check the sign and the unit")
    if base.hedged.lo < 0:
        base = q.Quantity(base.central, base.rounding,
                          Interval(Fraction(0), base.hedged.hi), base.unit, base.label)
    return base


#: a year has at most 366 periods: daily rates
MAX_PERIODS = 366


def _grown(base: q.Quantity, n: int) -> q.Quantity:
    """base ** n for a growth factor base > 0, up to daily compounding (the expression
    grammar's power stops at 12; a year's periods do not): each bound raised exactly."""
    base = _growth_factor(base)
    if n <= q.MAX_EXPONENT:
        return q.power(base, n)

    def raised(x: Bound) -> Bound:
        return x if isinstance(x, float) else x**n

    return q.Quantity(base.central**n, Interval(raised(base.rounding.lo),
                                                raised(base.rounding.hi)),
                      Interval(raised(base.hedged.lo), raised(base.hedged.hi)), base.unit)


def _annualize(rate: q.Quantity, periods: q.Quantity) -> q.Quantity:
    example = "annualize(0.5%, 12): a monthly rate over the 12 months of a year"
    n = _count(periods, "the number of periods in a year", example)
    if n > MAX_PERIODS:
        raise fail("out-of-range", f"a year has at most {MAX_PERIODS} periods (daily), not "
                   f"{n:,}", hint=example)
    grown = _grown(q.add(_one(), _fraction(rate, "the rate")), n)
    return _per_year(_as_percent(q.add(grown, _one(), -1)))


def _cagr(start: q.Quantity, end: q.Quantity, years: q.Quantity) -> q.Quantity:
    is_time = unit_math.same_dimension(years.unit, units.pint_unit("year"))
    if is_time:
        years = years.to(units.pint_unit("year"))
    n = years.central  # the span of years is taken as stated: its rounding is not a range
    hint = "write it as digits, e.g. 5, or as a duration such as 5 years"
    # a plain number of years, or a duration: not a count of something ("2 voyages")
    plain = (unit_math.is_dimensionless(years.unit) and years.label is None
             and not unit_math.is_percent(years.unit))
    if not (is_time or plain):
        raise fail("dimension-mismatch", "the number of years must be a number or a "
                   f"duration, not {q.describe(years.unit, years.label)}", hint=hint)
    if n <= 0:
        raise fail("expression-syntax", "the number of years must be positive", hint=hint)
    growth = q.divide(end, start.to(end.unit, "the start value"))
    return _per_year(_as_percent(q.add(_root(_fraction(growth, "end / start"), n,
                                             "end / start"), _one(), -1)))


def _pct_change(old: q.Quantity, new: q.Quantity) -> q.Quantity:
    # new / old - 1, not (new - old) / old: with old written once, interval arithmetic
    # gives the true range (old's rounding counted twice would widen it, most on a fall)
    ratio = _fraction(q.divide(new, old.to(new.unit, "old")), "new / old")
    return _as_percent(q.add(ratio, _one(), -1))


def _pp_change(old: q.Quantity, new: q.Quantity) -> q.Quantity:
    for x, what in ((old, "old"), (new, "new")):
        if unit_math.format_unit(x.unit) != "%":
            raise fail("dimension-mismatch", f"pp_change needs two percentages; {what} is "
                       f"{q.describe(x.unit, x.label)}",
                       hint="for a relative change of any figure use pct_change(old, new)")
    diff = q.add(new, old, -1)
    return q.Quantity(diff.central, diff.rounding, diff.hedged,
                      units.pint_unit("percentage_point"))


def _per(count: q.Quantity, population: q.Quantity, base: q.Quantity | None) -> q.Quantity:
    """A rate; with a round base (100, 1,000, ..., 1 billion) in that base's unit, so that
    it compares with a stated '31 per 100,000 residents'."""
    rate = q.divide(count, population)
    if base is None:
        return rate
    n = base.central
    if base.rounding.lo == base.rounding.hi and n.denominator == 1 and n >= 100 and (
            str(n.numerator).rstrip("0") == "1") and unit_math.is_pure_count(base.unit):
        return rate.to(rate.unit * unit_math.per_base(int(n)))
    return q.multiply(rate, base)


def _granular(stated: q.Quantity, n: int, scale: Fraction) -> q.Quantity:
    """The possible value k / n * scale nearest the stated one, preferring values inside
    its rounding, then inside its hedged range: GRIM's question, "can n whole answers
    give this figure at all?".  A bound is its hedged range: "at least 51%" of 20
    people can be 55%, so 55% is the answer, not the nearer but smaller 50%."""
    lo, hi = stated.rounding.lo, stated.rounding.hi
    if isinstance(lo, float) or isinstance(hi, float):
        raise fail("expression-syntax", "the stated figure needs a bounded rounding range")
    target = stated.central * n / scale
    nearest = min((math.floor(target), math.ceil(target)), key=lambda i: (abs(i - target), i))
    # possible: the nearest possible k inside the range (computed, not searched: n may
    # be a million); impossible: the nearest possible value on either side
    for low, high in ((lo, hi), (stated.hedged.lo, stated.hedged.hi)):
        k_lo = -math.inf if low == -math.inf else math.ceil(low * n / scale)
        k_hi = math.inf if high == math.inf else math.floor(high * n / scale)
        if k_lo <= k_hi:
            k = int(min(max(nearest, k_lo), k_hi))
            break
    else:
        k = nearest
    return q.Quantity.exact(Fraction(k) * scale / n, stated.unit).with_label(stated.label)


#: the most people, respondents, items or periods a granularity or compounding function
#: takes: more is never a survey, and would make exact arithmetic crawl
MAX_COUNT = 10**9


def _count(x: q.Quantity, what: str, example: str) -> int:
    """A whole number of people, respondents, items or periods: at least 1."""
    n = _whole_number(x, what)
    if not 1 <= n <= MAX_COUNT:
        raise fail("out-of-range", f"{what} must be a whole number from 1 to {MAX_COUNT:,}, "
                   f"not {n:,}", hint=example)
    return n


def _possible_share(pct: q.Quantity, n_q: q.Quantity) -> q.Quantity:
    example = "possible_share(23%, 40): can 40 people give 23%?"
    if unit_math.format_unit(pct.unit) != "%":
        raise fail("dimension-mismatch", "possible_share needs a percentage", hint=example)
    if not 0 <= pct.central <= 100:
        raise fail("out-of-range", f"a share of people is 0% to 100%, not {pct.central}%",
                   hint=example)
    return _granular(pct, _count(n_q, "the number of people", example), Fraction(100))


def _grim(mean: q.Quantity, n_q: q.Quantity, items: q.Quantity | None) -> q.Quantity:
    example = "grim(5.19, 28): can 28 whole answers average 5.19?"
    n = _count(n_q, "the number of respondents", example)
    per = _count(items, "the number of items", example) if items is not None else 1
    return _granular(mean, n * per, Fraction(1))


def _inflate(amount: q.Quantity, start_q: q.Quantity, end_q: q.Quantity) -> q.Quantity:
    from . import prices

    if unit_math.format_unit(amount.unit) != "USD":
        raise fail("dimension-mismatch", "inflate() uses the US CPI-U: the amount must be in "
                   f"USD, not {q.describe(amount.unit, amount.label)}",
                   hint="convert with a dated, cited exchange rate declared as an assumption")
    start, end = (_whole_number(y, "a year") for y in (start_q, end_q))
    try:
        k = prices.factor(start, end)
    except KeyError as err:
        years = sorted(prices.cpi())
        raise fail("out-of-range", f"the bundled CPI-U table has no {err.args[0]}",
                   hint=f"years {years[0]} to {years[-1]}") from None
    return q.multiply(amount, q.Quantity.exact(k))


_TABLE: dict[str, Callable[[list[q.Quantity]], q.Quantity]] = {
    "abs": lambda a: q.absolute(a[0]),
    "min": lambda a: q.extreme(a, largest=False),
    "max": lambda a: q.extreme(a, largest=True),
    "sum": _total,
    "mean": lambda a: q.divide(_total(a), q.Quantity.exact(Fraction(len(a)))),
    "ratio": lambda a: q.divide(a[0], a[1]),
    "share": lambda a: _as_percent(q.divide(a[0], a[1].to(a[0].unit, "the whole"))),
    "pct_change": lambda a: _pct_change(a[0], a[1]),
    "pp_change": lambda a: _pp_change(a[0], a[1]),
    "compound": _compound,
    "annualize": lambda a: _annualize(a[0], a[1]),
    "cagr": lambda a: _cagr(a[0], a[1], a[2]),
    "per": lambda a: _per(a[0], a[1], a[2] if len(a) > 2 else None),
    "percent_of": lambda a: q.multiply(_fraction(a[0], "the percentage"), a[1]),
    "possible_share": lambda a: _possible_share(a[0], a[1]),
    "grim": lambda a: _grim(a[0], a[1], a[2] if len(a) > 2 else None),
    "inflate": lambda a: _inflate(a[0], a[1], a[2]),
}


def call_notes(func: str, args: list[q.Quantity | None]) -> tuple[str, ...]:
    """What a call rests on, echoed in the output: the CPI table and years for inflate."""
    if func == "inflate" and len(args) == 3 and all(
            a is not None and a.central.denominator == 1 for a in args[1:]):
        from . import prices

        start, end = (int(a.central) for a in args[1:] if a is not None)
        text = prices.note(start, end)
        return (text,) if text else ()
    return ()


def call(name: str, args: list[q.Quantity]) -> q.Quantity:
    return _TABLE[name](args)
