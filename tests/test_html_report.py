"""`claimcheck report` (issue 13): the page's structure, not its pixels.  Every check is
there with the badge of its verdict, every plotted interval is the one the JSON report
states, untrusted text stays text, nothing is fetched, and the ClaimReview of each check
has the properties docs/report.md documents."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.render.claimreview import RATINGS
from claimcheck.render.html import LABELS, marked

from .conftest import ROOT

runner = CliRunner()
CLAIMS = ROOT / "claims"


class Page(HTMLParser):
    """The parts of the page the tests look at."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: dict[str, dict[str, Any]] = {}
        self.current: dict[str, Any] | None = None
        self.badge: dict[str, Any] | None = None
        self.depth = 0  # spans open inside the badge
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.in_ld = False
        self.ld: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        classes = (a.get("class") or "").split()
        if tag == "span" and self.badge is not None:
            self.depth += 1
        if tag == "section" and "check" in classes:
            self.current = {"verdict": a["data-verdict"], "rects": {}, "badge": "",
                            "badge_verdict": None, "ld": None}
            self.sections[str(a["id"])] = self.current
        elif self.current is not None and tag == "span" and "badge" in classes and (
                self.current["badge_verdict"] is None):
            self.current["badge_verdict"] = a.get("data-verdict")
            self.badge, self.depth = self.current, 1
        elif self.current is not None and tag == "rect":
            self.current["rects"][classes[0]] = (a.get("data-lo"), a.get("data-hi"))
        elif tag == "script":
            self.in_ld = a.get("type") == "application/ld+json"

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.badge is not None:
            self.depth -= 1
            if not self.depth:
                self.badge = None
        if tag == "section":
            self.current = None
        if tag == "script":
            self.in_ld = False

    def handle_data(self, data: str) -> None:
        if self.badge is not None:
            self.badge["badge"] += data
        if self.in_ld:
            self.ld.append(data)
            if self.current is not None:
                self.current["ld"] = json.loads(data)


def _report(tmp_path: Path, *args: str) -> str:
    out = tmp_path / "report.html"
    done = runner.invoke(app, ["report", *args, "-o", str(out)])
    assert done.exit_code == 0, done.output
    return out.read_text(encoding="utf-8")


def _json(*paths: str) -> dict[str, Any]:
    done = runner.invoke(app, ["verify", *paths, "-f", "json"])
    return json.loads(done.output)  # type: ignore[no-any-return]


def _end(value: float | None) -> str:
    return "" if value is None else str(value)


def test_every_check_has_its_badge_and_its_plot_shows_the_reported_intervals(
        tmp_path: Path) -> None:
    page = Page(_report(tmp_path, str(CLAIMS), "--reviewer", "Example Fact Check"))
    doc = _json(str(CLAIMS))
    checks = [(i, c) for i, f in enumerate(doc["files"]) for c in f["checks"]]
    assert len(page.sections) == len(checks) > 0
    for i, c in checks:
        section = page.sections[f"f{i}-{c['id']}"]
        assert section["verdict"] == section["badge_verdict"] == c["verdict"]
        label = LABELS[c["verdict"]]
        assert section["badge"].strip().endswith(label), (section["badge"], label)
        if c["computed"] is None or c["stated"] is None:
            continue
        rects = section["rects"]
        assert rects["computed"] == (_end(c["computed"]["low"]), _end(c["computed"]["high"]))
        assert rects["rounding"] == (_end(c["stated"]["low"]), _end(c["stated"]["high"]))
        assert rects["hedged"] == (_end(c["stated"]["hedged_low"]),
                                   _end(c["stated"]["hedged_high"]))


def test_the_page_fetches_nothing_and_runs_no_script(tmp_path: Path) -> None:
    page = Page(_report(tmp_path, str(CLAIMS)))
    for tag, attrs in page.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed"), tag
        assert "src" not in attrs, (tag, attrs)
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        if tag == "script":
            assert attrs.get("type") == "application/ld+json"


def test_the_same_claims_give_the_same_bytes(tmp_path: Path) -> None:
    first = _report(tmp_path, str(CLAIMS))
    assert _report(tmp_path, str(CLAIMS)) == first


HOSTILE = """\
source:
  publisher: "<script>alert('publisher')</script>"
  title: "Headline </script><script>alert('title')</script>"
  url: "javascript:alert('url')"
  published: 2024-01-02
figures:
  a: {stated: 10 t, quote: "<img src=x onerror=alert('quote')>"}
  b: {stated: 5 t}
checks:
  - id: hostile
    claim: "<b>10 t</b> over 5 t </script><script>alert('claim')</script>"
    assert: a / b == 2
"""


def test_untrusted_text_stays_text(tmp_path: Path) -> None:
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    text = _report(tmp_path, str(tmp_path / "claims"))
    assert "<script>alert" not in text and "<img" not in text and "<b>" not in text
    assert "&lt;script&gt;alert(&#39;claim&#39;)" in text
    assert 'href="javascript' not in text
    page = Page(text)
    (section,) = page.sections.values()
    assert section["ld"]["claimReviewed"].endswith("<script>alert('claim')</script>")
    assert all("</script" not in block for block in page.ld)


def test_each_review_has_the_documented_claimreview_properties(tmp_path: Path) -> None:
    done = runner.invoke(app, ["report", str(CLAIMS), "-f", "claimreview", "--reviewer",
                               "Example Fact Check", "--date", "2026-11-30", "--url",
                               "https://factcheck.example/report"])
    assert done.exit_code == 0, done.output
    reviews = json.loads(done.output)
    doc = _json(str(CLAIMS))
    rated = [c for f in doc["files"] for c in f["checks"] if c["verdict"] != "error"]
    assert len(reviews) == len(rated) > 0
    for review, check in zip(reviews, rated, strict=True):
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        assert review["claimReviewed"] == check["claim"]
        assert review["author"] == {"@type": "Organization", "name": "Example Fact Check"}
        assert review["datePublished"] == "2026-11-30"
        assert review["url"] == f"https://factcheck.example/report#{check['id']}"
        item = review["itemReviewed"]
        assert item["@type"] == "Claim" and item["author"]["@type"] == "Organization"
        assert item["appearance"]["@type"] == "CreativeWork"
        assert item["appearance"]["url"].startswith("https://")
        rating = review["reviewRating"]
        value, name = RATINGS[check["verdict"]]
        assert rating == {"@type": "Rating", "ratingValue": value, "bestRating": 5,
                          "worstRating": 1, "alternateName": name}


def test_a_bad_date_or_address_is_a_usage_error(tmp_path: Path) -> None:
    for args in (["--date", "2026-02-30"], ["--date", "yesterday"], ["--url", "factcheck"]):
        done = runner.invoke(app, ["report", str(CLAIMS), "-o", str(tmp_path / "r.html"),
                                   *args])
        assert done.exit_code == 2, (args, done.output)
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize(("sentence", "figures", "expected"), [
    ("370 voyages of a 10,000-ton ship", ["370 voyages", "10,000 tonnes"],
     ["[370 voyages]", " of a ", "[10,000]", "-ton ship"]),
    ("About 2.8 million tons", ["about 2.8 million tons"], ["[About 2.8 million tons]"]),
    ("no figure here", ["5 t"], ["no figure here"]),
])
def test_a_quote_marks_the_figures_it_states(sentence: str, figures: list[str],
                                             expected: list[str]) -> None:
    assert [f"[{s.text}]" if s.figure else s.text for s in marked(sentence, figures)] == (
        expected)
