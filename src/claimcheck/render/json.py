"""The JSON report: stable keys, sorted, no timestamps; never passes through rich."""

from __future__ import annotations

import json

from ..report import Policy, Report


def render(report: Report, policy: Policy | None = None) -> str:
    """``summary.exit_code`` is the run's under ``policy`` (--fail-on, --strict)."""
    return json.dumps(report.to_dict(policy), indent=2, sort_keys=True,
                      ensure_ascii=False) + "\n"


def render_findings(report: Report) -> str:
    """What `lint --format json` prints: each file's diagnostics."""
    doc = {"files": [{"path": f.path, "diagnostics": [d.to_dict() for d in f.all_diagnostics]}
                     for f in report.files]}
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
