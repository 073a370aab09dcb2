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

from .. import expressions as ex
from ..diagnostics import ClaimcheckError
from ..outcomes import Verdict
from ..quantities import formatting as fmt
from ..quantities.quantity import Quantity
from .comparison import align
from .report import CheckResult
from .roots import BISECTIONS, nearest_root

if TYPE_CHECKING:
    from .environment import Env

@dataclass(frozen=True)
class Solution:
    name: str
    value: Fraction | None = None   # makes the recomputed value equal the stated one
    value_text: str | None = None   # in the input's own unit: "2.59 million t"
    low: Fraction | None = None     # the input's range keeping the check consistent
    high: Fraction | None = None
    range_text: str | None = None
    message: str = ""
    #: "input" (a figure the recomputation uses), "stated" (the figure it is checked
    #: against: the value is what the report would have had to say, read as it reads) or
    #: "both" (a figure on both sides, replaced as the report would state it)
    role: str = "input"
    #: for a recomputation that moves in jumps: the nearest working values on the
    #: figure's own grid, below and above
    nearest: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        def num(x: Fraction | None) -> float | None:
            return None if x is None else float(x)

        return {"name": self.name, "value": num(self.value), "value_text": self.value_text,
                "low": num(self.low), "high": num(self.high), "range_text": self.range_text,
                "message": self.message, "role": self.role, "nearest": list(self.nearest)}


def _holds(relation: str, left: Fraction, right: Fraction) -> bool:
    return {"<": left < right, "<=": left <= right, ">": left > right,
            ">=": left >= right}[relation]


def inputs_of(env: Env, node: ex.Node) -> list[str]:
    from ..expressions.tightening import inputs_of as names

    return names(env, node)


class _Rerun:
    """The check run again, as `verify` runs it, with one input replaced: every value the
    solver shows is one this rerun has found consistent."""

    def __init__(self, env: Env, name: str, assertion: ex.Assertion, as_stated: bool) -> None:
        self.env, self.name, self.assertion = env, name, assertion
        self.own = env.entries[name].value
        self.unit_text = env.entries[name].unit_text
        self.as_stated = as_stated
        self.role = "input" if not as_stated else "stated" if name not in inputs_of(
            env, assertion.left.root) else "both"

    def _input(self, v: Fraction, digits: int) -> Quantity:
        from ..reading.figures import read_figure

        own = self.own
        assert own is not None
        if not self.as_stated:
            return Quantity.exact(v, own.unit).with_label(own.label)
        # a stated figure is read back from the very text shown: "had the report said it"
        spec = self.env.model.figures.get(self.name)
        text = self.text(v, digits)
        reading = read_figure(text, self.env.ctx.for_figures(), spec.precision if spec else None)
        return reading.quantity.to(own.unit).with_label(own.label)

    def text(self, v: Fraction, digits: int) -> str:
        """``v`` as the solver shows it: a stated figure keeps the zeros its precision
        states (5.20, not 5.2)."""
        return fmt.with_unit(fmt.number(v, digits, keep_zeros=self.as_stated), self.unit_text)

    def holds(self, v: Fraction, digits: int = fmt.MAX_DIGITS) -> bool:
        from .engine import compare_check

        try:
            verdict = compare_check(self.env, self.assertion,
                                    {self.name: self._input(v, digits)},
                                    verdict_only=True).verdict
        except (ClaimcheckError, ZeroDivisionError, OverflowError):
            return False
        return verdict == Verdict.CONSISTENT


@dataclass(frozen=True)
class _Shown:
    value: Fraction
    shown: str
    digits: int


def _shown_value(rerun: _Rerun, root: Fraction, mode: str = "nearest",
                 nudge: int = 0, fewest: int = 1) -> _Shown | None:
    """``root`` to the fewest significant digits at which the rerun holds (for a
    one-sided answer, just beyond the shown boundary, in the direction ``nudge``)."""
    for digits in range(fewest, fmt.MAX_DIGITS + 1):  # the shortest text that holds
        value = Fraction(fmt.shown_value(root, digits, mode))
        probe = value + nudge * abs(value) * Fraction(1, 10**(digits + 3))
        if rerun.holds(probe, digits if probe == value else fmt.MAX_DIGITS):
            return _Shown(value, rerun.text(value, digits), digits)
    return None


def _snapped(x: Fraction) -> Fraction:
    """The shortest decimal within a bisection's error of ``x``."""
    for digits in range(1, fmt.MAX_DIGITS + 1):
        near = Fraction(fmt.shown_value(x, digits))
        if abs(near - x) <= abs(x) * Fraction(1, 10**11):
            return near
    return x


def _shown_range(rerun: _Rerun, lo: Fraction, hi: Fraction,
                 value: _Shown) -> tuple[_Shown, _Shown] | None:
    """The range's ends rounded inwards, to digits at which both ends hold and the shown
    value lies between them: as many as the ends need to be shown exactly when they are
    short decimals found by bisection (2,571,500.0000000005 is 2.5715 million)."""
    lo, hi = _snapped(lo), _snapped(hi)
    for digits in range(max(value.digits, fmt.digits_for([lo, hi])), fmt.MAX_DIGITS + 1):
        low = Fraction(fmt.shown_value(lo, digits, "up"))
        high = Fraction(fmt.shown_value(hi, digits, "down"))
        if low <= value.value <= high and rerun.holds(low, digits) and rerun.holds(high,
                                                                                digits):
            return (_Shown(low, rerun.text(low, digits), digits),
                    _Shown(high, rerun.text(high, digits), digits))
    return None


