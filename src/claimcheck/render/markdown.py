"""A Markdown table for a pull-request comment.  Plain text, never through rich."""

from __future__ import annotations

from .. import formatting as fmt
from ..report import CheckResult, Report, Shown
from .plain import diagnostic_counts

_ICONS = {"consistent": "✅ consistent", "within_rounding": "⚠️ within rounding",
          "within_hedge": "⚠️ within hedge", "inconsistent": "❌ **inconsistent**",
          "error": "❌ **error**"}


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _value(v: Shown | None) -> str:
    if v is None:
        return "—"
    digits = fmt.digits_for([v.central, v.rounding.lo, v.rounding.hi])
    text = fmt.with_unit(fmt.number(v.central, digits), v.unit)
    if v.rounding.lo != v.rounding.hi:
        text += f" ({fmt.interval(v.rounding, v.unit, digits)})"
    return text


def _row(path: str, c: CheckResult) -> str:
    stated = f"'{c.stated_text}' = {_value(c.stated)}" if c.stated_text else "—"
    verdict = _ICONS[c.verdict]
    if c.matches_expected is False:
        verdict += f" (expected {c.expected.replace('_', ' ') if c.expected else ''})"
    elif c.matches_expected and c.verdict != "consistent":
        verdict += " (expected)"
    cells = [f"`{path}`", f"`{c.id}`", verdict, stated, _value(c.computed), c.explanation]
    return "| " + " | ".join(_cell(x) for x in cells) + " |"


def render(report: Report) -> str:
    counts = report.summary()
    expected = report.expected()
    parts = [f"{n} {v.replace('_', ' ')}" + (f" ({expected[v]} expected)" if v in expected
                                              else "") for v, n in counts.items() if n]
    problems = [(f.path, d) for f in report.files for d in f.all_diagnostics]
    checks = sum(counts.values())
    head = f"{len(report.files)} files"
    if checks:
        head += f", {checks} checks: {', '.join(parts)}"
    lines = ["## claimcheck", "", head + diagnostic_counts(d for _, d in problems)]
    if checks:
        lines += ["", "| File | Check | Verdict | Stated | Recomputed | Why |",
                  "| --- | --- | --- | --- | --- | --- |"]
        for f in report.files:
            lines.extend(_row(f.path, c) for c in f.checks)
    if problems:
        lines += ["", "### Diagnostics", ""]
        for path, d in problems:
            where = f"{d.span.path}:{d.span.line}:{d.span.column}" if d.span else path
            hint = f" — {_cell(d.hint)}" if d.hint else ""
            lines.append(f"- `{where}` {d.severity.value}[{d.code}]: {_cell(d.message)}{hint}")
    return "\n".join(lines) + "\n"
