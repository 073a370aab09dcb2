"""Every output format of `verify` and `lint`, golden-tested from one shared report: a
claim file with every verdict, a recorded finding, an unexpected verdict, a check that
cannot be evaluated and a lint warning, beside a file that cannot be parsed
(tests/fixtures/report/).  JUnit is checked against Jenkins' junit-10.xsd and SARIF against
the official 2.1.0 schema, both shipped under tests/fixtures/schemas/."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import xmlschema

from claimcheck.api import claim_files
from claimcheck.authoring.lint import lint_text
from claimcheck.checking.engine import check_text, read_claim_file
from claimcheck.checking.report import FileResult, Policy, Report
from claimcheck.outcomes import ReportFormat
from claimcheck.render.outputs import render

from .conftest import ROOT
from .golden import compare

FORMATS = [f.value for f in ReportFormat]

FIXTURE = Path("tests/fixtures/report")
GOLDEN = ROOT / "tests" / "golden" / "formats"
SCHEMAS = ROOT / "tests" / "fixtures" / "schemas"
SUFFIX = {"text": "txt", "json": "json", "github": "txt", "markdown": "md",
          "junit": "xml", "sarif": "json"}
GOLDENS = [GOLDEN / f"{command}.{fmt}.{SUFFIX[fmt]}" for fmt in FORMATS
           for command in ("verify", "lint")]


def _report(lint: bool = False) -> Report:
    check = lint_text if lint else check_text
    files = []
    for path in claim_files([FIXTURE]):
        text = read_claim_file(path)
        files.append(text if isinstance(text, FileResult) else check(path.as_posix(), text))
    return Report(tuple(files))


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # paths in the outputs as a user at the repository root sees them
    monkeypatch.delenv("COLUMNS", raising=False)


@pytest.fixture(scope="module")
def junit_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(SCHEMAS / "junit-10.xsd")


@pytest.fixture(scope="module")
def sarif_validator() -> jsonschema.Draft7Validator:
    schema = json.loads((SCHEMAS / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def test_the_fixture_has_every_verdict_and_diagnostics() -> None:
    report = _report()
    assert all(report.summary()[v] for v in ("consistent", "within_rounding", "within_hedge",
                                              "inconsistent", "error"))
    assert report.unexpected and report.expected()
    assert any(not f.readable for f in report.files)
    codes = {d.code for f in _report(lint=True).files for d in f.all_diagnostics}
    assert {"no-quote", "unknown-unit", "unexpected-verdict", "yaml-syntax"} <= codes


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("command", ["verify", "lint"])
def test_format_matches_golden(fmt: str, command: str, update_goldens: bool) -> None:
    lint = command == "lint"
    actual = render(_report(lint), fmt, Policy(), lint=lint)
    assert actual == render(_report(lint), fmt, Policy(), lint=lint)  # same bytes each time
    if fmt == "text":
        actual = "\n".join(x.rstrip() for x in actual.splitlines()) + "\n"
    compare(actual, GOLDEN / f"{command}.{fmt}.{SUFFIX[fmt]}", update_goldens)


@pytest.mark.parametrize("lint", [False, True])
def test_junit_is_valid_and_counts_what_fails(lint: bool,
                                              junit_schema: xmlschema.XMLSchema) -> None:
    xml = render(_report(lint), "junit", Policy(), lint=lint)
    junit_schema.validate(xml)
    root = junit_schema.to_dict(xml)
    assert root is not None
    if lint:
        return
    suites = {s["@name"]: s for s in root["testsuite"]}
    verdicts = suites["tests/fixtures/report/every-verdict.yaml"]
    cases = {c["@name"]: c for c in verdicts["testcase"]}
    # failing under the policy: an error is <error>; an unexpected verdict a <failure>
    assert "error" in cases["bad-unit"] and "failure" in cases["sea-share-pinned"]
    assert "failure" not in cases["restated-by-sea"]  # inconsistent, as it expects
    assert "failure" not in cases["sea-share"]  # within rounding passes by default
    assert "system-out" in cases["sea-share"]  # ... with its explanation
    assert (verdicts["@tests"], verdicts["@failures"], verdicts["@errors"]) == ("8", "1", "1")
    broken = suites["tests/fixtures/report/broken.yaml"]
    assert broken["@errors"] == "1" and "yaml-syntax" in str(broken["testcase"])


def test_junit_failure_carries_both_numbers_and_the_line(junit_schema: xmlschema.XMLSchema,
                                                          ) -> None:
    xml = render(_report(), "junit", Policy(fail_on="rounding"))
    junit_schema.validate(xml)
    failure = xml.split('<testcase name="sea-share"', 1)[1].split("</testcase>", 1)[0]
    assert 'type="within_hedge"' in failure
    assert "every-verdict.yaml:41:5: sea-share is within hedge" in failure
    assert "stated: &apos;roughly 70%&apos; = 70%" in failure or "stated: 'roughly 70%'" in failure
    assert "recomputed: 75.68%" in failure and "pp apart" in failure


@pytest.mark.parametrize("lint", [False, True])
def test_sarif_is_valid_and_locates_each_result(
        lint: bool, sarif_validator: jsonschema.Draft7Validator) -> None:
    doc = json.loads(render(_report(lint), "sarif", Policy(), lint=lint))
    sarif_validator.validate(doc)
    (run,) = doc["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rules == sorted(set(rules))
    for result in run["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    if lint:
        assert "no-quote" in rules and not any(r.startswith("verdict/") for r in rules)
        return
    by_check = {r["properties"]["check"]: r for r in run["results"] if "properties" in r}
    assert set(by_check) == {"sea-share", "half-of-them", "restated-by-sea",
                             "sea-share-pinned", "group-share"}
    assert by_check["restated-by-sea"]["suppressions"][0]["kind"] == "inSource"
    assert by_check["sea-share-pinned"]["level"] == "error"
    assert by_check["sea-share"]["level"] == "warning"
    text = Path(FIXTURE / "every-verdict.yaml").read_text(encoding="utf-8").splitlines()
    region = by_check["half-of-them"]["locations"][0]["physicalLocation"]["region"]
    assert text[region["startLine"] - 1][region["startColumn"] - 1:].startswith(
        "id: half-of-them")


def test_hostile_text_stays_valid_xml_and_json(junit_schema: xmlschema.XMLSchema,
                                               sarif_validator: jsonschema.Draft7Validator,
                                               ) -> None:
    text = ('source: {publisher: "X\\x01", title: "T]]>", url: https://example.org/a, '
            'published: 2024-01-02}\nfigures:\n  a: {stated: 2 people, quote: "q\\x1b[31m"}\n'
            'checks:\n  - id: "bad\\x02id"\n    claim: "<b>&amp;\\x00"\n'
            '    assert: a == 3 people\n')
    report = Report((check_text("odd \u00e9 <name>.yaml", text),))
    xml = render(report, "junit", Policy())
    junit_schema.validate(xml)
    sarif_validator.validate(json.loads(render(report, "sarif", Policy())))
    assert "\x01" not in xml and "\x00" not in xml


def test_markdown_fits_a_pull_request_comment() -> None:
    from dataclasses import replace

    from claimcheck.render.markdown import MAX_CHARS

    one = next(f for f in _report().files if f.checks)
    many = Report(tuple(replace(one, path=f"claims/story-{i:04}.yaml") for i in range(400)))
    text = render(many, "markdown", Policy())
    assert len(text) <= MAX_CHARS + 300
    assert "consistent checks not shown" in text and "The rest is cut" in text
    assert "**Fails**" in text
