"""Text from a claim file made harmless for where it goes: one printable line for a
terminal or a CI log, JSON with nothing raw that a terminal would act on.  The ground
floor beside `diagnostics`: every stage that writes untrusted text may use it."""

from __future__ import annotations

import json
import re
from typing import Any

# What a claim file must not put on a reader's terminal or into a CI log: control
# characters (ANSI escapes, carriage returns that redraw a line, newlines that start a
# line with '::' for GitHub's workflow commands) and bidirectional overrides.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile("[\t\n\r\x0b\x0c\x85\u2028\u2029]")


# What JSON may carry escaped but never raw: JSON escapes C0 controls itself; C1
# controls, DEL, bidirectional overrides and line separators it would leave raw, for a
# terminal or an editor to act on when someone cats the report.
_JSON_RAW = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")


def json_document(doc: Any) -> str:
    """A JSON document, sorted and indented, with every control character escaped: the
    same data, lossless, and nothing raw that a terminal would run."""
    text = json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False)
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text) + "\n"


def safe(text: str) -> str:
    """One line of printable text: breaks become spaces, other controls U+FFFD."""
    if text.isprintable():
        # every character the two patterns match is unprintable to Python (a control, a
        # format character or a line or paragraph separator): the common case, in C
        return text
    return _UNSAFE.sub("\ufffd", _BREAKS.sub(" ", text))
