"""One result model for a whole run; every renderer draws from it and nothing else.

Values are already converted to the unit they are shown in, so renderers need no pint.
"""

from __future__ import annotations

import math
from dataclasses import MISSING, dataclass, field, fields
from typing import TYPE_CHECKING, Any

from ..diagnostics import Diagnostic, Severity, Span
from ..outcomes import ExitStatus, FailOn, Verdict
from .tally import Policy, Tally, expects_its_error

if TYPE_CHECKING:  # annotations only: a cache hit builds no interval
    from fractions import Fraction

    from ..quantities.intervals import Bound, Interval

__all__ = ["VERDICTS", "CheckResult", "DerivedView", "ExitStatus", "FailOn", "FigureView",
           "FileResult", "Policy", "Report", "Shown", "Tally", "Verdict", "expects_its_error"]

VERDICTS = tuple(Verdict)


def _num(x: Bound) -> float | None:
    # JSON has no infinity: an unbounded end is null ("no limit").
    value = float(x)
    return None if math.isinf(value) else value


@dataclass(frozen=True)
class Shown:
    """A value in the unit it is shown in: central value, rounding and hedged intervals."""

    central: Fraction
    rounding: Interval
    hedged: Interval
    unit: str
    #: the fewest significant digits that show this value without changing the verdict of
    #: the check it is part of (renderers may show more, never fewer)
    digits: int = 3

    def to_dict(self) -> dict[str, Any]:
        return {"value": _num(self.central), "low": _num(self.rounding.lo),
                "high": _num(self.rounding.hi), "hedged_low": _num(self.hedged.lo),
                "hedged_high": _num(self.hedged.hi), "unit": self.unit}


@dataclass(frozen=True, kw_only=True)
class FigureView:
    name: str
    kind: str  # "figure" or "assumption"
    stated: str
    span: Span | None
    value: Shown | None = None
    quote: str | None = None
    precision: str | None = None
    hedge: str | None = None
    hedge_rule: str | None = None
    notes: tuple[str, ...] = ()
    source: str | None = None
    url: str | None = None
    period: tuple[str, str] | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    #: the source's parts, for scripts: (publisher, title, date) of a figure's `source:`
    cited: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "kind": self.kind, "stated": self.stated, "quote": self.quote,
            "cited": ({**dict(self.cited), "url": self.url} if self.cited else None),
            "value": self.value.to_dict() if self.value else None,
            "precision": self.precision, "hedge": self.hedge, "hedge_rule": self.hedge_rule,
            "notes": list(self.notes), "source": self.source, "url": self.url,
            "period": {"start": self.period[0], "end": self.period[1]} if self.period else None,
            "line": self.span.line if self.span else None,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }


@dataclass(frozen=True, kw_only=True)
class DerivedView:
    name: str
    expr: str
    span: Span | None
    value: Shown | None = None
    description: str | None = None
    notes: tuple[str, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "expr": self.expr,
                "value": self.value.to_dict() if self.value else None,
                "description": self.description, "notes": list(self.notes),
                "line": self.span.line if self.span else None,
                "diagnostics": [d.to_dict() for d in self.diagnostics]}


@dataclass(frozen=True, kw_only=True)
class CheckResult:
    id: str
    claim: str
    assertion: str
    verdict: Verdict
    explanation: str
    span: Span | None
    relation: str | None = None
    computed_text: str | None = None
    computed: Shown | None = None
    stated_text: str | None = None
    stated: Shown | None = None
    gap: Fraction | None = None
    gap_unit: str | None = None  # "pp" for percentages, "relative" otherwise
    hedges: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    expected: str | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    stated_meaning: str | None = None  # a stated bound in words: "more than 80%"
    #: what the verdict itself rests on (also in ``notes``): the one-figure reading, an
    #: unbounded hedge, two sides that measure different things
    verdict_notes: tuple[str, ...] = ()

    @property
    def matches_expected(self) -> bool | None:
        return None if self.expected is None else self.expected == self.verdict

    @classmethod
    def brief(cls, id: str, verdict: Verdict, expected: str | None,
              diagnostics: tuple[Diagnostic, ...]) -> CheckResult:
        """The check as a run's summary and exit code need it (a slim result's): its id,
        verdict, expectation and diagnostics, every other field empty.  Equal to the
        one the constructor makes, built without its nineteen ``object.__setattr__``
        calls: a warm run makes one for every check of every file."""
        made = object.__new__(cls)
        made.__dict__.update(_EMPTY_CHECK, id=id, verdict=verdict, expected=expected,
                             diagnostics=diagnostics)
        return made

    def to_dict(self) -> dict[str, Any]:
        stated = self.stated.to_dict() if self.stated else {}
        return {
            "id": self.id, "claim": self.claim, "assert": self.assertion,
            "relation": self.relation, "verdict": self.verdict,
            "computed": {"text": self.computed_text, **(
                self.computed.to_dict() if self.computed else {})} if self.computed else None,
            "stated": {"text": self.stated_text, **stated} if self.stated else None,
            "gap": None if self.gap is None else {"value": float(self.gap), "unit": self.gap_unit},
            "explanation": self.explanation, "hedges": list(self.hedges),
            "notes": list(self.notes), "expected": self.expected,
            "matches_expected": self.matches_expected,
            "line": self.span.line if self.span else None,
            "column": self.span.column if self.span else None,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }


#: the fields ``CheckResult.brief`` leaves empty
_EMPTY_CHECK: dict[str, object] = {
    "claim": "", "assertion": "", "explanation": "", "span": None,
    **{f.name: f.default for f in fields(CheckResult) if f.default is not MISSING}}


