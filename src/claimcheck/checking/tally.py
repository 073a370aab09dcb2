"""What fails a run (``Policy``) and a run's summary gathered a file at a time (``Tally``).

A streamed report over ten thousand files keeps a Tally and nothing per file, so its
memory stays flat; ``Report`` computes its own summary through the same class, so the two
can never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from ..diagnostics import Severity
from ..outcomes import ExitStatus, FailOn, Verdict

if TYPE_CHECKING:
    from ..diagnostics import Diagnostic


# What a policy and a tally read of a check and of a file: the report model's CheckResult
# and FileResult, whole or slim, have these shapes (the report model imports this module,
# so this one names shapes, not its classes).
class CheckShape(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def verdict(self) -> Verdict: ...
    @property
    def expected(self) -> str | None: ...
    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]: ...
    @property
    def matches_expected(self) -> bool | None: ...


class FileShape(Protocol):
    @property
    def readable(self) -> bool: ...
    @property
    def is_lock(self) -> bool: ...
    @property
    def checks(self) -> Sequence[CheckShape]: ...
    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]: ...
    @property
    def figures(self) -> Sequence[object]: ...
    @property
    def derived(self) -> Sequence[object]: ...
    @property
    def outside_diagnostics(self) -> list[Diagnostic]: ...

__all__ = ["NAMED", "NAMED_VERDICTS", "NamedCheck", "Policy", "Tally", "expects_its_error"]


@dataclass(frozen=True)
class Policy:
    """What fails a run: every machine format and the exit code agree through this.

    ``fail_on``: the mildest verdict that fails ("inconsistent", which also fails on
    "error"; "hedge"; "rounding"; or "never").  ``strict``: lint warnings fail too.

    A check whose verdict is the one its ``expect:`` names does not fail: the claim file
    records that finding of the report, and it is still shown with its verdict.  A check
    that is not what it expects always fails, as does an error in a file, whatever
    ``fail_on`` says: those are defects of the claim file, not findings.
    """

    fail_on: FailOn | str = FailOn.INCONSISTENT
    strict: bool = False

    def fails_verdict(self, verdict: Verdict | str) -> bool:
        fail_on = self.fail_on
        return (fail_on if type(fail_on) is FailOn else FailOn(fail_on)).fails(verdict)

    def fails(self, check: CheckShape) -> bool:
        if check.matches_expected is not None:
            return not check.matches_expected
        return self.fails_verdict(check.verdict)

    def acknowledged(self, check: CheckShape) -> bool:
        """A verdict that would fail the run but is the one the check expects."""
        return bool(check.matches_expected) and self.fails_verdict(check.verdict)

    def fails_diagnostic(self, d: Diagnostic) -> bool:
        return d.severity is Severity.ERROR or (self.strict and d.severity is Severity.WARNING)

    def check_fails(self, check: CheckShape) -> bool:
        """The check's test fails: on its verdict, or on a diagnostic of its own."""
        return self.fails(check) or (bool(check.diagnostics) and any(
            self.diagnostic_fails(d, check) for d in check.diagnostics))

    def diagnostic_fails(self, d: Diagnostic, check: CheckShape | None = None) -> bool:
        """Whether ``d`` (of ``check``, when it is a check's) fails the run.  A check that
        expects `error` and is in error records that finding with the diagnostics that make
        it so; a lock difference on it still fails."""
        if not self.fails_diagnostic(d):
            return False
        return not (check is not None and expects_its_error(check)
                    and not d.about_lock)


def expects_its_error(check: CheckShape) -> bool:
    return bool(check.matches_expected) and check.verdict == Verdict.ERROR


#: checks named under the summary line, at most this many per verdict (as pytest lists
#: its failures)
NAMED = 8
#: the verdicts whose checks the summary names, in the order it names them
NAMED_VERDICTS = ("error", "inconsistent", "within_hedge", "within_rounding")
_LOCK_DIFFERENCES = frozenset({"lock-changed", "lock-missing"})


@dataclass(frozen=True)
class NamedCheck:
    id: str
    fails: bool  # its verdict fails the run (shown in bold)
    expected: str | None  # the verdict it expects, when it got another


_DEFAULT_POLICY = Policy()


@dataclass
class Tally:
    """``policy``: the one the run is judged under (None: the default, and the text
    summary does not say whether the run fails)."""

    policy: Policy | None = None
    counts: dict[str, int] = field(default_factory=lambda: {v.value: 0 for v in Verdict})
    #: per verdict that does not plainly hold: the checks whose `expect:` names it
    expected: dict[str, int] = field(default_factory=dict)
    unexpected: int = 0
    files: int = 0
    claim_files: int = 0
    checks: int = 0
    unreadable_claim_files: int = 0
    lock_unreadable: bool = False
    #: errors of a readable claim file, a figure or a derived figure (a check's are its
    #: verdict)
    file_errors: int = 0
    lock_differences: int = 0
    named: dict[str, list[NamedCheck]] = field(default_factory=dict)
    named_total: dict[str, int] = field(default_factory=dict)
    _bad_input: bool = False
    _failing: bool = False

    def add(self, f: FileShape) -> None:
        """Count one file's result (its slim result is enough)."""
        policy = self.policy or _DEFAULT_POLICY
        self.files += 1
        self._bad_input |= not f.readable
        if f.is_lock:
            self.lock_unreadable |= not f.readable
        else:
            self.claim_files += 1
            if not f.readable:
                self.unreadable_claim_files += 1
        # a warm run over ten thousand files does this for each: no list of diagnostics
        # is built when a file has none (the common case)
        outside = f.outside_diagnostics if f.diagnostics or f.figures or f.derived else ()
        if outside:
            if not f.is_lock and f.readable:
                self.file_errors += sum(d.severity is Severity.ERROR
                                        and not d.code.startswith("lock-") for d in outside)
            self.lock_differences += sum(d.code in _LOCK_DIFFERENCES for d in outside)
            self._failing |= any(policy.fails_diagnostic(d) for d in outside)
        counts = self.counts
        self.checks += len(f.checks)
        for c in f.checks:
            verdict, expected = c.verdict, c.expected
            counts[verdict] += 1
            if c.diagnostics:
                self.lock_differences += sum(d.code in _LOCK_DIFFERENCES
                                             for d in c.diagnostics)
            if expected is not None and expected == verdict:
                if verdict != "consistent":
                    self.expected[verdict] = self.expected.get(verdict, 0) + 1
            elif expected is not None:
                self.unexpected += 1
            self._failing |= policy.check_fails(c)
            if verdict in NAMED_VERDICTS:
                total = self.named_total.get(c.verdict, 0)
                self.named_total[c.verdict] = total + 1
                if total < NAMED:
                    self.named.setdefault(c.verdict, []).append(NamedCheck(
                        c.id, policy.fails(c),
                        c.expected if c.matches_expected is False else None))

    @property
    def status(self) -> ExitStatus:
        """The one place that maps outcomes to exit codes (see ``Policy``)."""
        if self._bad_input:
            return ExitStatus.BAD_INPUT
        return ExitStatus.FAILED if self._failing else ExitStatus.OK

    def summary_dict(self) -> dict[str, object]:
        return {**self.counts, "files": self.files, "checks": self.checks,
                "expected": dict(self.expected), "unexpected": self.unexpected,
                "exit_code": int(self.status)}
