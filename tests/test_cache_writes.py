"""How the results cache writes its entries (issue 12): whole or not at all, with the
mode a plain open() gives, nothing left behind, and a cache that cannot be written
costing time only, never a result."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from claimcheck.api import find_targets, iter_results
from claimcheck.checking import cache as cache_module
from claimcheck.checking.cache import ResultCache, write_entry
from claimcheck.checking.report import Report

from .conftest import ROOT


@pytest.fixture
def claims(tmp_path: Path) -> Path:
    folder = tmp_path / "claims"
    shutil.copytree(ROOT / "claims", folder)
    return folder


def _run(folder: Path, cache: ResultCache | None) -> Report:
    return Report(tuple(iter_results(find_targets([folder]), cache=cache, jobs=1)))


def test_entries_have_a_plain_files_mode_and_no_temporary_file_stays(
        claims: Path, tmp_path: Path) -> None:
    cache = ResultCache(tmp_path / "cache")
    _run(claims, cache)
    names = sorted(p.name for p in cache.folder.iterdir())
    assert names and not [n for n in names if n.endswith(".tmp") or n.startswith(".")]
    assert {n.rsplit(".", 1)[1] for n in names} == {"json", "full"}
    mask = os.umask(0)
    os.umask(mask)
    modes = {stat.S_IMODE(p.stat().st_mode) for p in cache.folder.iterdir()}
    assert modes == {0o666 & ~mask}


def test_an_entry_is_written_whole_and_replaces_the_old_one(tmp_path: Path) -> None:
    write_entry(str(tmp_path), "k.json", "old\n")
    write_entry(str(tmp_path), "k.json", "néw\nline\n")
    assert (tmp_path / "k.json").read_bytes() == "néw\nline\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["k.json"]


def test_a_failed_write_leaves_neither_entry_nor_temporary_file(tmp_path: Path) -> None:
    with pytest.raises(UnicodeError):
        write_entry(str(tmp_path), "k.json", "a lone surrogate \udc80")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_a_link_planted_at_an_entry_is_replaced_not_written_through(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me", encoding="utf-8")
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / "k.json").symlink_to(target)
    write_entry(str(folder), "k.json", "entry")
    assert target.read_text(encoding="utf-8") == "keep me"
    assert not (folder / "k.json").is_symlink()


def test_a_cache_that_cannot_be_written_costs_time_only(claims: Path,
                                                        tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache's folder would be", encoding="utf-8")
    cache = ResultCache(blocked)
    assert _run(claims, cache) == _run(claims, None)
    again = ResultCache(blocked)
    assert _run(claims, again) == _run(claims, None)
    assert again.hits == 0


def test_a_folder_removed_during_a_run_is_made_again(claims: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    cache = ResultCache(tmp_path / "cache")
    real_write = cache_module.write_entry
    removed: list[str] = []

    def remove_once(folder: str, name: str, text: str) -> None:
        if not removed:  # another version's run forgets this one's folder
            removed.append(name)
            shutil.rmtree(folder)
        real_write(folder, name, text)

    monkeypatch.setattr(cache_module, "write_entry", remove_once)
    report = _run(claims, cache)
    monkeypatch.undo()
    assert removed
    again = ResultCache(tmp_path / "cache")
    assert _run(claims, again) == report
    # the first file's entry was lost with the folder; every later one was stored
    assert again.hits == len(report.files) - 1
