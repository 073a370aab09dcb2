"""Number reading: a figure as a report states it -> value, precision interval, unit, hedge.

"about 3.7 million tons" reads as 3.7e6 t, rounding [3.65e6, 3.75e6] (half a unit of
the last significant digit), hedged ±10% beyond that, with a note that 'tons' was read
as metric tonnes.  The same reader serves quantity literals inside expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from . import units
from .diagnostics import ClaimcheckError, did_you_mean
from .hedges import Hedge, HedgeKind, match_hedge
from .intervals import Interval
from .lexer import Kind, TextError, Token, tokenize
from .periods import Period, read_period
from .quantity import Quantity
from .unit_phrases import (
    _PER,
    DESCRIPTOR_WORDS,
    RATE_WORDS_LOWER,
    ReadContext,
    UnitPhrase,
    UnitReader,
)
from .words import COMPARATIVES, read_words

__all__ = ["ReadContext", "Reading", "UnitPhrase", "read_figure", "read_literal"]

SCALES = {"thousand": 3, "million": 6, "mn": 6, "mln": 6, "billion": 9, "bn": 9, "trillion": 12,
          "lakh": 5, "crore": 7}
ATTACHED_SCALES = {"k": 3, "m": 6, "bn": 9, "mn": 6, "b": 9, "tn": 12}
_SCALE_NAMES = {3: "thousand", 5: "lakh", 6: "million", 7: "crore", 9: "billion",
                12: "trillion"}
_RANGE_WORDS = ("to", "-", "–", "—")
_ARTICLES = ("a", "an", "the")
PERCENT_CAP = 5
_MONTH_WORD = re.compile(r"\b(january|february|march|april|may|june|july|august|september|"
                         r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|"
                         r"nov|dec)\b\.?(\s|$)", re.I)


@dataclass(frozen=True)
class Reading:
    """A stated figure, read."""

    text: str
    quantity: Quantity
    unit_text: str
    precision: str            # how the rounding interval was decided, in words
    hedge: Hedge | None = None
    notes: tuple[str, ...] = ()
    what: str | None = None   # descriptor after the unit: "of coal", "cargo ship"
    period: Period | None = None
    plain: bool = False       # a bare number: no unit, scale, currency, percent or hedge
    alternative: Quantity | None = None  # "3 times more": also read as 4 times


def _step(digits: str) -> Decimal:
    """Half of this is the rounding allowance: the place of the last significant digit."""
    mantissa, _, exponent = digits.lower().partition("e")
    exp = int(exponent or 0)
    if "." in mantissa:
        return Decimal(1).scaleb(-len(mantissa.split(".")[1]) + exp)
    stripped = mantissa.lstrip("0")
    zeros = len(stripped) - len(stripped.rstrip("0")) if stripped else 0
    return Decimal(1).scaleb(zeros + exp)


def _fmt_decimal(d: Decimal) -> str:
    text = f"{d:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    whole, _, frac = text.partition(".")
    whole = f"{int(whole):,}" if whole.lstrip("-").isdigit() else whole
    return f"{whole}.{frac}" if frac else whole


def _plus_one(q: Quantity) -> Quantity:
    """The other reading of 'N times more': N + 1 times as much."""
    one = Interval.point(Fraction(1))
    return Quantity(q.central + 1, q.rounding + one, q.hedged + one, q.unit, q.label)


def _ambiguity_note(q: Quantity) -> str:
    return (f"'{q.central} times more' is ambiguous: read as {q.central} times as much "
            f"and as {q.central + 1} times as much")


class _Reader(UnitReader):
    def __init__(self, text: str, tokens: list[Token], ctx: ReadContext, *, embedded: bool,
                 pos: int = 0) -> None:
        super().__init__(text, tokens, ctx, embedded=embedded, pos=pos)
        self.notes: list[str] = []
        self._what: str | None = None  # descriptor after a compound adjective
        self.rate: units.Unit | None = None  # a rate after the descriptor: 'of coal a year'
        self.rate_notes: list[str] = []

    def _words_here(self) -> list[str]:
        words = []
        for t in self.toks[self.pos : self.pos + 4]:
            if t.kind is not Kind.WORD:
                break
            words.append(t.lower)
        return words

    # -- the figure ---------------------------------------------------------------------
    def read(self, precision: str | None = None) -> Reading:
        start_pos = self.pos
        if not self.embedded and self.tok.lower in _ARTICLES and self.ahead().kind is Kind.NUM:
            self.take()
        hedge = self._hedge()
        negative = False
        if not self.embedded and self.tok.text == "-" and self.ahead().kind in (Kind.NUM,
                                                                                 Kind.SYM):
            self.take()  # "-2.3%", "-5 tonnes": a stated negative figure
            negative = True
        currency = self._currency_prefix()
        if hedge and hedge.rule.kind is HedgeKind.MULTIPLIER:
            if self.tok.kind is not Kind.NUM:
                return self._multiplier(hedge, start_pos)
            return self._times_figure(hedge, start_pos)
        worded = self._word_number(hedge, start_pos)
        if worded is not None:
            return worded
        if self.tok.kind is not Kind.NUM:
            what = "a number" if hedge or currency else "a figure such as 'about 3.7 million tons'"
            hint = None
            if self.tok.text.upper() == "TODO":
                hint = "replace TODO with the figure exactly as the report writes it"
            elif self.tok.kind is Kind.WORD and not hedge:
                hint = did_you_mean(self.tok.lower, self.ctx.hedges)
                hint = f"{hint} (a hedge word)" if hint else None
            raise self.error("figure-syntax", f"expected {what}, found "
                             f"{self.tok.text or 'the end of the text'!r}", self.tok, hint)
        num_tok = self.take()
        digits = num_tok.text.replace(",", "").replace("_", "")
        value = Decimal(digits)
        exponent = int(digits.lower().partition("e")[2] or 0)
        if abs(exponent) > 100 or not -100 <= _step(digits).adjusted() <= 100 or (
                value != 0 and not -100 <= value.adjusted() <= 100):
            raise self.error("out-of-range", f"{num_tok.text} is outside what claimcheck "
                             "computes with (10^-100 to 10^100)", num_tok,
                             "check the figure's exponent")
        value, low, high, how = self._precision_here(num_tok, value)
        exp = self._scale(currency is not None)
        scale = Decimal(1).scaleb(exp)
        how = how.format(scale=f" {_SCALE_NAMES[exp]}" if exp else "")
        if self._percent():  # "4% a year" is a rate too
            rate, rate_notes = self._rates(units.pint_unit("percent"), [])
            unit_phrase: UnitPhrase | None = UnitPhrase(rate, None, tuple(rate_notes))
            if "trailing zeros" in how and (high - low) / 2 * scale > PERCENT_CAP:
                # "100%" is not 50% to 150%: a percentage is never rounder than 5 points
                low, high = value - PERCENT_CAP / scale, value + PERCENT_CAP / scale
                how = f"±{PERCENT_CAP} (a percentage: never rounder than {PERCENT_CAP} points)"
        else:
            unit_phrase = self._compound_or_unit()
        currency = currency or self._currency_suffix()
        more = self._comparative(unit_phrase.label if unit_phrase else None)
        descriptor = self._descriptor()
        if not self.embedded and not self.at_end():
            raise self.leftover()
        unit = units.dimensionless()
        label = None
        if currency is not None:
            unit = currency.unit
            if currency.note:
                self.notes.append(currency.note)
        if unit_phrase is not None:
            unit = unit * unit_phrase.unit
            label = unit_phrase.label
            self.notes.extend(unit_phrase.notes)
        if self.rate is not None:
            unit = unit * self.rate
            self.notes.extend(self.rate_notes)
        if negative:
            value, low, high = -value, -high, -low
        central = Fraction(value * scale)
        rounding = Interval(Fraction(low * scale), Fraction(high * scale))
        if precision is not None:
            rounding, how = self._override(precision, central, unit, scale)
        if hedge and hedge.rule.kind is HedgeKind.EXACT:
            rounding, how = Interval.point(central), f"exact ('{hedge.words}')"
        hedged = hedge.rule.apply(rounding) if hedge else rounding
        quantity = Quantity(central, rounding, hedged, unit, label)
        if more:
            self.notes.append(_ambiguity_note(quantity))
        plain = (hedge is None and currency is None and unit_phrase is None and exp == 0
                 and not negative)
        source = self.text[self.toks[start_pos].start : self.toks[self.pos - 1].end]
        return Reading(source if self.embedded else self.text, quantity,
                       units.format_unit(unit, label), how, hedge, tuple(self.notes), descriptor,
                       plain=plain,
                       alternative=_plus_one(quantity) if more else None)

    def _times_figure(self, hedge: Hedge, start_pos: int) -> Reading:
        """'several times 500,000 barrels': the figure times the vague multiplier."""
        if "times" not in hedge.words:
            raise self.error("figure-syntax", f"'{hedge.words}' before a number", self.tok,
                             f"write '{hedge.words} times 500,000 barrels' for a multiple, or "
                             "the number alone")
        base = self.read()
        rule, q = hedge.rule, base.quantity
        low, high = Interval.point(rule.low), Interval(rule.low, rule.high)
        quantity = Quantity(q.central * rule.low, q.rounding * low, q.hedged * high, q.unit,
                            q.label)
        source = self.text[self.toks[start_pos].start : self.toks[self.pos - 1].end]
        return Reading(source if self.embedded else self.text, quantity, base.unit_text,
                       f"{base.precision}; '{hedge.words}': {rule.low} to {rule.high} times",
                       hedge, base.notes, base.what)

    def _word_number(self, hedge: Hedge | None, start_pos: int) -> Reading | None:
        """'two rivers', 'a third', 'one in five', 'twice', 'dozens of ships'."""
        t = self.tok
        numeric_ratio = (t.kind is Kind.NUM and self.ahead().lower == "in"
                         and self.ahead(2).kind is Kind.NUM)
        if t.kind is not Kind.WORD and not numeric_ratio:
            return None
        toks = [x for x in self.toks[self.pos : self.pos + 4] if x.kind is not Kind.END]
        found = read_words([x.lower if x.kind is Kind.WORD else x.text for x in toks], [])
        if found is None:
            return None
        self.pos += found.consumed
        exp = 0 if found.percent or found.label else self._scale(False)
        scale = Fraction(10) ** exp
        unit, label, notes = units.dimensionless(), found.label, list[str]()
        if found.percent:
            unit = units.pint_unit("percent")
        elif found.label is None:  # "twice" already says what it is
            phrase = self._compound_or_unit()
            if phrase is not None:
                unit, label, notes = phrase.unit, phrase.label or label, list(phrase.notes)
        central = found.central * scale
        rounding, hedged = found.rounding.scale(scale), found.hedged.scale(scale)
        more = self._comparative(label)
        descriptor = self._descriptor()
        if not self.embedded and not self.at_end():
            raise self.leftover()
        how = found.how + (f" {_SCALE_NAMES[exp]}" if exp else "")
        if hedge is not None:
            hedged = hedged.hull(hedge.rule.apply(rounding))
        quantity = Quantity(central, rounding, hedged, unit, label)
        if more:
            notes.append(_ambiguity_note(quantity))
        source = self.text[self.toks[start_pos].start : self.toks[self.pos - 1].end]
        return Reading(source if self.embedded else self.text, quantity,
                       units.format_unit(unit, label), how, hedge, tuple(notes), descriptor,
                       alternative=_plus_one(quantity) if more else None)

    def _comparative(self, label: str | None) -> bool:
        """'three times more (than)': consumes the comparative that makes it ambiguous.
        'twice as many (as)' is not ambiguous: it is consumed and read as written."""
        if label in ("times", "fold") and self.tok.lower == "as" and (
                self.ahead().kind is Kind.WORD):
            self.pos += 2
            if self.tok.lower == "as":
                self.take()
            return False
        if label not in ("times", "fold") or self.tok.lower not in COMPARATIVES:
            return False
        self.take()
        if self.tok.lower == "than":
            self.take()
        return True


    def _hedge(self) -> Hedge | None:
        found = match_hedge(self._words_here(), self.ctx.hedges)
        if found is None:
            return None
        words, rule = found
        self.pos += len(words.split())
        return Hedge(words, rule)

    def _multiplier(self, hedge: Hedge, start_pos: int) -> Reading:
        rule = hedge.rule
        label = "times" if "times" in hedge.words else None
        if label is None and self.tok.lower == "times":
            label = self.take().text
        elif (label is None and self.tok.kind is Kind.WORD
              and self.tok.lower not in DESCRIPTOR_WORDS):
            phrase = self.unit_phrase(required=True)  # "several ships"
            if phrase is None or phrase.label is None:
                raise self.error("figure-syntax", f"'{hedge.words}' counts things; "
                                 f"'{self.toks[self.pos - 1].text}' is not a count", self.tok)
            label = phrase.label
        rounding = Interval.point(rule.low)
        quantity = Quantity(rule.low, rounding, rule.apply(rounding), units.dimensionless(), label)
        what = self._descriptor()
        if not self.embedded and not self.at_end():
            raise self.leftover()
        source = self.text[self.toks[start_pos].start : self.toks[self.pos - 1].end]
        return Reading(source if self.embedded else self.text, quantity, label or "",
                       f"a vague count: {rule.low} at least, {rule.high} at most",
                       hedge, (), what)

    def _precision_here(
        self, num: Token, value: Decimal
    ) -> tuple[Decimal, Decimal, Decimal, str]:
        """(central, low, high, how) before scaling; ``how`` has a {scale} slot."""
        digits = num.text.replace(",", "").replace("_", "")
        step = _step(digits)
        half = step / 2
        mantissa = digits.lower().partition("e")[0]
        zeros = "." not in mantissa and mantissa.rstrip("0") != mantissa and value != 0
        how = f"±{_fmt_decimal(half)}{{scale}} " + (
            "(trailing zeros read as rounding)" if zeros else "(last significant digit)")
        if self.tok.text in _RANGE_WORDS and not (self.embedded and self.tok.text != "to"):
            nxt = self.ahead()
            if nxt.kind is Kind.SYM and nxt.text != "%":
                nxt = self.ahead(2)
            if nxt.kind is Kind.NUM:
                self.take()
                if self.tok.kind is Kind.SYM:
                    self.take()
                upper = Decimal(self.take().text.replace(",", "").replace("_", ""))
                if upper < value:
                    raise self.error("figure-syntax", "a range must go from low to high", num)
                return (value + upper) / 2, value, upper, "a stated range"
        if self.tok.text == "±" and self.ahead().kind is Kind.NUM:
            self.take()
            tol = Decimal(self.take().text.replace(",", "").replace("_", ""))
            return value, value - tol, value + tol, f"±{_fmt_decimal(tol)}{{scale}} (stated)"
        return value, value - half, value + half, how

    def _scale(self, has_currency: bool) -> int:
        t = self.tok
        if t.kind is not Kind.WORD:
            return 0
        word = t.lower
        if not t.spaced and word in ATTACHED_SCALES:
            if word == "m" and not has_currency and not self._unit_word_follows():
                raise self.error("ambiguous-unit", "'m' after a number is ambiguous", t,
                                 hint="write 'million' or 'metres'")
            self.take()
            return ATTACHED_SCALES[word]
        if word in SCALES:
            self.take()
            return SCALES[word]
        return 0

    # -- currencies -----------------------------------------------------------------------
    # -- units ----------------------------------------------------------------------------
    def _compound_or_unit(self) -> UnitPhrase | None:
        t, nxt = self.tok, self.ahead()
        if t.text == "-" and not t.spaced and nxt.kind is Kind.WORD and not nxt.spaced:
            self.take()  # "10,000-ton cargo ship": a compound adjective
            phrase = self.unit_phrase(required=True)
            if not self.embedded and self.tok.kind is Kind.WORD:
                start = self.tok.start
                self.pos = len(self.toks) - 1
                self._what = self.text[start:].strip()
            while self.embedded and self.tok.kind is Kind.WORD and units.is_count(self.tok.text):
                self.take()  # "10,000-ton cargo ship" inside an expression: the noun it names
            return phrase
        return self.unit_phrase(required=False)

    def _descriptor(self) -> str | None:
        """'of coal' after the unit: kept as a label. A rate that ends the text ('of coal
        a year') still belongs to the unit, so it is read into ``self.rate``."""
        if self._what:
            return self._what
        if (self.embedded or self.tok.lower not in DESCRIPTOR_WORDS
                or self.ahead().kind is Kind.END):
            return None
        start = self.ahead().start
        end_pos = len(self.toks) - 1
        for j in range(self.pos + 2, end_pos):
            tok = self.toks[j]
            if tok.lower not in _PER and tok.lower not in RATE_WORDS_LOWER:
                continue
            self.pos = j
            try:
                rate, notes = self._rates(units.dimensionless(), [])
            except ClaimcheckError:
                continue
            if self.at_end() and not units.is_dimensionless(rate):
                self.rate, self.rate_notes = rate, notes
                return self.text[start : tok.start].strip()
        self.pos = end_pos
        return self.text[start:].strip()

    def _override(self, precision: str, central: Fraction, unit: units.Unit,
                  scale: Decimal) -> tuple[Interval, str]:
        words = precision.strip().lower()
        if words == "exact":
            return Interval.point(central), "exact (precision: exact)"
        if words == "digits":
            # every written digit is significant: 10,000 -> ±0.5
            num = next(t for t in self.toks if t.kind is Kind.NUM)
            frac = num.text.split(".")[1] if "." in num.text else ""
            half = Fraction(Decimal(1).scaleb(-len(frac)) * scale / 2)
            return (Interval(central - half, central + half),
                    f"±{_fmt_decimal(Decimal(half.numerator) / half.denominator)} "
                    "(every digit significant)")
        tol = read_figure(precision.lstrip("±+/- ").strip(), self.ctx)
        tq = tol.quantity
        if units.format_unit(tq.unit) == "%" and units.format_unit(unit) != "%":
            t = abs(central) * tq.central / 100  # "± 5%": relative to the figure
            return Interval(central - t, central + t), f"±{tol.text} of the figure (precision)"
        if not units.is_dimensionless(tq.unit):
            tq = tq.to(unit, "the precision")
        t = tq.central
        return Interval(central - t, central + t), f"±{tol.text} (precision: stated)"




def read_figure(text: str, ctx: ReadContext, precision: str | None = None) -> Reading:
    """Read a whole stated figure (``stated:`` or ``value:`` in a claim file)."""
    stripped = text.strip()
    period = read_period(stripped)
    if period is not None:
        q = Quantity.exact(Fraction(period.days), units.pint_unit("day"))
        return Reading(text, q, "days", "exact (a calendar period)", notes=(period.note,),
                       period=period)
    if _MONTH_WORD.search(stripped) and not any(ch.isdigit() for ch in stripped.split()[0]):
        raise TextError("figure-syntax", "not a period claimcheck can read", 0, len(text),
                        hint="write a period as 'January to August 2019', earliest month "
                             "first, or 'March 2020'")
    tokens = tokenize(text, grouping=True)
    if tokens[0].kind is Kind.END:
        raise TextError("figure-syntax", "the figure is empty", 0, 1,
                        hint="write it as the report states it, e.g. 'about 3.7 million tons'")
    return _Reader(text, tokens, ctx, embedded=False).read(precision)


def read_literal(text: str, tokens: list[Token], pos: int, ctx: ReadContext) -> tuple[Reading, int]:
    """Read a quantity literal inside an expression; returns it and the next token index."""
    reader = _Reader(text, tokens, ctx, embedded=True, pos=pos)
    reading = reader.read()
    return reading, reader.pos
