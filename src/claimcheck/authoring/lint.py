"""`claimcheck lint`: what a fact-checker should fix before a claim file is trusted.

Everything `verify` reports as an error, plus warnings about the file itself: figures
without a quote, figures nothing uses, checks that test no stated figure, units read by
claimcheck's defaults rather than a stated convention, and `$` or "billion" where the
source's country makes them ambiguous.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..checking.engine import analyse_text
from ..checking.environment import Env
from ..checking.report import FileResult
from ..claimfile import loader
from ..diagnostics import Diagnostic, Severity
from ..expressions.tightening import input_counts
from ..quantities import units
from .misreadings import bare_numbers_with_percentages, implausible_readings

_BILLION = re.compile(r"billion|\d\s*bn\b|\bbn\b", re.I)


def _before_1975(env: Env) -> bool:
    # Britain adopted the short-scale billion officially in 1974
    return env.model.source.published[:4] < "1975"


_DOLLAR_COUNTRIES = {"ca": "CAD", "au": "AUD", "hk": "HKD", "nz": "NZD", "sg": "SGD",
                     "tw": "TWD"}


def _warn(code: str, message: str, span: object, hint: str) -> Diagnostic:
    return Diagnostic(code, message, span, hint, Severity.WARNING)  # type: ignore[arg-type]


def _country(url: str) -> str | None:
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0].split(":")[0]
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    return tld if len(tld) == 2 else None


def warnings(env: Env, result: FileResult) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    used: set[str] = set()
    for check, parsed in zip(env.model.checks, env.parsed_checks(), strict=True):
        if parsed is None:  # the check's own error is reported by verify
            continue
        assertion = parsed[0]
        names = set(input_counts(env, assertion.left.root)) | set(
            input_counts(env, assertion.right.root))
        used |= names
        if not names:
            span = next((c.span for c in result.checks if c.id == check.id), None)
            found.append(_warn("check-without-figure", f"check '{check.id}' uses no stated "
                               "figure", span, "a check should test what the report says: "
                               "name the figures in `assert:`"))
    for entry in env.entries.values():
        if entry.kind == "derived" and entry.expr is not None:
            used |= set(input_counts(env, entry.expr.root))
    country = _country(env.model.source.url)
    for name, entry in env.entries.items():
        if entry.kind == "derived":
            continue
        span = entry.key.span
        spec = env.model.figures.get(name)
        if entry.kind == "figure" and spec is not None and not spec.quote:
            found.append(_warn("no-quote", f"figure '{name}' has no quote", span,
                               "copy the sentence it comes from into `quote:`"))
        if name not in used and not (spec is not None and spec.context):
            found.append(_warn("unused-figure", f"{entry.kind} '{name}' is used by no check "
                               "or derived figure", span,
                               "use it in a check, or mark it `context: true`"))
        reading = entry.reading
        if reading is None:
            continue
        conventions = [n for n in reading.notes if isinstance(n, units.ConventionNote)]
        for note in conventions:
            if note.default and note.key != "dollar":
                found.append(_warn("convention-default", f"{note} in '{name}'", span,
                                   "say which is meant under `conventions:` (ton, barrel, "
                                   "points, rupee, ...: see docs/claim-format.md), on the "
                                   "file or on the figure"))
        if (country in _DOLLAR_COUNTRIES and "dollar" not in env.model.conventions.as_dict()
                and any(n.key == "dollar" and n.word == "$" for n in conventions)):
            local = _DOLLAR_COUNTRIES[country]
            found.append(_warn("ambiguous-dollar", f"'$' in '{name}' is read as US dollars, "
                               f"but the source is from .{country}", span,
                               f"set conventions: {{dollar: {local}}} if it means {local}, "
                               "or {dollar: USD}"))
        if country == "uk" and _BILLION.search(reading.text) and _before_1975(env):
            found.append(_warn("british-billion", f"'{name}' says billion in a British source",
                               span, "older British usage means a million million; "
                               "claimcheck reads 10^9 (check the source's date)"))
    return found


def _source_block(env: Env) -> list[Diagnostic]:
    """A source with no headline cannot be found again by a reader."""
    source = env.root.get("source")
    if env.model.source.title is None and isinstance(source, loader.Mapping):
        return [_warn("no-title", "the source has no title", source.span,
                      "copy the headline as published into `title:`")]
    return []


def _todos(env: Env) -> list[Diagnostic]:
    """'TODO' left in the source block (a draft from extract or new)."""
    found = []
    source = env.root.get("source")
    if isinstance(source, loader.Mapping):
        for key, value in source.items:
            if isinstance(value, loader.Scalar) and "TODO" in value.text:
                found.append(_warn("todo", f"source {key.text} is still TODO", value.span,
                                   "fill it in from the article"))
    return found


def lint_text(path: str, text: str) -> FileResult:
    result, env = analyse_text(path, text)
    if env is None:
        return result
    extra = (warnings(env, result) + _todos(env) + _source_block(env)
             + bare_numbers_with_percentages(env) + implausible_readings(env))
    lines = text.splitlines()
    excerpts = dict(result.excerpts)
    for d in extra:
        if d.span and 0 < d.span.line <= len(lines):
            excerpts[d.span.line] = lines[d.span.line - 1]
    return replace(result, diagnostics=result.diagnostics + tuple(extra),
                   excerpts=tuple(sorted(excerpts.items())))
