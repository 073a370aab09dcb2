"""Framing around a figure: the words that say what a figure is or what it is measured
against, not how large it is ("a 12-month high of", "a record", "year-on-year"), and what
a report adds in brackets ("(MT)", "($180 billion)").  A mixin of the figure reader."""

from __future__ import annotations

from decimal import InvalidOperation
from typing import Any

from ..diagnostics import ClaimcheckError
from ..quantities import unit_math, units
from .lexer import Kind, TextError
from .rates import BACK_IN_TIME
from .unit_phrases import UnitPhrase, UnitReader

ARTICLES = ("a", "an", "the")


class FramingReader(UnitReader):
    """Reads and skips the framing words of a figure."""

    def read_inner(self, text: str) -> Any:
        """A second, whole figure (a restated amount): the figure reader's own reading."""
        raise NotImplementedError

    def _words_here(self) -> list[str]:
        words = []
        for t in self.toks[self.pos : self.pos + 4]:
            if t.kind is not Kind.WORD:
                break
            words.append(t.lower)
        return words

    def _restated_abbreviation(self) -> str | None:
        """'8 million tonnes (MT)', '2.9 million barrels per day (bpd)': the report
        repeats the unit's abbreviation in parentheses at the end."""
        t, word, close = self.tok, self.ahead(), self.ahead(2)
        if self.embedded or t.text != "(" or word.kind is not Kind.WORD or close.text != ")" or (
                self.ahead(3).kind is not Kind.END) or not word.text.isalpha() or len(
                word.text) > 8:
            return None
        self.pos += 3
        return word.text

    def _counted_after_share(self) -> str | None:
        """In an expression, the count noun a share is of ('one in three adults',
        'nine out of ten doctors'): what is counted, as under `figures:`."""
        words = []
        while self.tok.kind is Kind.WORD and self.tok.text not in self.ctx.reserved:
            try:
                found = units.resolve_word(self.tok.text, self.ctx.conventions, self.ctx.counts)
            except ClaimcheckError:
                found = None
            words.append(self.take().text)
            if found is not None and found.label is not None:
                return " ".join(words)  # up to the counted noun: "U.S. adults"
            if len(words) == 3:
                break
        self.pos -= len(words)
        return None

    def _skip_comparison_period(self) -> None:
        """'rose 3.4% year-on-year', 'up 2% y/y', 'on the year', 'from a year ago': what
        a change is measured against, not part of its size or unit."""
        for phrase in _COMPARISON_PERIODS.get(self.tok.lower, ()):
            n = len(phrase)
            if tuple(t.lower for t in self.toks[self.pos : self.pos + n]) == phrase:
                self.pos += n
                return
        if self.tok.lower in ("a", "an", "the") and self.ahead(2).lower in BACK_IN_TIME and (
                self.ahead().kind is Kind.WORD):
            self.pos += 3  # "(up from 55%) a year earlier", "a month ago"
    def _restated_amount(self, currency: units.ResolvedUnit | None,
                         phrase: UnitPhrase | None) -> str | None:
        """'1.3 trillion yuan ($180 billion)', '€1.2bn (£1bn)', '5 t (5.5 short tons)':
        the report converts the amount for its readers; the figure is the first, the
        second is noted, not read.  A count with a share in brackets ('26.6 lakh (92.08
        per cent)') is two figures, not one restated."""
        t = self.tok
        if self.embedded or t.text != "(" or self.toks[-2].text != ")" or not any(
                x.kind is Kind.NUM for x in self.toks[self.pos : -2]):
            return None
        inner = self.text[self.toks[self.pos + 1].start : self.toks[-2].start].strip()
        try:
            other = self.read_inner(inner).quantity.unit
        except (TextError, InvalidOperation):
            return None
        own = currency.unit if currency is not None else units.dimensionless()
        own = own * phrase.unit if phrase is not None else own
        money = bool(unit_math.currencies_in(own)) and bool(unit_math.currencies_in(other))
        same = (not unit_math.is_dimensionless(own) and not unit_math.is_percent(own)
                and unit_math.same_dimension(own, other))
        if not (money or same):
            return None
        self.pos = len(self.toks) - 1
        return inner

    def _skip_framing(self) -> None:
        """'an average of 56 murders a day', 'a total of 3.7 million tons': framing words
        that say what the figure is, not how large."""
        if self._framed_of():
            return
        words = self._words_here()
        for phrase in _FRAMING:
            n = len(phrase)
            if tuple(words[:n]) == phrase and self.ahead(n).kind is not Kind.END:
                self.pos += n
                return

    def starts_framed(self) -> bool:
        """Whether a figure starts here with framing words ('a record', 'a 12-month high
        of'): for the expression parser, which must know where a figure begins."""
        if self.tok.text in self.ctx.reserved:
            return False
        pos = self.pos
        try:
            if self._framed_of():
                return True
            self._skip_framing()
            return self.pos != pos and self.tok.kind in (Kind.NUM, Kind.SYM)
        finally:
            self.pos = pos

    def _framed_of(self) -> bool:
        """'a 12-month high of 4.5%', 'a 52-week low of $40', 'an all-time high of',
        'a 7-day average of 300 cases', 'a 10-year bond yield of 4.2%': what the figure
        is, then 'of' and the figure; the '12-month' there is no duration."""
        if self.tok.lower not in ARTICLES:
            return False
        k = 1
        while k < 9:
            t = self.ahead(k)
            if t.lower == "of" and k > 1 and self.ahead(k - 1).lower in _FRAMING_NOUNS:
                after = self.ahead(k + 1)
                if after.kind is Kind.NUM or after.kind is Kind.SYM or (
                        after.kind is Kind.WORD and self.ahead(k + 2).kind is Kind.NUM):
                    self.pos += k + 1
                    return True
                return False
            if t.kind is Kind.END or t.lower in ("of", "than", "to") or (
                    t.kind is Kind.SYM and t.text not in ("-",)):
                return False
            k += 1
        return False


#: what a change is measured against, after it: skipped
_COMPARISON_PHRASES = tuple(tuple(p.split()) for p in (
    "year - on - year", "year on year", "y / y", "yoy", "y - o - y", "month - on - month",
    "month on month", "m / m", "mom", "quarter - on - quarter", "quarter on quarter",
    "q / q", "qoq", "week - on - week", "on the year", "on the month", "on the quarter",
    "from a year ago", "from a year earlier", "on a year earlier", "on a year ago",
    "year - over - year", "year over year"))
#: by first word, longest first
_COMPARISON_PERIODS = {first: tuple(sorted((p for p in _COMPARISON_PHRASES if p[0] == first),
                                           key=len, reverse=True))
                       for first in {p[0] for p in _COMPARISON_PHRASES}}
_FRAMING = (("an", "average", "of"), ("on", "average"), ("a", "total", "of"),
            ("a", "record"), ("an", "average"))
#: the nouns that say what a figure after 'of' is: 'a 12-month high of 4.5%'
_FRAMING_NOUNS = frozenset({"high", "low", "average", "total", "peak", "record", "level",
                            "maximum", "minimum", "mean", "median", "sum", "yield", "tally",
                            "trough", "estimate"})
