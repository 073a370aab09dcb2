"""The JSON report: stable keys, sorted, no timestamps; never passes through rich."""

from __future__ import annotations

from ..checking.report import Policy, Report
from ..sanitize import json_document


def render(report: Report, policy: Policy | None = None) -> str:
    """``summary.exit_code`` is the run's under ``policy`` (--fail-on, --strict)."""
    return json_document(report.to_dict(policy))


def render_findings(report: Report) -> str:
    """What `lint --format json` prints: each file's diagnostics."""
    doc = {"files": [{"path": f.path, "diagnostics": [d.to_dict() for d in f.all_diagnostics]}
                     for f in report.files]}
    return json_document(doc)
