"""Direction words: "up 3%", "fell by a third", "a cut of 5%", "an increase of 12,000",
"50 per cent higher", "232 more people", "rose to 4.2 million".

A change has a sign and a size; the sign comes from the words, the size (with its
rounding and hedge) from the number, so "fell more than 5%" is below -5% and "fell nearly
5%" lies between about -4.5% and -5.5%.  "rose to" and "fell to" name the level reached,
not the change: the figure is then the level, with a note.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import ClaimcheckError
from ..quantities import units
from .lexer import Kind, Token
from .unit_phrases import DESCRIPTOR_WORDS, UnitReader

#: verbs and adverbs before the number: "up 3%", "fell by 2.1 points", "plus 248,000"
_RISE_VERBS = ("up", "rose", "rise", "rises", "risen", "rising", "increased", "increase",
               "increases", "increasing", "grew", "grow", "grows", "grown", "growing",
               "gained", "gain", "gains", "climbed", "climb", "climbs", "jumped", "jump",
               "jumps", "surged", "surge", "soared", "soar", "rallied", "improved",
               "advanced", "expanded", "widened", "added", "plus", "spiked")
_FALL_VERBS = ("down", "fell", "fall", "falls", "fallen", "falling", "dropped", "drop",
               "drops", "declined", "decline", "declines", "decreased", "decrease",
               "decreases", "plunged", "plunge", "plummeted", "slumped", "slid", "sank",
               "shrank", "shrunk", "contracted", "lost", "lose", "cut", "tumbled", "dipped",
               "eased", "retreated", "narrowed", "minus", "slipped", "slashed", "reduced")
PREFIX_VERBS: dict[str, int] = {**dict.fromkeys(_RISE_VERBS, 1),
                                **dict.fromkeys(_FALL_VERBS, -1)}
#: nouns of change: "a rise of 12,000", "a 4% increase", "an 11.5 percent drop"
_RISE_NOUNS = ("rise", "increase", "gain", "jump", "growth", "hike", "surge", "climb",
               "uptick", "boost")
_FALL_NOUNS = ("fall", "drop", "decline", "decrease", "cut", "reduction", "loss", "dip",
               "plunge", "slump", "contraction", "slide", "downturn")
CHANGE_NOUNS: dict[str, int] = {**dict.fromkeys(_RISE_NOUNS, 1),
                                **dict.fromkeys(_FALL_NOUNS, -1)}
#: comparatives after the number: "50 per cent higher", "232 more people", "14% above"
COMPARATIVE_DIRECTIONS: dict[str, int] = {
    "higher": 1, "more": 1, "greater": 1, "larger": 1, "bigger": 1, "above": 1, "up": 1,
    "lower": -1, "less": -1, "fewer": -1, "smaller": -1, "below": -1, "down": -1}


@dataclass(frozen=True)
class Change:
    """The direction a figure states."""

    direction: int       # +1 a rise, -1 a fall
    words: str           # as written: "fell by", "a drop of", "higher"
    level: bool = False  # "rose to 4.2 million": the level reached, not the change
    earlier: bool = False  # "up from 3.5 million": the level it started from

    def note(self, text: str) -> str:
        if self.level and self.earlier:
            return f"'{self.words}' names the level before the change, not the change"
        if self.level:
            return f"'{self.words}' names the level reached, not the change"
        kind = "a rise" if self.direction > 0 else "a fall"
        sign = "positive" if self.direction > 0 else "negative"
        return f"'{self.words}' read as {kind}: '{text}' is a change, {sign}"

    def combined(self, other: Change | None) -> Change:
        return self if other is None else Change(self.direction, f"{self.words} … {other.words}",
                                                 self.level, self.earlier)


def starts_change(toks: list[Token], pos: int) -> bool:
    """Whether a figure starts here with a direction: 'up 3%', 'fell by', 'a rise of',
    'an average of' (for the expression parser, which must know where a figure begins)."""
    def word(k: int) -> str:
        return toks[min(pos + k, len(toks) - 1)].lower

    def kind(k: int) -> Kind:
        return toks[min(pos + k, len(toks) - 1)].kind

    article = 1 if word(0) in ("a", "an") else 0
    if word(0) in _MOTION_VERBS and word(1) in _PARTICLES and kind(2) in (Kind.NUM, Kind.SYM):
        return True  # "edged up 0.1%"
    if word(0) in _MULTIPLE_VERBS and word(1) == "to" and kind(2) in (Kind.NUM, Kind.SYM):
        return True  # "doubled to 4 million"
    if word(article) in _ADDED and kind(article + 1) in (Kind.NUM, Kind.SYM):
        return True  # "an additional 12,000", "another $5 million"
    if word(0) in COMPARATIVE_DIRECTIONS and word(1) == "by" and kind(2) in (Kind.NUM,
                                                                              Kind.SYM):
        return True  # "lower by 5%"
    if (word(article) in CHANGE_NOUNS and word(article + 1) == "of") or (
            (word(0), word(1), word(2)) in (("an", "average", "of"), ("a", "total", "of"))):
        return True
    if article and kind(1) is Kind.NUM:  # "a 4% increase"
        return True
    return word(0) in PREFIX_VERBS and kind(1) in (Kind.NUM, Kind.SYM, Kind.WORD)


#: verbs of small moves with a particle: "edged up", "ticked down", "inched higher"
_MOTION_VERBS = frozenset({"edged", "edges", "edging", "ticked", "ticks", "inched", "inches",
                           "crept", "creeps", "nudged", "moved", "moves", "went", "goes",
                           "came", "comes", "was", "is", "were"})
_PARTICLES = {"up": 1, "down": -1, "higher": 1, "lower": -1}
#: multiplying verbs that name the level reached with 'to': "doubled to 4 million"
_MULTIPLE_VERBS = {"doubled": 1, "tripled": 1, "trebled": 1, "quadrupled": 1, "halved": -1}
#: words that add to what was there: "an additional 12,000", "a further 5%", "another 3"
_ADDED = ("additional", "extra", "further", "another")


def _opposite(first: Change | None, second: Change | None) -> bool:
    return first is not None and second is not None and first.direction != second.direction


class ChangeReader(UnitReader):
    """The direction half of a figure: words before and after the number."""

    def prefix_change(self) -> Change | None:
        """'up 3%', 'fell by', 'rose to', 'an increase of', 'a fall of', '+5,000'."""
        t = self.tok
        if t.text == "+" and self.ahead().kind is Kind.NUM:
            self.take()
            return Change(1, "+")
        article = 1 if t.lower in ("a", "an") else 0
        noun = self.ahead(article)
        if noun.lower in _ADDED and self.ahead(article + 1).kind in (Kind.NUM, Kind.SYM):
            self.pos += article + 1
            return Change(1, self.text[t.start : noun.end])
        if (t.lower in COMPARATIVE_DIRECTIONS and self.ahead().lower == "by"
                and self.ahead(2).kind in (Kind.NUM, Kind.SYM)):
            self.pos += 2  # "lower by 5%", "higher by 2 points"
            return Change(COMPARATIVE_DIRECTIONS[t.lower], self.text[t.start : self.ahead(
                -1).end])
        if (noun.lower in CHANGE_NOUNS and self.ahead(article + 1).lower == "of"
                and self.ahead(article + 2).kind in (Kind.NUM, Kind.WORD, Kind.SYM)):
            start = t.start
            self.pos += article + 2
            return Change(CHANGE_NOUNS[noun.lower], self.text[start : self.toks[self.pos - 1].end])
        particle = self.ahead().lower
        if t.lower in _MOTION_VERBS and particle in _PARTICLES and self.ahead(2).kind in (
                Kind.NUM, Kind.SYM, Kind.WORD):
            self.pos += 2  # "edged up 0.1%", "ticked down 0.2 points"
            if self.tok.lower == "by":
                self.take()
            return Change(_PARTICLES[particle], self.text[t.start : self.toks[self.pos - 1].end])
        if t.lower in _MULTIPLE_VERBS and particle == "to" and self.ahead(2).kind in (
                Kind.NUM, Kind.SYM):
            self.pos += 2  # "doubled to 4 million": the level reached
            return Change(_MULTIPLE_VERBS[t.lower],
                          self.text[t.start : self.toks[self.pos - 1].end], level=True)
        if (t.lower in PREFIX_VERBS and t.kind is Kind.WORD
                and self.ahead().kind in (Kind.NUM, Kind.SYM, Kind.WORD)):
            self.take()
            level = earlier = False
            if self.tok.lower == "by":
                self.take()
            elif self.tok.lower == "to":
                self.take()
                level = True
            elif self.tok.lower == "from" and self.ahead().kind in (Kind.NUM, Kind.SYM,
                                                                     Kind.WORD):
                self.take()  # "up from 3.5 million": the level before the change
                level = earlier = True
            return Change(PREFIX_VERBS[t.lower], self.text[t.start : self.toks[self.pos - 1].end],
                          level, earlier)
        return None

    def comparative_before_unit(self) -> Change | None:
        """'232 more people', '6,500 more doctors': the comparative before the noun."""
        t = self.tok
        if t.lower not in ("more", "fewer", "less") or self.ahead().kind is not Kind.WORD:
            return None
        nxt = self.ahead()
        try:
            known = units.resolve_word(nxt.text, self.ctx.conventions, self.ctx.counts)
        except ClaimcheckError:
            known = None
        if known is None or nxt.lower == "than":
            return None
        self.take()
        return Change(COMPARATIVE_DIRECTIONS[t.lower], t.text)

    def postfix_change(self) -> tuple[Change | None, str | None]:
        """'50 per cent higher (than ...)', '14% above', 'a 4% increase', 'a 9.2% fuel
        increase': the direction after the unit, and the text after 'than'."""
        t = self.tok
        if t.kind is Kind.WORD and t.lower in COMPARATIVE_DIRECTIONS:
            self.take()
            than = None
            if (self.tok.lower == "than" and not self.embedded
                    and self.ahead().kind is not Kind.END):  # "than in 1997": what it is to
                start = self.ahead().start
                self.pos = len(self.toks) - 1
                than = self.text[start:].strip()
            return Change(COMPARATIVE_DIRECTIONS[t.lower], t.text), than
        for k in range(3):  # up to two describing words before the noun: "fuel increase"
            noun = self.ahead(k)
            if any(self.ahead(j).kind is not Kind.WORD or self.ahead(j).lower in
                   DESCRIPTOR_WORDS for j in range(k + 1)):
                break
            after = self.ahead(k + 1)
            if noun.lower in CHANGE_NOUNS and (after.kind is Kind.END
                                               or after.lower in DESCRIPTOR_WORDS):
                start = t.start
                self.pos += k + 1
                return Change(CHANGE_NOUNS[noun.lower],
                              self.text[start : self.toks[self.pos - 1].end]), None
        return None, None

    def both_ways(self, first: Change | None, second: Change | None) -> Change | None:
        """One direction from the words before and after the number, or an error."""
        if _opposite(first, second):
            assert first is not None and second is not None
            raise self.error("figure-syntax", f"'{first.words}' and '{second.words}' point "
                             "in opposite directions", self.toks[max(self.pos - 1, 0)],
                             "keep the one word the report uses for the direction")
        if first is None:
            return second
        return first.combined(second)
