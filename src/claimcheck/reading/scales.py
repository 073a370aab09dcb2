"""Scale words after a number: "3.7 million", "$5bn", "2 lakh crore", "£3.7 m".  A mixin
of the figure reader; the tables are the reader's whole vocabulary of scales."""

from __future__ import annotations

from .lexer import Kind
from .unit_phrases import UnitReader

SCALES = {"hundred": 2, "thousand": 3, "million": 6, "mn": 6, "mln": 6, "billion": 9, "bn": 9,
          "cr": 7,
          "bln": 9, "tln": 12,
          "trillion": 12, "lakh": 5, "crore": 7}
#: written onto the number: "5bn", "3.7m", "20k"
ATTACHED_SCALES = {"k": 3, "m": 6, "bn": 9, "mn": 6, "b": 9, "tn": 12, "bln": 9, "mln": 6,
                   "cr": 7}

#: the word a power of ten is written with
SCALE_NAMES = {2: "hundred", 3: "thousand", 5: "lakh", 6: "million", 7: "crore", 9: "billion",
               12: "trillion"}
#: "millions of people": a vague count of that scale
PLURAL_SCALES = {"thousands": 3, "millions": 6, "billions": 9}


class ScaleReader(UnitReader):
    """Reads the scale word after a number, as a power of ten."""

    def _scale(self, has_currency: bool) -> int:
        t = self.tok
        if t.kind is not Kind.WORD:
            return 0
        word = t.lower
        powered = self.ahead().text in ("^", "**", "/")  # "1 m^3", "5 m/s": the metre
        if word == "m" and t.text == "m" and not powered and (
                has_currency or self._unit_word_follows()):
            self.take()  # "£3.7 m", "3.7 m people", "1.5 m b/d": a million
            return 6
        if (word == "m" and t.text == "m" and not has_currency and not powered
                and not self._unit_word_follows() and t.spaced):
            return 0  # "1,609.344 m": the metre, as claimcheck itself writes it
        if (word == "m" and t.text == "m" and not has_currency and not powered
                and not self._unit_word_follows()):
            # after a unit 'm' is the metre (kg/m^3); "3.7m" glued to a bare number could
            # be either (a million people, a 100m sprint)
            raise self.error("ambiguous-unit", "'m' after a number is ambiguous", t,
                             hint="write 'million' or 'metres'")
        if not t.spaced and word in ATTACHED_SCALES:
            self.take()
            return ATTACHED_SCALES[word]
        if word in SCALES:
            self.take()
            exp = SCALES[word]
            while self.tok.kind is Kind.WORD and self.tok.lower in SCALES and exp < 15:
                exp += SCALES[self.take().lower]  # "lakh crore", "hundred thousand"
            return exp
        return 0
