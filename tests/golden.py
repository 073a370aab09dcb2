"""Rendering helpers shared by golden tests: fixed width, no colour, stable bytes."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from claimcheck.engine import check_paths
from claimcheck.render.text import render

WIDTH = 110


def render_text(paths: list[Path], cwd: Path) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=WIDTH, no_color=True, force_terminal=False,
                      highlight=False, color_system=None)
    report = check_paths([p.relative_to(cwd) for p in paths])
    render(report, console)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def compare(actual: str, golden: Path, update: bool) -> None:
    if update or not golden.exists():
        golden.write_text(actual, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    assert actual == expected, f"{golden} differs; run pytest --update-goldens if intended"
