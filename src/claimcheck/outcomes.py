"""The vocabulary of outcomes, defined once: the verdict ladder, the fail-on levels, the
report formats and the exit codes.  The ground floor beside `diagnostics`: the engine,
the configuration, every renderer and the CLI share these enums (each renderer keeps
only its own presentation: colour, icon, wording)."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Verdict(StrEnum):
    """From best to worst; `error` is not a finding about the report but a claim file
    that cannot be checked."""

    CONSISTENT = "consistent"
    WITHIN_ROUNDING = "within_rounding"
    WITHIN_HEDGE = "within_hedge"
    INCONSISTENT = "inconsistent"
    ERROR = "error"

    @property
    def rank(self) -> int:
        """0 for the best verdict; for choosing between two readings of one figure."""
        return _RANKS[self]


class FailOn(StrEnum):
    """The mildest verdict that fails a run (`--fail-on`, `fail-on` in the config)."""

    INCONSISTENT = "inconsistent"  # also fails on error
    HEDGE = "hedge"
    ROUNDING = "rounding"
    NEVER = "never"

    @property
    def threshold(self) -> Verdict | None:
        return _THRESHOLDS[self]

    def fails(self, verdict: Verdict | str) -> bool:
        threshold = _THRESHOLDS[self]
        # a dict lookup, not Verdict(...): a summary asks this of every check of a run
        rank = _RANKS.get(verdict)
        if rank is None:
            rank = Verdict(verdict).rank  # not a verdict: ValueError
        return threshold is not None and rank >= _RANKS[threshold]


#: a verdict's (or its value's: a StrEnum hashes as its string) place on the ladder
_RANKS: dict[str, int] = {v: i for i, v in enumerate(Verdict)}
_THRESHOLDS: dict[str, Verdict | None] = {
    FailOn.INCONSISTENT: Verdict.INCONSISTENT, FailOn.HEDGE: Verdict.WITHIN_HEDGE,
    FailOn.ROUNDING: Verdict.WITHIN_ROUNDING, FailOn.NEVER: None}


class ReportFormat(StrEnum):
    """The formats `verify` and `lint` write (render/outputs.py has one renderer each)."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    MARKDOWN = "markdown"
    JUNIT = "junit"
    SARIF = "sarif"


class ExitStatus(IntEnum):
    """Every command ends in one of these (README, "Exit codes")."""

    OK = 0           # no check is inconsistent or error
    FAILED = 1       # some check is inconsistent, error, or not what it expects
    BAD_INPUT = 2    # usage error, or a file that cannot be read or parsed
    INTERNAL = 3     # a bug in claimcheck itself: never a verdict on a claim file
