"""docs/report-screenshot.png: the first screen of `claimcheck report` on the bundled
claims, in headless Chromium (the README shows it).

    python scripts/screenshot.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> int:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("no Chromium here: apt-get install chromium", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "report.html"
        subprocess.run([sys.executable, "-m", "claimcheck", "report", "claims", "-o",
                        str(page_file), "--reviewer", "Example Fact Check"], cwd=ROOT,
                       check=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
            page = browser.new_page(viewport={"width": 1000, "height": 1250})
            page.goto(page_file.as_uri())
            check = page.locator("section.check").first
            check.locator("details").evaluate("d => d.open = false")
            page.screenshot(path=str(ROOT / "docs" / "report-screenshot.png"))
            check.screenshot(path=str(ROOT / "docs" / "report-check.png"))
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
