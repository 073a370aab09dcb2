"""claims.lock and `verify --locked`: edit → diff → relock, in a scratch copy of claims/."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.api import check_paths
from claimcheck.checking import lock
from claimcheck.cli import app

from .conftest import ROOT

runner = CliRunner()
ASIA = "claims/asiapress-2020-04-30-state-smuggling.yaml"


@pytest.fixture(autouse=True)
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "400")  # one diagnostic a line
    return tmp_path


def _edit(path: str, old: str, new: str) -> None:
    p = Path(path)
    text = p.read_text(encoding="utf-8")
    assert old in text
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_lock_is_deterministic_and_verify_locked_passes(newsroom: Path) -> None:
    first = runner.invoke(app, ["lock"])
    assert first.exit_code == 0, first.output
    assert first.output == "wrote claims.lock: 2 files, 8 derived figures, 23 checks\n"
    text = (newsroom / "claims.lock").read_text(encoding="utf-8")
    assert runner.invoke(app, ["lock"]).output.startswith("claims.lock is up to date")
    assert (newsroom / "claims.lock").read_text(encoding="utf-8") == text
    data = tomllib.loads(text)
    price = data["files"][ASIA]["derived"]["coal_price"]
    assert (price["value"], price["unit"]) == (100.0, "USD/t")
    assert price["low"] < 100 < price["high"]
    assert data["files"][ASIA]["checks"]["transshipped-mass-restated"]["verdict"] == (
        "inconsistent")
    result = runner.invoke(app, ["verify", "--locked"])
    assert result.exit_code == 0, result.output
    assert (newsroom / "claims.lock").read_text(encoding="utf-8") == text  # verify never writes


def test_an_edit_that_moves_a_figure_fails_with_both_values_then_relock(newsroom: Path) -> None:
    runner.invoke(app, ["lock"])
    before = (newsroom / "claims.lock").read_text(encoding="utf-8")
    _edit(ASIA, "stated: an estimated $370 million", "stated: an estimated $440 million")
    result = runner.invoke(app, ["verify", "--locked", "-f", "github"])
    assert result.exit_code == 1
    moved = next(x for x in result.output.splitlines() if "coal_price" in x)
    assert moved.startswith(f"::error file={ASIA},line=")
    assert ("derived figure coal_price%3A value moved from 100 USD/t" in moved
            or "derived figure coal_price: value moved from 100 USD/t" in moved)
    assert "to 119 USD/t" in moved
    text = runner.invoke(app, ["verify", "--locked", ASIA]).output
    assert "error[lock-changed]" in text and "1 difference from the lock file" in text
    assert runner.invoke(app, ["lock"]).output.startswith("wrote claims.lock")
    after = (newsroom / "claims.lock").read_text(encoding="utf-8")
    assert "value = 118.91891891891892" in after and "value = 100.0" in before
    assert runner.invoke(app, ["verify", "--locked"]).exit_code == 0


def test_a_changed_verdict_is_named(newsroom: Path) -> None:
    runner.invoke(app, ["lock"])
    _edit(ASIA, "stated: about 2.8 million tons", "stated: about 3.7 million tons")
    out = runner.invoke(app, ["verify", "--locked", "-f", "json", ASIA]).output
    assert "verdict changed from inconsistent to consistent" in out
    assert "check transshipped-mass-restated" in out


def test_new_removed_and_unlocked_files_and_checks(newsroom: Path) -> None:
    runner.invoke(app, ["lock"])
    example = Path("claims/examples/newsroom-arithmetic.yaml")
    shutil.copy(example, "claims/copy.yaml")
    example.unlink()
    out = runner.invoke(app, ["verify", "--locked"]).output
    assert "error[lock-missing]: claims/copy.yaml is not in claims.lock" in out
    assert "claims/examples/newsroom-arithmetic.yaml is in claims.lock but was not found" in out
    # a lock for one file keeps the others' entries
    runner.invoke(app, ["lock", "claims/copy.yaml"])
    locked = lock.load(Path("claims.lock"))
    assert {"claims/copy.yaml", ASIA, str(example)} <= set(locked)
    runner.invoke(app, ["lock"])  # the whole folder: the removed file leaves the lock
    assert str(example) not in lock.load(Path("claims.lock"))
    text = Path(ASIA).read_text(encoding="utf-8")
    start = text.index("  - id: transshipped-mass-restated")
    Path(ASIA).write_text(text[:start], encoding="utf-8")
    out = runner.invoke(app, ["verify", "--locked", "-f", "json", ASIA]).output
    assert "check transshipped-mass-restated was in claims.lock and is gone" in out


def test_a_small_move_is_never_rounded_away() -> None:
    before = {"value": 100.0, "low": 99.0, "high": 101.0, "unit": "USD/t"}
    after = {**before, "value": 100.001}
    assert lock._from_to(before, after) == (
        "from 100 USD/t (99 USD/t to 101 USD/t) to 100.001 USD/t (99 USD/t to 101 USD/t)")
    hedged = {**before, "hedged_low": 90.0, "hedged_high": 110.0}
    wider = {**hedged, "hedged_high": 120.0}
    assert "hedged: 90 USD/t to 120 USD/t" in lock._from_to(hedged, wider)


def test_bad_lock_files_are_clear_errors(newsroom: Path) -> None:
    result = runner.invoke(app, ["verify", "--locked"])
    assert result.exit_code == 2
    assert "error[lock-unreadable]: no claims.lock: run `claimcheck lock` first" in (
        result.output)
    Path("claims.lock").write_text("version = [\n", encoding="utf-8")
    result = runner.invoke(app, ["verify", "--locked"])
    assert result.exit_code == 2 and "is not a lock file claimcheck wrote" in result.output
    Path("claims.lock").write_text("version = 7\n", encoding="utf-8")
    assert "expected 'version = 1'" in runner.invoke(app, ["verify", "--locked"]).output


def test_lock_refuses_unreadable_claim_files(newsroom: Path) -> None:
    Path("claims/broken.yaml").write_text("figures: [\n", encoding="utf-8")
    result = runner.invoke(app, ["lock"])
    assert result.exit_code == 2
    assert "error[yaml-syntax]" in result.output and "not written" in result.output
    assert not Path("claims.lock").exists()


def test_odd_names_round_trip_through_toml(newsroom: Path) -> None:
    odd = Path('claims/odd "name" é.yaml')
    shutil.copy(ASIA, odd)
    report = check_paths([odd])
    taken = lock.snapshot(report, newsroom)
    text = lock.dumps(taken)
    assert tomllib.loads(text)["files"] == taken
    assert lock.dumps(lock.load_text(text)) == text


@pytest.mark.parametrize("text", [
    'version = 1\n[files."a.yaml"]\nderived = 3\n',
    'version = 1\n[files."a.yaml"]\nderived = [1]\n',
    'version = 1\n[files."a.yaml"]\nother = {}\n',
    'version = 1\n[files."a.yaml".derived]\ncoal_price = "x"\n',
    'version = 1\n[files."a.yaml".derived.p]\nvalue = "100"\nlow = 1.0\nhigh = 2.0\n',
    'version = 1\n[files."a.yaml".derived.p]\nvalue = 1.0\nhigh = 2.0\n',
    'version = 1\n[files."a.yaml".derived.p]\nvalue = nan\nlow = 1.0\nhigh = 2.0\n',
    'version = 1\n[files."a.yaml".derived.p]\nvalue = inf\nlow = 1.0\nhigh = inf\n',
    'version = 1\n[files."a.yaml".derived.p]\nvalue = 1979-05-27\nlow = 1.0\nhigh = 2.0\n',
    'version = 1\n[files."a.yaml".checks.c]\nverdict = 3\n',
    'version = 1\nfiles = 3\n',
])
def test_a_lock_of_the_wrong_shape_is_a_clear_error(text: str) -> None:
    with pytest.raises(lock.LockError, match=r"claims\.lock"):
        lock.load_text(text)
    Path("claims.lock").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["verify", "--locked", "claims"])
    assert result.exit_code == 2 and "error[lock-unreadable]" in result.output
    # locking some files would lose the others' entries: refused; all of them: written anew
    refused = runner.invoke(app, ["lock", "claims/examples"])
    assert refused.exit_code == 2 and "to write it anew" in refused.output
    relock = runner.invoke(app, ["lock"])
    assert relock.exit_code == 0 and "writing it anew" in relock.output


def test_unwritable_and_odd_lock_files(newsroom: Path) -> None:
    Path("claims.lock").mkdir()
    result = runner.invoke(app, ["lock"])
    assert result.exit_code == 2 and "error[output-unwritable]" in result.output
    Path("claims.lock").rmdir()
    Path("claims.lock").write_bytes(b"\xff\xfe junk")
    assert runner.invoke(app, ["lock"]).exit_code == 0  # not UTF-8: written anew
    # the lock keeps a readable mode when it is written anew
    Path("claims.lock").chmod(0o644)
    assert runner.invoke(app, ["lock"]).exit_code == 0
    assert Path("claims.lock").stat().st_mode & 0o777 == 0o644
    # a symlinked lock is never written through: a committed 'claims.lock -> ~/.bashrc'
    # must not let a run overwrite the file it points to
    Path("real.lock").write_text("# my settings\n", encoding="utf-8")
    Path("claims.lock").unlink()
    Path("claims.lock").symlink_to("real.lock")
    result = runner.invoke(app, ["lock"])
    assert result.exit_code == 2 and "not written through" in result.output
    assert Path("real.lock").read_text(encoding="utf-8") == "# my settings\n"


@pytest.mark.parametrize("text", [
    'version = 1\n[files."a.yaml".derived.p]\nvalue = 1.0\nlow = 200.0\nhigh = 50.0\n',
    'version = 1\n[files."a.yaml".derived.p]\nvalue = 1.0\nlow = 0.0\nhigh = 2.0\n'
    'hedged_low = 3.0\nhedged_high = -inf\n',
    'version = 1\n[files."a.yaml".checks.c]\nverdict = "maybe"\n',
    'version = 1\n[files."a.yaml".checks.c]\nverdict = "consistent"\nunit = "t\\u001b[5m"\n',
    'version = true\n',
    "version = 1\nfiles = " + "[" * 100_000 + "]" * 100_000 + "\n",
])
def test_hostile_locks(text: str) -> None:
    with pytest.raises(lock.LockError):
        lock.load_text(text)
