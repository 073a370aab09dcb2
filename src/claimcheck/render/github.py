"""GitHub Actions workflow commands: an annotation on the exact line of each check that is
not consistent, and of each diagnostic.  Plain text, never through rich."""

from __future__ import annotations

from ..checking.report import Policy, Report
from ..diagnostics import Diagnostic, Span
from ..quantities.formatting import plural
from ..sanitize import safe
from . import plain


def _data(text: str) -> str:
    # The escaping rules of actions/toolkit (core/src/command.ts), after taking out what a
    # claim or lock file must not put in a log: escapes and bidirectional overrides
    return safe(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, span: Span | None, title: str, message: str) -> str:
    props = []
    if span is not None:
        props += [f"file={_property(span.path)}", f"line={span.line}", f"col={span.column}"]
        if span.end_line == span.line and span.end_column > span.column:
            props.append(f"endColumn={span.end_column}")
    props.append(f"title={_property(title)}")
    return f"::{level} {','.join(props)}::{_data(message)}"


def render(report: Report, policy: Policy | None = None) -> str:
    """An error for what fails the run under ``policy``, a warning for the rest that does
    not plainly hold, and a closing notice with the counts."""
    policy = policy or Policy()
    lines = []
    for f in report.files:
        for c in f.checks:
            if c.verdict == "consistent" and c.matches_expected is not False:
                continue
            if c.verdict == "error" and c.diagnostics and c.matches_expected is not False:
                continue  # its diagnostics below say why, on the exact column
            level = "error" if policy.fails(c) else "warning"
            title = f"claimcheck: {plain.headline(c)}"
            lines.append(_command(level, c.span, title, c.explanation))
        owners = {id(d): c for c in f.checks for d in c.diagnostics}
        for d in sorted(f.all_diagnostics, key=Diagnostic.sort_key):
            level = "error" if policy.diagnostic_fails(d, owners.get(id(d))) else "warning"
            message = d.message + (f" (help: {d.hint})" if d.hint else "")
            lines.append(_command(level, d.span, f"claimcheck {d.code}", message))
    counts = report.summary()
    summary = ", ".join(f"{n} {plain.VERDICT_WORDS[v]}" for v, n in counts.items() if n)
    summary = (summary or plural(len(report.files), "file")) + plain.diagnostic_counts(
        d for f in report.files for d in f.all_diagnostics)
    lines.append(f"::notice title=claimcheck::{_data(summary)}")
    return "\n".join(lines) + "\n"
