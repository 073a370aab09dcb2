"""Rates after a unit: "per year", "a day", "/t", "annual", "per 100,000 people",
"every 40 seconds": each divides the unit (and a count of events spread over an
interval keeps that interval's rounding).  The base of the unit reader, which gives
it the terms to divide by."""

from __future__ import annotations

import re
from fractions import Fraction
from typing import NamedTuple

from ..diagnostics import ClaimcheckError
from ..quantities import unit_math, units, vocabulary
from . import precision
from .cursor import TokenCursor
from .lexer import Kind
from .precision import plain_digits
from .words import CARDINALS

#: words that make what follows a denominator: "per tonne", "a day", "/t", "every 40 s"
PER = ("per", "/", "a", "an", "each", "every")
RATE_WORDS_LOWER = frozenset(vocabulary.RATE_WORDS)


class Rate(NamedTuple):
    unit: units.Unit
    notes: list[str]
    label: str | None = None        # a counted denominator: 'per 100,000 people'
    factor: Fraction = Fraction(1)  # 1/N for 'every N seconds'
    every: Fraction | None = None   # N, when there is one such number
    every_half: Fraction = Fraction(0)


#: after "a year", "a month": a time in the past, not a rate ("up from 55% a year earlier")
BACK_IN_TIME = frozenset({"earlier", "ago", "before", "previously", "prior"})


class RateReader(TokenCursor):
    """Reads the rates that follow a unit term."""

    def _term(self) -> units.ResolvedUnit | None:
        """A unit term at the cursor: the unit reader's."""
        raise NotImplementedError

    def trailing_rate(self, first: int) -> tuple[units.Unit, list[str], int] | None:
        """A rate that ends the text after a descriptor ('of coal a year'): the rate, its
        notes and where the descriptor ends.  The cursor is left at the end either way."""
        end_pos = len(self.toks) - 1
        for j in range(first, end_pos):
            tok = self.toks[j]
            if tok.lower not in PER and tok.lower not in RATE_WORDS_LOWER:
                continue
            self.pos = j
            try:
                rate, notes, *_ = self._rates(units.dimensionless(), [])
            except ClaimcheckError:
                continue
            if self.at_end() and not unit_math.is_dimensionless(rate):
                return rate, notes, tok.start
        self.pos = end_pos
        return None

    def _per_base(self) -> int | None:
        """'per 100,000 people', 'per million': the round base of a rate, when one follows
        (the cursor is then after it)."""
        t = self.tok
        if t.kind is Kind.NUM:
            digits = plain_digits(t.text)
            if digits.isdecimal() and digits.isascii() and re.fullmatch(r"10*", digits) and (
                    len(digits) >= 3):
                self.take()
                return int(digits)
            return None
        if t.lower in ("thousand", "million", "billion"):
            self.take()
            return {"thousand": 10**3, "million": 10**6, "billion": 10**9}[t.lower]
        return None

    def _every(self) -> tuple[Fraction, Fraction] | None:
        """'every 40 seconds', 'per 2 hours': a number that is no round base, and half its
        rounding (the cursor is then after it)."""
        t = self.tok
        digits = plain_digits(t.text) if t.kind is Kind.NUM else ""
        if t.kind is Kind.WORD and t.lower in CARDINALS and 1 < CARDINALS[t.lower] < 100:
            digits = str(CARDINALS[t.lower])  # "every two weeks" like "every 2 weeks"
        if not digits or self.ahead().kind is not Kind.WORD:
            return None
        try:
            value = Fraction(digits)
        except ValueError:
            return None
        if value <= 0:
            raise self.error("figure-syntax", f"'{t.text}' is no period to count over", t,
                             "a rate 'every N seconds' needs N above zero")
        if value > 10**6:
            return None
        self.take()
        choice = self.ctx.precision
        if choice == "exact":
            return value, Fraction(0)
        mode = precision.Mode(choice) if choice in precision.MODES else precision.Mode.TWO_FIGURES
        return value, precision.of_number(digits, mode=mode).half

    def _rates(self, unit: units.Unit, notes: list[str]) -> Rate:
        """'per year', 'a day', '/t', 'annual', 'per 100,000 people', 'every 40 seconds'
        after a unit: divide by each."""
        per_label: str | None = None
        factor = Fraction(1)
        everys: list[tuple[Fraction, Fraction]] = []
        while True:
            t = self.tok
            if t.lower in RATE_WORDS_LOWER:
                self.take()
                unit = unit / units.pint_unit(vocabulary.RATE_WORDS[t.lower])
                continue
            every = t.lower in ("among", "for", "in") and self.ahead().lower == "every"
            if t.lower in ("a", "an") and self.ahead(2).lower in BACK_IN_TIME:
                break  # "55% a year earlier": when, not per year
            is_per = (t.lower in PER and not (self.embedded and t.text == "/")) or every
            opens = self.ahead().text == "(" and self.ahead(2).kind is Kind.NUM
            if not is_per or (self.ahead().kind not in (Kind.WORD, Kind.SYM, Kind.NUM)
                              and not opens):
                break
            save = self.pos
            self.take()
            if every:  # "among every 100,000 men", "for every 1,000 births"
                self.take()
            # "L/(100 km)", as claimcheck itself writes a rate per a round base
            bracketed = self.tok.text == "(" and self.ahead().kind is Kind.NUM
            if bracketed:
                self.take()
            base = self._per_base()
            per_n = None if base is not None else self._every()
            denominator = self._term()
            if bracketed and (denominator is None or self.tok.text != ")"):
                self.pos = save
                break
            if bracketed:
                self.take()
            if denominator is not None and per_n is not None:
                factor /= per_n[0]  # "one every 40 seconds": 1/40 a second
                everys.append(per_n)
            if denominator is None and base is not None:  # "8.46 per 100,000"
                unit = unit * unit_math.per_base(base)
                per_label = f"per {base:,}"
                continue
            if denominator is None:
                self.pos = save
                break
            if base is not None:
                unit = unit * unit_math.per_base(base)
            unit = unit / denominator.unit
            if denominator.label is not None and unit_math.is_dimensionless(denominator.unit):
                counted = self.toks[self.pos - 1].text
                per_label = f"per {base:,} {counted}" if base else f"per {counted}"
            if denominator.note:
                notes.append(denominator.note)
        if len(everys) == 1:  # one 'every N': its rounding counts
            return Rate(unit, notes, per_label, factor, everys[0][0], everys[0][1])
        return Rate(unit, notes, per_label, factor)
