"""The golden files prove something only if a missing one fails and none is orphaned."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import (
    golden,
    test_calc,
    test_cases_golden,
    test_explain,
    test_formats,
    test_lint,
    test_text_report,
)
from .conftest import ROOT

#: every folder that holds goldens, and the suffixes a golden has there
GOLDEN_PLACES = {ROOT / "tests" / "cases": ("*/*.txt",),
                 ROOT / "tests" / "golden": ("**/*.*",)}


def referenced_goldens() -> set[Path]:
    return {p.resolve() for module in (test_calc, test_cases_golden, test_explain,
                                       test_formats, test_lint, test_text_report)
            for p in module.GOLDENS}


def goldens_on_disk() -> set[Path]:
    return {p.resolve() for place, patterns in GOLDEN_PLACES.items() for pattern in patterns
            for p in place.glob(pattern) if p.is_file()}


def test_every_golden_on_disk_is_referenced_by_a_case() -> None:
    orphans = sorted(goldens_on_disk() - referenced_goldens())
    assert not orphans, f"goldens no case compares against (delete them): {orphans}"


def test_every_referenced_golden_exists() -> None:
    missing = sorted(referenced_goldens() - goldens_on_disk())
    assert not missing, f"create them with `pytest --update-goldens`: {missing}"


def test_a_missing_golden_fails_and_says_how_to_create_it(tmp_path: Path) -> None:
    target = tmp_path / "absent.txt"
    with pytest.raises(pytest.fail.Exception, match="--update-goldens"):
        golden.compare("output\n", target, update=False)
    assert not target.exists()


def test_a_different_golden_fails(tmp_path: Path) -> None:
    target = tmp_path / "old.txt"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="differs"):
        golden.compare("new\n", target, update=False)


def test_update_writes_and_records_only_what_changed(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    changed: list[tuple[Path, str]] = []
    monkeypatch.setattr(golden, "CHANGED", changed)
    same, new, differs = tmp_path / "same.txt", tmp_path / "new.txt", tmp_path / "differs.txt"
    same.write_text("a\n", encoding="utf-8")
    differs.write_text("b\n", encoding="utf-8")
    golden.compare("a\n", same, update=True)
    golden.compare("c\n", new, update=True)
    golden.compare("d\n", differs, update=True)
    assert changed == [(new, "created"), (differs, "updated")]
    assert new.read_text(encoding="utf-8") == "c\n"
    assert differs.read_text(encoding="utf-8") == "d\n"
