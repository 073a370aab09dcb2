"""The complete claim files shown in README.md and docs/claim-format.md run as written:
no error diagnostics, and every check gets the verdict its `expect:` names."""

from __future__ import annotations

import re

import pytest

from claimcheck.checking.engine import check_text
from claimcheck.diagnostics import Severity

from .conftest import ROOT

DOCS = ("README.md", "docs/claim-format.md")
_YAML_BLOCK = re.compile(r"^```yaml\n(.*?)^```", re.S | re.M)


def _complete_claim_files(doc: str) -> list[str]:
    """Every YAML block of ``doc`` that is a whole claim file (it has the two required
    top-level sections), not a fragment showing one section."""
    text = (ROOT / doc).read_text(encoding="utf-8")
    return [block for block in _YAML_BLOCK.findall(text)
            if re.search(r"^source:", block, re.M) and re.search(r"^figures:", block, re.M)]


EXAMPLES = [(f"{doc}#{i + 1}", block) for doc in DOCS
            for i, block in enumerate(_complete_claim_files(doc))]


def _problems(name: str, text: str) -> list[str]:
    """What is wrong with a claim file shown in the docs, in words (empty when it runs as
    the docs say)."""
    result = check_text(name, text)
    problems = [f"{d.code}: {d.message}" for d in result.all_diagnostics
                if d.severity is Severity.ERROR]
    if not result.readable:
        problems.append("the file cannot be read")
    if not result.checks:
        problems.append("the example has no checks")
    problems += [f"check {c.id}: verdict {c.verdict}, but expect: {c.expected}"
                 for c in result.checks if c.expected and c.verdict != c.expected]
    return problems


def test_the_docs_show_the_expected_claim_files() -> None:
    names = [name for name, _ in EXAMPLES]
    assert any(n.startswith("README.md#") for n in names), names
    assert any(n.startswith("docs/claim-format.md#") for n in names), names
    # the README example's check and the minimal file's check both pin a verdict
    for _, block in EXAMPLES:
        assert re.search(r"^\s+expect: \w+", block, re.M), block


@pytest.mark.parametrize(("name", "text"), EXAMPLES, ids=[n for n, _ in EXAMPLES])
def test_doc_claim_file_runs_as_written(name: str, text: str) -> None:
    assert _problems(name, text) == []


def test_a_wrong_expect_or_a_missing_figure_is_caught() -> None:
    """The test above can fail: the README example with the verdict the docs used to
    give, or without the figure its derived figure uses, has problems."""
    readme = next(text for name, text in EXAMPLES if name.startswith("README.md#"))
    assert "expect: within_hedge" in readme
    wrong_expect = readme.replace("expect: within_hedge", "expect: within_rounding")
    assert any("expect: within_rounding" in p for p in _problems("README.md", wrong_expect))
    no_value = re.sub(r"^  coal_value:\n(?:    .*\n)+", "", readme, flags=re.M)
    assert "coal_value:" not in no_value
    assert _problems("README.md", no_value) != []
