"""The cards' own word wrapping against rich's, which it stands in for (render/wrap.py)."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len, get_character_cell_size
from rich.console import Console
from rich.text import Text

from claimcheck.render.wrap import wrap_cell, wrappable

_CONSOLE = Console(file=io.StringIO(), width=200, color_system=None)


def _unicode_versions() -> list[str]:
    """The Unicode versions rich measures cells by (its UNICODE_VERSION setting), where
    this rich says (a private table, absent from older releases: the current one only)."""
    try:
        from rich._unicode_data import VERSIONS  # type: ignore[import-not-found]
    except ImportError:
        return []
    return list(VERSIONS)


def test_what_it_takes_for_one_cell_wide_rich_does_too() -> None:
    taken = [chr(c) for c in range(0x110000) if wrappable(chr(c))]
    assert len(taken) > 1000  # Latin, Greek, Cyrillic, punctuation, currency signs
    assert all(cell_len(ch) == 1 and Text(ch).plain == ch for ch in taken)
    for version in _unicode_versions():
        assert all(get_character_cell_size(ch, version) == 1  # type: ignore[call-arg]
                   for ch in taken), version
    for ch in "\n\t\x1b\u0301\u200b\u00ad世✓😀\ufffd":  # a break, controls, combining, wide
        assert not wrappable(f"a{ch}b")


# spaces of several kinds, long words, punctuation and the signs of reporting
_TEXT = st.text(alphabet="ab cdé–—’…€$%. \u00a0x" + "y" * 3, max_size=120)


@given(text=_TEXT, width=st.integers(min_value=1, max_value=60))
@settings(max_examples=500, deadline=None)
def test_it_wraps_as_rich_wraps_a_left_justified_cell(text: str, width: int) -> None:
    assert wrappable(text)
    rich_lines = Text(text).wrap(_CONSOLE, width, justify="left", overflow="ellipsis")
    assert wrap_cell(text, width) == [line.plain for line in rich_lines]


def test_examples_a_reader_can_check() -> None:
    assert wrap_cell("3.7 million t (3.65 million t to 3.75 million t)", 20) == [
        "3.7 million t (3.65 ", "million t to 3.75   ", "million t)          "]
    assert wrap_cell("https://example.org/a/very/long/path", 12) == ["https://exa…"]
    assert wrap_cell("", 3) == ["   "]
