"""`claimcheck new`: a skeleton that explains the format, written atomically."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.checking.engine import check_text
from claimcheck.cli import app
from claimcheck.reading.figures import ReadContext, read_figure

from .conftest import ROOT

runner = CliRunner()
ARGS = ["--url", "https://example.org/story", "--title", 'Coal "smuggling"', "--publisher",
        "Wire", "--published", "2024-02-03"]


def test_new_writes_a_skeleton_that_verify_can_read(tmp_path: Path) -> None:
    out = tmp_path / "claims" / "story.yaml"
    result = runner.invoke(app, ["new", str(out), *ARGS])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert any("yaml-language-server: $schema=" in line for line in text.splitlines()[:2])
    assert 'title: "Coal \\"smuggling\\""' in text
    # the only thing left to do is what the TODOs say
    filled = text.replace("stated: TODO", "stated: 3.7 million tonnes").replace(
        "quote: TODO", 'quote: "3.7 million tonnes"')
    result_file = check_text("story.yaml", filled)
    assert result_file.readable and result_file.all_diagnostics == []
    assert sorted(p.name for p in out.parent.iterdir()) == ["story.yaml"]  # no temp files


def test_todo_is_pointed_at_with_a_hint() -> None:
    with pytest.raises(Exception) as info:
        read_figure("TODO", ReadContext())
    assert "replace TODO" in (info.value.diagnostic.hint or "")  # type: ignore[attr-defined]


def test_unknown_hedge_word_gets_a_did_you_mean() -> None:
    with pytest.raises(Exception) as info:
        read_figure("aproximately 3.7 million t", ReadContext())
    assert "approximately" in (info.value.diagnostic.hint or "")  # type: ignore[attr-defined]


def test_new_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "story.yaml"
    out.write_text("keep me", encoding="utf-8")
    result = runner.invoke(app, ["new", str(out), *ARGS])
    assert result.exit_code == 2 and out.read_text(encoding="utf-8") == "keep me"
    assert runner.invoke(app, ["new", str(out), *ARGS, "--force"]).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("#")


def test_new_points_at_the_schema_when_the_repository_has_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "story.yaml"
    runner.invoke(app, ["new", str(out), *ARGS])
    first = out.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    assert first.endswith("docs/claim-schema.json")


@pytest.mark.parametrize(("args", "message"), [
    (["--published", "2024-02-30"], "out of range"),
    (["--published", "3 February 2024"], "YYYY-MM-DD"),
])
def test_new_checks_the_date(tmp_path: Path, args: list[str], message: str) -> None:
    base = list(ARGS)
    base[base.index("--published") + 1] = args[1]
    result = runner.invoke(app, ["new", str(tmp_path / "x.yaml"), *base])
    assert result.exit_code == 2 and message in result.output


def test_new_without_a_terminal_needs_every_option(tmp_path: Path) -> None:
    result = runner.invoke(app, ["new", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2 and "--publisher" in result.output
