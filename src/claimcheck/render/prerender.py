"""Rendering shared among the workers.  When a run writes one streamed report (JSON, or
text to a pipe or a file), the process that checks a file also renders it: its JSON
entry or its part of the text report, and the whole result encoded for the cache.  The
main process then writes each file's part as it comes instead of receiving the whole
result and laying every file out alone (rich draws a file in tens of milliseconds: one
process drawing for all was the bottleneck of a text run over many files)."""

from __future__ import annotations

from ..checking.cache import Prepared, prepare
from ..checking.report import FileResult


class Prerender:
    """``keep``: the cache keeps results (the whole result is encoded, with its JSON
    entry); ``json_entry``: the run writes the JSON report; ``drawing``: the run writes
    the text report to a pipe or a file, at this width, as cards or not, the
    problems-first view or not (``text_stream.drawn_part``).  A plain class, not a
    dataclass: every run that writes a report makes one, cache hits included, and a
    dataclass costs half a millisecond of start-up to define."""

    __slots__ = ("drawing", "json_entry", "keep")

    def __init__(self, keep: bool, json_entry: bool = False,
                 drawing: tuple[int, bool, bool] | None = None) -> None:
        self.keep, self.json_entry, self.drawing = keep, json_entry, drawing

    def __repr__(self) -> str:
        return (f"Prerender(keep={self.keep}, json_entry={self.json_entry}, "
                f"drawing={self.drawing})")

    def __call__(self, result: FileResult) -> Prepared:
        text = None
        if self.drawing is not None:
            from .text_stream import drawn_part

            width, cards, only_problems = self.drawing
            text = drawn_part(result, width, cards, only_problems)
        return prepare(result, keep=self.keep, json_entry=self.json_entry, text=text)
