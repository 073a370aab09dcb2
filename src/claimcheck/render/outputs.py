"""Turning one Report into the bytes of each output format: one place for `verify` and
`lint`, so that every format and the exit code follow the same Policy."""

from __future__ import annotations

import sys
from collections.abc import Callable

from ..checking.report import Policy, Report
from ..outcomes import ReportFormat


def _json(report: Report, policy: Policy, lint: bool) -> str:
    from .json import render, render_findings

    return render_findings(report) if lint else render(report, policy)


def _github(report: Report, policy: Policy, lint: bool) -> str:
    from .github import render

    return render(report, policy)


def _markdown(report: Report, policy: Policy, lint: bool) -> str:
    from .markdown import render

    return render(report, policy)


def _junit(report: Report, policy: Policy, lint: bool) -> str:
    from .junit import render

    return render(report, policy)


def _sarif(report: Report, policy: Policy, lint: bool) -> str:
    from .sarif import render

    return render(report, policy)


#: one renderer per machine format (each imported only when used); text is drawn below
RENDERERS: dict[ReportFormat, Callable[[Report, Policy, bool], str]] = {
    ReportFormat.JSON: _json, ReportFormat.GITHUB: _github,
    ReportFormat.MARKDOWN: _markdown, ReportFormat.JUNIT: _junit, ReportFormat.SARIF: _sarif,
}


def render(report: Report, fmt: ReportFormat | str, policy: Policy | None = None, *,
           for_terminal: bool = False, lint: bool = False, only_problems: bool = False) -> str:
    """``lint``: the report holds lint findings; text and JSON show only diagnostics.
    ``only_problems``: the text report's problems-first view (other formats are whole)."""
    policy = policy or Policy()
    if lint:
        report = report.findings_only()
    renderer = RENDERERS.get(ReportFormat(fmt))
    if renderer is not None:
        return renderer(report, policy, lint)
    from .text import to_string, to_terminal

    if for_terminal:  # colour and the terminal's width, straight to stdout
        to_terminal(report, diagnostics_only=lint, policy=policy, only_problems=only_problems)
        return ""
    return to_string(report, diagnostics_only=lint, policy=policy, only_problems=only_problems)


class OutputError(OSError):
    """An output file that cannot be written: its path and why."""


def write(report: Report, formats: list[ReportFormat] | list[str], outputs: list[str],
          policy: Policy | None = None, *, lint: bool = False,
          only_problems: bool = False) -> None:
    """Each format to its output file (atomically), paired by position; the formats with
    no output, or with '-', to stdout."""
    from pathlib import Path

    from ..claimfile.safe_io import write_atomically

    for i, fmt in enumerate(formats):
        if i < len(outputs) and outputs[i] != "-":
            text = render(report, fmt, policy, lint=lint, only_problems=only_problems)
            try:
                write_atomically(Path(outputs[i]), text, force=True)
            except OSError as err:
                reason = getattr(err, "message", None) or err.strerror or err
                raise OutputError(f"cannot write {outputs[i]}: {reason}") from None
        elif fmt == "text" and sys.stdout.isatty():
            render(report, fmt, policy, for_terminal=True, lint=lint,
                   only_problems=only_problems)
        else:
            sys.stdout.write(render(report, fmt, policy, lint=lint,
                                    only_problems=only_problems))
