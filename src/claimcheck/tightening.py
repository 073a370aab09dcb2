"""Tighter ranges when a figure enters an expression more than once.

Interval arithmetic treats every occurrence of a figure as independent, so
children / (children + adults) comes out wider than it can really be (the dependency
problem), wide enough to turn an inconsistent check into "within rounding".  For each
figure that occurs more than once, claimcheck splits its range into pieces, evaluates the
expression on each piece and keeps the hull: still a sound enclosure, and much tighter.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from itertools import product
from typing import TYPE_CHECKING

from . import expressions as ex
from .diagnostics import ClaimcheckError
from .intervals import Interval
from .quantity import Quantity

if TYPE_CHECKING:
    from .environment import Env

#: evaluations allowed per view; the pieces per repeated figure follow from it
BUDGET = 64
MAX_REPEATED = 3


class Evaluator:
    """Evaluates expressions of one file with some figures replaced by other values;
    derived figures are recomputed from the replacements."""

    def __init__(self, env: Env, overrides: dict[str, Quantity]) -> None:
        self.env, self.overrides = env, overrides
        self.memo: dict[str, Quantity] = {}

    def lookup(self, name: str) -> Quantity | None:
        if name in self.overrides:
            return self.overrides[name]
        entry = self.env.entries.get(name)
        if entry is None or entry.kind != "derived" or entry.expr is None:
            return self.env.lookup(name)
        if name not in self.memo:
            value = self.evaluate(entry.expr.root)
            if entry.display is not None:
                value = value.to(entry.display.unit).with_label(
                    entry.display.label or value.label)
            self.memo[name] = value
        return self.memo[name]

    def evaluate(self, node: ex.Node) -> Quantity:
        return ex.evaluate(node, self.lookup, self.env.ctx, self.env.names)


def input_counts(env: Env, node: ex.Node) -> Counter[str]:
    """How often each figure or assumption enters, through derived figures."""
    counts: Counter[str] = Counter()
    for n in ex.walk(node):
        if not isinstance(n, ex.Name) or n.name not in env.entries:
            continue
        entry = env.entries[n.name]
        if entry.kind == "derived":
            if entry.expr is not None:
                counts.update(input_counts(env, entry.expr.root))
        else:
            counts[n.name] += 1
    return counts


def inputs_of(env: Env, node: ex.Node) -> list[str]:
    """Figures and assumptions an expression rests on, through derived figures, in order."""
    found: list[str] = []
    for n in ex.walk(node):
        if not isinstance(n, ex.Name) or n.name not in env.entries:
            continue
        entry = env.entries[n.name]
        more = inputs_of(env, entry.expr.root) if entry.expr is not None else [n.name]
        found.extend(m for m in more if m not in found)
    return found


def point(q: Quantity) -> Quantity:
    return Quantity.exact(q.central, q.unit).with_label(q.label)


def _pieces(iv: Interval, n: int) -> list[Interval] | None:
    if not iv.bounded or iv.lo == iv.hi:
        return None
    lo, hi = iv.lo, iv.hi
    assert isinstance(lo, Fraction) and isinstance(hi, Fraction)
    step = (hi - lo) / n
    return [Interval(lo + i * step, lo + (i + 1) * step) for i in range(n)]


def _hull(env: Env, node: ex.Node, names: list[str], view: str,
          overrides: dict[str, Quantity]) -> Interval | None:
    per_name = max(2, round(BUDGET ** (1 / len(names))))
    choices: list[list[Quantity]] = []
    for name in names:
        value = overrides.get(name, env.entries[name].value)
        assert value is not None
        pieces = _pieces(getattr(value, view), per_name) or [getattr(value, view)]
        choices.append([Quantity(p.lo, p, p, value.unit, value.label)  # type: ignore[arg-type]
                        for p in pieces])
    hull: Interval | None = None
    for combo in product(*choices):
        result = Evaluator(env, overrides | dict(zip(names, combo, strict=True))).evaluate(node)
        part = getattr(result, view)
        hull = part if hull is None else hull.hull(part)
    return hull


def tighten(env: Env, node: ex.Node, naive: Quantity,
            overrides: dict[str, Quantity] | None = None) -> Quantity:
    """``naive`` with its ranges narrowed for figures that occur more than once (with
    ``overrides`` replacing some figures, as the Evaluator does)."""
    overrides = overrides or {}
    def spread(name: str) -> bool:
        value = overrides.get(name, env.entries[name].value)
        return value is not None and value.hedged.lo != value.hedged.hi

    repeated = sorted(n for n, c in input_counts(env, node).items() if c > 1 and spread(n))
    if not repeated or len(repeated) > MAX_REPEATED:
        return naive
    views = {}
    for view in ("rounding", "hedged"):
        try:
            hull = _hull(env, node, repeated, view, overrides)
        except ClaimcheckError:  # e.g. a piece where a divisor reaches zero
            hull = None
        whole: Interval = getattr(naive, view)
        views[view] = whole if hull is None else Interval(max(whole.lo, hull.lo),
                                                          min(whole.hi, hull.hi))
    rounding, hedged = views["rounding"], views["hedged"]
    # keep the views nested: the hedged range always contains the rounding range
    hedged = hedged.hull(rounding)
    rounding = Interval(min(rounding.lo, naive.central), max(rounding.hi, naive.central))
    return Quantity(naive.central, rounding, hedged.hull(rounding), naive.unit, naive.label)
