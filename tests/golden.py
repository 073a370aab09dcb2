"""Golden files: rendered output kept beside its case, compared byte for byte.

A missing golden is a failure, never created silently: a deleted golden must not leave the
suite green.  ``pytest --update-goldens`` writes what differs and the run ends with the list
of goldens it created or changed, to be read in the diff before committing.  Every golden
on disk must be named by a case (``referenced_goldens``), so none is left orphaned.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from claimcheck.api import check_paths
from claimcheck.render.text_stream import render

WIDTH = 110

#: goldens written in this run by --update-goldens: (path, "created" | "updated")
CHANGED: list[tuple[Path, str]] = []


def render_text(paths: list[Path], cwd: Path) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=WIDTH, no_color=True, force_terminal=False,
                      highlight=False, color_system=None)
    report = check_paths([p.relative_to(cwd) for p in paths])
    render(report, console)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def compare(actual: str, golden: Path, update: bool) -> None:
    """Fail unless ``golden`` holds exactly ``actual``; with ``update``, write it first."""
    exists = golden.exists()
    if update:
        if not exists or golden.read_text(encoding="utf-8") != actual:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(actual, encoding="utf-8")
            CHANGED.append((golden, "updated" if exists else "created"))
        return
    if not exists:
        pytest.fail(f"golden file {golden} is missing: create it with "
                    "`pytest --update-goldens`, then read it before committing",
                    pytrace=False)
    expected = golden.read_text(encoding="utf-8")
    assert actual == expected, f"{golden} differs; run pytest --update-goldens if intended"
