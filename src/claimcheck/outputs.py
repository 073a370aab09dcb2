"""Turning one Report into the bytes of each output format: one place for `verify`."""

from __future__ import annotations

import sys

from .report import Report

FORMATS = ("text", "json", "github", "markdown")


def render(report: Report, fmt: str, *, for_terminal: bool = False) -> str:
    if fmt == "json":
        from .render.json import render as render_json

        return render_json(report)
    if fmt == "github":
        from .render.github import render as render_github

        return render_github(report)
    if fmt == "markdown":
        from .render.markdown import render as render_markdown

        return render_markdown(report)
    from .render.text import to_string, to_terminal

    if for_terminal:  # colour and the terminal's width, straight to stdout
        to_terminal(report)
        return ""
    return to_string(report)


def write(report: Report, formats: list[str], outputs: list[str]) -> None:
    """Each format to its output file (atomically), in order; the rest to stdout."""
    from pathlib import Path

    from .scaffold import write_atomically

    for i, fmt in enumerate(formats):
        if i < len(outputs):
            write_atomically(Path(outputs[i]), render(report, fmt), force=True)
        elif fmt == "text" and sys.stdout.isatty():
            render(report, fmt, for_terminal=True)
        else:
            sys.stdout.write(render(report, fmt))
