"""Unit phrases as reporters write them: 'tons', 'barrels per year', '$', 'USD/tonne'.

The unit half of number reading, on the cursor of ``cursor`` with the rates of
``rates``; ``figures`` adds the number, its precision and its hedge.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from ..diagnostics import ClaimcheckError
from ..quantities import unit_math, units, vocabulary
from .cursor import ReadContext
from .lexer import Kind, TextError, Token, tokenize
from .rates import PER, RateReader

#: function names that are also unit words
UNIT_LIKE_FUNCTIONS = frozenset({"min"})
MAX_UNIT_POWER = 4
#: words that start a descriptor after a figure: "of coal", "in May 2019", "for export"
DESCRIPTOR_WORDS = ("of", "in", "for", "from", "on", "at", "by", "worth")
_MULTI_WORD_UNITS = frozenset(w for w in units.word_table() if " " in w)


SCALE_WORDS = frozenset({"thousand", "thousands", "million", "millions", "billion", "billions",
                         "trillion", "trillions", "mn", "bn", "lakh", "crore"})
#: words that never describe a counted noun ('5 t per', 'more than', 'million people')
_NOT_DESCRIBING = frozenset({*DESCRIPTOR_WORDS, "per", "a", "an", "each", "every", "than",
                             "or", "more", "fewer", "less", "higher", "lower", "to", "with",
                             "without", "this", "that", "these", "those", "their", "his",
                             "her", "its", "our", "your", "who", "which", "did", "do", "does",
                             "not", "will", "would", "could", "should", "can", "may", "have",
                             "has", "had", "is", "are", "was", "were", "be", "been", "being",
                             "the", "as", "also", "so", "then", "there", "here",
                             *SCALE_WORDS})


def _phrases(words: list[str]) -> list[str]:
    """The phrase with each word singular or as written: 'barrels of oil equivalent' ->
    'barrel of oil equivalent', ..."""
    forms = [[w, w[:-1]] if w.endswith("s") and len(w) > 3 else [w] for w in words]
    found = [""]
    for options in forms:
        found = [f"{a} {b}".strip() for a in found for b in options]
    return found


@dataclass(frozen=True)
class UnitPhrase:
    unit: units.Unit
    label: str | None
    notes: tuple[str, ...]
    factor: Fraction = Fraction(1)  # "one every 40 seconds": 1/40 per second
    every: Fraction | None = None   # that 40, and its rounding (±0.5: 39.5 to 40.5 s)
    every_half: Fraction = Fraction(0)


class UnitReader(RateReader):
    """Reads currencies and unit phrases at the cursor (``cursor.TokenCursor``), with
    the rates after them (``rates.RateReader``)."""

    def at_descriptor(self) -> bool:
        """'of coal', 'in May 2019', 'for export': words that describe, not measure."""
        return self.tok.kind is Kind.WORD and self.tok.lower in DESCRIPTOR_WORDS

    def _unit_word_follows(self) -> bool:
        """'3.7m tonnes': a unit after the 'm' makes it million (metre-tonnes is no unit)."""
        nxt = self.ahead()
        if nxt.kind is not Kind.WORD or nxt.text in self.ctx.reserved:
            return False
        slash, after = self.ahead(2), self.ahead(3)
        if slash.text == "/" and not slash.spaced and after.kind is Kind.WORD and (
                units.is_slash_unit(f"{nxt.text}/{after.text}")):
            return True  # "2.3m b/d"
        try:
            return units.resolve_word(nxt.text, self.ctx.conventions, self.ctx.counts) is not None
        except ClaimcheckError:
            return False

    def _percent(self) -> bool:
        if self.tok.text == "%":
            self.take()
            return True
        word = self.tok.lower
        if word == "percent" or (word == "per" and self.ahead().lower == "cent"):
            self.pos += 1 if word == "percent" else 2
            return True
        return False

    def _currency_prefix(self) -> units.ResolvedUnit | None:
        t = self.tok
        if t.kind is Kind.SYM and t.text != "%":
            self.take()
            return units.currency_for_symbol(t.text, self.ctx.conventions)
        nxt = self.ahead()
        if t.kind is Kind.WORD and nxt.text == "$" and (not nxt.spaced or t.text == "US"):
            symbol = t.text.upper() + "$"  # "US$240", "AU$240"; "US $240" as printed too
            if symbol in vocabulary.SYMBOL_CURRENCIES:
                self.pos += 2
                return units.currency_for_symbol(symbol, self.ctx.conventions)
        doubled = nxt.kind is Kind.SYM and nxt.text == "$" and self.ahead(2).kind is Kind.NUM
        if (t.kind is Kind.WORD and (nxt.kind is Kind.NUM or doubled)
                and t.text not in self.ctx.reserved):
            found = units.currency_word(t.text, self.ctx.conventions)
            if found is not None:  # "USD 240", "GHS9.7bn", "Rs14,000", "USD $240", "Rs. 500"
                self.pos += 2 if doubled else 1
                return found
        return None

    def _currency_suffix(self) -> units.ResolvedUnit | None:
        t = self.tok
        if (t.kind is Kind.WORD and t.text in vocabulary.CURRENCIES
                and t.text not in self.ctx.reserved):
            self.take()
            return units.ResolvedUnit(units.pint_unit(t.text))
        return None

    def _resolve(self, words: str, tok: Token) -> units.ResolvedUnit | None:
        try:
            return units.resolve_word(words, self.ctx.conventions, self.ctx.counts)
        except ClaimcheckError as err:
            raise self.error(err.diagnostic.code, err.diagnostic.message, tok,
                             err.diagnostic.hint) from None

    def _term(self) -> units.ResolvedUnit | None:
        """One unit, with the power written on it: in '3 km^2' the 2 binds to the km (as
        in pint, numbat and qalc); '(3 km)^2' is the expression's business."""
        term = self._bare_term()
        if term is None or term.label is not None or self.tok.text not in ("^", "**"):
            return term
        negative = self.ahead().text == "-"
        power = self.ahead(2 if negative else 1)
        if power.kind is not Kind.NUM or not power.text.isdigit() or power.spaced:
            return term
        n = int(power.text)
        if n > MAX_UNIT_POWER:
            raise self.error("exponent-too-large", f"a unit to the power {n}", power,
                             "units are squared or cubed, rarely more; check the figure")
        self.pos += 3 if negative else 2
        return units.ResolvedUnit(term.unit ** (-n if negative else n), note=term.note)

    def _shadowed(self, t: Token) -> bool:
        """A name in scope hides a unit word ('coal'), except a function's name where no
        parenthesis follows: '5 min' is five minutes, 'min(a, b)' the function."""
        if t.text not in self.ctx.reserved or self.pos < self.unshadowed_end:
            return False
        return not (t.text in UNIT_LIKE_FUNCTIONS and self.ahead().text != "(")

    def _bare_term(self) -> units.ResolvedUnit | None:
        t = self.tok
        if t.kind is Kind.SYM and t.text == "%":
            self.take()
            return units.ResolvedUnit(units.pint_unit("percent"))
        if self._teu():
            return units.ResolvedUnit(units.dimensionless(), label="TEU")
        if t.kind is not Kind.WORD or self._shadowed(t) or t.lower in PER:
            return None
        nxt = self.ahead()
        after = self.ahead(2)
        several = self._several_words()
        if several is not None:
            return several
        if (nxt.text == "/" and not nxt.spaced and after.kind is Kind.WORD and not after.spaced
                and units.is_slash_unit(f"{t.text}/{after.text}")):
            slashed = self._resolve(f"{t.text}/{after.text}", t)  # "b/d", "mb/d"
            self.pos += 3
            return slashed
        if nxt.kind is Kind.WORD:
            described = self._described_count()
            if described is not None:
                return described
        found = self._resolve(t.text, t)
        if found is not None:
            self.take()
        return found

    def _teu(self) -> bool:
        """'20-foot equivalent units' (and 'twenty-foot ...'): the TEU, spelt out."""
        words = [x.lower for x in self.toks[self.pos : self.pos + 5]]
        if words[:4] in (["20", "-", "foot", "equivalent"],
                         ["twenty", "-", "foot", "equivalent"]) and len(words) > 4 and (
                words[4] in ("unit", "units")):
            self.pos += 5
            return True
        return False

    def _several_words(self) -> units.ResolvedUnit | None:
        """Units of two to four words, singular or plural, with or without hyphens:
        'cubic feet', 'gigawatt-hours', 'barrels of oil equivalent', 'nautical miles'."""
        toks: list[Token] = []
        for x in self.toks[self.pos : self.pos + 7]:
            if x.kind is Kind.WORD:
                toks.append(x)
            elif not (x.text == "-" and not x.spaced):
                break
        words = [x.lower for x in toks]
        for n in range(min(4, len(words)), 1, -1):
            for phrase in _phrases(words[:n]):
                if phrase in _MULTI_WORD_UNITS:
                    last = toks[n - 1]
                    found = self._resolve(phrase, toks[0])
                    while self.toks[self.pos].end <= last.start:
                        self.pos += 1
                    self.take()
                    return found
        return None

    def _described_count(self) -> units.ResolvedUnit | None:
        """'96 LNG carriers', '61,000 eligible voters', '106,689 hospital doctors', 'nurses
        and health visitors': describing words before a counted noun are part of what is
        counted.  After a counted noun only another one, or 'and', may follow: in '551
        million voters cast their ballots' the noun phrase has ended."""
        words: list[Token] = []
        after_count = False
        for k in range(4):
            x = self.ahead(k)
            shadowed = x.text in self.ctx.reserved and self.pos + k >= self.unshadowed_end
            if x.kind is not Kind.WORD or shadowed or (
                    x.lower in _NOT_DESCRIBING and x.lower != "and") or (k == 0 and
                                                                         x.lower == "and"):
                return None
            words.append(x)
            if x.lower == "and":
                after_count = False
                continue
            try:
                found = units.resolve_word(x.text, self.ctx.conventions, self.ctx.counts)
            except ClaimcheckError:
                return None
            if found is not None and found.label is None:
                return None  # a unit ('5 km runners' is no count of 'km runners')
            if after_count and found is None:
                return None
            if found is not None and k > 0 and not self._counted_noun_follows(k + 1):
                label = self.text[words[0].start : x.end]
                self.pos += k + 1
                return units.ResolvedUnit(found.unit, label=label, note=found.note)
            after_count = found is not None
        return None

    def _counted_noun_follows(self, k: int) -> bool:
        """Whether the noun phrase goes on past the k-th token ('health visitors')."""
        x = self.ahead(k)
        if x.kind is not Kind.WORD:
            return False
        if x.lower == "and":
            return True
        try:
            found = units.resolve_word(x.text, self.ctx.conventions, self.ctx.counts)
        except ClaimcheckError:
            return False
        return found is not None and found.label is not None

    def unit_phrase(self, *, required: bool) -> UnitPhrase | None:
        first_tok = self.tok
        term = self._term()
        if term is None and first_tok.lower in PER and not (
                self.embedded and first_tok.text == "/"):
            # "$100 a ton", "31 per 100,000 residents": a rate with nothing above the line
            save = self.pos
            rate = self._rates(units.dimensionless(), [])
            if self.pos != save:
                return UnitPhrase(rate.unit, rate.label, tuple(rate.notes), rate.factor,
                                  rate.every, rate.every_half)
        if term is None:
            if required or (not self.embedded and first_tok.kind is Kind.WORD
                            and first_tok.lower not in (*DESCRIPTOR_WORDS, *PER)):
                raise self._unknown_unit(first_tok)
            return None
        rate = self._rates(term.unit, [term.note] if term.note else [])
        label = term.label
        if rate.label:
            label = f"{label} {rate.label}" if label else rate.label
        return UnitPhrase(rate.unit, label, tuple(rate.notes), rate.factor, rate.every,
                          rate.every_half)

    def _unknown_unit(self, tok: Token) -> TextError:
        if tok.kind is Kind.END:
            return self.error("figure-syntax", "expected a unit here", tok,
                              "e.g. 'in USD/tonne' or 'in %'")
        if tok.kind is not Kind.WORD:
            return self.error("figure-syntax", f"unexpected {tok.text!r}", tok)
        if tok.lower in SCALE_WORDS:
            return self.error("unknown-unit", f"'{tok.text}' is a scale word, not a unit", tok,
                              "claimcheck writes large numbers with scale words itself "
                              "('3.7 million t'): give the unit alone, e.g. 't'")
        known = units.resolve_known(tok.text, self.ctx.conventions, self.ctx.counts)
        if known:
            return self.error("figure-syntax", f"unexpected unit '{tok.text}' here", tok,
                              "join units with 'per' or '/', e.g. 'USD per tonne'")
        return self.error("unknown-unit", f"unknown unit '{tok.text}'", tok,
                          units.unknown_unit_hint(tok.text, self.ctx.counts))

    def leftover(self) -> TextError:
        t = self.tok
        if t.kind is Kind.WORD:
            return self._unknown_unit(t)
        hint = None
        if t.text == "," and self.ahead().kind is Kind.NUM:
            hint = "write decimals with a point (3.7, not 3,7)"
        return self.error("figure-syntax", f"unexpected {t.text!r} after the figure", t, hint)


