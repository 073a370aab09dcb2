from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# no deadline: timing is for benchmarks/run.py, and a loaded 2-core CI (or mutmut's
# trampolines) must not turn a slow example into a failure
settings.register_profile("default", max_examples=300, deadline=None)
settings.register_profile("fuzz", max_examples=5000, deadline=None)
# mutation testing runs the fast subset once per mutant: fewer examples each, the same
# properties (docs/testing.md)
settings.register_profile("mutation", max_examples=40, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

pytest_plugins = ["pytester"]

# Every test checks its claim files afresh: the results cache is tested on its own
# (tests/test_cache.py), never relied on by accident or left in the user's cache folder.
os.environ["CLAIMCHECK_CACHE"] = "off"

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite the golden output files from the current output")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from .golden import CHANGED

    if not CHANGED:
        return
    terminalreporter.section("goldens written by --update-goldens: read each in the diff")
    root = Path(__file__).resolve().parent.parent
    for path, how in sorted(CHANGED):
        terminalreporter.write_line(f"{how:8} {path.relative_to(root)}")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture(autouse=True)
def _no_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
