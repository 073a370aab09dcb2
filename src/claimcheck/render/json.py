"""The JSON report: stable keys, sorted, no timestamps; never passes through rich."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..checking.report import FileResult, Policy, RenderedResult, Report, file_json
from ..sanitize import json_document


def render(report: Report, policy: Policy | None = None) -> str:
    """``summary.exit_code`` is the run's under ``policy`` (--fail-on, --strict)."""
    return json_document(report.to_dict(policy))


def render_findings(report: Report) -> str:
    """What `lint --format json` prints: each file's diagnostics."""
    doc = {"files": [{"path": f.path, "diagnostics": [d.to_dict() for d in f.all_diagnostics]}
                     for f in report.files]}
    return json_document(doc)


def stream(files: Iterable[FileResult], write: Callable[[str], object],
           policy: Policy | None = None, *,
           write_bytes: Callable[[bytes], object] | None = None) -> Report:
    """The same bytes as ``render``, written a file at a time: the run holds only each
    file's summary (``FileResult.slim``), whatever the number of files.  Returns the slim
    report, for the exit code.  ``write_bytes``: where a cached entry's UTF-8 bytes may go
    as they are (ten thousand files write hundreds of megabytes: no decode, no encode)."""
    write('{\n  "claimcheck_report": 1,\n  "files": [')
    seen: list[FileResult] = []
    for f in files:
        body = f.json_text if isinstance(f, RenderedResult) else file_json(f)
        write(("," if seen else "") + "\n    ")
        if isinstance(body, str):
            write(body)
        elif write_bytes is not None:
            write_bytes(body)
        else:  # a tampered entry is at worst a wrong report, never a crash
            write(body.decode("utf-8", errors="replace"))
        seen.append(f.slim())
    report = Report(tuple(seen))
    summary = json_document(report.summary_dict(policy)).rstrip("\n").replace("\n", "\n  ")
    write(("\n  ]" if seen else "]") + ',\n  "summary": ' + summary + "\n}\n")
    return report
