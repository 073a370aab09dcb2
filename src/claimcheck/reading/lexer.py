"""Tokens with character offsets, shared by the figure reader and the expression parser."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache

from ..diagnostics import ClaimcheckError, Diagnostic
from ..quantities.currencies import GLUED_PREFIXES, ISO_CODES

GLUED_CURRENCIES = ISO_CODES | GLUED_PREFIXES


class Kind(StrEnum):
    NUM = "number"
    WORD = "word"
    SYM = "symbol"  # currency signs and %
    OP = "operator"
    END = "end of text"


@dataclass(frozen=True)
class Token:
    kind: Kind
    text: str
    start: int
    end: int
    spaced: bool  # whitespace right before this token
    #: the text in lower case, once (readers compare it some forty times a figure)
    lower: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "lower", self.text.lower())


class TextError(ClaimcheckError):
    """An error at character offsets [start, end) of one text (a figure or an expression)."""

    def __init__(
        self, code: str, message: str, start: int, end: int, hint: str | None = None,
        labels: tuple[tuple[int, int, str], ...] = (),
    ) -> None:
        super().__init__(Diagnostic(code, message, hint=hint))
        self.start, self.end = start, end
        self.labels = labels  # (start, end, text): secondary places in the same text


# "10,000", and "48 000" with a space, thin space or no-break space between groups of three
_GROUPED = (r"\d{1,2}(?:,\d{2})+,\d{3}(?![\d])(?:\.\d+)?|"  # "1,00,000": lakh grouping
            r"\d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?|\d{1,3}(?:[ \u2009\u202f\xa0]\d{3})+(?![\d.,])")
_PLAIN = r"(?:\d+(?:_\d+)*(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+(?![A-Za-z_]))?"
_NUM_GROUPED = re.compile(f"{_GROUPED}|{_PLAIN}")
_NUM_PLAIN = re.compile(_PLAIN)
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d]\w*")  # "U.S.", "km", "GHS9" (split below)
_GLUED = re.compile(r"([A-Z][A-Za-z]{1,2})(?=\d)")  # "GHS9.7", "Rs14,000": a currency, a number
_OPS = ("**", "==", "!=", "<=", ">=", "+/-", "<", ">", "+", "-", "*", "/", "^", "(", ")", ",",
        "±", "–", "—", "=", "@", "~", "≈")
_UNICODE_OPS = {"−": "-", "×": "*", "÷": "/", "≤": "<=", "≥": ">=", "≠": "!="}
SYMBOLS = "$€£¥₩₹₦₱₺₫₴₪₵%"

MAX_TEXT = 500
#: abbreviations printed with a dot before a number: "Rs. 500 crore"
_DOTTED = frozenset({"Rs", "Re", "Tk", "Sh", "Ksh"})


def tokenize(text: str, *, grouping: bool) -> list[Token]:
    """Split ``text``; ``grouping`` reads "10,000" as one number (figures, not expressions)."""
    return list(_tokenized(text, grouping))


@lru_cache(maxsize=4096)  # a figure is tokenized by several readers; tokens never change
def _tokenized(text: str, grouping: bool) -> tuple[Token, ...]:
    if len(text) > MAX_TEXT:
        raise TextError("too-long", f"text is {len(text)} characters long; the limit is "
                        f"{MAX_TEXT}", MAX_TEXT, len(text), hint="split it into named parts")
    number = _NUM_GROUPED if grouping else _NUM_PLAIN
    tokens: list[Token] = []
    i, n = 0, len(text)
    spaced = False
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            spaced = True
            continue
        if m := number.match(text, i):
            tokens.append(Token(Kind.NUM, m.group(), i, m.end(), spaced))
            i = m.end()
        elif m := _WORD.match(text, i):
            word = m.group()
            glued = _GLUED.match(word)
            if glued and glued.group(1) in GLUED_CURRENCIES:
                word = glued.group(1)
            dot = int(word in _DOTTED and text.startswith(".", i + len(word)))
            tokens.append(Token(Kind.WORD, word, i, i + len(word) + dot, spaced))
            i += len(word) + dot  # "Rs. 500 crore": the abbreviation's dot is part of it
        elif ch in SYMBOLS:
            tokens.append(Token(Kind.SYM, ch, i, i + 1, spaced))
            i += 1
        elif ch in _UNICODE_OPS:
            tokens.append(Token(Kind.OP, _UNICODE_OPS[ch], i, i + 1, spaced))
            i += 1
        else:
            op = next((o for o in _OPS if text.startswith(o, i)), None)
            if op is None:
                hint = ("figures and expressions use digits, letters, spaces, "
                        "+ - * / ^ ( ) , % and currency signs")
                if ch == "°":
                    hint = ("claimcheck does not read temperatures or angles: a temperature "
                            "and a change in temperature convert differently (30 °C is 86 °F; "
                            "a rise of 1 °C is 1.8 °F)")
                elif ch in ".;:!?" and not text[i + 1 :].strip():
                    hint = ("a sentence's punctuation is not part of the figure: `stated:` "
                            "holds the figure as the report writes it, e.g. 'about 3.7 "
                            "million tons'; the sentence goes under `quote:`")
                raise TextError("unexpected-character", f"unexpected character {ch!r}", i, i + 1,
                                hint=hint)
            tokens.append(Token(Kind.OP, "±" if op == "+/-" else op, i, i + len(op), spaced))
            i += len(op)
        spaced = False
    tokens.append(Token(Kind.END, "", n, n, spaced))
    return tuple(tokens)
