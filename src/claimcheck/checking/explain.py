"""`claimcheck explain`: the derivation of each check, which inputs drive its width, and
what would make it true.

Everything here is recomputed from the same environment `verify` uses, so the tree, the
sensitivity and the solver can never disagree with the verdict.  The library never
prints; render/text_explain.py draws an Explanation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from .. import expressions as ex
from ..claimfile.model import FigureSource
from ..diagnostics import ClaimcheckError
from ..expressions.tightening import Evaluator, inputs_of, point, tighten
from ..quantities import formatting as fmt
from ..quantities import unit_math
from .environment import Env, shown
from .report import CheckResult, Shown
from .solve import Solution, solve_for
from .wording import honest_wordings


@dataclass(frozen=True)
class Node:
    """One step of a derivation: an expression, its value, and how it was reached."""

    expr: str
    kind: str  # operation | figure | assumption | derived | literal
    value: Shown | None
    name: str | None = None
    stated: str | None = None
    quote: str | None = None
    precision: str | None = None
    hedge: str | None = None
    hedge_rule: str | None = None
    notes: tuple[str, ...] = ()
    children: tuple[Node, ...] = ()

    @property
    def heading(self) -> str:
        """What the node is shown as: a figure by its name, anything else as written."""
        if self.kind in ("figure", "assumption") or (
                self.kind == "derived" and self.name == self.expr):
            return self.name or self.expr
        return self.expr

    @property
    def details(self) -> list[str]:
        """How the value was read: 'stated ...', its precision, its hedge."""
        found = []
        if self.stated is not None and self.kind != "derived":
            found.append(f"stated '{self.stated}'")
        if self.precision:
            found.append(self.precision)
        if self.hedge:
            found.append(f"hedge '{self.hedge}': {self.hedge_rule}")
        return found

    def to_dict(self) -> dict[str, Any]:
        return {"expr": self.expr, "kind": self.kind, "name": self.name,
                "value": self.value.to_dict() if self.value else None,
                "stated": self.stated, "quote": self.quote, "precision": self.precision,
                "hedge": self.hedge, "hedge_rule": self.hedge_rule, "notes": list(self.notes),
                "children": [c.to_dict() for c in self.children]}


@dataclass(frozen=True)
class Share:
    """How much of the recomputed range's width one input's rounding (or hedge) causes."""

    name: str
    rounding: Fraction | None  # share of the rounding width, 0..1
    hedged: Fraction | None    # share of the hedged width, or None when unbounded
    unbounds: bool = False     # this input alone leaves the hedged range without a limit

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name,
                "rounding": None if self.rounding is None else float(self.rounding),
                "hedged": None if self.hedged is None else float(self.hedged),
                "unbounds": self.unbounds}


@dataclass(frozen=True)
class Explanation:
    check: CheckResult
    computed: Node | None
    stated: Node | None
    sensitivity: tuple[Share, ...] = ()
    solutions: tuple[Solution, ...] = ()
    wordings: tuple[str, ...] = ()
    #: inputs not solved for (beyond MAX_SOLVED: they move the result least)
    unsolved: int = 0

    @property
    def summary(self) -> str | None:
        """"coal_transshipped = 2.59 million t, or coal_total = 4 million t, would make
        the check consistent": every value in it confirmed by rerunning the check."""
        found = [s for s in self.solutions if s.value_text is not None and s.role != "stated"]
        if not found:
            return None
        if self.check.relation == "==":
            parts = ", or ".join(f"{s.name} = {s.value_text}" for s in found)
            outcome = "the check consistent"
        else:
            parts = ", or ".join(f"{s.name} {s.range_text}" for s in found)
            outcome = "it hold"
        comma = "," if len(found) > 1 else ""
        return f"{parts}{comma} would make {outcome}"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.check.id, "claim": self.check.claim, "verdict": self.check.verdict,
                "explanation": self.check.explanation, "notes": list(self.check.notes),
                "computed": self.computed.to_dict() if self.computed else None,
                "stated": self.stated.to_dict() if self.stated else None,
                "sensitivity": [s.to_dict() for s in self.sensitivity],
                "solutions": [s.to_dict() for s in self.solutions],
                "would_make_it_true": self.summary, "unsolved_inputs": self.unsolved,
                "honest_wordings": list(self.wordings)}


