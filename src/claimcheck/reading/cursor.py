"""The figure reader's ground floor: what a reading knows of its claim file
(``ReadContext``: conventions, counted nouns, hedges, names in scope, the file's
precision) and a cursor over tokens that every part of the reader moves along."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from .hedges import DEFAULT_HEDGES, HedgeRule
from .lexer import Kind, TextError, Token


@dataclass(frozen=True)
class ReadContext:
    conventions: Mapping[str, str] = field(default_factory=dict)
    counts: frozenset[str] = frozenset()
    hedges: Mapping[str, HedgeRule] = field(default_factory=lambda: DEFAULT_HEDGES)
    reserved: frozenset[str] = frozenset()  # names in scope: never read as units
    precision: str | None = None  # the file's default ``precision:``

    def for_units(self) -> ReadContext:
        """For display units: names in scope do not hide unit words there."""
        return ReadContext(self.conventions, self.counts, self.hedges)

    def for_figures(self) -> ReadContext:
        """For stated figures: every word may be a unit there, names in scope too."""
        return ReadContext(self.conventions, self.counts, self.hedges,
                           precision=self.precision)


class TokenCursor:
    """A cursor over a text's tokens, reading it with its claim file's context."""

    def __init__(self, text: str, tokens: list[Token], ctx: ReadContext, *, embedded: bool,
                 pos: int = 0) -> None:
        self.text, self.toks, self.ctx, self.embedded, self.pos = text, tokens, ctx, embedded, pos
        #: tokens before this index are words right after a number ('96 LNG carriers'),
        #: where a figure's name cannot stand (no operator joins them): a noun, not a name
        self.unshadowed_end = 0

    def words_follow_a_number(self) -> None:
        """The words from here up to the next operator, 'in' or the end are the figure's
        own ('== 96 carriers' where `carriers` also names a figure)."""
        end = self.pos
        while self.toks[end].kind is Kind.WORD and self.toks[end].lower != "in":
            end += 1
        self.unshadowed_end = end

    @property
    def tok(self) -> Token:
        return self.toks[self.pos]

    def at_end(self) -> bool:
        return self.tok.kind is Kind.END

    def ahead(self, k: int = 1) -> Token:
        return self.toks[min(self.pos + k, len(self.toks) - 1)]

    def take(self) -> Token:
        t = self.tok
        self.pos = min(self.pos + 1, len(self.toks) - 1)
        return t

    def error(self, code: str, message: str, tok: Token, hint: str | None = None) -> TextError:
        return TextError(code, message, tok.start, max(tok.end, tok.start + 1), hint)
