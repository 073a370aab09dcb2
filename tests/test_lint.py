"""`claimcheck lint`: one tiny case file per warning kind, its output beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

from .conftest import CASES, ROOT
from .golden import compare

runner = CliRunner()
LINT_CASES = sorted((CASES / "lint").glob("*.yaml"))
GOLDENS = [case.with_suffix(".txt") for case in LINT_CASES]


@pytest.mark.parametrize("case", LINT_CASES, ids=lambda p: p.stem)
def test_lint_case_matches_golden(case: Path, update_goldens: bool,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    relative = case.relative_to(ROOT).as_posix()
    result = runner.invoke(app, ["lint", relative], env={"COLUMNS": "110", "NO_COLOR": "1"})
    text = "\n".join(line.rstrip() for line in result.output.splitlines())
    compare(f"$ claimcheck lint {relative}\nexit status: {result.exit_code}\n{text}\n",
            case.with_suffix(".txt"), update_goldens)
    assert f"warning[{case.stem}]" in result.output  # each file shows its own warning
    assert result.exit_code == 0  # warnings alone do not fail


def test_lint_fails_on_errors_and_bad_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert runner.invoke(app, ["lint", "tests/cases/figures/unknown-unit.yaml"]).exit_code == 1
    assert runner.invoke(app, ["lint", "tests/cases/schema/unknown-key.yaml"]).exit_code == 2


def test_bundled_claims_are_lint_clean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["lint", "-f", "json", "claims"])
    assert result.exit_code == 0
    import json

    codes = [d["code"] for f in json.loads(result.output)["files"] for d in f["diagnostics"]]
    assert codes == []  # the border and Donggang are marked `context: true`


def test_british_billion_only_before_1975(tmp_path: Path) -> None:
    from claimcheck.authoring.lint import lint_text

    def codes(year: str, stated: str) -> list[str]:
        text = (f"source: {{publisher: P, title: T, url: https://www.example.co.uk/x, "
                f"published: {year}-01-02}}\nfigures:\n  debt: {{stated: {stated}, quote: q, "
                f"context: true}}\n")
        return [d.code for d in lint_text("x.yaml", text).all_diagnostics]

    assert codes("1970", "£2.4bn") == ["british-billion"]
    assert codes("1970", "5 billion GBP") == ["british-billion"]
    assert codes("2024", "£2.4bn") == []


def test_yen_sign_carries_a_note() -> None:
    from claimcheck.reading.figures import ReadContext, read_figure

    assert any("JPY" in n for n in read_figure("¥5 billion", ReadContext()).notes)
