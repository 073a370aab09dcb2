"""Both sides of an assertion in one unit, ready for the verdict ladder.

Shared by `verify` (claim files) and `calc` (the command line), so that a comparison
means the same thing wherever it is written.
"""

from __future__ import annotations

from . import expressions as ex
from . import quantity as q
from . import units
from .diagnostics import ClaimcheckError
from .lexer import TextError
from .quantity import Quantity
from .report import Shown
from .verdicts import LADDER, judge


def align(assertion: ex.Assertion, left: Quantity,
          right: Quantity) -> tuple[Quantity, Quantity, str]:
    """Both sides in the stated side's unit (or the unit an 'in' asks for), and its name.

    Raises a TextError over the whole assertion, with a label under each side, when the
    two sides measure different things."""
    unit, label = right.unit, right.label
    try:
        if assertion.right.display is not None:
            unit, label = assertion.right.display.unit, assertion.right.display.label or label
            right = right.to(unit, "the stated side")
        elif assertion.left.display is not None:
            unit, label = assertion.left.display.unit, assertion.left.display.label or label
            right = right.to(unit, "the stated side")
        left = left.to(unit)
    except ClaimcheckError:
        sides = ((assertion.left, left), (assertion.right, right))
        raise TextError(
            "dimension-mismatch",
            f"the two sides measure different things: {ex.describe(left)} vs "
            f"{ex.describe(right)}", 0, len(assertion.text),
            q.mismatch_hint(left.unit, right.unit,
                            "compare like with like, e.g. a share with a percentage"),
            tuple((e.start, e.start + len(e.text), ex.describe(q)) for e, q in sides),
        ) from None
    return left, right, units.format_unit(unit, label or left.label)


def pick_reading(relation: str, computed: Shown, stated: Shown, verdict: str,
                 first: Quantity, other: Quantity, unit: Quantity,
                 is_bound: bool) -> tuple[str, Shown, str, str]:
    """'3 times more': judge the other reading too and keep the one the figures support.

    Returns the verdict, the stated side, a suffix for the stated text and one for the
    explanation."""
    converted = other.to(unit.unit) if other.unit != unit.unit else other
    alt = Shown(converted.central, converted.rounding, converted.hedged, stated.unit)
    alt_verdict = judge(relation, computed, alt, is_bound)
    if LADDER.index(alt_verdict) < LADDER.index(verdict):
        return (alt_verdict, alt, f" (read as {other.central} times as much)",
                f"; read as {first.central} times as much it would be {verdict}")
    return verdict, stated, "", f"; read as {other.central} times as much it would be {alt_verdict}"