# --- evaluation with some inputs replaced ----------------------------------------------

def inputs_of_names(node: Node | None) -> list[str]:
    """The figures and assumptions at the leaves of a derivation tree."""
    if node is None:
        return []
    if node.kind in ("figure", "assumption") and node.name:
        return [node.name]
    return [n for child in node.children for n in inputs_of_names(child)]


# --- the tree ---------------------------------------------------------------------------

def _leaf(env: Env, name: str, expr: str) -> Node:
    entry = env.entries[name]
    value = shown(entry.value, entry.unit_text) if entry.value is not None else None
    reading = entry.reading
    spec = env.model.figures.get(name) if entry.kind == "figure" else env.model.assumptions.get(
        name)
    notes = reading.notes if reading else ()
    origin = getattr(spec, "source", None)
    if isinstance(origin, FigureSource):  # a figure from a second outlet or document
        notes = (*notes, f"source: {origin.describe()}" + (f" {origin.url}" if origin.url
                                                           else ""))
        origin = None
    return Node(expr, entry.kind, value, name,
                stated=reading.text if reading else None,
                quote=getattr(spec, "quote", None) or origin,
                precision=reading.precision if reading else None,
                hedge=reading.hedge.words if reading and reading.hedge else None,
                hedge_rule=reading.hedge.rule.describe(reading.fall) if reading and reading.hedge
                else None,
                notes=notes)


#: "what would make it true" solves for at most this many inputs
MAX_SOLVED = 8

#: derived figures are expanded this many levels deep in a derivation tree
MAX_TREE_DEPTH = 12


def tree(env: Env, node: ex.Node, text: str, offset: int = 0,
         seen: set[str] | None = None, depth: int = 0) -> Node:
    """The derivation of ``node`` (whose source is ``text``, starting at ``offset``).

    A derived figure is expanded once per tree (a second mention says so), and only
    MAX_TREE_DEPTH levels deep: 24 derived figures each doubling the last would
    otherwise make a tree of 16 million nodes."""
    seen = set() if seen is None else seen
    expr = text[node.start - offset : node.end - offset]
    if isinstance(node, ex.Name) and node.name in env.entries:
        entry = env.entries[node.name]
        if entry.kind != "derived":
            return _leaf(env, node.name, expr)
        derived_value = shown(entry.value, entry.unit_text) if entry.value is not None else None
        children: tuple[Node, ...] = ()
        notes = entry.notes
        if node.name in seen:
            notes = (*notes, "worked out above")
        elif depth >= MAX_TREE_DEPTH:
            notes = (*notes, "its own derivation is not shown (too deep)")
        elif entry.expr is not None:
            seen.add(node.name)
            children = (tree(env, entry.expr.root, entry.expr.text, entry.expr.start, seen,
                             depth + 1),)
        return Node(expr, "derived", derived_value, node.name, notes=notes,
                    children=children)
    value: Shown | None = None
    try:
        q = Evaluator(env, {}).evaluate(node)
        value = shown(q, unit_math.format_unit(q.unit, q.label))
    except ClaimcheckError:
        pass
    if isinstance(node, ex.Literal):
        r = node.reading
        # a number inside an expression is an exact constant (its hedge still widens it);
        # only an inline stated side keeps the reading's rounding, and that root is shown
        # with the check's own value
        return Node(expr, "literal", value, stated=r.text,
                    precision="exact (a number in an expression)",
                    hedge=r.hedge.words if r.hedge else None,
                    hedge_rule=r.hedge.rule.describe(r.fall) if r.hedge else None,
                    notes=r.notes)
    kids: list[ex.Node] = []
    if isinstance(node, ex.Binary):
        kids = [node.left, node.right]
    elif isinstance(node, ex.Unary):
        kids = [node.operand]
    elif isinstance(node, ex.Power):
        kids = [node.base]
    elif isinstance(node, ex.Call):
        kids = list(node.args)
    return Node(expr, "operation", value,
                children=tuple(tree(env, k, text, offset, seen, depth) for k in kids))


# --- sensitivity ---------------------------------------------------------------------------

def _width(lo: object, hi: object) -> Fraction | None:
    if isinstance(lo, float) or isinstance(hi, float):
        return None  # unbounded
    assert isinstance(lo, Fraction) and isinstance(hi, Fraction)
    return hi - lo


