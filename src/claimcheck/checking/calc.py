"""`claimcheck calc`: one expression or comparison, read exactly as a claim file reads it.

"about $370 million / 3.7 million tons in USD/tonne" has the same number reading,
precision, hedges and unit conventions as a figure in a claim file; a comparison gets the
same verdict ladder.  The library never prints: renderers draw a CalcResult.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .. import expressions as ex
from ..diagnostics import ClaimcheckError, Diagnostic, Label, Span
from ..outcomes import ExitStatus, Verdict
from ..quantities.quantity import Quantity
from ..reading.figures import ReadContext
from ..reading.lexer import Kind, TextError, tokenize
from .comparison import StatedSide, compare, region_text
from .report import Shown

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
    verdict: Verdict | None = None
    explanation: str | None = None
    gap: Any = None
    notes: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()
    stated_hedges: tuple[str, ...] = ()
    stated_meaning: str | None = None
    diagnostics: tuple[Diagnostic, ...] = field(default=())

    @property
    def exit_status(self) -> ExitStatus:
        """Evaluated: OK; a comparison that is inconsistent: FAILED; cannot be evaluated:
        BAD_INPUT."""
        if self.diagnostics:
            return ExitStatus.BAD_INPUT
        return ExitStatus.FAILED if self.verdict == Verdict.INCONSISTENT else ExitStatus.OK

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"expression": self.text, "notes": list(self.notes),
                               "hedges": list(self.hedges),
                               "diagnostics": [d.to_dict() for d in self.diagnostics]}
        if self.value is not None:
            out["value"] = self.value.to_dict()
        if self.value is not None and self.stated_meaning and self.relation is None:
            out["meaning"] = self.stated_meaning  # a bound: the region it states
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
        if isinstance(n, ex.Literal) and n.reading.hedge and n.reading.hedge.widens))


def _shown(q: Quantity, unit_text: str) -> Shown:
    return Shown(q.central, q.rounding, q.hedged, unit_text)


def _nothing(_: str) -> Quantity | None:
    return None


def _sides(assertion: ex.Assertion, ctx: ReadContext,
           literals: ex.Literals) -> tuple[Quantity, Quantity]:
    """Every number typed on the command line is a stated figure (a bare one is exact);
    an inline stated side is read exactly as the same text in a claim file."""
    names: frozenset[str] = frozenset()
    left = ex.evaluate(assertion.left.root, _nothing, ctx, names, literals)
    root = assertion.right.root
    if isinstance(root, ex.Literal):
        coarse = root.reading.coarse if literals is ex.Literals.COARSE else None
        return left, coarse or root.reading.quantity
    return left, ex.evaluate(root, _nothing, ctx, names, literals)


def calculate(text: str, conventions: Mapping[str, str] | None = None) -> CalcResult:
    """Evaluate one expression or comparison; every failure becomes a located diagnostic."""
    from ..quantities import unit_math

    ctx = ReadContext(dict(conventions or {}))
    try:
        # a sign that starts the text is the figure's own ("> 612.5"), not a comparison
        is_comparison = any(t.kind is Kind.OP and t.text in ex.RELATIONS
                            for t in tokenize(text, grouping=False)[1:])
        if not is_comparison:
            expr = ex.parse_expression(text, ctx)
            value = ex.evaluate(expr.root, _nothing, ctx, frozenset(), ex.Literals.STATED)
            if expr.display is not None:
                value = value.shown_in(expr.display.unit, expr.display.label, "the result")
            unit_text = unit_math.format_unit(value.unit, value.label)
            root = expr.root
            meaning = None  # "more than 80%" is a region, not a value with a range
            if isinstance(root, ex.Literal) and expr.display is None:
                meaning = region_text(root.reading.region, unit_text)
            return CalcResult(text, _shown(value, unit_text), notes=_notes(expr),
                              hedges=_hedges(expr), stated_meaning=meaning)
        assertion = ex.parse_assertion(text, ctx)
        left, right = _sides(assertion, ctx, ex.Literals.STATED)
        root = assertion.right.root
        reading = root.reading if isinstance(root, ex.Literal) else None
        stated = StatedSide(text=reading.text if reading else assertion.right.text,
                            reading=reading, hedges=_hedges(assertion.right))
        input_hedges = _hedges(assertion.left)
        result = compare(assertion, left, right, computed_text=assertion.left.text,
                         stated=stated, input_hedges=input_hedges)
        coarse_notes: tuple[str, ...] = ()
        if any(isinstance(n, ex.Literal) and n.reading.coarse is not None
               for side in (assertion.left, assertion.right) for n in ex.walk(side.root)):
            c_left, c_right = _sides(assertion, ctx, ex.Literals.COARSE)
            coarse = compare(assertion, c_left, c_right, computed_text=assertion.left.text,
                             stated=stated, input_hedges=input_hedges, verdict_only=True)
            if coarse.verdict != result.verdict:
                coarse_notes = (f"read to one significant figure, this comparison would be "
                                f"{coarse.verdict.replace('_', ' ')}, not "
                                f"{result.verdict.replace('_', ' ')}; claimcheck reads round "
                                "numbers to two significant figures",)
    except TextError as err:
        return CalcResult(text, diagnostics=(_span(err, text),))
    except ClaimcheckError as err:
        return CalcResult(text, diagnostics=(err.diagnostic.at(Span(SOURCE, 1, 1)),))
    return CalcResult(
        text, relation=assertion.relation, computed_text=assertion.left.text,
        computed=result.computed, stated_text=result.stated_text, stated=result.stated,
        verdict=result.verdict, explanation=result.explanation, gap=result.gap,
        notes=tuple(dict.fromkeys((*_notes(assertion.left, assertion.right), *result.notes,
                                   *coarse_notes))),
        hedges=tuple(dict.fromkeys(stated.hedges + input_hedges)),
        stated_hedges=stated.hedges, stated_meaning=result.stated_meaning)
