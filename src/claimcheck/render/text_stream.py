"""The text report, a file at a time: each file's part written as kept from an earlier
run drawn in the same layout, or laid out by ``render.text``; the lines that end the
report likewise.  rich is imported only when something must be laid out, so a run
over unchanged files to a pipe or a file writes what was kept without loading it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from ..checking.report import FileResult, Policy, RenderedResult, Report, Tally
from .text_console import Canvas, TextStore, is_problem, pipe_canvas

if TYPE_CHECKING:
    from rich.console import Console


def render_stream(files: Iterable[FileResult], canvas: Canvas, policy: Policy | None = None,
                  *, only_problems: bool = False, texts: TextStore | None = None) -> Tally:
    """Each file's checks, figures and diagnostics as results arrive, then the summary,
    gathered as they pass (a ``Tally``, returned for the exit code), so no file's result
    is held.  With ``policy``, the summary says when the run fails; ``only_problems``:
    the problems-first view, only the checks that do not plainly hold and the
    diagnostics.  ``texts``: each part is drawn once and kept there; a result that comes
    with its part (``RenderedResult.text``, drawn in this very layout) is written as it
    is."""
    layout = canvas.layout(only_problems) if texts is not None else None
    tally = Tally(policy)
    hidden = 0
    for given in files:
        tally.add(given)
        drawn = given.text if isinstance(given, RenderedResult) else None
        f = _printable(given) if drawn is None else given
        if only_problems and not _shows(f):
            hidden += 1
            if drawn is None and texts is not None and layout is not None:
                texts.put_text(f.path, layout, "")  # nothing drawn: next time, nothing read
            continue
        if drawn is None:
            if texts is None or layout is None:  # nothing is kept: drawn straight on
                _draw_file(f, canvas.console, canvas.cards, only_problems)
                continue
            drawn = canvas.capture(_file_drawing(f, canvas.cards, only_problems))
            texts.put_text(f.path, layout, drawn)
        canvas.write(drawn)
    _end(tally, hidden, canvas, texts, layout)
    return tally


def drawn_part(result: FileResult, width: int, cards: bool, only_problems: bool) -> str:
    """A file's part of the text report as ``render_stream`` draws it on a pipe canvas
    of ``width`` (see ``pipe_canvas``): "" for a file the problems-first view hides."""
    import io

    from .text_console import Trimmed

    f = _printable(result)
    if only_problems and not _shows(f):
        return ""
    canvas = Canvas(Trimmed(io.StringIO()), width, cards)  # type: ignore[arg-type]
    return canvas.capture(_file_drawing(f, cards, only_problems))


def _shows(f: FileResult) -> bool:
    """Whether the problems-first view shows the file: a diagnostic, or a check that
    does not plainly hold."""
    return bool(f.all_diagnostics) or any(map(is_problem, f.checks))


def _end(tally: Tally, hidden: int, canvas: Canvas, texts: TextStore | None,
         layout: str | None) -> None:
    """The lines that end the report, kept like a file's part: a run over the same
    files in the same layout ends the same way, without rich."""
    if texts is None or layout is None:
        _draw_tail(tally, hidden)(canvas.console)
        return
    from ..checking.cache import new_digest

    # a Tally's repr holds every field the lines are drawn from
    key = new_digest(repr((tally, hidden)).encode()).hexdigest()
    drawn = texts.tail(layout, key)
    if drawn is None:
        drawn = canvas.capture(_draw_tail(tally, hidden))
        texts.put_tail(layout, key, drawn)
    canvas.write(drawn)


def _draw_tail(tally: Tally, hidden: int) -> Callable[[Console], None]:
    def draw(console: Console) -> None:
        from .text import draw_tail

        draw_tail(tally, hidden, console)

    return draw


def _printable(f: FileResult) -> FileResult:
    from . import plain

    return plain.printable(f)


def _file_drawing(f: FileResult, cards: bool, only_problems: bool
                  ) -> Callable[[Console], None]:
    def draw(console: Console) -> None:
        _draw_file(f, console, cards, only_problems)

    return draw


def _draw_file(f: FileResult, console: Console, cards: bool, only_problems: bool) -> None:
    from .text import draw_file

    draw_file(f, console, cards, only_problems)


def render(report: Report, console: Console, policy: Policy | None = None, *,
           only_problems: bool = False, cards: bool | None = None) -> None:
    """The whole report on ``console``: ``render_stream`` over its files.  ``cards``:
    checks as cards rather than a table (by default, when the console is narrower than
    ``TABLE_WIDTH``)."""
    from .text_console import TABLE_WIDTH

    canvas = Canvas(console.file, console.width,
                    console.width < TABLE_WIDTH if cards is None else cards, console)
    render_stream(report.files, canvas, policy, only_problems=only_problems)


def to_terminal(report: Report, diagnostics_only: bool = False,
                policy: Policy | None = None, only_problems: bool = False) -> None:
    from rich.console import Console

    console = Console(highlight=False)
    if diagnostics_only:
        from .text import render_diagnostics

        render_diagnostics(report, console)
    else:
        render(report, console, policy, only_problems=only_problems)


def to_string(report: Report, width: int | None = None, diagnostics_only: bool = False,
              policy: Policy | None = None, only_problems: bool = False) -> str:
    """The text report without colour, for a file or a pipe (see ``pipe_canvas``)."""
    import io

    buffer = io.StringIO()
    canvas = pipe_canvas(buffer, width)
    if diagnostics_only:
        from .text import render_diagnostics

        render_diagnostics(report, canvas.console)
    else:
        render_stream(report.files, canvas, policy, only_problems=only_problems)
    canvas.file.flush()
    return buffer.getvalue()