def read_unit(text: str, ctx: ReadContext) -> UnitPhrase:
    """A unit as written in ``unit:`` or after ``in``: 'USD/tonne', 'voyages per day', '%'."""
    tokens = tokenize(text, grouping=True)  # "per 100,000 people"
    reader = UnitReader(text, tokens, ctx, embedded=False)
    phrase = read_unit_tokens(reader)
    if not reader.at_end():
        raise reader.leftover()
    return phrase


def _grouped(reader: UnitReader) -> UnitPhrase:
    """'(100 km)', '(t km)': a parenthesised denominator, with a round base if any, as
    claimcheck itself prints fuel use ('L/(100 km)')."""
    opening = reader.take()
    base = reader._per_base()
    inner = read_unit_tokens(reader)
    if reader.tok.text != ")":
        raise reader.error("figure-syntax", "expected ')' to close the unit", opening)
    reader.take()
    unit = inner.unit / unit_math.per_base(base) if base else inner.unit
    return UnitPhrase(unit, inner.label, inner.notes)


def read_unit_tokens(reader: UnitReader) -> UnitPhrase:
    """A unit phrase where '/' and '*' and '^' may join terms (display units)."""
    if reader.tok.text == "1" and reader.ahead().text == "/":
        reader.take()
        unit, label, notes = units.dimensionless(), None, []
    else:
        first = reader.unit_phrase(required=True)
        assert first is not None
        unit, label, notes = first.unit, first.label, list(first.notes)
    while reader.tok.text in ("/", "*", "per"):
        op = reader.take().text
        nxt = _grouped(reader) if reader.tok.text == "(" else reader.unit_phrase(required=True)
        assert nxt is not None
        unit = unit * nxt.unit if op == "*" else unit / nxt.unit
        notes.extend(nxt.notes)
    if reader.tok.text in ("^", "**") and reader.ahead().kind is Kind.NUM:
        reader.take()
        power = reader.take()
        if not power.text.isdigit() or int(power.text) > MAX_UNIT_POWER:
            raise reader.error("exponent-too-large" if power.text.isdigit()
                               else "expression-syntax",
                               f"a unit's power must be a whole number from 1 to "
                               f"{MAX_UNIT_POWER}, not {power.text}", power,
                               "write km^2 or m^3")
        unit = unit ** int(power.text)
    return UnitPhrase(unit, label, tuple(notes))
