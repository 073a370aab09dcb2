"""claimcheck: a unit-aware claim-checking calculator for journalists and fact-checkers.

The library does the work and never prints::

    from claimcheck import check_paths
    report = check_paths(["claims/"])
    report.summary()        # {"consistent": 6, "within_rounding": 2, ...}
    report.exit_status      # ExitStatus.FAILED when a check fails (see Policy)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .api import check_file, check_paths, check_text
    from .checking.report import Report

__all__ = ["Report", "__version__", "check_file", "check_paths", "check_text"]


def __getattr__(name: str) -> Any:
    # Lazy: importing claimcheck (for --help, for completion) must not load pint.
    if name in ("check_paths", "check_file", "check_text"):
        from . import api

        return getattr(api, name)
    if name == "Report":
        from .checking.report import Report

        return Report
    raise AttributeError(name)
