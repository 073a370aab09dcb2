"""A Markdown table for a pull-request comment.  Plain text, never through rich."""

from __future__ import annotations

import html

from ..checking.report import CheckResult, ExitStatus, Policy, Report, Shown
from ..quantities import formatting as fmt
from ..quantities.formatting import plural
from . import plain
from .plain import diagnostic_counts

_ICONS = {"consistent": "✅ consistent", "within_rounding": "⚠️ within rounding",
          "within_hedge": "⚠️ within hedge", "inconsistent": "❌ **inconsistent**",
          "error": "❌ **error**"}


_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_[]~"} | {"|": "\\|",
                                                                     "@": "&#64;"})


def _text(text: str) -> str:
    """Claim-file text as literal text in a comment: no HTML, links, emphasis or @mentions
    of its making, and no line breaks (they would end the table row)."""
    return html.escape(" ".join(text.split()), quote=False).translate(_MARKDOWN)


def _code(text: str) -> str:
    # <code> rather than backticks: a backtick in a file name cannot end it early
    escaped = html.escape(" ".join(text.split()), quote=False)
    return "<code>" + escaped.replace("|", "\\|").replace("@", "&#64;") + "</code>"


def _value(v: Shown | None) -> str:
    if v is None:
        return "—"
    digits = plain.digits(v, hedged=False)
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
    cells = [_code(path), _code(c.id), verdict, _text(stated), _text(_value(c.computed)),
             _text(c.explanation)]
    return "| " + " | ".join(cells) + " |"


# GitHub refuses comments over 65,536 characters; leave room for a bot's own words
MAX_CHARS = 60_000


def render(report: Report, policy: Policy | None = None) -> str:
    """The summary, whether the run fails, a row per check and the diagnostics.  Past
    MAX_CHARS, consistent rows go first, then the rest is cut, each with a note."""
    policy = policy or Policy()
    report = plain.printable(report)
    counts = report.summary()
    expected = report.expected()
    parts = [f"{n} {v.replace('_', ' ')}" + (f" ({expected[v]} expected)" if v in expected
                                              else "") for v, n in counts.items() if n]
    problems = [(f.path, d) for f in report.files for d in f.all_diagnostics]
    checks = sum(counts.values())
    head = plural(len(report.files), "file")
    if checks:
        head += f", {plural(checks, 'check')}: {', '.join(parts)}"
    status = report.status_under(policy)
    result = ("**Passes**" if status is ExitStatus.OK else "**Fails**" if
              status is ExitStatus.FAILED else "**Fails**: a claim file cannot be read")
    lines = ["## claimcheck", "", head + diagnostic_counts(d for _, d in problems), "",
             f"{result} (fail on: {policy.fail_on}{', strict' if policy.strict else ''})"]
    rows = [(f.path, c) for f in report.files for c in f.checks]
    notes = []
    if len("\n".join(_row(p, c) for p, c in rows)) > MAX_CHARS // 2:
        shown = [(p, c) for p, c in rows if c.verdict != "consistent"
                 or c.matches_expected is False]
        if len(shown) < len(rows):
            notes.append(f"{plural(len(rows) - len(shown), 'consistent check')} not shown.")
        rows = shown
    if rows:
        lines += ["", "| File | Check | Verdict | Stated | Recomputed | Why |",
                  "| --- | --- | --- | --- | --- | --- |"]
        lines.extend(_row(p, c) for p, c in rows)
    if problems:
        lines += ["", "### Diagnostics", ""]
        for path, d in problems:
            where = f"{d.span.path}:{d.span.line}:{d.span.column}" if d.span else path
            hint = f" — {_text(d.hint)}" if d.hint else ""
            lines.append(f"- {_code(where)} {d.severity.value}\\[{d.code}\\]: "
                         f"{_text(d.message)}{hint}")
    text = "\n".join(lines)
    if len(text) > MAX_CHARS:
        cut = text.rfind("\n", 0, MAX_CHARS)
        text = text[:cut]
        notes.append("The rest is cut to fit a comment: see the full report in another "
                     "format (text, json, sarif).")
    if notes:
        text += "\n\n" + " ".join(f"_{n}_" for n in notes)
    return text + "\n"
