"""The two runs over a lock file (lock.py is its format): `verify --locked` compares a
report with the lock, `lock` works out the lock's new text.  The library does both; the
CLI only reads options, writes the file and prints.  Never prints, never writes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..claimfile.safe_io import display_path
from ..diagnostics import Diagnostic, Span
from ..quantities.formatting import plural
from ..sanitize import safe
from . import lock
from .report import FileResult, Report


def against_lock(report: Report, paths: list[Path], lock_file: Path) -> Report:
    """The report with every difference from the lock, each a diagnostic where it is
    (and a claim file the lock has but the run named and no longer finds).  A lock that
    cannot be read is an unreadable file of the run (exit code 2), so the outputs are
    still written and say why."""
    base, name = lock_file.parent, display_path(lock_file)
    try:
        snapshot = lock.load(lock_file)
    except lock.LockError as err:
        problem = Diagnostic("lock-unreadable", safe(str(err)), Span(name, 1, 1),
                             "run `claimcheck lock` to write it")
        return Report((*report.files, FileResult(path=name, diagnostics=(problem,),
                                                 readable=False, is_lock=True)))
    scope = [lock.relative(display_path(p), base) for p in paths if p.as_posix() != "-"]
    compared = lock.compare(report, snapshot, base, name)
    return lock.with_removed_files(compared, snapshot, base, scope, name)


@dataclass(frozen=True, kw_only=True)
class LockUpdate:
    """What `claimcheck lock` would write."""

    text: str          # the whole new lock file
    unchanged: bool    # the lock already says this, byte for byte
    counts: str        # "2 files, 4 derived figures, 23 checks"
    warning: str | None = None  # the old lock could not be read and is written anew


class LockRefused(lock.LockError):
    """Nothing may be written: the claim files or the old lock stand in the way."""


def update_lock(report: Report, paths: list[Path], lock_file: Path, *,
                named: bool) -> LockUpdate:
    """The lock's new text: the run's files replace their own entries, files not in
    ``paths`` keep theirs.  ``named``: the user named the paths (rather than the default
    ./claims), so an unreadable old lock is refused rather than rewritten: its other
    files' entries would be lost unasked."""
    from ..claimfile.safe_io import UnsafePath, read_bounded

    if any(not f.readable for f in report.files):
        raise LockRefused(f"{lock_file} not written: fix the files above first")
    base = lock_file.parent
    old: lock.Snapshot = {}
    warning = None
    if lock_file.exists():
        try:
            old = lock.load(lock_file)
        except lock.LockError as err:
            if named:
                raise LockRefused(f"{safe(str(err))}; run `claimcheck lock` with no paths "
                                  "(or on all the claim files) to write it anew") from None
            warning = f"{safe(str(err))}; writing it anew"
    scope = [lock.relative(display_path(p), base) for p in paths]
    text = lock.dumps(lock.merge(old, lock.snapshot(report, base), scope))
    current = None
    if lock_file.exists():
        try:
            current = read_bounded(lock_file, lock.MAX_LOCK_BYTES)
        except (UnsafePath, OSError):
            current = None  # written anew (or refused there, for a symlink)
    counts = (f"{plural(len(report.files), 'file')}, "
              f"{plural(sum(len(f.derived) for f in report.files), 'derived figure')}, "
              f"{plural(sum(len(f.checks) for f in report.files), 'check')}")
    return LockUpdate(text=text, unchanged=current == text.encode("utf-8"), counts=counts,
                      warning=warning)
