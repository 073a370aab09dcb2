"""YAML with spans, safely: aliases refused, depth and size bounded, text kept as written."""

from __future__ import annotations

import time

import pytest

from claimcheck.checking.engine import check_text
from claimcheck.claimfile import loader
from claimcheck.diagnostics import ClaimcheckError


def _code(text: str) -> str:
    with pytest.raises(ClaimcheckError) as info:
        loader.load("x.yaml", text)
    return info.value.diagnostic.code


def test_scalars_keep_their_source_text() -> None:
    root = loader.load("x.yaml", "a: 3.70\nb: NO\nc: 1e6\nd: 012\ne:\n")
    assert loader.to_plain(root) == {"a": "3.70", "b": "NO", "c": "1e6", "d": "012", "e": None}


def test_duplicate_keys_name_both_lines() -> None:
    with pytest.raises(ClaimcheckError) as info:
        loader.load("x.yaml", "a: 1\nb: 2\na: 3\n")
    d = info.value.diagnostic
    assert d.code == "yaml-duplicate-key"
    assert "line 1" in d.message and "line 3" in d.message
    assert d.span is not None and (d.span.line, d.span.column) == (3, 1)


def test_billion_laughs_is_refused_fast() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    start = time.perf_counter()
    assert _code("\n".join(lines)) == "yaml-alias"
    assert time.perf_counter() - start < 2


def test_anchor_without_alias_is_refused() -> None:
    assert _code("a: &x 1\n") == "yaml-alias"


def test_deep_nesting_is_refused() -> None:
    assert _code("a: " + "[" * 5000 + "]" * 5000) == "yaml-too-deep"
    assert _code("a: " + "[" * 40 + "]" * 40) == "yaml-too-deep"


def test_size_is_bounded() -> None:
    assert _code("a: " + "x" * (loader.MAX_BYTES + 1)) == "file-too-large"


def test_empty_and_comment_only_files() -> None:
    assert _code("") == "file-empty"
    assert _code("   \n") == "file-empty"
    assert _code("# nothing\n") == "file-empty"


def test_columns_count_characters_not_bytes() -> None:
    text = ("source: {publisher: Le Monde, title: T, url: u, published: 2024-01-01}\n"
            "figures:\n  prix:\n    stated: \"€5bn de plus en ¥ tonnz\"\n")
    result = check_text("x.yaml", text)
    (diag,) = result.all_diagnostics
    assert diag.code == "unknown-unit"
    assert diag.span is not None
    line = text.splitlines()[3]
    assert line[diag.span.column - 1 : diag.span.end_column - 1] == "de"


def test_multiline_scalars_point_at_the_scalar() -> None:
    text = ("source: {publisher: P, title: T, url: u, published: 2024-01-01}\n"
            "figures:\n  x:\n    stated: >-\n      3.7\n      tonns\n")
    (diag,) = check_text("x.yaml", text).all_diagnostics
    assert diag.code == "unknown-unit"
    assert diag.span is not None and diag.span.line == 4  # the scalar as a whole
