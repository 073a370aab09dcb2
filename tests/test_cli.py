"""The CLI as users run it: typer's CliRunner, exit codes, formats, never writing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app

from .conftest import CASES, ROOT

runner = CliRunner()
BUNDLED = ROOT / "claims"


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_verify_without_arguments_checks_the_bundled_claims() -> None:
    result = runner.invoke(app, ["verify"])
    # the report restates 2.8 million tons as 3.7 million: inconsistent, and recorded as
    # such by `expect:`, so the run does not fail on it
    assert result.exit_code == 0
    out = result.output
    assert "asiapress-2020-04-30-state-smuggling.yaml" in out
    for heading in ("Checks", "Implied figures", "Figures as stated",
                    "Assumptions the verdicts rest on"):
        assert heading in out
    assert "within hedge" in out and "INCONSISTENT" in out
    assert " ".join(line.strip() for line in out.rstrip().splitlines()[-2:]).endswith(
        "2 files, 23 checks: 14 consistent, 1 within rounding (1 expected), "
        "1 within hedge (1 expected), 7 inconsistent (7 expected)")


def test_json_format_has_the_documented_shape() -> None:
    result = runner.invoke(app, ["verify", "--format", "json",
                                 "claims/asiapress-2020-04-30-state-smuggling.yaml"])
    assert result.exit_code == 0
    doc = json.loads(result.output)
    assert doc["summary"] == {"consistent": 3, "within_rounding": 0, "within_hedge": 1,
                              "inconsistent": 2, "error": 0, "files": 1, "checks": 6,
                              "expected": {"within_hedge": 1, "inconsistent": 2},
                              "unexpected": 0, "exit_code": 0}
    (file,) = doc["files"]
    assert file["path"] == "claims/asiapress-2020-04-30-state-smuggling.yaml"
    check = file["checks"][0]
    assert set(check) >= {"id", "claim", "verdict", "computed", "stated", "explanation",
                          "diagnostics", "gap", "line", "column"}
    assert set(check["computed"]) >= {"value", "low", "high", "unit"}
    assert set(check["stated"]) >= {"text", "value", "low", "high", "unit"}
    assert check["stated"]["text"] == "roughly 70%"
    assert check["stated"]["unit"] == "%"
    assert check["gap"]["unit"] == "pp"
    sand = next(f for f in file["figures"] if f["name"] == "sand_mass")
    assert sand["value"]["hedged_high"] is None  # 'at least': no upper limit


def test_json_is_deterministic_and_never_wrapped() -> None:
    first = runner.invoke(app, ["verify", "-f", "json", "claims"]).output
    second = runner.invoke(app, ["verify", "-f", "json", "claims"]).output
    assert first == second
    longest = max(len(line) for line in first.splitlines())
    assert longest > 120  # long explanations stay on one line: no rich wrapping
    assert "\x1b[" not in first


def test_text_output_is_deterministic() -> None:
    assert runner.invoke(app, ["verify"]).output == runner.invoke(app, ["verify"]).output


def test_consistent_file_exits_zero() -> None:
    result = runner.invoke(app, ["verify", str(CASES / "verdicts" / "within-hedge.yaml")])
    assert result.exit_code == 0, result.output
    assert "2 within hedge" in result.output


def test_missing_file_is_exit_2_and_does_not_hide_other_files() -> None:
    result = runner.invoke(app, ["verify", "no/such/file.yaml", "claims"])
    assert result.exit_code == 2
    assert "no/such/file.yaml:1:1: error[file-unreadable]" in result.output
    assert "transshipment-share" in result.output  # the good file still reported
    assert "Traceback" not in result.output


def test_bad_and_good_files_together_in_json() -> None:
    bad = CASES / "schema" / "unknown-key.yaml"
    result = runner.invoke(app, ["verify", "-f", "json", str(bad.relative_to(ROOT)), "claims"])
    assert result.exit_code == 2
    doc = json.loads(result.output)
    assert [len(f["checks"]) for f in doc["files"]] == [0, 6, 17]
    (diag,) = doc["files"][0]["diagnostics"]
    assert (diag["code"], diag["line"], diag["column"]) == ("unknown-key", 5, 5)
    assert diag["hint"] == "did you mean 'quote'?"


def test_folder_argument_is_searched_recursively_and_sorted() -> None:
    result = runner.invoke(app, ["verify", "-f", "json", str((CASES / "verdicts")
                                                                .relative_to(ROOT))])
    paths = [f["path"] for f in json.loads(result.output)["files"]]
    on_disk = sorted((CASES / "verdicts").glob("*.yaml"))
    assert paths == sorted(paths) and len(paths) == len(on_disk) > 2


def test_unknown_format_is_a_usage_error() -> None:
    result = runner.invoke(app, ["verify", "--format", "xml"])
    assert result.exit_code == 2


def test_verify_never_writes(tmp_path: Path) -> None:
    claim = tmp_path / "story.yaml"
    source = (BUNDLED / "asiapress-2020-04-30-state-smuggling.yaml").read_bytes()
    claim.write_bytes(source)
    before = (claim.stat().st_mtime_ns, sorted(p.name for p in tmp_path.iterdir()))
    runner.invoke(app, ["verify", str(claim)])
    runner.invoke(app, ["verify", "-f", "json", str(claim)])
    assert claim.read_bytes() == source
    assert (claim.stat().st_mtime_ns, sorted(p.name for p in tmp_path.iterdir())) == before


def test_no_traceback_on_binary_or_odd_input(tmp_path: Path) -> None:
    (tmp_path / "binary.yaml").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "list.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    (tmp_path / "scalar.yml").write_text("hello\n", encoding="utf-8")
    result = runner.invoke(app, ["verify", str(tmp_path)])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "error[file-unreadable]" in result.output
    assert result.output.count("error[schema]") == 2


def test_version_and_module_entry_point() -> None:
    proc = subprocess.run([sys.executable, "-m", "claimcheck", "--version"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and proc.stdout.startswith("claimcheck ")


def test_help_does_not_import_heavy_modules() -> None:
    code = ("import sys\nfrom typer.testing import CliRunner\nfrom claimcheck.cli import app\n"
            "CliRunner().invoke(app, ['--help'])\n"
            "print(sorted(m for m in ('pint', 'pydantic', 'yaml') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert proc.stdout.strip() == "[]"


def test_folder_without_claim_files_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["verify", str(tmp_path)])
    assert result.exit_code == 2
    assert "no-claim-files" in result.output


def test_default_paths_fall_back_to_the_bundled_claims(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck.cli.app import default_paths

    monkeypatch.chdir(tmp_path)
    (bundled,) = default_paths()
    assert (bundled / "asiapress-2020-04-30-state-smuggling.yaml").is_file()
    result = runner.invoke(app, ["verify", "-f", "json"])
    assert json.loads(result.stdout)["summary"]["checks"] == 23
    # said on stderr, so that a CI job in the wrong folder does not pass unseen
    assert "no ./claims folder here: checking the examples bundled" in result.stderr
    locked = runner.invoke(app, ["lock"])
    assert locked.exit_code == 2 and "name the claim files or folders" in locked.output
    assert not (tmp_path / "claims.lock").exists()


def test_standard_input_that_is_not_utf8() -> None:
    result = runner.invoke(app, ["verify", "-f", "junit", "-"],
                           input=b"source: {title: \"caf\xe9\"}\n")
    assert result.exit_code == 2
    assert 'type="file-unreadable"' in result.stdout and "not UTF-8" in result.stdout


def test_claim_file_from_standard_input() -> None:
    text = (CASES / "verdicts" / "within-hedge.yaml").read_text(encoding="utf-8")
    result = runner.invoke(app, ["verify", "-f", "json", "-"], input=text)
    assert result.exit_code == 0, result.output
    (file,) = json.loads(result.output)["files"]
    assert file["path"] == "<stdin>" and len(file["checks"]) == 2
