"""Machine formats and policy for CI: github annotations, markdown, --fail-on, --strict,
settings files and several outputs in one run."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.claimfile.config import ConfigError, load
from claimcheck.cli import app

from .conftest import CASES, ROOT

runner = CliRunner()
HEDGE = str(CASES / "verdicts" / "within-hedge.yaml")  # two within_hedge checks, no errors


@pytest.fixture
def unpinned(tmp_path: Path) -> str:
    """The within-hedge case without its `expect:` lines, so that --fail-on decides."""
    text = Path(HEDGE).read_text(encoding="utf-8")
    path = tmp_path / "unpinned.yaml"
    path.write_text("".join(x for x in text.splitlines(keepends=True)
                            if "expect:" not in x), encoding="utf-8")
    return str(path)


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def test_github_annotations_point_at_the_check_and_escape_text() -> None:
    bundled = str(ROOT / "claims" / "asiapress-2020-04-30-state-smuggling.yaml")
    out = runner.invoke(app, ["verify", "-f", "github", bundled]).output
    lines = out.splitlines()
    # inconsistent, but recorded by `expect:`: a warning, not an error that fails the run
    error = next(x for x in lines if "transshipped-mass-restated" in x)
    assert error.startswith("::warning ")
    assert "transshipped-mass-restated is inconsistent (as expected)" in error
    assert ",line=" in error and ",col=" in error and "title=claimcheck%3A" in error
    assert "%25" in out  # '%' escaped in messages, as actions/toolkit requires
    assert lines[-1].startswith("::notice title=claimcheck::")


def test_markdown_table_for_a_pull_request() -> None:
    out = runner.invoke(app, ["verify", "-f", "markdown", HEDGE]).output
    assert out.startswith("## claimcheck")
    assert "| File | Check | Verdict | Stated | Recomputed | Why |" in out
    assert out.count("⚠️ within hedge") == 2


@pytest.mark.parametrize(("fail_on", "status"), [
    ("inconsistent", 0), ("hedge", 1), ("rounding", 1), ("never", 0)])
def test_fail_on(fail_on: str, status: int, unpinned: str) -> None:
    assert runner.invoke(app, ["verify", "--fail-on", fail_on, unpinned]).exit_code == status
    # a verdict the check expects is a recorded finding: it fails under no policy
    assert runner.invoke(app, ["verify", "--fail-on", fail_on, HEDGE]).exit_code == 0


def test_an_unexpected_verdict_fails_whatever_the_policy() -> None:
    case = str(CASES / "verdicts" / "unexpected-verdict.yaml")
    assert runner.invoke(app, ["verify", "--fail-on", "never", case]).exit_code == 1


def test_settings_files_and_the_command_line_winning(tmp_path: Path, unpinned: str) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\nfail-on = "hedge"\n',
                                             encoding="utf-8")
    assert load(tmp_path).fail_on == "hedge"
    assert runner.invoke(app, ["verify", unpinned]).exit_code == 1
    assert runner.invoke(app, ["verify", "--fail-on", "inconsistent", unpinned]).exit_code == 0
    (tmp_path / "claimcheck.toml").write_text('fail-on = "never"\n', encoding="utf-8")
    assert load(tmp_path).fail_on == "never"  # claimcheck.toml comes first
    (tmp_path / "claimcheck.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        load(tmp_path)
    result = runner.invoke(app, ["verify", unpinned])
    assert result.exit_code == 2 and "error[config]" in result.output


def test_settings_are_read_without_tomllib_where_there_is_no_file(tmp_path: Path) -> None:
    """tomllib is imported only to read a settings file (a cache hit in a folder without
    one starts without it)."""
    import subprocess
    import sys

    code = ("import sys; from claimcheck.claimfile.config import load; s = load(); "
            "print('tomllib' in sys.modules, s.fail_on)")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, check=True)
    assert done.stdout.split() == ["False", "inconsistent"]
    (tmp_path / "claimcheck.toml").write_text('fail-on = "hedge"\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                          text=True, check=True)
    assert done.stdout.split() == ["True", "hedge"]


def test_strict_fails_on_lint_warnings() -> None:
    case = str(CASES / "lint" / "no-quote.yaml")
    assert runner.invoke(app, ["verify", case]).exit_code == 0
    assert runner.invoke(app, ["verify", "--strict", case]).exit_code == 1


def test_several_formats_in_one_run(tmp_path: Path) -> None:
    result = runner.invoke(app, ["verify", "-f", "json", "-o", "report.json", "-f",
                                 "markdown", "-o", "comment.md", "-f", "text", HEDGE])
    assert result.exit_code == 0
    assert (tmp_path / "report.json").read_text(encoding="utf-8").startswith("{")
    assert (tmp_path / "comment.md").read_text(encoding="utf-8").startswith("## claimcheck")
    assert "2 within hedge" in result.output  # the text report still on standard output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["comment.md", "report.json"]
    bad = runner.invoke(app, ["verify", "-o", "a.json", "-o", "b.json", HEDGE])
    assert bad.exit_code == 2


def test_lint_takes_every_format(tmp_path: Path) -> None:
    broken = str(ROOT / "tests" / "fixtures" / "report" / "every-verdict.yaml")
    result = runner.invoke(app, ["lint", "-f", "sarif", "-o", "lint.sarif", "-f", "junit",
                                 "-o", "lint.xml", "-f", "github", broken])
    assert result.exit_code == 1  # errors: an unknown unit, an unexpected verdict
    assert "::warning " in result.output and "title=claimcheck no-quote::" in result.output
    assert "verdict/" not in (tmp_path / "lint.sarif").read_text(encoding="utf-8")
    assert "<testsuites" in (tmp_path / "lint.xml").read_text(encoding="utf-8")
    clean = str(CASES / "lint" / "no-quote.yaml")
    assert runner.invoke(app, ["lint", "-f", "junit", clean]).exit_code == 0  # warnings only


def test_outputs_that_cannot_be_written_and_standard_output(tmp_path: Path) -> None:
    (tmp_path / "adir").mkdir()
    result = runner.invoke(app, ["verify", "-f", "json", "-o", "adir", HEDGE])
    assert result.exit_code == 2 and "error[output-unwritable]: cannot write adir" in (
        result.output)
    (tmp_path / "afile").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["verify", "-f", "json", "-o", "afile/x.json", HEDGE])
    assert result.exit_code == 2 and "error[output-unwritable]" in result.output
    result = runner.invoke(app, ["verify", "-f", "json", "-o", "-", HEDGE])
    assert result.exit_code == 0 and result.stdout.startswith("{")
    assert not (tmp_path / "-").exists()
    runner.invoke(app, ["verify", "-f", "json", "-o", "r.json", HEDGE])
    assert (tmp_path / "r.json").stat().st_mode & 0o044  # readable by the CI's uploader


def test_json_exit_code_follows_the_policy(unpinned: str) -> None:
    import json

    result = runner.invoke(app, ["verify", "--fail-on", "hedge", "-f", "json", unpinned])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["summary"]["exit_code"] == 1


def _expects_error(folder: Path) -> Path:
    """A claim file whose one check is in error, as its `expect:` says."""
    path = folder / "expects-error.yaml"
    path.write_text(
        "source: {publisher: X, title: T, url: https://example.org/a, published: 2024-01-02}\n"
        "figures:\n  a:\n    stated: 2 people\n    quote: two\n"
        "checks:\n  - id: odd\n    claim: a unit nobody knows\n"
        "    assert: a == 3 widgetons\n    expect: error\n", encoding="utf-8")
    return path


def test_a_check_that_expects_error_passes(tmp_path: Path) -> None:
    path = _expects_error(tmp_path)
    assert runner.invoke(app, ["verify", str(path)]).exit_code == 0
    junit = runner.invoke(app, ["verify", "-f", "junit", str(path)]).stdout
    assert 'failures="0" errors="0"' in junit


def test_hostile_text_cannot_reach_the_terminal_or_the_ci_log(tmp_path: Path) -> None:
    path = tmp_path / "hostile.yaml"
    path.write_text(
        'source: {publisher: "P\\n::error file=x::INJECTED", title: "T\\r\\n::add-mask::s",'
        ' url: https://example.org/a, published: 2024-01-02}\n'
        'figures:\n  a:\n    stated: 2 people\n    quote: "\\e[31mred\\u202e"\n'
        'checks:\n  - id: c\n    claim: "x\\n::warning::y"\n    assert: a == 2 people\n',
        encoding="utf-8")
    for fmt in ("text", "markdown", "github"):
        out = runner.invoke(app, ["verify", "-f", fmt, str(path)]).stdout
        assert "\x1b" not in out and "\u202e" not in out and "\r" not in out, fmt
        for line in out.splitlines():  # no workflow command of the file's making
            assert not line.startswith(("::add-mask", "::error file=x")), (fmt, line)


@pytest.mark.parametrize("args", [
    ["-f", "json", "-o", "r", "-f", "sarif", "-o", "r"],
    ["-f", "json", "-f", "sarif"],
    ["-f", "json", "-o", "-", "-f", "text"],
])
def test_outputs_that_would_collide_are_refused(args: list[str]) -> None:
    result = runner.invoke(app, ["verify", *args, HEDGE])
    assert result.exit_code == 2
    assert not Path("r").exists()


def test_text_and_annotations_share_standard_output() -> None:
    result = runner.invoke(app, ["verify", "-f", "github", "-f", "text", HEDGE])
    assert result.exit_code == 0 and "::notice" in result.stdout and "Checks" in result.stdout


def test_text_says_when_the_run_fails(unpinned: str) -> None:
    out = runner.invoke(app, ["verify", "--fail-on", "hedge", unpinned]).stdout
    assert out.rstrip().endswith("the run fails (--fail-on hedge)")
    assert "the run fails" not in runner.invoke(app, ["verify", unpinned]).stdout


def test_a_missing_lock_still_writes_every_output() -> None:
    result = runner.invoke(app, ["verify", "--locked", "-f", "sarif", "-o", "r.sarif", "-f",
                                 "markdown", "-o", "r.md", HEDGE])
    assert result.exit_code == 2
    assert "lock-unreadable" in Path("r.sarif").read_text(encoding="utf-8")
    assert "**Fails**" in Path("r.md").read_text(encoding="utf-8")


def test_special_files_are_written_in_place() -> None:
    devnull = Path("/dev/null")
    assert runner.invoke(app, ["verify", "-f", "json", "-o", str(devnull), HEDGE]).exit_code == 0
    assert devnull.is_char_device()


def test_markdown_escapes_what_a_claim_file_says(tmp_path: Path) -> None:
    path = tmp_path / "x `y` <img src=x> @org.yaml"
    path.write_text(
        "source: {publisher: X, title: T, url: https://example.org/a, published: 2024-01-02}\n"
        "figures:\n  a:\n    stated: 2 people\n    quote: two\n"
        "checks:\n  - id: c\n    claim: <b>bold</b> @org/editors [link](https://e.co)\n"
        "    assert: a == 3 people\n", encoding="utf-8")
    out = runner.invoke(app, ["verify", "-f", "markdown", str(path)]).stdout
    assert "<img" not in out and "@org" not in out and "](https" not in out
    assert "&lt;img src=x&gt;" in out and "&#64;org" in out


def test_a_check_that_expects_error_is_a_warning_everywhere(tmp_path: Path) -> None:
    path = _expects_error(tmp_path)
    assert runner.invoke(app, ["lint", str(path)]).exit_code == 0
    github = runner.invoke(app, ["verify", "-f", "github", str(path)]).stdout
    assert "::error" not in github and "::warning" in github
    import json

    sarif = json.loads(runner.invoke(app, ["verify", "-f", "sarif", str(path)]).stdout)
    (result,) = sarif["runs"][0]["results"]
    assert result["level"] == "warning" and result["suppressions"]


def test_file_names_that_are_not_utf8(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "claims"
    folder.mkdir()
    name = os.fsdecode(b"bad\xff.yaml")
    (folder / name).write_text((Path(HEDGE)).read_text(encoding="utf-8"), encoding="utf-8")
    for fmt in ("text", "json", "sarif", "junit", "github", "markdown"):
        result = runner.invoke(app, ["verify", "-f", fmt, "-o", f"r.{fmt}", "claims"])
        assert result.exit_code == 0, (fmt, result.output)
        assert "bad\ufffd.yaml" in Path(f"r.{fmt}").read_text(encoding="utf-8")
    assert runner.invoke(app, ["lock", "claims"]).exit_code == 0
    assert runner.invoke(app, ["verify", "--locked", "claims"]).exit_code == 0
