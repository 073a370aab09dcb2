"""The verdict ladder, and the one plain sentence that explains each verdict.

consistent       the recomputed central value lies inside the stated rounding interval
                 (or satisfies the inequality at face value);
within_rounding  it does not, but the two rounding intervals meet: true only at the
                 edges of rounding;
within_hedge     only the hedges' widening reconciles them;
inconsistent     they do not meet even with hedges.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from . import formatting as fmt
from .report import Shown

#: verdicts from best to worst, for choosing between two readings of one figure
LADDER = ("consistent", "within_rounding", "within_hedge", "inconsistent", "error")
_REL_WORDS = {"<": "less than", "<=": "at most", ">": "more than", ">=": "at least"}


def _less(a: object, b: object, strict: bool) -> bool:
    return bool(a < b) if strict else bool(a <= b)  # type: ignore[operator]


def judge(relation: str, computed: Shown, stated: Shown, stated_is_bound: bool) -> str:
    """The verdict for ``computed RELATION stated``; both are in the same unit."""
    if relation == "==":
        target = stated.hedged if stated_is_bound else stated.rounding
        if target.contains(computed.central):
            return "consistent"
        if computed.rounding.overlaps(target):
            return "within_rounding"
        if computed.hedged.overlaps(stated.hedged):
            return "within_hedge"
        return "inconsistent"
    strict = relation in ("<", ">")
    a, b = (computed, stated) if relation in ("<", "<=") else (stated, computed)
    # a RELATION b, i.e. a below b: possible when a's lowest reading is below b's highest.
    if _less(a.central, b.central, strict):
        return "consistent"
    if _less(a.rounding.lo, b.rounding.hi, strict):
        return "within_rounding"
    if _less(a.hedged.lo, b.hedged.hi, strict):
        return "within_hedge"
    return "inconsistent"


@dataclass(frozen=True)
class Gap:
    value: Fraction
    unit: str  # "pp" or "relative"

    def describe(self) -> str:
        if self.unit == "pp":
            points = fmt.number(abs(self.value))
            return f"{points} percentage point{'' if points == '1' else 's'}"
        return f"{fmt.number(abs(self.value) * 100)}%"


def gap(computed: Shown, stated: Shown) -> Gap | None:
    if stated.unit == "%":
        return Gap(computed.central - stated.central, "pp")
    if stated.central == 0:
        return None
    return Gap((computed.central - stated.central) / abs(stated.central), "relative")


def _side(text: str, value: Shown, digits: int) -> str:
    centre = fmt.with_unit(fmt.number(value.central, digits), value.unit)
    spread = fmt.interval(value.rounding, value.unit, digits)
    return f"{text} = {centre}" + ("" if value.rounding.lo == value.rounding.hi
                                   else f" ({spread})")


def _hedged_part(stated: Shown, hedges: tuple[str, ...], digits: int) -> str:
    if stated.hedged == stated.rounding or not hedges:
        return ""
    return f", {fmt.interval(stated.hedged, stated.unit, digits)} with the hedge"


def explain(
    verdict: str, relation: str, computed_text: str, computed: Shown, stated_text: str,
    stated: Shown, stated_hedges: tuple[str, ...], input_hedges: tuple[str, ...],
    stated_is_figure: bool, stated_is_bound: bool = False,
) -> str:
    """One sentence a journalist can read aloud: both numbers, one unit, the reason."""
    bounds = [computed.central, computed.rounding.lo, computed.rounding.hi, stated.central,
              stated.rounding.lo, stated.rounding.hi, stated.hedged.lo, stated.hedged.hi]
    digits = fmt.digits_for(bounds)
    left = _side(computed_text, computed, digits)
    quoted = f"stated '{stated_text}'" if stated_is_figure else stated_text
    if relation == "==" and stated_is_bound:
        # "more than 2.5 million tons" states an inequality, not a value with a margin
        right = f"{quoted} means {fmt.interval(stated.hedged, stated.unit, digits)}"
    elif relation == "==":
        right = (f"{quoted} is {fmt.interval(stated.rounding, stated.unit, digits)} "
                 f"by its rounding" + _hedged_part(stated, stated_hedges, digits))
    else:
        right = (f"the claim says it is {_REL_WORDS[relation]} {quoted} "
                 f"({fmt.interval(stated.rounding, stated.unit, digits)})")
    hedges = tuple(dict.fromkeys(stated_hedges + input_hedges))
    words = ", ".join(f"'{h}'" for h in hedges) or "the hedges"
    g = gap(computed, stated)
    off = f" ({g.describe()} apart)" if g is not None and g.value != 0 else ""
    reason = {
        "consistent": "consistent" + (
            "" if relation != "==" else ": the recomputed value satisfies it" if stated_is_bound
            else ": the recomputed value lies within the stated rounding"),
        "within_rounding": "the two meet only at the edge of rounding" + off,
        "within_hedge": f"they meet only through the hedge{'s' if len(hedges) > 1 else ''} "
                        f"{words}" + off,
        "inconsistent": "they do not meet, even allowing for rounding and hedges" + off,
    }[verdict]
    return f"{left}; {right}: {reason}"

