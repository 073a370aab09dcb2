"""A progress bar on standard error for runs long enough to wonder about: shown only when
standard error is a terminal and the run has taken more than a second; gone when done."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Any

#: seconds of silence before the bar appears
DELAY = 1.0


class LateProgress:
    def __init__(self, total: int, what: str = "checking") -> None:
        self.total, self.what = total, what
        self.done = 0
        self.started = time.monotonic()
        self.enabled = sys.stderr.isatty() and total > 1
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> LateProgress:
        return self

    def advance(self, name: str) -> None:
        """One more item done (``name``: the next one, shown beside the bar)."""
        self.done += 1
        if not self.enabled:
            return
        if self._bar is None:
            if time.monotonic() - self.started < DELAY or self.done >= self.total:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._bar = Progress(TextColumn("{task.description}"), BarColumn(),
                                 MofNCompleteColumn(), TextColumn("{task.fields[name]}"),
                                 console=Console(stderr=True), transient=True)
            self._task = self._bar.add_task(self.what, total=self.total, name=name)
            self._bar.start()
        self._bar.update(self._task, completed=self.done, name=name)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