@dataclass(frozen=True, kw_only=True)
class FileResult:
    path: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    figures: tuple[FigureView, ...] = ()
    derived: tuple[DerivedView, ...] = ()
    checks: tuple[CheckResult, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()  # file-level: unreadable, YAML, schema
    readable: bool = True
    #: not a claim file but the lock a --locked run compares against (never counted)
    is_lock: bool = False
    excerpts: tuple[tuple[int, str], ...] = ()  # source lines the diagnostics point at

    @property
    def outside_diagnostics(self) -> list[Diagnostic]:
        """The diagnostics not of a check: the file's, its figures' and derived figures'."""
        return [*self.diagnostics, *(d for f in self.figures for d in f.diagnostics),
                *(d for v in self.derived for d in v.diagnostics)]

    @property
    def all_diagnostics(self) -> list[Diagnostic]:
        found = list(self.diagnostics)
        for f in self.figures:
            found.extend(f.diagnostics)
        for d in self.derived:
            found.extend(d.diagnostics)
        for c in self.checks:
            found.extend(c.diagnostics)
        return found

    def slim(self) -> FileResult:
        """What a run's summary and exit code need of this file, without its figures,
        values and sentences: a run over ten thousand files need not hold them all."""
        def brief(d: Diagnostic) -> Diagnostic:  # its code and severity decide the run
            return Diagnostic(d.code, "", None, None, d.severity)

        checks = tuple(CheckResult.brief(c.id, c.verdict, c.expected,
                                         tuple(map(brief, c.diagnostics)))
                       for c in self.checks)
        return FileResult(path=self.path, readable=self.readable, is_lock=self.is_lock,
                          checks=checks,
                          diagnostics=tuple(map(brief, self.outside_diagnostics)))

    def to_dict(self) -> dict[str, Any]:
        figures = [f.to_dict() for f in self.figures if f.kind == "figure"]
        assumptions = [f.to_dict() for f in self.figures if f.kind == "assumption"]
        return {
            "path": self.path,
            "source": {"title": self.title, "publisher": self.publisher,
                       "published": self.published, "url": self.url},
            "figures": figures, "assumptions": assumptions,
            "derived": [d.to_dict() for d in self.derived],
            "checks": [c.to_dict() for c in self.checks],
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }


def file_json(result: FileResult) -> str:
    """One file's entry in the JSON report, indented into its place in the ``files`` list."""
    from ..sanitize import json_document

    return json_document(result.to_dict()).rstrip("\n").replace("\n", "\n    ")


@dataclass(frozen=True, kw_only=True)
class RenderedResult(FileResult):
    """A file's slim result (``FileResult.slim``) with its JSON report entry already
    written (``file_json``), or its part of the text report already drawn, as the
    results cache keeps them: all that a run whose only output is that report needs,
    without decoding the whole result again."""

    #: bytes when read from the cache (UTF-8, written through without decoding)
    json_text: str | bytes = ""
    #: the text report's part for this file as drawn before (colour codes included),
    #: when the cache holds it for the same layout (see render.text_console.layout_key)
    text: str | None = None

    def slim(self) -> FileResult:
        return FileResult(path=self.path, readable=self.readable, is_lock=self.is_lock,
                          checks=self.checks, diagnostics=self.diagnostics)


@dataclass(frozen=True)
class Report:
    files: tuple[FileResult, ...] = field(default_factory=tuple)

    def tally(self, policy: Policy | None = None) -> Tally:
        """The summary, named checks and exit code under ``policy`` (see ``Tally``)."""
        tally = Tally(policy)
        for f in self.files:
            tally.add(f)
        return tally

    def summary(self) -> dict[str, int]:
        return dict(self.tally().counts)

    def expected(self) -> dict[str, int]:
        """Per verdict that does not plainly hold: the checks whose `expect:` names it."""
        return self.tally().expected

    @property
    def unexpected(self) -> list[tuple[FileResult, CheckResult]]:
        return [(f, c) for f in self.files for c in f.checks if c.matches_expected is False]

    @property
    def exit_status(self) -> ExitStatus:
        return self.status()

    def status(self, fail_on: FailOn | str = FailOn.INCONSISTENT,
               strict: bool = False) -> ExitStatus:
        """The exit code under --fail-on and --strict (see ``Policy``)."""
        return self.status_under(Policy(fail_on, strict))

    def status_under(self, policy: Policy) -> ExitStatus:
        return self.tally(policy).status

    def findings_only(self) -> Report:
        """The same files with their checks' diagnostics moved to the file and the verdicts
        dropped: what `lint` reports, whatever the format.  The errors of a check that
        expects `error` stay, as warnings: the claim file records them."""
        from dataclasses import replace

        def moved(c: CheckResult) -> list[Diagnostic]:
            if not expects_its_error(c):
                return list(c.diagnostics)
            return [replace(d, severity=Severity.WARNING) if not d.about_lock
                    else d for d in c.diagnostics]

        return Report(tuple(replace(f, checks=(), diagnostics=tuple(sorted(
            [*f.diagnostics, *(d for c in f.checks for d in moved(c))],
            key=Diagnostic.sort_key))) for f in self.files))

    def to_dict(self, policy: Policy | None = None) -> dict[str, Any]:
        return {"claimcheck_report": 1, "files": [f.to_dict() for f in self.files],
                "summary": self.summary_dict(policy)}

    def summary_dict(self, policy: Policy | None = None) -> dict[str, Any]:
        return self.tally(policy).summary_dict()
