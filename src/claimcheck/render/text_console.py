"""The text report's console: the width and colours it is drawn with, a pipe's
console that ends lines where their text does, the layout key under which the
results cache keeps each file's drawing, and which checks the problems-first view
keeps.  Imports rich only where something is laid out or a terminal is asked what it
can show: a run that writes drawings kept from an earlier run to a pipe or a file does
not import it at all."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cache
from typing import IO, TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from rich.console import Console

    from ..checking.report import CheckResult

#: below this many columns the checks are drawn as cards, not as a five-column table
TABLE_WIDTH = 120
#: the width of the text report in a pipe or a file, unless COLUMNS says otherwise
PIPE_WIDTH = 100


class TextStore(Protocol):
    """Where the text report's parts are kept for the next run drawn in the same layout
    (the results cache): each file's, and the lines that end the report."""

    def put_text(self, shown: str, layout: str, text: str) -> None: ...

    def tail(self, layout: str, key: str) -> str | None: ...

    def put_tail(self, layout: str, key: str, text: str) -> None: ...


def is_problem(c: CheckResult) -> bool:
    """What the problems-first view keeps: every check that does not plainly hold, and
    every check that is not the verdict it expects."""
    return c.verdict != "consistent" or c.matches_expected is False or bool(c.diagnostics)


class Canvas:
    """Where the text report is drawn, at which width, and whether checks are cards.
    For a pipe or a file (``pipe_canvas``) the layout is known without rich, and its
    console is built when something is first laid out; a terminal's console is built
    at once (rich finds its width and colours)."""

    def __init__(self, file: IO[str], width: int, cards: bool,
                 console: Console | None = None) -> None:
        self.file, self.width, self.cards = file, width, cards
        self._console = console
        self._pipe = console is None

    @property
    def pipe(self) -> bool:
        """A pipe or a file: no colour, lines trimmed, the layout known without rich."""
        return self._pipe

    @property
    def console(self) -> Console:
        if self._console is None:
            from rich.console import Console

            # never a legacy Windows console: rich would take a pipe for one there, and
            # draw a column narrower than the layout key says, in one process and not another
            self._console = Console(file=self.file, width=self.width, no_color=True,
                                    color_system=None, highlight=False, force_terminal=False,
                                    legacy_windows=False)
        return self._console

    def retarget(self, stream: TextIO) -> None:
        """A pipe canvas's lines to ``stream`` (a report written to a file)."""
        self.file = Trimmed(stream)  # type: ignore[assignment]
        if self._console is not None:
            self._console.file = self.file

    def write(self, drawn: str) -> None:
        """Text drawn before, in this very layout."""
        out = self.file if self._console is None else self._console.file
        out.write(drawn)
        out.flush()

    def capture(self, draw: Callable[[Console], None]) -> str:
        """What ``draw`` lays out on this canvas's console, as text (not written)."""
        with self.console.capture() as captured:
            draw(self.console)
        return captured.get()

    def layout(self, only_problems: bool) -> str | None:
        """The layout key of this canvas's drawings (see ``layout_key``)."""
        if self._pipe:
            # what pipe_console's rich console reports (tests/test_cache.py holds them equal)
            return _key((self.width, None, True, "utf-8", False), self.cards, only_problems)
        return layout_key(self.console, self.cards, only_problems)


def report_canvas(terminal: bool) -> Canvas:
    """The canvas the text report is drawn on: the terminal (colour, its width) or
    standard output as a pipe (see ``pipe_canvas``; ``Canvas.retarget`` for a file)."""
    if not terminal:
        return pipe_canvas(sys.stdout)
    from rich.console import Console

    console = Console(highlight=False)
    if not console.legacy_windows:
        # the width as the run starts, for the whole report: every file is drawn at
        # the width its layout key says, even if the window is resized meanwhile
        console.width = console.width
    return Canvas(console.file, console.width, console.width < TABLE_WIDTH, console)


def pipe_canvas(stream: TextIO, width: int | None = None) -> Canvas:
    """A pipe or a file: no colour, cards wrapped at 100 columns (or COLUMNS; an explicit
    COLUMNS of 100 or more gives the table), lines that end where their text does."""
    import os

    columns = os.environ.get("COLUMNS", "")
    chosen = width or (int(columns) if columns.isdigit() else None)
    return Canvas(Trimmed(stream), chosen or PIPE_WIDTH,  # type: ignore[arg-type]
                  chosen is None or chosen < TABLE_WIDTH)


def pipe_console(stream: TextIO, width: int | None = None) -> tuple[Console, bool]:
    """``pipe_canvas``'s rich console, and whether checks are drawn as cards."""
    canvas = pipe_canvas(stream, width)
    return canvas.console, canvas.cards


def layout_key(console: Console, cards: bool, only_problems: bool) -> str | None:
    """What a file's part of the text report depends on besides its result: the
    console's width, colours and encoding, the view, and rich itself (its version, by
    its files).  None where the drawing cannot be kept as text (the legacy Windows
    console draws through its own calls)."""
    if console.legacy_windows or console.record:
        return None
    return _key((console.width, console.color_system, console.no_color, console.encoding,
                 console.is_terminal), cards, only_problems)


def _key(drawn_on: tuple[object, ...], cards: bool, only_problems: bool) -> str:
    from ..checking.cache import new_digest

    parts = (*drawn_on, cards, only_problems, _rich_files())
    return new_digest(repr(parts).encode()).hexdigest()[:16]


@cache
def _rich_files() -> tuple[tuple[str, int, int], ...]:
    """rich's modules with their size and time: an upgrade of rich changes them.  Found
    without importing rich."""
    import os
    from importlib.util import find_spec

    spec = find_spec("rich")
    folders = spec.submodule_search_locations if spec is not None else None
    if not folders:
        return ()
    folder = next(iter(folders))
    found = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py"):
            stat = os.stat(os.path.join(folder, name))
            found.append((name, stat.st_size, stat.st_mtime_ns))
    return tuple(found)


class Trimmed:
    """A text stream that drops the spaces rich pads lines with: a pipe or a file gets
    lines that end where their text does."""

    def __init__(self, stream: TextIO) -> None:
        self.stream, self.pending = stream, ""

    def write(self, text: str) -> int:
        *lines, self.pending = (self.pending + text).split("\n")
        for line in lines:
            self.stream.write(line.rstrip() + "\n")
        return len(text)

    def flush(self) -> None:
        if self.pending.strip():
            self.stream.write(self.pending.rstrip() + "\n")
        self.pending = ""
        self.stream.flush()

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self.stream.fileno()