def _text(x: Fraction, unit: str) -> str:
    """A value the solver does not vouch for, in a message: shown in full."""
    return fmt.with_unit(fmt.number(x, fmt.MAX_DIGITS), unit)


def _one_sided(rerun: _Rerun, boundary: Fraction, unit: str, relation: str,
               sides: Callable[[float], tuple[Fraction, Fraction] | None]) -> Solution:
    """For an inequality: which side of the boundary value makes the check hold."""
    name = rerun.name
    above = sides(float(boundary) * (1 + 1e-9) if boundary > 0 else float(boundary) + 1e-9)
    below = sides(float(boundary) * (1 - 1e-9) if boundary > 0 else float(boundary) - 1e-9)
    if above is not None and _holds(relation, *above):
        side, mode, nudge = "above", "up", 1
    elif below is not None and _holds(relation, *below):
        side, mode, nudge = "below", "down", -1
    else:
        text = _text(boundary, unit)
        return Solution(name, boundary, message=f"{name} = {text} is the boundary; no value "
                        "on either side of it was found to make the check hold")
    shown = _shown_value(rerun, boundary, mode, nudge, fewest=fmt.DEFAULT_DIGITS)
    if shown is None:
        return Solution(name, boundary, message=(
            f"{name} {side} {_text(boundary, unit)} should make it hold, but no value shown "
            f"to {fmt.MAX_DIGITS} digits was confirmed by rerunning the check"))
    text = shown.shown
    low, high = (shown.value, None) if side == "above" else (None, shown.value)
    return Solution(name, boundary, text, low, high, f"{side} {text}",
                    f"{name} {side} {text} would make it hold")


def _stated_figure(rerun: _Rerun, root: Fraction, unit: str) -> Solution:
    """For a figure on the stated side: what the report would have had to say, at the
    figure's own precision, for the check to hold."""
    name = rerun.name
    own = rerun.own
    assert own is not None
    step = own.rounding.hi - own.rounding.lo
    # no coarser than the report's own figure: '$11,121' is restated to the dollar
    fewest = _grid_digits(root, step) if isinstance(step, Fraction) and step > 0 else 1
    shown = _shown_value(rerun, root, fewest=fewest)
    if shown is None:
        return Solution(name, root, role="stated", message=(
            f"{name} would have to be {_text(root, unit)}, and no figure stated to "
            f"{fmt.MAX_DIGITS} digits reads as consistent"))
    text = shown.shown
    return Solution(name, root, text, role="stated", message=(
        f"had the report stated {name} as '{text}', the check would be consistent"))


#: a stated bound's threshold is sought up to this factor away from where the two
#: central values meet, in steps of about 1%
THRESHOLD_STEPS = 240
#: the nearest working values of a figure are sought this many steps of its own
#: precision away (for checks whose recomputation moves in jumps: grim, possible_share)
GRID_STEPS = 100


def _threshold(rerun: _Rerun, start: Fraction, unit: str) -> Solution | None:
    """For a stated bound ("more than 80%"): the value beyond which the check holds,
    found by rerunning it (its whole recomputed range must lie in the region, so the
    answer lies beyond where the central values meet)."""
    for step in range(1, THRESHOLD_STEPS + 1):
        for direction in (1, -1):
            candidate = start * Fraction(101, 100) ** (direction * step)
            if not rerun.holds(candidate):
                continue
            inside = candidate
            outside = start * Fraction(101, 100) ** (direction * (step - 1))
            for _ in range(BISECTIONS):
                middle = ((inside + outside) / 2).limit_denominator(10**15)
                if middle in (inside, outside):
                    break
                if rerun.holds(middle):
                    inside = middle
                else:
                    outside = middle
            up = (inside > outside) == (start > 0)
            # a threshold is shown to three digits at least: 9,000 or more is true of
            # 8,401 or more, and says less
            shown = _shown_value(rerun, inside, "up" if inside > outside else "down",
                                 fewest=fmt.DEFAULT_DIGITS)
            if shown is None:
                return None
            side = "or more" if up else "or less"
            text = shown.shown
            low, high = (shown.value, None) if inside > outside else (None, shown.value)
            return Solution(rerun.name, inside, text, low, high, f"{text} {side}",
                            f"{rerun.name} = {text} {side} would make the check consistent")
    return None


def _grid_digits(v: Fraction, step: Fraction) -> int:
    """Significant digits that show ``v`` down to the place of ``step`` (5.20 for a step
    of 0.01), so that the text states the precision it was checked at."""
    place = math.floor(math.log10(step)) if step > 0 else 0
    magnitude = math.floor(math.log10(abs(v))) if v else place
    return max(1, min(fmt.MAX_DIGITS, magnitude - place + 1))


