"""What would make a check true: for one input at a time (the others at their central
values), the value that makes the recomputed figure equal the stated one, and the range
that keeps it within the stated rounding.

The recomputation need not be monotonic (an input may appear twice: a share of a total
that includes it), so the solver scans a wide grid of values for sign changes and then
bisects; it reports honestly when no value in the scanned range works.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from . import expressions as ex
from . import formatting as fmt
from .comparison import align
from .diagnostics import ClaimcheckError
from .quantity import Quantity
from .report import CheckResult

if TYPE_CHECKING:
    from .environment import Env

#: the scan covers 1/1000 to 1000 times an input's stated value, 20 steps per decade
SCAN_DECADES = 3
STEPS_PER_DECADE = 20
BISECTIONS = 60


@dataclass(frozen=True)
class Solution:
    name: str
    value: Fraction | None = None   # makes the recomputed value equal the stated one
    value_text: str | None = None   # in the input's own unit: "2.59 million t"
    low: Fraction | None = None     # the input's range keeping the check consistent
    high: Fraction | None = None
    range_text: str | None = None
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        def num(x: Fraction | None) -> float | None:
            return None if x is None else float(x)

        return {"name": self.name, "value": num(self.value), "value_text": self.value_text,
                "low": num(self.low), "high": num(self.high), "range_text": self.range_text,
                "message": self.message}


def _bisect(g: Callable[[float], float | None], a: float, b: float) -> float | None:
    ga = g(a)
    if ga is None:
        return None
    for _ in range(BISECTIONS):
        m = math.sqrt(a * b) if a > 0 and b > 0 else (a + b) / 2
        gm = g(m)
        if gm is None:
            return None
        if gm == 0:
            return m
        if (gm < 0) == (ga < 0):
            a, ga = m, gm
        else:
            b = m
    return math.sqrt(a * b) if a > 0 and b > 0 else (a + b) / 2


def _roots(g: Callable[[float], float | None], v0: float) -> list[float]:
    """Every sign change of g over the scanned grid around v0, bisected to a root."""
    n = SCAN_DECADES * STEPS_PER_DECADE
    grid = [v0 * 10 ** (k / STEPS_PER_DECADE) for k in range(-n, n + 1)]
    values = [g(v) for v in grid]
    roots = []
    for (a, ga), (b, gb) in zip(zip(grid, values, strict=True), zip(grid[1:], values[1:],
                                                                   strict=True), strict=False):
        if ga is None or gb is None:
            continue
        if ga == 0:
            roots.append(a)
        elif (ga < 0) != (gb < 0):
            root = _bisect(g, a, b)
            if root is not None:
                roots.append(root)
    return roots


def _closest(roots: list[float], to: float) -> float | None:
    if not roots:
        return None
    return min(roots, key=lambda r: abs(math.log(abs(r / to))) if r and to else abs(r - to))


def _holds(relation: str, left: Fraction, right: Fraction) -> bool:
    return {"<": left < right, "<=": left <= right, ">": left > right,
            ">=": left >= right}[relation]


def _one_sided(name: str, boundary: Fraction, unit: str, relation: str,
               sides: Callable[[float], tuple[Fraction, Fraction] | None]) -> Solution:
    """For an inequality: which side of the boundary value makes the check hold."""
    text = fmt.with_unit(fmt.number(boundary), unit)
    above = sides(float(boundary) * (1 + 1e-9) if boundary > 0 else float(boundary) + 1e-9)
    below = sides(float(boundary) * (1 - 1e-9) if boundary > 0 else float(boundary) - 1e-9)
    if above is not None and _holds(relation, *above):
        low, high, side = boundary, None, "above"
    elif below is not None and _holds(relation, *below):
        low, high, side = None, boundary, "below"
    else:
        return Solution(name, boundary, text, message=f"{name} = {text} is the boundary")
    message = f"{name} {side} {text} would make it hold"
    return Solution(name, boundary, text, low, high, f"{side} {text}", message)


def solve_for(evaluator: Any, env: Env, name: str, assertion: ex.Assertion,
              check: CheckResult) -> Solution:
    """The value of input ``name`` that makes the check's two sides meet."""
    from .tightening import inputs_of, point

    entry = env.entries[name]
    if entry.value is None or check.stated is None:
        return Solution(name, message=f"{name} has no value")
    v0 = entry.value.central
    if v0 == 0:
        return Solution(name, message=f"{name} is 0: no scale to search around")
    names = inputs_of(env, assertion.left.root) + inputs_of(env, assertion.right.root)
    base: dict[str, Quantity] = {}
    for n in names:
        known = env.entries[n].value
        if known is not None:
            base[n] = point(known)
    own = entry.value

    def sides(v: float) -> tuple[Fraction, Fraction] | None:
        overrides = dict(base)
        overrides[name] = Quantity.exact(Fraction(v), own.unit).with_label(own.label)
        run = evaluator(env, overrides)
        try:
            left, right, _ = align(assertion, run.evaluate(assertion.left.root),
                                   run.evaluate(assertion.right.root))
        except (ClaimcheckError, ZeroDivisionError, OverflowError):
            return None
        return left.central, right.central

    def diff(target: Fraction | None) -> Callable[[float], float | None]:
        def g(v: float) -> float | None:
            both = sides(v)
            if both is None:
                return None
            goal = both[1] if target is None else target
            return float(both[0] - goal)

        return g

    root = _closest(_roots(diff(None), float(v0)), float(v0))
    unit = entry.unit_text
    if root is None:
        return Solution(name, message=(
            f"no value of {name} alone makes the two sides meet (searched "
            f"{fmt.number(Fraction(v0) / 1000)} to {fmt.number(Fraction(v0) * 1000)} {unit})"))
    value = Fraction(root).limit_denominator(10**12)
    if assertion.relation != "==":
        return _one_sided(name, value, unit, assertion.relation, sides)
    ends = []
    for target in (check.stated.rounding.lo, check.stated.rounding.hi):
        if isinstance(target, Fraction):
            ends.append(_closest(_roots(diff(target), float(v0)), root))
    low = high = None
    range_text = None
    if len(ends) == 2 and all(e is not None for e in ends):
        lo, hi = sorted(Fraction(e).limit_denominator(10**12) for e in ends if e is not None)
        low, high = lo, hi
        digits = fmt.digits_for([lo, hi, value])
        range_text = (f"{fmt.with_unit(fmt.number(lo, digits, 'up'), unit)} to "
                      f"{fmt.with_unit(fmt.number(hi, digits, 'down'), unit)}")
    text = fmt.with_unit(fmt.number(value), unit)
    message = f"{name} = {text} would make the two sides meet"
    if range_text:
        message += f"; {range_text} keeps the check consistent"
    return Solution(name, value, text, low, high, range_text, message)
