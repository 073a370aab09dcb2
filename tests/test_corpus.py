"""Real published claims (tests/corpus/): claimcheck's verdicts against the verdicts a
careful fact-checker wrote down before claimcheck was run on them.

The suite reports the agreement (and the README quotes it); it fails when agreement drops
below 90% or when a claim the fact-checker calls inconsistent comes out consistent.
"""

from __future__ import annotations

import importlib.util
import re
import sys

from .conftest import ROOT

CORPUS = ROOT / "tests" / "corpus"


def _corpus_module():  # scripts/ is not a package: load the report script by path
    spec = importlib.util.spec_from_file_location("corpus", ROOT / "scripts" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


corpus = _corpus_module()
ROWS = corpus.rows(CORPUS)


def test_the_corpus_is_large_and_every_check_states_the_fact_checkers_verdict() -> None:
    assert len(ROWS) >= 40
    assert len({r.path for r in ROWS}) >= 20
    assert all(r.expected != "-" for r in ROWS)
    # a corpus of only correct claims proves nothing
    assert sum(r.expected == "inconsistent" for r in ROWS) >= 10


def test_no_claim_a_careful_checker_calls_inconsistent_comes_out_consistent() -> None:
    false_passes = [r for r in ROWS if r.passes_a_false_claim]
    assert not false_passes, false_passes


def test_agreement_is_at_least_ninety_percent() -> None:
    agree = sum(r.agrees for r in ROWS)
    assert agree / len(ROWS) >= 0.90, corpus.summary(ROWS)


def test_no_check_ends_in_error() -> None:
    # every figure of the corpus is written as printed; each must be read
    assert [r for r in ROWS if r.got == "error"] == []


def test_the_readme_quotes_the_current_agreement() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    agree = sum(r.agrees for r in ROWS)
    for page in (readme, (CORPUS / "README.md").read_text(encoding="utf-8")):
        quoted = re.search(r"(\d+) of (\d+) checks\s+\((\d+\.\d)%\)", page)
        assert quoted is not None, "the README must quote the corpus agreement"
        assert (int(quoted[1]), int(quoted[2])) == (agree, len(ROWS)), corpus.summary(ROWS)
        assert quoted[3] == f"{100 * agree / len(ROWS):.1f}"


def test_every_corpus_file_cites_a_real_source_and_quotes_it() -> None:
    for path in sorted(CORPUS.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert "url: http" in text, path.name
        assert "quote:" in text, path.name
        assert "expectation written by hand before running claimcheck" in text, path.name


def test_extract_drafts_the_corpus_figures_as_printed() -> None:
    measured = corpus.extraction(CORPUS)
    assert measured.read / measured.figures >= 0.95, corpus.extraction_summary(measured)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quoted = re.search(r"drafts (\d+) of (\d+) figure phrases", readme)
    assert quoted is not None, "the README must quote how extract does on the corpus"
    assert (int(quoted[1]), int(quoted[2])) == (measured.read, measured.figures)
