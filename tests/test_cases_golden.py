"""One tiny claim file per failure kind under tests/cases/<stage>/, its rendered output
beside it (<name>.txt) and its exit status in the first line of that file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimcheck.api import check_paths

from .conftest import CASES, ROOT
from .golden import compare, render_text

CASE_FILES = sorted(p for p in CASES.glob("*/*.yaml") if p.parent.name != "lint")
GOLDENS = [case.with_suffix(".txt") for case in CASE_FILES]


@pytest.mark.parametrize("case", CASE_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_case_output_matches_golden(case: Path, update_goldens: bool,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    status = int(check_paths([case.relative_to(ROOT)]).exit_status)
    actual = f"exit status: {status}\n" + render_text([case], ROOT)
    compare(actual, case.with_suffix(".txt"), update_goldens)


def test_every_case_has_a_golden() -> None:
    missing = [c for c in CASE_FILES if not c.with_suffix(".txt").exists()]
    assert not missing


@pytest.mark.parametrize("case", CASE_FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_error_case_names_file_line_and_column(case: Path) -> None:
    report = check_paths([case])
    for f in report.files:
        for d in f.all_diagnostics:
            assert d.span is not None, d
            assert d.span.path == case.as_posix() or d.span.path == os.fspath(case)
            assert d.span.line >= 1 and d.span.column >= 1


def test_cases_cover_each_failure_kind() -> None:
    codes = set()
    for case in CASE_FILES:
        for f in check_paths([case]).files:
            codes.update(d.code for d in f.all_diagnostics)
    assert {"yaml-syntax", "yaml-duplicate-key", "yaml-alias", "file-empty", "unknown-key",
            "missing-key", "schema", "unknown-unit", "figure-syntax", "ambiguous-unit",
            "unknown-name", "expression-syntax", "dimension-mismatch", "cycle",
            "division-by-zero", "exponent-too-large", "unexpected-verdict"} <= codes
