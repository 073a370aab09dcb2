"""The HTML report in a real browser (issue 13): headless Chromium, driven by Playwright's
Python package with the system's Chromium (Playwright's own browser download is not
reachable everywhere: `.ci/run` installs Debian's `chromium`).  The page loads from disk
with no console error, its badges and plots are visible, and it fits a 390-pixel phone
screen without scrolling sideways."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

from .conftest import ROOT

CHROMIUM = os.environ.get("CLAIMCHECK_CHROMIUM") or next(
    (found for name in ("chromium", "chromium-browser", "google-chrome")
     if (found := shutil.which(name))), None)
#: what a sandboxed, offline machine needs (no first-run, no background connections)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium here: install Debian's `chromium` (.ci/run does) "
    "or set CLAIMCHECK_CHROMIUM to a Chromium or Chrome binary")


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    # long paths and ids with no break in them must still fit a phone's width
    claims = folder / ("a_newsroom_archive_folder_with_a_long_name" * 2) / "claims"
    shutil.copytree(ROOT / "claims", claims)
    out = folder / "report.html"
    done = CliRunner().invoke(app, ["report", str(claims), "-o", str(out)])
    assert done.exit_code == 0, done.output
    return out


@pytest.mark.parametrize("width", [1100, 390])
def test_the_report_renders_in_chromium(page_file: Path, width: int) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            errors: list[str] = []
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("request", lambda r: errors.append(f"fetched {r.url}")
                    if not r.url.startswith("file:") else None)
            page.goto(page_file.as_uri())
            assert errors == []
            badges = page.locator("section.check .badge")
            plots = page.locator("svg.plot")
            assert badges.count() > 0 and plots.count() > 0
            for i in (0, badges.count() - 1):
                badges.nth(i).scroll_into_view_if_needed()
                assert badges.nth(i).is_visible()
            for i in (0, plots.count() - 1):
                plots.nth(i).scroll_into_view_if_needed()
                box = plots.nth(i).bounding_box()
                assert box is not None and box["width"] > 200 and box["height"] > 20
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            details = page.locator("section.check details").first
            details.locator("summary").click()
            assert details.locator(".tree").is_visible()
        finally:
            browser.close()
