"""One check or diagnostic as plain text, for the formats that carry a message but no
layout: JUnit failures, SARIF messages, pytest failure reports.  Never through rich."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypeVar

from ..checking.report import CheckResult, Shown
from ..diagnostics import Diagnostic, Severity
from ..quantities import formatting as fmt
from ..quantities.units import ConventionNote
from ..sanitize import safe

if TYPE_CHECKING:
    from ..checking.solve import Solution

T = TypeVar("T")

def printable(value: T) -> T:
    """A report (or any of its parts) with every string made ``safe``: what the text
    renderers draw, since rich prints control characters as they are.  Parts with
    nothing to change are the very objects given (a report is immutable)."""
    return _printable(value)  # type: ignore[no-any-return]


#: types whose values hold no text: handed back without a look
_NO_TEXT = frozenset({int, float, bool, type(None), Fraction})
#: each dataclass's fields a copy is made with (``dataclasses.fields`` builds its tuple
#: on every call, and a text report asks for it a thousand times a file)
_INIT_FIELDS: dict[type, tuple[str, ...]] = {}


def _printable(value: Any) -> Any:
    # a part with nothing to make safe is handed back as it is (the common case: a
    # text report over an archive made a copy of every file's whole report before)
    kind = type(value)
    if kind is str:
        return safe(value)  # the very string when it is safe already
    if kind in _NO_TEXT:
        return value
    if kind is ConventionNote:
        made = safe(value)
        return value if made == value else value.retext(made)
    if isinstance(value, tuple | list):
        parts = [_printable(v) for v in value]
        if all(new is old for new, old in zip(parts, value, strict=True)):
            return value
        if isinstance(value, list):
            return parts
        return kind(*parts) if hasattr(value, "_fields") else tuple(parts)
    names = _INIT_FIELDS.get(kind)
    if names is None:
        if not dataclasses.is_dataclass(value) or isinstance(value, type):
            return value
        names = _INIT_FIELDS[kind] = tuple(f.name for f in dataclasses.fields(value)
                                           if f.init)
    changes = {}
    for name in names:
        old = getattr(value, name)
        if (new := _printable(old)) is not old:
            changes[name] = new
    return dataclasses.replace(value, **changes) if changes else value


VERDICT_WORDS = {"consistent": "consistent", "within_rounding": "within rounding",
                 "within_hedge": "within hedge", "inconsistent": "inconsistent",
                 "error": "in error"}


def digits(v: Shown, hedged: bool = True) -> int:
    """Digits to show ``v`` with: enough to keep its own numbers distinct, and never fewer
    than the verdict it is part of needs."""
    ends = [v.central, v.rounding.lo, v.rounding.hi]
    if hedged:
        ends += [v.hedged.lo, v.hedged.hi]
    if len(set(ends)) == 1:  # an exact value is shown in full: read back, it is the same
        return max(v.digits, fmt.exact_value_digits(v.central))
    return fmt.digits_for(ends, at_least=v.digits)


def value(v: Shown | None) -> str:
    """'2.59 million t (2.52 million t to 2.66 million t; hedged: ...)': central value first,
    then the interval it stands for."""
    if v is None:
        return "—"
    shown = digits(v)
    text = fmt.with_unit(fmt.number(v.central, shown), v.unit)
    ranges = []
    if v.rounding.lo != v.rounding.hi:
        ranges.append(fmt.interval(v.rounding, v.unit, shown))
    if v.hedged != v.rounding:
        ranges.append("hedged: " + fmt.interval(v.hedged, v.unit, shown))
    return text + (f" ({'; '.join(ranges)})" if ranges else "")


def where(path: str, check: CheckResult) -> str:
    s = check.span
    return f"{s.path}:{s.line}:{s.column}" if s else path


def headline(check: CheckResult) -> str:
    text = f"{check.id} is {VERDICT_WORDS[check.verdict]}"
    if check.expected is not None:
        text += (" (as expected)" if check.matches_expected
                 else f" (expected {VERDICT_WORDS[check.expected]})")
    return text


def check_details(path: str, check: CheckResult) -> str:
    """Everything a reader needs to follow the verdict: both numbers, their intervals,
    the gap, the hedges and the reason, one item a line."""
    lines = [f"{where(path, check)}: {headline(check)}"]
    if check.claim:
        lines.append(f"  claim: {' '.join(check.claim.split())}")
    lines.append(f"  assert: {check.assertion}")
    if check.stated is not None:
        stated = f"'{check.stated_text}' = " if check.stated_text else ""
        shown = check.stated_meaning or value(check.stated)
        lines.append(f"  stated: {stated}{shown}")
    if check.computed is not None:
        lines.append(f"  recomputed: {value(check.computed)}")
    apart = gap(check)
    if apart:
        lines.append(f"  gap: {apart}")
    if check.hedges:
        lines.append("  hedges: " + ", ".join(f"'{h}'" for h in check.hedges))
    lines.append(f"  why: {check.explanation}")
    lines.extend(f"  note: {n}" for n in check.notes)
    lines.extend(f"  {diagnostic_line(d)}" for d in check.diagnostics)
    return "\n".join(lines)


def gap(check: CheckResult) -> str | None:
    """'5.68 pp apart' or '24.3% apart', for a check that does not plainly hold."""
    if check.gap is None or check.gap == 0 or check.verdict == "consistent":
        return None
    if check.gap_unit == "pp":
        return f"{fmt.number(abs(check.gap))} pp apart"
    return f"{fmt.number(abs(check.gap) * 100)}% apart"


def diagnostic_line(d: Diagnostic) -> str:
    """'path:line:col: error[code]: message (help: hint)', on one line."""
    s = d.span
    place = f"{s.path}:{s.line}:{s.column}: " if s else ""
    hint = f" (help: {d.hint})" if d.hint else ""
    return f"{place}{d.severity.value}[{d.code}]: {d.message}{hint}"


def diagnostic_counts(found: Iterable[Diagnostic]) -> str:
    """'; diagnostics: 3 errors, 5 warnings', or nothing when there are none."""
    severities = [d.severity for d in found]
    parts = [f"{n} {s.value}{'s' if n != 1 else ''}" for s in (Severity.ERROR, Severity.WARNING)
             if (n := severities.count(s))]
    return f"; diagnostics: {', '.join(parts)}" if parts else ""


def solution_note(solution: Solution) -> str:
    """What a suggested value comes with: its range, its kind, its nearest neighbours."""
    if len(solution.nearest) > 1:
        return f"(the nearest values that work: {' or '.join(solution.nearest)})"
    if solution.nearest:
        return "(the nearest value that works)"
    if solution.role == "stated":
        return "(had the report stated it so)"
    text = solution.range_text
    if text and text.startswith(("above", "below")):
        return f"(the boundary: it holds {text})"
    if text and text.endswith(("or more", "or less")):
        return f"(consistent at {text})"
    if text:
        return f"(consistent from {text})"
    if solution.low is not None and solution.low == solution.high:
        return "(no other value: the stated side is exact)"
    return ""
