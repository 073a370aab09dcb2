"""Turning one Report into the bytes of each output format: one place for `verify` and
`lint`, so that every format and the exit code follow the same Policy."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, TextIO

from ..checking.report import FileResult, Policy, Report
from ..outcomes import ReportFormat

if TYPE_CHECKING:
    from ..checking.report import Tally
    from .text_console import Canvas, TextStore


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
    from .text_stream import to_string, to_terminal

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


#: the formats written a file at a time, so a run holds no file's result
STREAMED = (ReportFormat.TEXT, ReportFormat.JSON)


def canvas_for(outputs: list[str]) -> Canvas:
    """The canvas a text report to ``outputs`` is drawn on: what ``write_stream`` uses
    unless given one."""
    from .text_console import report_canvas

    return report_canvas(_to_stdout(outputs) and sys.stdout.isatty())


def _to_stdout(outputs: list[str]) -> bool:
    return not outputs or outputs[0] == "-"


def write_stream(results: Iterable[FileResult], formats: list[ReportFormat] | list[str],
                 outputs: list[str], policy: Policy | None = None, *,
                 only_problems: bool = False, canvas: Canvas | None = None,
                 texts: TextStore | None = None) -> Tally:
    """``write`` for results as they arrive.  One text or JSON output is written a file
    at a time, holding no file's result (flat memory over ten thousand files); any other
    choice of formats gathers the whole report first.  A file reached twice is reported
    once.  Returns the run's summary under ``policy``, for the exit code.
    ``canvas``: the text report's, from ``canvas_for``; ``texts``: see
    ``render.text_stream.render_stream``."""
    from pathlib import Path

    from ..claimfile.safe_io import atomic_writer

    unique = _first_of_each(results)
    if len(formats) != 1 or ReportFormat(formats[0]) not in STREAMED:
        report = Report(tuple(unique))
        write(report, formats, outputs, policy, only_problems=only_problems)
        return report.tally(policy)
    fmt = ReportFormat(formats[0])
    view = (canvas, texts)
    if _to_stdout(outputs):
        return _stream_to(sys.stdout, fmt, unique, policy, only_problems,
                          terminal=fmt is ReportFormat.TEXT and sys.stdout.isatty(),
                          view=view)
    try:
        with atomic_writer(Path(outputs[0])) as handle:
            return _stream_to(handle, fmt, unique, policy, only_problems, terminal=False,
                              view=view)
    except OSError as err:
        reason = getattr(err, "message", None) or err.strerror or err
        raise OutputError(f"cannot write {outputs[0]}: {reason}") from None


def _bytes_to(stream: TextIO) -> Callable[[bytes], object] | None:
    """Bytes straight to ``stream``'s buffer, when it is UTF-8 and translates no newlines
    (not on Windows, where text streams write CRLF)."""
    import codecs
    import os

    buffer = getattr(stream, "buffer", None)
    encoding = getattr(stream, "encoding", None) or ""
    try:
        utf8 = codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        utf8 = False
    if buffer is None or not utf8 or os.linesep != "\n":
        return None

    def write(data: bytes) -> None:
        stream.flush()  # what the text layer holds goes first
        buffer.write(data)

    return write


def _first_of_each(results: Iterable[FileResult]) -> Iterator[FileResult]:
    seen: set[str] = set()
    for r in results:
        if r.path not in seen:
            seen.add(r.path)
            yield r


def _stream_to(stream: TextIO, fmt: ReportFormat, results: Iterable[FileResult],
               policy: Policy | None, only_problems: bool, *, terminal: bool,
               view: tuple[Canvas | None, TextStore | None]) -> Tally:
    if fmt is ReportFormat.JSON:
        from .json import stream as json_stream

        return json_stream(results, stream.write, policy or Policy(),
                           write_bytes=_bytes_to(stream))
    from .text_console import report_canvas
    from .text_stream import render_stream

    given, texts = view
    canvas = given or report_canvas(terminal)
    if not terminal:
        canvas.retarget(stream)
    report = render_stream(results, canvas, policy or Policy(),
                           only_problems=only_problems, texts=texts)
    canvas.file.flush()
    return report