def _nearest_on_grid(rerun: _Rerun, v0: Fraction, step: Fraction, unit: str) -> Solution | None:
    """The nearest values, on the grid of the figure's own precision, that make the check
    consistent: for recomputations that move in jumps, where no value makes the two
    central values meet exactly."""
    found: list[Fraction] = []
    for direction in (-1, 1):
        for k in range(1, GRID_STEPS + 1):
            candidate = v0 + direction * k * step
            if candidate != 0 and rerun.holds(candidate, _grid_digits(candidate, step)):
                found.append(candidate)
                break
    if not found:
        return None
    texts = [rerun.text(v, _grid_digits(v, step)) for v in found]
    joined = " or ".join(texts)
    nearest = min(found, key=lambda v: (abs(v - v0), v))
    return Solution(rerun.name, nearest, texts[found.index(nearest)], role=rerun.role,
                    nearest=tuple(texts), message=(
        f"the nearest values of {rerun.name} that make the check consistent: {joined}"))


def solve_for(evaluator: Any, env: Env, name: str, assertion: ex.Assertion,
              check: CheckResult) -> Solution:
    """The value of input ``name`` that makes the check's two sides meet."""
    from ..expressions.tightening import inputs_of, point

    entry = env.entries[name]
    if entry.value is None or check.stated is None:
        return Solution(name, message=f"{name} has no value")
    v0 = entry.value.central
    if v0 == 0:
        return Solution(name, message=f"{name} is 0: no scale to search around")
    computed_names = inputs_of(env, assertion.left.root)
    stated_names = inputs_of(env, assertion.right.root)
    names = computed_names + stated_names
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

    root = nearest_root(diff(None), float(v0))
    unit = entry.unit_text
    stated_only = name not in computed_names
    # a figure on the stated side is replaced as the report would state it, precision and
    # all; one only on the recomputed side, by an exact value
    rerun = _Rerun(env, name, assertion, as_stated=name in stated_names)
    step = own.rounding.hi - own.rounding.lo

    def nearest() -> Solution | None:  # reruns the check up to 2 x GRID_STEPS times
        if stated_only or not isinstance(step, Fraction) or step <= 0:
            return None
        return _nearest_on_grid(rerun, v0, step, unit)

    if root is None:
        # no crossing at all: a grid search helps only where the stated side moves too
        # (grim, possible_share); elsewhere it would rerun the check 200 times for nothing
        fallback = nearest() if name in stated_names else None
        least = fmt.with_unit(fmt.number(Fraction(v0) / 1000), unit)
        most = fmt.with_unit(fmt.number(Fraction(v0) * 1000), unit)
        return fallback or Solution(name, message=(
            f"no value of {name} alone makes the two sides meet (searched from a thousandth "
            f"to a thousand times its value: {least} to {most})"))
    value = Fraction(root).limit_denominator(10**12)
    if assertion.relation != "==":
        return _one_sided(rerun, value, unit, assertion.relation, sides)
    if stated_only:
        if check.stated_meaning is not None:
            return Solution(name, value, role="stated", message=(
                f"the two sides meet at {name} = {_text(value, unit)}, but a stated bound "
                "is a region, not a value to restate"))
        return _stated_figure(rerun, value, unit)
    if check.stated_meaning is not None:  # a stated bound: its region, not its number
        return _threshold(rerun, value, unit) or nearest() or Solution(name, value, message=(
            f"the two sides meet at {name} = {_text(value, unit)}, but no value of {name} "
            "alone was found to put the whole recomputed range within the stated bound"))
    shown = _shown_value(rerun, value)
    if shown is None:
        return nearest() or Solution(name, value, message=(
            f"{name} = {_text(value, unit)} makes the two sides meet, but no value shown to "
            f"{fmt.MAX_DIGITS} digits was confirmed consistent by rerunning the check"))
    if name in stated_names:
        # on both sides (a share of a total that includes it; grim): the stated side moves
        # with it, so the nearest working values on its own grid say the most
        return nearest() or Solution(name, value, shown.shown, role="both", message=(
            f"{name} = {shown.shown} would make the check consistent"))
    ends = []
    for target in (check.stated.rounding.lo, check.stated.rounding.hi):
        if isinstance(target, Fraction):
            ends.append(nearest_root(diff(target), root))
    low = high = None
    range_text = None
    if len(ends) == 2 and all(e is not None for e in ends):
        lo, hi = sorted(Fraction(e).limit_denominator(10**12) for e in ends if e is not None)
        low, high = lo, hi
        shown_ends = _shown_range(rerun, lo, hi, shown)
        if shown_ends is not None and shown_ends[0].value < shown_ends[1].value:
            range_text = f"{shown_ends[0].shown} to {shown_ends[1].shown}"
    text = shown.shown
    message = f"{name} = {text} would make the check consistent"
    if range_text:
        message += f"; so would any value from {range_text}"
    elif low is not None and low == high:
        message += " (and no other value: the stated side is exact)"
    return Solution(name, value, text, low, high, range_text, message)
