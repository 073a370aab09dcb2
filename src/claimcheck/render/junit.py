"""JUnit XML: one <testsuite> per claim file, one <testcase> per check.

A check that fails under the run's policy is a <failure> carrying its full explanation; a
check that cannot be evaluated is an <error>; a file that cannot be read, or that has
errors outside its checks, gets one extra test case named after the file.  No timings or
host names, so the same input gives the same bytes.  Checked against Jenkins' junit-10.xsd.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import PurePosixPath

from ..checking.report import FileResult, Policy, Report
from ..diagnostics import Diagnostic
from . import plain

# XML 1.0 cannot carry most control characters, even escaped; a hostile claim file must
# not make the report unreadable, nor put C1 controls or bidi overrides before a reader.
_NOT_XML = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202f-\u2065\u206a-\ud7ff"
                      "\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _classname(path: str) -> str:
    # Jenkins and GitLab split classnames on dots: "claims.asiapress-2020-04-30"
    pure = PurePosixPath(path)
    return ".".join([*pure.parent.parts, pure.stem]).replace("/", ".").lstrip(".") or path


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        element.text = _clean(text)
    return element


def _suite(root: ET.Element, f: FileResult, policy: Policy) -> tuple[int, int, int]:
    suite = _add(root, "testsuite", name=f.path, tests="0", failures="0", errors="0",
                 skipped="0", file=f.path)
    info = {"title": f.title, "publisher": f.publisher, "published": f.published,
            "url": f.url}
    if any(info.values()):
        props = _add(suite, "properties")
        for key, val in info.items():
            if val:
                _add(props, "property", name=key, value=val)
    tests = failures = errors = 0
    classname = _classname(f.path)
    for c in f.checks:
        tests += 1
        case = _add(suite, "testcase", name=c.id, classname=classname)
        details = plain.check_details(f.path, c)
        if not policy.check_fails(c):
            _add(case, "system-out", details)
            continue
        # <error>: the check cannot be evaluated; <failure>: it was, and fails
        tag = "error" if c.verdict == "error" else "failure"
        errors += tag == "error"
        failures += tag == "failure"
        # the reason it fails: its verdict, or else its first failing diagnostic
        failing = [d for d in c.diagnostics if policy.fails_diagnostic(d)]
        if policy.fails(c) or not failing:
            _add(case, tag, details, type=c.verdict, message=plain.headline(c))
        else:
            _add(case, tag, details, type=failing[0].code, message=failing[0].message)
    outside = sorted(f.outside_diagnostics, key=Diagnostic.sort_key)
    if outside or not f.checks:
        tests += 1
        case = _add(suite, "testcase", name=f"{f.path} (file)", classname=classname)
        text = "\n".join(plain.diagnostic_line(d) for d in outside)
        failing = [d for d in outside if policy.fails_diagnostic(d)]
        if not f.readable or failing:
            errors += 1
            first = failing[0] if failing else outside[0]
            _add(case, "error", text, type=first.code, message=first.message)
        elif text:
            _add(case, "system-out", text)
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    return tests, failures, errors


def render(report: Report, policy: Policy | None = None) -> str:
    policy = policy or Policy()
    root = ET.Element("testsuites", {"name": "claimcheck"})
    totals = [0, 0, 0]
    for f in report.files:
        for i, n in enumerate(_suite(root, f, policy)):
            totals[i] += n
    for key, n in zip(("tests", "failures", "errors"), totals, strict=True):
        root.set(key, str(n))
    ET.indent(root, space="  ")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(root, encoding="unicode") + "\n")
