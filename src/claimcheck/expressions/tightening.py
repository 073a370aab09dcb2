"""Tighter ranges when a figure enters an expression more than once.

Interval arithmetic treats every occurrence of a figure as independent, so
children / (children + adults) comes out wider than it can really be (the dependency
problem), wide enough to turn an inconsistent check into "within rounding".  For each
figure that occurs more than once, claimcheck splits its range into pieces, evaluates the
expression on each piece and keeps the hull: still a sound enclosure, and much tighter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from fractions import Fraction
from itertools import product
from typing import Protocol

from .. import expressions as ex
from ..diagnostics import ClaimcheckError
from ..quantities.intervals import Interval
from ..quantities.quantity import Quantity
from ..reading.figures import ReadContext
from ..reading.unit_phrases import UnitPhrase


class FigureEntry(Protocol):
    """One named figure as tightening sees it: read (`value`) or derived (`expr`)."""

    @property
    def kind(self) -> str: ...
    @property
    def value(self) -> Quantity | None: ...
    @property
    def expr(self) -> ex.Expression | None: ...
    @property
    def display(self) -> UnitPhrase | None: ...


class Env(Protocol):
    """What tightening needs of a claim file's figures; `checking.environment.Env` is
    one.  A protocol, so that arithmetic never imports the checking stage above it."""

    @property
    def entries(self) -> Mapping[str, FigureEntry]: ...
    @property
    def ctx(self) -> ReadContext: ...
    @property
    def names(self) -> frozenset[str]: ...
    def lookup(self, name: str) -> Quantity | None: ...
    def derived_order(self, names: Iterable[str]) -> list[str]: ...

#: evaluations allowed per view; the pieces per repeated figure follow from it
BUDGET = 64
MAX_REPEATED = 3
#: beyond this many derived figures under an expression, tightening takes each derived
#: figure's own (already tightened) range instead of reaching through to the figures it
#: rests on: still sound, and linear in the chain rather than quadratic
MAX_EXPANDED = 8


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
            for dependency in self.env.derived_order([name]):  # deepest first: no recursion
                dep = self.env.entries[dependency]
                if dependency in self.memo or dep.expr is None:
                    continue
                value = self.evaluate(dep.expr.root)
                if dep.display is not None:
                    value = value.shown_in(dep.display.unit, dep.display.label)
                self.memo[dependency] = value
        return self.memo[name]

    def evaluate(self, node: ex.Node) -> Quantity:
        return ex.evaluate(node, self.lookup, self.env.ctx, self.env.names)


def _leaf_counts(env: Env, node: ex.Node, derived: dict[str, Counter[str]]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for n in ex.walk(node):
        if not isinstance(n, ex.Name) or n.name not in env.entries:
            continue
        if env.entries[n.name].kind == "derived":
            counts.update(derived.get(n.name, Counter()))
        else:
            counts[n.name] += 1
    return counts


def input_counts(env: Env, node: ex.Node) -> Counter[str]:
    """How often each figure or assumption enters, through derived figures: each derived
    figure counted once, deepest first (24 figures each doubling the last name their
    first figure 16 million times; walking every path would take minutes)."""
    names = [n.name for n in ex.walk(node) if isinstance(n, ex.Name)]
    derived: dict[str, Counter[str]] = {}
    for name in env.derived_order(names):
        expr = env.entries[name].expr
        derived[name] = _leaf_counts(env, expr.root, derived) if expr is not None else Counter()
    return _leaf_counts(env, node, derived)


def inputs_of(env: Env, node: ex.Node) -> list[str]:
    """Figures and assumptions an expression rests on, through derived figures, in order."""
    return list(input_counts(env, node))


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

    names = [n.name for n in ex.walk(node) if isinstance(n, ex.Name) and n.name in env.entries]
    if len(env.derived_order(names)) <= MAX_EXPANDED:
        counts = input_counts(env, node)
    else:  # a long chain of derived figures: each taken as it is (still a sound range)
        counts = Counter(names)
    repeated = sorted(n for n, c in counts.items() if c > 1 and spread(n))
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
