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


def test_a_cache_whose_folder_cannot_be_made_costs_time_only(claims: Path,
                                                             tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache's folder would be", encoding="utf-8")
    cache = ResultCache(blocked)
    assert _run(claims, cache) == _run(claims, None)
    again = ResultCache(blocked)
    assert _run(claims, again) == _run(claims, None)
    assert again.hits == 0


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"),
                                     UnicodeEncodeError("utf-8", "\udc80", 0, 1, "lone")])
def test_entries_that_cannot_be_written_cost_time_only(
        claims: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        failure: Exception) -> None:
    def failing(folder: str, name: str, text: str) -> None:
        raise failure

    monkeypatch.setattr(cache_module, "write_entry", failing)
    cache = ResultCache(tmp_path / "cache")
    assert _run(claims, cache) == _run(claims, None)
    assert not list(cache.folder.iterdir())


def test_an_entry_whose_rename_fails_leaves_the_old_one_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_entry(str(tmp_path), "k.json", "old\n")

    def failing(src: str, dst: str) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OSError):
        write_entry(str(tmp_path), "k.json", "new\n")
    monkeypatch.undo()
    assert (tmp_path / "k.json").read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["k.json"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_two_runs_with_one_process_id_pick_different_temporary_names(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs in two containers sharing a cache can have the same process id (often 1):
    a temporary file's name must not be one that the other run makes too (a process id
    and a counter would be; a forked process has the same counter)."""
    made: list[str] = []
    real_open = os.open

    def recording(path: str, flags: int, mode: int = 0o777) -> int:
        made.append(os.path.basename(path))
        return real_open(path, flags, mode)

    monkeypatch.setattr(os, "getpid", lambda: 1)
    monkeypatch.setattr(os, "open", recording)
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the other run: its first name, to the parent
        try:
            write_entry(str(tmp_path), "child.json", "text")
            os.write(write, made[-1].replace("child.json", "k.json").encode())
        finally:
            os._exit(0)
    os.close(write)
    os.waitpid(child, 0)
    theirs = os.read(read, 1000).decode()
    os.close(read)
    write_entry(str(tmp_path), "k.json", "text")
    assert theirs.endswith(".tmp") and made[-1] != theirs
