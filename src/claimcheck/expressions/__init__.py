"""Expressions: our own whitelist grammar, parsed to a tree with character offsets.

    assertion  := expr (('==' | '<' | '<=' | '>' | '>=') expr)?
    expr       := sum ('in' unit)?
    sum        := product (('+' | '-') product)*
    product    := unary (('*' | '/') unary)*
    unary      := '-' unary | power
    power      := atom (('^' | '**') '-'? INTEGER)?
    atom       := quantity literal | NAME | FUNC '(' expr (',' expr)* ')' | '(' expr ')'

A quantity literal is read exactly like a stated figure ("about $370 million",
"10000 t"); a bare number (2, 100, 0.5) is an exact constant.  Nothing is ever handed
to ``eval``: the only operations are the ones below.  Length, nesting depth and
exponents are bounded.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from fractions import Fraction

from ..diagnostics import ClaimcheckError, did_you_mean
from ..quantities import quantity as q
from ..quantities import units
from ..reading.figures import ReadContext, Reading
from ..reading.lexer import TextError
from .functions import AS_STATED, call, call_notes
from .parser import parse_assertion, parse_expression
from .syntax import (
    RELATIONS,
    RESERVED,
    Assertion,
    Binary,
    Call,
    Expression,
    Literal,
    Name,
    Node,
    Power,
    Unary,
    walk,
)

__all__ = [
    "RELATIONS",
    "RESERVED",
    "Assertion",
    "Binary",
    "Call",
    "Expression",
    "Literal",
    "Literals",
    "Name",
    "Node",
    "Power",
    "Unary",
    "describe",
    "evaluate",
    "notes_of",
    "parse_assertion",
    "parse_expression",
    "walk",
]

# --- evaluation ------------------------------------------------------------------------

Lookup = Callable[[str], "q.Quantity | None"]


class Literals(StrEnum):
    """How a number written inside an expression is read."""

    EXACT = "exact"    # claim files: `1 year`, `100%`, `42` are the arithmetic's constants
    STATED = "stated"  # calc: '3.7 million t' is a stated figure, rounding and all
    COARSE = "coarse"  # as STATED, with round numbers read to one significant figure


def literal_value(reading: Reading, literals: Literals) -> q.Quantity:
    if literals is Literals.EXACT:
        return reading.as_literal()
    if reading.plain:
        return q.Quantity.exact(reading.quantity.central)  # calc: a bare 100 is exact
    if literals is Literals.COARSE and reading.coarse is not None:
        return reading.coarse
    return reading.quantity


def evaluate(node: Node, lookup: Lookup, ctx: ReadContext, names: frozenset[str],
             literals: Literals = Literals.EXACT) -> q.Quantity:
    """Evaluate ``node``; every failure becomes a TextError located at the failing node."""
    try:
        return _eval(node, lookup, ctx, names, literals)
    except TextError:
        raise
    except ClaimcheckError as err:
        d = err.diagnostic
        raise TextError(d.code, d.message, node.start, node.end, d.hint) from None


def _eval(node: Node, lookup: Lookup, ctx: ReadContext, names: frozenset[str],
          literals: Literals) -> q.Quantity:
    def sub(n: Node) -> q.Quantity:
        return evaluate(n, lookup, ctx, names, literals)

    if isinstance(node, Literal):
        return literal_value(node.reading, literals)
    if isinstance(node, Name):
        return _name(node, lookup, ctx, names)
    if isinstance(node, Unary):
        return q.negate(sub(node.operand))
    if isinstance(node, Power):
        return q.power(sub(node.base), node.exponent)
    if isinstance(node, Call):
        args = [sub(a) for a in node.args]
        first = node.args[0]
        if node.func in AS_STATED and isinstance(first, Literal):
            args[0] = first.reading.quantity  # grim(5.19, 28): 5.19 keeps its precision
        return call(node.func, args)
    assert isinstance(node, Binary)
    left, right = sub(node.left), sub(node.right)
    try:
        if node.op == "+":
            return q.add(left, right)
        if node.op == "-":
            return q.add(left, right, sign=-1)
        if node.op == "*":
            return q.multiply(left, right)
        return q.divide(left, right)
    except ClaimcheckError as err:
        d = err.diagnostic
        where = node.right if d.code == "division-by-zero" else node
        message: str = d.message
        labels: tuple[tuple[int, int, str], ...] = ()
        if d.code == "dimension-mismatch":
            message = (f"cannot {'add' if node.op == '+' else 'subtract'} "
                       f"{describe(left)} and {describe(right)}")
            labels = ((node.left.start, node.left.end, describe(left)),
                      (node.right.start, node.right.end, describe(right)))
        raise TextError(d.code, message, where.start, where.end, d.hint, labels) from None


def notes_of(node: Node) -> tuple[str, ...]:
    """What calls in a tree rest on (the CPI table and years for inflate)."""
    found: list[str] = []
    for n in walk(node):
        if isinstance(n, Call):
            args = [a.reading.quantity if isinstance(a, Literal) else None for a in n.args]
            found.extend(call_notes(n.func, args))
    return tuple(found)


def describe(x: q.Quantity) -> str:
    return q.describe(x.unit, x.label)


def _name(node: Name, lookup: Lookup, ctx: ReadContext, names: frozenset[str]) -> q.Quantity:
    found = lookup(node.name)
    if found is not None:
        return found
    try:
        resolved = units.resolve_word(node.name, ctx.conventions, ctx.counts)
    except ClaimcheckError as err:  # an ambiguous unit word: say so, not "unknown name"
        d = err.diagnostic
        raise TextError(d.code, d.message, node.start, node.end, d.hint) from None
    if resolved is not None:
        return q.Quantity.exact(Fraction(1), resolved.unit).with_label(resolved.label)
    hint = did_you_mean(node.name, names)
    if hint is None and names:
        hint = f"names in this file: {', '.join(sorted(names))}"
    elif hint is None:
        hint = units.unknown_unit_hint(node.name, ctx.counts)
    raise TextError("unknown-name", f"unknown name or unit '{node.name}'", node.start,
                    node.end, hint)
