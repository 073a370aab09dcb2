"""Diagnostics as data: every stage returns or raises these; renderers draw them.

A diagnostic carries a stable ``code`` (documented in docs/diagnostics.md), a span in
the claim file (1-based line and column, counted in characters, not bytes) and an
optional hint such as "did you mean 'tonne'?".
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Span:
    """A region of a file: 1-based line/column of its first and one-past-last character."""

    path: str
    line: int
    column: int
    end_line: int = 0
    end_column: int = 0

    def shifted(self, start: int, end: int) -> Span:
        """The sub-span [start, end) of a single-line span, in characters."""
        return Span(self.path, self.line, self.column + start, self.line, self.column + end)


@dataclass(frozen=True)
class Label:
    """A secondary place a diagnostic points at: 'mass' under one operand, 'money' under
    the other."""

    span: Span
    text: str


#: the codes of a difference from the lock file: a change to review, which still fails a
#: check that expects `error` (the claim file records its error, not the change)
LOCK_CODES = frozenset({"lock-changed", "lock-missing", "lock-unreadable"})


@dataclass(frozen=True)
class Diagnostic:
    code: str
    message: str
    span: Span | None = None
    hint: str | None = None
    severity: Severity = Severity.ERROR
    labels: tuple[Label, ...] = field(default=())

    @property
    def about_lock(self) -> bool:
        return self.code in LOCK_CODES

    def at(self, span: Span | None, labels: tuple[Label, ...] = ()) -> Diagnostic:
        """The same diagnostic, located at ``span`` when it has no location yet."""
        if self.span is not None or span is None:
            return self
        return replace(self, span=span, labels=labels or self.labels)

    def sort_key(self) -> tuple[str, int, int, str]:
        s = self.span
        return (s.path, s.line, s.column, self.code) if s else ("", 0, 0, self.code)

    def to_dict(self) -> dict[str, object]:
        s = self.span
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
            "path": s.path if s else None,
            "line": s.line if s else None,
            "column": s.column if s else None,
            "end_line": s.end_line if s else None,
            "end_column": s.end_column if s else None,
            "labels": [{"text": lb.text, "line": lb.span.line, "column": lb.span.column,
                        "end_column": lb.span.end_column} for lb in self.labels],
        }


class ClaimcheckError(ValueError):
    """Base of claimcheck's errors: a ValueError that carries a located diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def fail(
    code: str, message: str, span: Span | None = None, hint: str | None = None
) -> ClaimcheckError:
    """Build the exception for a diagnostic (``raise fail(...)`` reads well at call sites)."""
    return ClaimcheckError(Diagnostic(code, message, span, hint))


def did_you_mean(word: str, candidates: Iterable[str], cutoff: float = 0.75) -> str | None:
    """A "did you mean 'x'?" hint, or None when nothing is close enough."""
    pool = sorted(set(candidates))
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=cutoff)
    if not matches:
        lowered = {c.lower(): c for c in pool}
        matches = [lowered[m] for m in difflib.get_close_matches(word.lower(), lowered, 1, cutoff)]
    return f"did you mean '{matches[0]}'?" if matches else None
