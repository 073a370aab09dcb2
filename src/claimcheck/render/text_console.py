"""The text report's console: the width and colours it is drawn with, a pipe's
console that ends lines where their text does, and the layout key under which the
results cache keeps each file's drawing."""

from __future__ import annotations

import sys
from functools import cache
from typing import Protocol, TextIO

from rich.console import Console

#: below this many columns the checks are drawn as cards, not as a five-column table
TABLE_WIDTH = 120


class TextStore(Protocol):
    """Where a file's part of the text report is kept for the next run drawn in the same
    layout (the results cache)."""

    def put_text(self, shown: str, layout: str, text: str) -> None: ...


def report_console(terminal: bool) -> tuple[Console, bool]:
    """The console the text report is drawn on (its file set by the caller when not a
    terminal), and whether checks are drawn as cards."""
    if terminal:  # colour and the terminal's width
        console = Console(highlight=False)
        if not console.legacy_windows:
            # the width as the run starts, for the whole report: every file is drawn at
            # the width its layout key says, even if the window is resized meanwhile
            console.width = console.width
        return console, console.width < TABLE_WIDTH
    return pipe_console(sys.stdout)


def layout_key(console: Console, cards: bool, only_problems: bool) -> str | None:
    """What a file's part of the text report depends on besides its result: the
    console's width, colours and encoding, the view, and rich itself (its version, by
    its files).  None where the drawing cannot be kept as text (the legacy Windows
    console draws through its own calls)."""
    if console.legacy_windows or console.record:
        return None
    import hashlib

    parts = (console.width, console.color_system, console.no_color, console.encoding,
             console.is_terminal, cards, only_problems, _rich_files())
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:16]


@cache
def _rich_files() -> tuple[tuple[str, int, int], ...]:
    """rich's modules with their size and time: an upgrade of rich changes them."""
    import os

    import rich

    folder = os.path.dirname(rich.__file__)
    found = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py"):
            stat = os.stat(os.path.join(folder, name))
            found.append((name, stat.st_size, stat.st_mtime_ns))
    return tuple(found)


#: the width of the text report in a pipe or a file, unless COLUMNS says otherwise
PIPE_WIDTH = 100


def pipe_console(stream: TextIO, width: int | None = None) -> tuple[Console, bool]:
    """A console for a pipe or a file: no colour, cards wrapped at 100 columns (or
    COLUMNS; an explicit COLUMNS of 100 or more gives the table), lines that end where
    their text does; and whether checks are drawn as cards."""
    import os

    columns = os.environ.get("COLUMNS", "")
    chosen = width or (int(columns) if columns.isdigit() else None)
    console = Console(file=Trimmed(stream), width=chosen or PIPE_WIDTH,  # type: ignore[arg-type]
                      no_color=True, color_system=None, highlight=False, force_terminal=False)
    return console, chosen is None or chosen < TABLE_WIDTH


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
