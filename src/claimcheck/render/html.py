"""`claimcheck report`: one self-contained HTML page an editor would rather look at.

Inline CSS and SVG only: no script runs, nothing is fetched, it prints and reads on a
phone.  The page is a Jinja2 template with autoescaping on (claim files are untrusted
text); this module only prepares plain values for it: segments of each quoted sentence
with its figures marked, the interval plot's geometry (render/plot.py), the derivation
from `explain`, and each check's ClaimReview (render/claimreview.py) as JSON-LD.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from .. import __version__
from ..checking.explain import Explanation, Node, percent
from ..checking.report import CheckResult, FileResult, Policy, Report
from ..outcomes import ExitStatus, Verdict
from ..sanitize import safe
from . import claimreview, plain
from .plot import Plot, plot

LABELS = {Verdict.CONSISTENT: "Consistent", Verdict.WITHIN_ROUNDING: "Within rounding",
          Verdict.WITHIN_HEDGE: "Within hedge", Verdict.INCONSISTENT: "Inconsistent",
          Verdict.ERROR: "Error"}
ICONS = {Verdict.CONSISTENT: "✓", Verdict.WITHIN_ROUNDING: "≈", Verdict.WITHIN_HEDGE: "~",
         Verdict.INCONSISTENT: "✗", Verdict.ERROR: "!"}
#: the order of the page: what needs an editor's eye first
ORDER = [Verdict.INCONSISTENT, Verdict.ERROR, Verdict.WITHIN_HEDGE, Verdict.WITHIN_ROUNDING,
         Verdict.CONSISTENT]


@dataclass(frozen=True)
class Segment:
    text: str
    figure: bool


@dataclass(frozen=True)
class Line:
    depth: int
    text: str


@dataclass(frozen=True)
class CheckView:
    file: int
    check: CheckResult
    verdict: str
    label: str
    icon: str
    fails: bool
    claim: tuple[Segment, ...]
    plot: Plot | None
    derivation: tuple[Line, ...]
    drivers: tuple[tuple[str, str, str], ...]
    solutions: tuple[str, ...]
    summary: str | None
    wordings: tuple[str, ...]
    json_ld: str | None

    @property
    def anchor(self) -> str:
        return f"f{self.file}-{re.sub(r'[^A-Za-z0-9_-]', '-', self.check.id)}"


_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def marked(sentence: str, figures: list[str]) -> tuple[Segment, ...]:
    """``sentence`` cut into plain text and the figures it states: each figure's text as
    written under `figures:`, or failing that, a number that figure contains."""
    wanted = sorted({f for f in figures if f}, key=len, reverse=True)
    numbers = {n for f in wanted for n in _NUMBER.findall(f)}
    spans: list[tuple[int, int]] = []
    lowered = sentence.lower()
    for text in wanted:
        start = lowered.find(text.lower())
        while start >= 0:
            end = start + len(text)
            if not any(a < end and start < b for a, b in spans):
                spans.append((start, end))
            start = lowered.find(text.lower(), end)
    for m in _NUMBER.finditer(sentence):
        if m.group(0) in numbers and not any(a < m.end() and m.start() < b for a, b in spans):
            spans.append(m.span())
    segments, at = [], 0
    for start, end in sorted(spans):
        if start > at:
            segments.append(Segment(sentence[at:start], False))
        segments.append(Segment(sentence[start:end], True))
        at = end
    if at < len(sentence):
        segments.append(Segment(sentence[at:], False))
    return tuple(segments)


def _lines(node: Node | None, depth: int = 0, role: str = "") -> list[Line]:
    if node is None:
        return []
    value = "(cannot be evaluated)" if node.value is None else plain.value(node.value)
    text = f"{role}{node.heading} = {value}"
    if node.details:
        text += " · " + " · ".join(node.details)
    found = [Line(depth, text)]
    if node.quote:
        found.append(Line(depth + 1, f"quote: “{' '.join(node.quote.split())}”"))
    found += [Line(depth + 1, n) for n in node.notes]
    for child in node.children:
        found += _lines(child, depth + 1)
    return found


def json_ld(doc: dict[str, Any] | None) -> str | None:
    """JSON for a <script type="application/ld+json">: '<', '>' and '&' escaped, so no
    claim text can close the script element."""
    if doc is None:
        return None
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _view(index: int, f: FileResult, c: CheckResult, e: Explanation | None, policy: Policy,
          options: dict[str, str | None]) -> CheckView:
    verdict = Verdict(c.verdict)
    figures = [v.stated for v in f.figures]
    drivers = tuple((s.name, percent(s.rounding),
                     "no upper limit without it" if s.unbounds else
                     percent(s.hedged) if s.hedged is not None else "")
                    for s in (e.sensitivity if e else ()))
    solutions = tuple(
        f"{s.name}: {s.message}" if s.value_text is None else
        f"{s.name} = {s.value_text} {plain.solution_note(s)}".rstrip()
        for s in (e.solutions if e else ()))
    derivation = (_lines(e.computed, 0, "recomputed: ") + _lines(e.stated, 0, "stated: ")
                  if e else [])
    return CheckView(
        file=index, check=c, verdict=verdict.value, label=LABELS[verdict],
        icon=ICONS[verdict], fails=policy.check_fails(c), claim=marked(c.claim, figures),
        plot=plot(c), derivation=tuple(derivation), drivers=drivers, solutions=solutions,
        summary=e.summary if e else None, wordings=e.wordings if e else (),
        json_ld=json_ld(claimreview.review(f, c, **options)))


def context(report: Report, explanations: dict[str, tuple[Explanation, ...]],
            policy: Policy | None = None, *, author: str | None = None,
            date: str | None = None, url: str | None = None) -> dict[str, Any]:
    """What the template draws, every string made printable (claim files are untrusted:
    the template escapes them, this removes control characters)."""
    report = plain.printable(report)
    policy = policy or Policy()
    options = {"author": author, "date": date, "url": url}
    files: list[dict[str, Any]] = []
    for i, f in enumerate(report.files):
        found = {e.check.id: e for e in explanations.get(f.path, ())}
        checks = [_view(i, f, c, found.get(c.id), policy, options) for c in f.checks]
        checks.sort(key=lambda v: ORDER.index(Verdict(v.verdict)))  # stable: file order
        sources = sorted({(v.source or "", v.url or "") for v in f.figures
                          if v.source or v.url})
        files.append({"result": f, "index": i, "checks": checks, "sources": sources,
                      "diagnostics": [plain.diagnostic_line(d) for d in f.all_diagnostics],
                      "link": f.url if f.url and f.url.startswith(("http://", "https://"))
                      else None})
    counts = report.summary()
    every: list[CheckView] = [v for f in files for v in f["checks"]]
    status = report.status_under(policy)
    return {
        "version": __version__, "author": safe(author or ""), "date": safe(date or ""),
        "files": files,
        "counts": [(v.value, LABELS[v], ICONS[v], counts[v.value]) for v in ORDER],
        "total": len(every),
        "problems": sorted((v for v in every if v.verdict != Verdict.CONSISTENT),
                           key=lambda v: ORDER.index(Verdict(v.verdict))),
        "derived": [(f, d) for f in report.files for d in f.derived],
        "value": plain.value,
        "status": _status(report, status),
    }


def _status(report: Report, status: ExitStatus) -> str:
    if status is ExitStatus.BAD_INPUT:
        return "has claim files that cannot be read"
    if status is ExitStatus.FAILED:
        return "fails"
    expected = sum(report.expected().values())
    return ("passes: every finding is one its claim file records" if expected
            else "passes")


def render(report: Report, explanations: dict[str, tuple[Explanation, ...]],
           policy: Policy | None = None, *, author: str | None = None,
           date: str | None = None, url: str | None = None) -> str:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(loader=PackageLoader("claimcheck.render", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    template = env.get_template("report.html.j2")
    return template.render(**context(report, explanations, policy, author=author, date=date,
                                     url=url))
