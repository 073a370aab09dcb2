"""Word wrapping as rich wraps a plain left-justified text cell, without building rich's
``Text`` objects: the cards of a text report wrap a few hundred values a file, and rich's
general machinery (spans, cell measurement, copies per line) was most of their cost.

Only for text whose every character is one cell wide (the common case: Latin, Greek and
Cyrillic letters, the punctuation and currency signs of reporting); anything else is left
to rich.  tests/test_text_report.py holds the two to the same lines, and
tests/test_wrap.py each character of ``SINGLE_CELL`` to one cell as rich measures it
and ``wrap_cell`` to ``Text.wrap`` of the rich installed (a rich that wraps otherwise
fails those tests rather than drifting).
"""

from __future__ import annotations

import re

#: characters one cell wide in every Unicode version rich knows (no combining marks,
#: no wide or zero-width characters, no controls); tests/test_wrap.py asks rich of each
SINGLE_CELL = re.compile(
    "[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482"
    "\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u2500-\u25fc]*")

# what rich takes for a word: the word and the spaces after it (rich._wrap.words)
_WORD = re.compile(r"\s*\S+\s*")
_TRAILING_SPACE = re.compile(r"\s+$")


def wrappable(text: str) -> bool:
    """Whether ``wrap_cell`` draws ``text`` as rich would: one line, every character one
    cell wide."""
    return SINGLE_CELL.fullmatch(text) is not None


def wrap_cell(text: str, width: int) -> list[str]:
    """``text`` wrapped at ``width`` (at least 1) as a left-justified rich cell with the
    ellipsis overflow: words moved down whole, a word wider than the line cut with '…',
    each line padded with spaces to the width.  ``text`` must be ``wrappable``."""
    breaks: list[int] = []
    offset = 0
    for word in _WORD.finditer(text):
        start = word.start()
        chunk = word.group()
        length = len(chunk.rstrip())
        if width - offset >= length:
            offset += len(chunk)
        elif length > width:  # on a line of its own, to be cut
            if start:
                breaks.append(start)
            offset = len(chunk)
        elif offset and start:
            breaks.append(start)
            offset = len(chunk)
    lines = [text[a:b] for a, b in zip([0, *breaks], [*breaks, len(text)], strict=True)]
    return [_fit(line, width) for line in lines]


def _fit(line: str, width: int) -> str:
    if len(line) > width:  # the spaces past the edge go first (rich's rstrip_end)
        trailing = _TRAILING_SPACE.search(line)
        if trailing is not None:
            line = line[:len(line) - min(len(trailing.group()), len(line) - width)]
    if len(line) > width:
        return line[:width - 1] + "…"
    return line + " " * (width - len(line))
