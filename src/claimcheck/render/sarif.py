"""SARIF 2.1.0, for code-scanning UIs: one result per check that does not plainly hold and
per diagnostic, on the exact line and column of the YAML it is about.

Rules are the verdicts (``verdict/inconsistent``, ...) and the diagnostic codes
(``unit-unknown``, ...), listed once, sorted.  Columns count Unicode code points, as our
spans do (SARIF's default is UTF-16 units, so ``columnKind`` says so).  A check whose
verdict is the one its ``expect:`` names is reported with an in-source suppression: the
claim file already records the finding.  Checked against the official 2.1.0 schema.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..checking.report import CheckResult, FileResult, Policy, Report, expects_its_error
from ..diagnostics import Diagnostic, Span
from ..sanitize import json_document
from . import plain

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"

_VERDICT_RULES = {
    "consistent": "The check holds, but its `expect:` names another verdict: the arithmetic "
                  "changed since the claim file was written.",
    "inconsistent": "The recomputed figure and the stated one do not overlap, even with "
                    "rounding and hedges.",
    "within_hedge": "The figures meet only through the hedge words ('about', 'roughly').",
    "within_rounding": "The figures meet only at the edge of the stated rounding.",
    "error": "The check cannot be evaluated.",
}


def _uri(path: str) -> str:
    pure = PurePosixPath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(path, safe="/-._~")


def _location(span: Span | None, path: str) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(span.path if span else path)}}
    if span is not None:
        region = {"startLine": span.line, "startColumn": span.column}
        if span.end_line >= span.line and span.end_column > 0:
            region |= {"endLine": span.end_line, "endColumn": span.end_column}
        physical["region"] = region
    return {"physicalLocation": physical}


def _fingerprint(*parts: str) -> str:
    # Stable while lines move: the file, the rule and what it is about, not the line
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def _check_result(f: FileResult, c: CheckResult, policy: Policy) -> dict[str, Any] | None:
    if c.verdict == "consistent" and c.matches_expected is not False:
        return None
    if c.verdict == "error" and c.diagnostics and c.matches_expected is not False:
        return None  # its diagnostics say why, each under its own code
    rule = f"verdict/{c.verdict}"
    result: dict[str, Any] = {
        "ruleId": rule,
        "level": "error" if policy.fails(c) else "warning",
        "message": {"text": f"{plain.headline(c)}: {c.explanation}"},
        "locations": [_location(c.span, f.path)],
        "partialFingerprints": {"claimcheck/v1": _fingerprint(f.path, rule, c.id)},
        "properties": {"check": c.id, "verdict": c.verdict, "expected": c.expected,
                       "details": plain.check_details(f.path, c)},
    }
    if c.matches_expected:
        result["suppressions"] = [{"kind": "inSource",
                                   "justification": f"expect: {c.expected} in the claim file"}]
    return result


def _diagnostic_result(f: FileResult, d: Diagnostic, policy: Policy,
                       check: CheckResult | None) -> dict[str, Any]:
    text = d.message + (f" (help: {d.hint})" if d.hint else "")
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": "error" if policy.diagnostic_fails(d, check) else "warning",
        "message": {"text": text},
        "locations": [_location(d.span, f.path)],
        "partialFingerprints": {"claimcheck/v1": _fingerprint(f.path, d.code, d.message)},
    }
    related = [{"id": i, "message": {"text": label.text}, **_location(label.span, f.path)}
               for i, label in enumerate(d.labels)]
    if related:
        result["relatedLocations"] = related
    if check is not None and expects_its_error(check) and not d.about_lock:
        result["suppressions"] = [{"kind": "inSource",
                                   "justification": "expect: error in the claim file"}]
    return result


def _rule(rule_id: str) -> dict[str, Any]:
    if rule_id.startswith("verdict/"):
        verdict = rule_id.removeprefix("verdict/")
        return {"id": rule_id, "name": verdict,
                "shortDescription": {"text": f"A check is {plain.VERDICT_WORDS[verdict]}"},
                "fullDescription": {"text": _VERDICT_RULES[verdict]},
                "help": {"text": "Run `claimcheck explain FILE CHECK` to see the work and "
                                 "what would make the claim hold."}}
    return {"id": rule_id, "name": rule_id,
            "shortDescription": {"text": f"claimcheck diagnostic {rule_id}"},
            "help": {"text": f"See '{rule_id}' in claimcheck's docs/diagnostics.md: what "
                             "it means, why it matters and how to fix it."}}


def document(report: Report, policy: Policy | None = None) -> dict[str, Any]:
    policy = policy or Policy()
    results: list[dict[str, Any]] = []
    for f in report.files:
        for c in f.checks:
            found = _check_result(f, c, policy)
            if found is not None:
                results.append(found)
        owners = {id(d): c for c in f.checks for d in c.diagnostics}
        results.extend(_diagnostic_result(f, d, policy, owners.get(id(d)))
                       for d in sorted(f.all_diagnostics, key=Diagnostic.sort_key))
    rule_ids = sorted({r["ruleId"] for r in results})
    for r in results:
        r["ruleIndex"] = rule_ids.index(r["ruleId"])
    artifacts = sorted({f.path for f in report.files})
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "claimcheck", "version": __version__,
                                "semanticVersion": __version__,
                                "rules": [_rule(r) for r in rule_ids]}},
            "columnKind": "unicodeCodePoints",
            "artifacts": [{"location": {"uri": _uri(p)}} for p in artifacts],
            "results": results,
            "properties": {"summary": report.summary(), "fail_on": policy.fail_on,
                           "strict": policy.strict},
        }],
    }


def render(report: Report, policy: Policy | None = None) -> str:
    return json_document(document(report, policy))