def sensitivity(env: Env, node: ex.Node) -> tuple[Share, ...]:
    """Each input's share of the width of the result: how much the range narrows when
    that input alone is taken at its central value."""
    names = inputs_of(env, node)
    try:
        full = tighten(env, node, Evaluator(env, {}).evaluate(node))
    except ClaimcheckError:
        return ()
    full_r = _width(full.rounding.lo, full.rounding.hi)
    full_h = _width(full.hedged.lo, full.hedged.hi)
    drops: list[tuple[str, Fraction, Fraction | None, bool]] = []
    for name in names:
        value = env.entries[name].value
        if value is None:
            continue
        fixed_input = {name: point(value)}
        try:
            fixed = tighten(env, node, Evaluator(env, fixed_input).evaluate(node), fixed_input)
        except ClaimcheckError:
            continue
        w_r = _width(fixed.rounding.lo, fixed.rounding.hi)
        w_h = _width(fixed.hedged.lo, fixed.hedged.hi)
        drop_r = (full_r - w_r) if full_r is not None and w_r is not None else Fraction(0)
        unbounds = full_h is None and w_h is not None
        drop_h = (full_h - w_h) if full_h is not None and w_h is not None else None
        drops.append((name, max(drop_r, Fraction(0)), drop_h, unbounds))
    total_r = sum((d[1] for d in drops), Fraction(0))
    total_h = sum((d[2] for d in drops if d[2] is not None), Fraction(0))
    shares = [Share(name, r / total_r if total_r else None,
                    (h / total_h if total_h else None) if h is not None else None, unbounds)
              for name, r, h, unbounds in drops]
    return tuple(sorted(shares, key=lambda s: (-(s.rounding or 0), s.name)))


# --- one check -------------------------------------------------------------------------------

def explain_check(env: Env, check: CheckResult) -> Explanation:
    try:
        assertion = env.assertion(check.assertion)
    except ClaimcheckError:
        return Explanation(check, None, None)
    # The two roots are shown in the unit they are compared in (75.7%, not 0.757).
    computed = tree(env, assertion.left.root, assertion.text)
    stated = tree(env, assertion.right.root, assertion.text)
    if check.computed is not None and check.stated is not None:
        computed = replace(computed, value=check.computed)
        stated = replace(stated, value=check.stated)
    if isinstance(assertion.right.root, ex.Literal):  # an inline stated figure: as stated
        stated = replace(stated, precision=assertion.right.root.reading.precision)
    shares = sensitivity(env, assertion.left.root)
    if check.verdict in ("consistent", "error") or check.stated is None:
        return Explanation(check, computed, stated, shares)
    names = inputs_of(env, assertion.left.root)
    stated_names = [n for n in inputs_of(env, assertion.right.root) if n not in names]
    # each input is solved for by rerunning the check a few hundred times: the inputs
    # that drive the width most, up to MAX_SOLVED, rather than a sum of 100 figures
    weight = {s.name: s.rounding or 0 for s in shares}
    ranked = sorted(names, key=lambda n: (-weight.get(n, 0), names.index(n)))
    chosen = [n for n in names if n in ranked[:MAX_SOLVED]] + stated_names[:MAX_SOLVED]
    omitted = len(names) + len(stated_names) - len(chosen)
    solutions = tuple(solve_for(Evaluator, env, name, assertion, check) for name in chosen)
    # rewording a figure that is itself the claim under test says nothing new
    bare = isinstance(assertion.left.root, ex.Name) and env.entries.get(
        assertion.left.root.name) is not None and env.entries[
        assertion.left.root.name].kind != "derived"
    wordings = () if bare else honest_wordings(check)
    return Explanation(check, computed, stated, shares, solutions, wordings, omitted)


def explain_env(env: Env, checks: tuple[CheckResult, ...],
                wanted: list[str] | None = None) -> tuple[Explanation, ...]:
    chosen = [c for c in checks if not wanted or c.id in wanted]
    return tuple(explain_check(env, c) for c in chosen)


def bar(share: Fraction | None, width: int = 20) -> str:
    """A text bar for a share, for renderers without graphics."""
    if share is None:
        return ""
    n = max(0, min(width, math.floor(float(share) * width + 0.5)))
    return "█" * n


def percent(share: Fraction | None) -> str:
    return "—" if share is None else f"{fmt.number(share * 100, 2)}%"
