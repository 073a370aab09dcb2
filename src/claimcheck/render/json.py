"""The JSON report: stable keys, sorted, no timestamps; never passes through rich."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..checking.report import FileResult, Policy, RenderedResult, Report, Tally, file_json
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
           write_bytes: Callable[[bytes], object] | None = None) -> Tally:
    """The same bytes as ``render``, written a file at a time: the run gathers the
    summary as files pass (a ``Tally``, returned for the exit code) and holds no file's
    result, whatever the number of files.  ``write_bytes``: where a cached entry's UTF-8
    bytes may go as they are (ten thousand files write hundreds of megabytes: no decode,
    no encode)."""
    write('{\n  "claimcheck_report": 1,\n  "files": [')
    tally = Tally(policy)
    for f in files:
        body = f.json_text if isinstance(f, RenderedResult) else file_json(f)
        write(("," if tally.files else "") + "\n    ")
        if isinstance(body, str):
            write(body)
        elif write_bytes is not None:
            write_bytes(body)
        else:  # a tampered entry is at worst a wrong report, never a crash
            write(body.decode("utf-8", errors="replace"))
        tally.add(f)
    summary = json_document(tally.summary_dict()).rstrip("\n").replace("\n", "\n  ")
    write(("\n  ]" if tally.files else "]") + ',\n  "summary": ' + summary + "\n}\n")
    return tally
