"""Which claim files a folder holds (``find_targets``): *.yaml and *.yml, sorted; hidden
files and folders skipped and never entered; a linked folder not entered; a linked file
taken (its containment is checked when it is read); nothing that is not a file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimcheck.api import find_targets

links = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt",
                           reason="symbolic links and FIFOs: POSIX")


def _tree(root: Path) -> Path:
    folder = root / "claims"
    for name in ("a.yaml", "b.yml", "notes.txt", ".draft.yaml", "sub/d.yaml",
                 "sub/deeper/e.yaml", ".hidden/f.yaml", "sub/.git/objects/g.yaml",
                 "space d.yaml", "upper.YAML", "a.b.yaml", "dir.yaml/in.yaml"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("{}", encoding="utf-8")
    (root / "outside").mkdir()
    (root / "outside" / "o.yaml").write_text("{}", encoding="utf-8")
    return folder


def _shown(folder: Path) -> list[str]:
    return [t.path.relative_to(folder).as_posix() for t in find_targets([folder])]


def test_a_folder_s_claim_files_sorted_hidden_ones_skipped(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    assert _shown(folder) == ["a.b.yaml", "a.yaml", "b.yml", "dir.yaml/in.yaml",
                              "space d.yaml", "sub/d.yaml", "sub/deeper/e.yaml"]


@links
def test_a_linked_folder_is_not_entered_and_a_linked_file_is_taken(tmp_path: Path) -> None:
    folder = _tree(tmp_path)
    (folder / "linkdir").symlink_to(tmp_path / "outside")
    (folder / "linkdir.yaml").symlink_to(tmp_path / "outside")
    (folder / "linkfile.yaml").symlink_to(tmp_path / "outside" / "o.yaml")
    (folder / "broken.yaml").symlink_to(tmp_path / "nowhere.yaml")
    os.mkfifo(folder / "fifo.yaml")
    shown = _shown(folder)
    assert "linkfile.yaml" in shown
    assert not {"linkdir/o.yaml", "linkdir.yaml", "broken.yaml", "fifo.yaml"} & set(shown)


def test_hidden_folders_are_never_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         ) -> None:
    """A repository's .git can hold more files than its claims: it is not walked."""
    folder = _tree(tmp_path)
    listed: list[str] = []
    real = os.scandir

    def recording(path: str) -> object:
        listed.append(os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", recording)
    find_targets([folder])
    assert listed and not [p for p in listed if "/." in Path(p).as_posix()]


def test_a_folder_named_twice_gives_each_file_once_in_the_order_given(tmp_path: Path,
                                                                      ) -> None:
    folder = _tree(tmp_path)
    first = folder / "sub" / "d.yaml"
    paths = [t.path for t in find_targets([first, folder, folder / "sub"])]
    assert paths[0] == first and len(paths) == len(set(paths)) == 7
