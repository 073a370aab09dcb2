"""`claimcheck calc`: one expression or comparison, read exactly as a claim file reads it.

"about $370 million / 3.7 million tons in USD/tonne" has the same number reading,
precision, hedges and unit conventions as a figure in a claim file; a comparison gets the
same verdict ladder.  The library never prints: renderers draw a CalcResult.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import expressions as ex
from .comparison import align, pick_reading
from .diagnostics import ClaimcheckError, Diagnostic, Label, Span
from .hedges import HedgeKind
from .lexer import Kind, TextError, tokenize
from .quantity import Quantity
from .reading import ReadContext
from .report import Shown
from .verdicts import explain, gap, judge

SOURCE = "<expression>"


@dataclass(frozen=True)
class CalcResult:
    text: str
    value: Shown | None = None          # an expression's result
    relation: str | None = None         # for a comparison: computed RELATION stated
    computed_text: str | None = None
    computed: Shown | None = None
    stated_text: str | None = None
    stated: Shown | None = None
    verdict: str | None = None
    explanation: str | None = None
    gap: Any = None
    notes: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()
    stated_hedges: tuple[str, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = field(default=())

    @property
    def exit_status(self) -> int:
        """0 evaluated; 1 a comparison that is inconsistent; 2 cannot be evaluated."""
        if self.diagnostics:
            return 2
        return 1 if self.verdict == "inconsistent" else 0

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"expression": self.text, "notes": list(self.notes),
                               "hedges": list(self.hedges),
                               "diagnostics": [d.to_dict() for d in self.diagnostics]}
        if self.value is not None:
            out["value"] = self.value.to_dict()
        if self.relation is not None and self.computed and self.stated:
            out.update(relation=self.relation, verdict=self.verdict,
                       explanation=self.explanation,
                       computed={"text": self.computed_text, **self.computed.to_dict()},
                       stated={"text": self.stated_text, **self.stated.to_dict()},
                       gap=None if self.gap is None else {"value": float(self.gap.value),
                                                          "unit": self.gap.unit})
        return out


def _span(err: TextError, text: str) -> Diagnostic:
    def at(start: int, end: int) -> Span:
        return Span(SOURCE, 1, start + 1, 1, max(end, start + 1) + 1)

    labels = tuple(Label(at(s, e), t) for s, e, t in err.labels)
    return err.diagnostic.at(at(err.start, err.end), labels)


def _notes(*exprs: ex.Expression) -> tuple[str, ...]:
    notes: list[str] = []
    for e in exprs:
        for n in ex.walk(e.root):
            if isinstance(n, ex.Literal):
                notes.extend(n.reading.notes)
        notes.extend(ex.notes_of(e.root))
        if e.display is not None:
            notes.extend(e.display.notes)
    return tuple(dict.fromkeys(notes))


def _hedges(*exprs: ex.Expression) -> tuple[str, ...]:
    return tuple(dict.fromkeys(
        n.reading.hedge.words for e in exprs for n in ex.walk(e.root)
        if isinstance(n, ex.Literal) and n.reading.hedge
        and n.reading.hedge.rule.kind is not HedgeKind.EXACT))


def _shown(q: Quantity, unit_text: str) -> Shown:
    return Shown(q.central, q.rounding, q.hedged, unit_text)


def _nothing(_: str) -> Quantity | None:
    return None


def calculate(text: str, conventions: Mapping[str, str] | None = None) -> CalcResult:
    """Evaluate one expression or comparison; every failure becomes a located diagnostic."""
    from . import units

    ctx = ReadContext(dict(conventions or {}))
    names: frozenset[str] = frozenset()
    try:
        is_comparison = any(t.kind is Kind.OP and t.text in ex.RELATIONS
                            for t in tokenize(text, grouping=False))
        if not is_comparison:
            expr = ex.parse_expression(text, ctx)
            value = ex.evaluate(expr.root, _nothing, ctx, names)
            if expr.display is not None:
                value = value.to(expr.display.unit, "the result").with_label(
                    expr.display.label or value.label)
            unit_text = units.format_unit(value.unit, value.label)
            return CalcResult(text, _shown(value, unit_text), notes=_notes(expr),
                              hedges=_hedges(expr))
        assertion = ex.parse_assertion(text, ctx)
        left = ex.evaluate(assertion.left.root, _nothing, ctx, names)
        right = ex.evaluate(assertion.right.root, _nothing, ctx, names)
        left, right, unit_text = align(assertion, left, right)
    except TextError as err:
        return CalcResult(text, diagnostics=(_span(err, text),))
    except ClaimcheckError as err:
        return CalcResult(text, diagnostics=(err.diagnostic.at(Span(SOURCE, 1, 1)),))
    computed, stated = _shown(left, unit_text), _shown(right, unit_text)
    root = assertion.right.root
    hedge = root.reading.hedge if isinstance(root, ex.Literal) else None
    is_bound = bool(hedge and hedge.rule.is_bound)
    verdict = judge(assertion.relation, computed, stated, is_bound)
    stated_hedges, input_hedges = _hedges(assertion.right), _hedges(assertion.left)
    stated_text, other = assertion.right.text, ""
    if isinstance(root, ex.Literal) and root.reading.alternative is not None:
        verdict, stated, suffix, other = pick_reading(
            assertion.relation, computed, stated, verdict, root.reading.quantity,
            root.reading.alternative, right, is_bound)
        stated_text += suffix
    sentence = explain(verdict, assertion.relation, assertion.left.text, computed,
                       stated_text, stated, stated_hedges, input_hedges,
                       stated_is_figure=isinstance(root, ex.Literal),
                       stated_is_bound=is_bound) + other
    return CalcResult(
        text, relation=assertion.relation, computed_text=assertion.left.text,
        computed=computed, stated_text=assertion.right.text, stated=stated, verdict=verdict,
        explanation=sentence, gap=gap(computed, stated),
        notes=_notes(assertion.left, assertion.right),
        hedges=tuple(dict.fromkeys(stated_hedges + input_hedges)), stated_hedges=stated_hedges)
