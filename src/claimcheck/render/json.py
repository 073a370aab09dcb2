"""The JSON report: stable keys, sorted, no timestamps; never passes through rich."""

from __future__ import annotations

import json

from ..report import Report


def render(report: Report) -> str:
    return json.dumps(report.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
