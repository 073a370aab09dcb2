"""The JSON report: stable keys, sorted, no timestamps; never passes through rich."""

from __future__ import annotations

import json

from ..report import Report


def render(report: Report) -> str:
    return json.dumps(report.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def render_findings(report: Report) -> str:
    """What `lint --format json` prints: each file's diagnostics."""
    doc = {"files": [{"path": f.path, "diagnostics": [d.to_dict() for d in f.all_diagnostics]}
                     for f in report.files]}
    return json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
