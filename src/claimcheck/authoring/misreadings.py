"""Lint warnings for readings that are valid but rarely what the report meant: the silent
misreadings a fact-checker cannot see in the verdict alone.

- a bare number added to or compared with a percentage ("share + 5" reads 5 as 500%);
- a figure counted with no noun compared with a share;
- "points" read as percentage points by claimcheck's default, where an index may be meant
  (the typographic point, pint's reading, is refused outright);
- a figure whose reading lies outside what its noun allows: a share above 100%, a
  negative count.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import expressions as ex
from ..checking.environment import Env
from ..diagnostics import ClaimcheckError, Diagnostic, Severity, Span
from ..expressions.tightening import Evaluator
from ..quantities import unit_math
from ..quantities.quantity import Quantity


def _warn(code: str, message: str, span: Span | None, hint: str) -> Diagnostic:
    return Diagnostic(code, message, span, hint, Severity.WARNING)


def _value(env: Env, node: ex.Node) -> Quantity | None:
    try:
        return Evaluator(env, {}).evaluate(node)
    except ClaimcheckError:
        return None


def _bare(env: Env, node: ex.Node) -> bool:
    """A number with no unit and no noun: a plain literal, or a figure stated bare."""
    if isinstance(node, ex.Literal):
        return unit_math.is_pure_count(node.reading.quantity.unit) and (
            node.reading.quantity.label is None)
    if isinstance(node, ex.Name) and node.name in env.entries:
        reading = env.entries[node.name].reading
        return reading is not None and unit_math.is_pure_count(reading.quantity.unit) and (
            reading.quantity.label is None) and reading.period is None
    return False


def _percent(env: Env, node: ex.Node) -> bool:
    found = _value(env, node)
    return found is not None and unit_math.is_percent(found.unit)


def _pairs(env: Env) -> Iterator[tuple[ex.Node, ex.Node, str, Span | None, str]]:
    """(a, b, what, span, where): the operands of every +, - and comparison in the file."""
    for check, result in zip(env.model.checks, env.parsed_checks(), strict=True):
        if result is None:
            continue
        assertion, span = result
        yield assertion.left.root, assertion.right.root, "compared", span, check.id
        for side in (assertion.left, assertion.right):
            for node in ex.walk(side.root):
                if isinstance(node, ex.Binary) and node.op in "+-":
                    yield node.left, node.right, f"'{node.op}'", span, check.id
    for name, entry in env.entries.items():
        if entry.kind == "derived" and entry.expr is not None:
            for node in ex.walk(entry.expr.root):
                if isinstance(node, ex.Binary) and node.op in "+-":
                    yield node.left, node.right, f"'{node.op}'", entry.key.span, name


def bare_numbers_with_percentages(env: Env) -> list[Diagnostic]:
    found = []
    for a, b, what, span, where in _pairs(env):
        for bare, other in ((a, b), (b, a)):
            if not (_bare(env, bare) and _percent(env, other)):
                continue
            literal = isinstance(bare, ex.Literal)
            code = "bare-number-with-percent" if literal else "count-compared-with-share"
            text = bare.reading.text if isinstance(bare, ex.Literal) else (
                bare.name if isinstance(bare, ex.Name) else "a number")
            as_percent = ""
            if isinstance(bare, ex.Literal):
                from ..quantities import formatting as fmt

                hundredfold = bare.reading.quantity.central * 100  # a plain 5 is 500%
                as_percent = fmt.number(hundredfold, fmt.digits_for([hundredfold])) + "%"
            message = (f"in '{where}', the bare number {text!r} is {what} with a percentage: "
                       f"claimcheck reads {text} as {as_percent}" if literal else
                       f"in '{where}', '{text}' has no unit or noun and is {what} with a "
                       "share")
            hint = ("write it with its unit: '5%' for five percent, '5 pp' for five "
                    "percentage points" if literal else
                    "give the figure its noun ('370 voyages') or compare like with like: "
                    "a share with a share, a count with a count")
            found.append(_warn(code, message, span, hint))
            break
    return found


def implausible_readings(env: Env) -> list[Diagnostic]:
    """A share above 100% or a negative count, where no direction word says 'a change';
    a fall of more than 100%, which leaves less than nothing."""
    found = []
    for name, entry in env.entries.items():
        reading = entry.reading
        if reading is None:
            continue
        q = reading.quantity
        if any("is a change, negative" in n for n in reading.notes) and unit_math.is_percent(
                q.unit) and q.central < -100:
            found.append(_warn(
                "implausible-reading", f"'{name}' reads as a fall of "
                f"{float(-q.central):g}%, more than all there was", entry.key.span,
                "a fall of more than 100% leaves less than nothing: check the figure, or "
                "whether the report means a fall in percentage points"))
        if any("is a change" in n for n in reading.notes):
            continue
        if unit_math.is_percent(q.unit) and q.central > 100:
            found.append(_warn(
                "implausible-reading", f"'{name}' reads as a share of {float(q.central):g}%, "
                "more than the whole", entry.key.span,
                "if it is a change, write it as one ('up 120%'); if it is a ratio above "
                "one ('debt of 120% of GDP'), this warning can be ignored"))
        if q.label and unit_math.is_pure_count(q.unit) and q.central < 0:
            found.append(_warn(
                "implausible-reading", f"'{name}' reads as a negative count of {q.label}",
                entry.key.span, "a count of things is never negative: for a fall, write "
                                "'a fall of 84,000' or 'down 84,000'"))
    return found
