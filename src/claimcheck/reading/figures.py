"""Number reading: a figure as a report states it -> value, precision interval, unit, hedge.

"about 3.7 million tons" reads as 3.7e6 t, rounding [3.65e6, 3.75e6] (half a unit of
the last significant digit), hedged ±10% beyond that, with a note that 'tons' was read
as metric tonnes.  Every way of writing the number (digits, a range, words, a fraction,
a multiple, a vague count) yields a ``NumberPart``; one ``_finish`` then applies the
scale, unit, precision rules, precision override and hedge, so that each rule holds on
every path.  The same reader serves quantity literals inside expressions.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import InvalidOperation
from fractions import Fraction

from ..quantities import unit_math, units
from ..quantities.intervals import Interval, Region
from ..quantities.quantity import Quantity
from .changes import COMPARATIVE_DIRECTIONS, ChangeReader
from .cursor import ReadContext
from .descriptors import DescriptorReader
from .framing import ARTICLES, FramingReader
from .hedges import Hedge, HedgeKind, match_hedge
from .lexer import Kind, TextError, Token, tokenize
from .numbers import NumberPart, NumberReader, PartKind, percent_cap, snap_count, whole_figure
from .periods import read_period
from .precision import Mode
from .readings import (
    Reading,
    directed,
    plain_number,
    spread,
    with_alternative,
    with_changes,
)
from .scales import PLURAL_SCALES, SCALE_NAMES, SCALES, ScaleReader
from .unit_phrases import UnitPhrase
from .words import COMPARATIVES

__all__ = ["ReadContext", "Reading", "UnitPhrase", "read_figure", "read_literal"]

#: comparison signs written before a figure: "> 612.5", "~40%"
_SIGN_HEDGES = {">": "more than", ">=": "at least", "<": "less than", "<=": "at most",
                "~": "about", "≈": "about"}
_MONTH_WORD = re.compile(r"\b(january|february|march|april|may|june|july|august|september|"
                         r"october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|"
                         r"nov|dec)\b\.?(\s|$)", re.I)
_MULTIPLE_LABELS = ("times", "fold")


class _Reader(NumberReader, ChangeReader, FramingReader, ScaleReader, DescriptorReader):
    def __init__(self, text: str, tokens: list[Token], ctx: ReadContext, *, embedded: bool,
                 pos: int = 0) -> None:
        super().__init__(text, tokens, ctx, embedded=embedded, pos=pos)
        self._what: str | None = None  # descriptor after a compound adjective
        self.rate: units.Unit | None = None  # a rate after the descriptor: 'of coal a year'
        self.rate_notes: list[str] = []

    def read_inner(self, text: str) -> Reading:
        return read_figure(text, self.ctx)

    def _source(self, start_pos: int) -> str:
        if not self.embedded:
            return self.text
        return self.text[self.toks[start_pos].start : self.toks[self.pos - 1].end]

    # -- the figure ---------------------------------------------------------------------
    def read(self, precision: str | None = None) -> Reading:
        start_pos = self.pos
        framed = self.tok.text not in self.ctx.reserved and self._framed_of()
        if not framed and self.tok.lower in ARTICLES and self.ahead().kind is Kind.NUM and (
                self.tok.text not in self.ctx.reserved):
            self.take()
        if not framed:
            self._skip_framing()
        hedge = self._hedge()
        change = self.prefix_change()
        if change is not None and change.level:
            self._skip_framing()  # "rose to a record 4.2 million", "fell to a low of 3%"
        if hedge is None:
            hedge = self._hedge()  # "fell more than 5%": the direction, then the hedge
        negative = False
        # "-2.3%", "-5 tonnes": a stated negative figure; in an expression the parser's
        # minus negates what follows, except a range's lower end ("-2 to 3%") and a figure
        # after its hedge ("nearly -5%": the hedge is read already, nothing else can)
        range_ahead = self.ahead().kind is Kind.NUM and self.ahead(2).lower == "to"
        if self.tok.text == "-" and self.ahead().kind in (Kind.NUM, Kind.SYM) and (
                not self.embedded or range_ahead or hedge is not None):
            self.take()
            negative = True
        currency = self._currency_prefix()
        part: NumberPart | None = None
        if hedge and hedge.rule.kind is HedgeKind.MULTIPLIER:
            if self.tok.kind is Kind.NUM:
                return self._times_figure(hedge, start_pos, precision)
            if self.tok.lower not in SCALES or "times" in hedge.words:
                return self._multiplier(hedge, start_pos)
            # "several thousand tonnes": a vague count of thousands, of any unit
            part = NumberPart(kind=PartKind.VAGUE, low=int(hedge.rule.low),
                              high=int(hedge.rule.high), words=hedge.words)
            hedge = None
        part = part or self.word_part() or self.digit_part(
            hedge is not None or currency is not None, negative=negative)
        if part.kind is PartKind.RANGE:
            negative = False  # the sign belongs to the range's lower end, read with it
        exp = 0 if part.kind in (PartKind.FRACTION, PartKind.MULTIPLE) else self._scale(
            currency is not None)
        if part.kind is PartKind.VAGUE and not exp and self.tok.lower in PLURAL_SCALES and (
                self.ahead().lower == "of"):  # "hundreds of thousands of people"
            exp = PLURAL_SCALES[self.tok.lower]
            self.pos += 2
        unit_phrase: UnitPhrase | None = None
        percent = part.kind is PartKind.FRACTION
        if self.embedded:
            self.words_follow_a_number()
        change = self.both_ways(change, self.comparative_before_unit())
        if part.kind is PartKind.FRACTION:
            unit_phrase = UnitPhrase(units.pint_unit("percent"), None, ())
        elif part.kind is PartKind.MULTIPLE:
            unit_phrase = UnitPhrase(units.dimensionless(), "times", ())
        elif self._percent():  # "4% a year" is a rate too
            percent = True
            rate = self._rates(units.pint_unit("percent"), [])
            unit_phrase = UnitPhrase(rate.unit, None, tuple(rate.notes), rate.factor,
                                     rate.every, rate.every_half)
        else:
            unit_phrase = self._compound_or_unit()
        currency = currency or self._currency_suffix()
        more = self._comparative(unit_phrase.label if unit_phrase else None)
        than = None
        if not more:
            after, than = self.postfix_change()
            change = self.both_ways(change, after)
        descriptor = than or self._descriptor()
        if (part.kind is PartKind.FRACTION and descriptor is None and not self.embedded
                and self.tok.kind is Kind.WORD and self.tok.lower not in COMPARATIVE_DIRECTIONS):
            descriptor = self.text[self.tok.start :].strip()  # "one in six U.S. adults"
            self._one_figure(self.pos, len(self.text))
            self.pos = len(self.toks) - 1
        elif part.kind is PartKind.FRACTION and descriptor is None and self.embedded:
            descriptor = self._counted_after_share()  # "== one in three adults"
        self._skip_comparison_period()
        abbreviation = self._restated_abbreviation()
        restated = self._restated_amount(currency, unit_phrase)
        if not self.embedded and not self.at_end():
            raise self.leftover()
        if currency is not None and unit_phrase is not None and unit_math.currencies_in(
                unit_phrase.unit):
            own = unit_math.currencies_in(currency.unit)
            if unit_math.currencies_in(unit_phrase.unit) != own:  # "$5 euros", "$5 per euro"
                raise self.error("figure-syntax", "two currencies in one figure",
                                 self.toks[max(self.pos - 1, 0)],
                                 "keep the one currency the report gives")
            # "$800 billion dollars", "$100 USD/t": the sign and the word name one currency
            k, rest = unit_math.simplify(unit_phrase.unit / currency.unit)
            if k != 1:
                rest = unit_phrase.unit / currency.unit
            unit_phrase = None if unit_math.is_dimensionless(rest) else replace(unit_phrase,
                                                                           unit=rest)
        notes: list[str] = [f"'({abbreviation})' read as the unit's abbreviation"] if (
            abbreviation) else []
        if restated:
            notes.append(f"'({restated})' is the same amount restated: not read")
        unit, label = units.dimensionless(), None
        if currency is not None:
            unit = currency.unit
            if currency.note:
                notes.append(currency.note)
        if unit_phrase is not None:
            unit = unit * unit_phrase.unit
            # "ten-fold" is ten times, shown as "tenfold" and "10 times" are
            label = "times" if unit_phrase.label == "fold" else unit_phrase.label
            notes.extend(unit_phrase.notes)
        if self.rate is not None:
            unit = unit * self.rate
            notes.extend(self.rate_notes)
        reading = self._finish(part, exp, unit, label, hedge, negative, precision,
                               self._source(start_pos), notes, descriptor, percent=percent)
        if unit_phrase is not None and unit_phrase.factor != 1:
            reading = spread(reading, unit_phrase, counted=_small_count(part, exp))
        if change is not None:
            reading = directed(reading, change)
        if more:
            return with_alternative(reading)
        plain = (hedge is None and currency is None and unit_phrase is None and exp == 0
                 and not negative and change is None
                 and part.kind in (PartKind.DIGITS, PartKind.CARDINAL))
        return with_changes(reading, plain=plain)

    def _finish(self, part: NumberPart, exp: int, unit: units.Unit, label: str | None,
                hedge: Hedge | None, negative: bool, precision: str | None, text: str,
                notes: list[str], what: str | None, *, percent: bool) -> Reading:
        """Scale, precision rules, override and hedge: the same for every way of writing."""
        count = (label is not None and label not in _MULTIPLE_LABELS and not percent
                 and unit_math.is_count_label(label) and unit_math.is_pure_count(unit))
        choice = precision if precision is not None else self.ctx.precision
        figure = whole_figure(part, exp, SCALE_NAMES.get(exp, "") if exp != 2 else "",
                              # "3 times a day" counts occurrences: no multiple
                              multiple=label in _MULTIPLE_LABELS
                              and unit_math.is_dimensionless(unit), choice=choice,
                              override=self._override, unit=unit)
        central, rounding, how, coarse = figure.central, figure.rounding, figure.how, figure.coarse
        if percent and not figure.overridden:
            rounding, how, coarse = percent_cap(part, central, rounding, how, coarse)
        if negative:
            central, rounding = -central, -rounding
            coarse = -coarse if coarse is not None else None
        if count and not figure.overridden:
            rounding, how = snap_count(central, rounding, how, label)
            coarse = snap_count(central, coarse, "", label)[0] if coarse is not None else None
        region = None
        if hedge is not None and hedge.rule.kind is HedgeKind.EXACT:
            how = f"exact ('{hedge.words}')"
        if hedge is not None and part.inverse and hedge.rule.kind is HedgeKind.BELOW and (
                rounding.lo > 0):
            # "nearly halved" is divided by nearly 2: the hedge works on the divisor, so
            # the factor widens up from 0.5 towards no change, not down past a halving
            _, by = hedge.rule.read(1 / central, Interval(1 / rounding.hi, 1 / rounding.lo))
            hedged = Interval(1 / by.hi, 1 / by.lo)
        elif hedge is not None:
            rounding, hedged = hedge.rule.read(central, rounding)
            if hedge.rule.states_region:
                region = hedge.rule.region(central)
            if hedge.rule.is_bound:
                how = (f"a bound at the stated number itself ({plain_number(central)}), not "
                       "at the edge of its rounding")
        elif part.kind is PartKind.VAGUE:
            scale = Fraction(10) ** exp  # "a few hundred"
            low, high = part.low * scale, part.high * scale
            hedged = Interval(low, high)
            region = (Region(low, high), Region(low, high))
        else:
            hedged = rounding
        if part.kind is PartKind.FRACTION and 0 <= central <= 100:
            # a share: "about nine in ten" stops at all of them ("11 in 10" is no share)
            hedged = Interval(max(hedged.lo, Fraction(0)), min(hedged.hi, Fraction(100)))
        quantity = Quantity(central, rounding, hedged.hull(rounding), unit, label)
        coarse_q = None
        if coarse is not None and coarse != rounding:
            c_round, c_hedged = (hedge.rule.read(central, coarse) if hedge is not None
                                 else (coarse, coarse))
            if c_round != rounding:
                coarse_q = Quantity(central, c_round, c_hedged.hull(c_round), unit, label)
        return Reading(text=text, quantity=quantity, unit_text=unit_math.format_unit(unit, label),
                       precision=how, hedge=hedge, notes=tuple(dict.fromkeys(notes)), what=what,
                       region=region, coarse=coarse_q)

    def _times_figure(self, hedge: Hedge, start_pos: int, precision: str | None) -> Reading:
        """'several times 500,000 barrels': the figure times the vague multiplier."""
        if "times" not in hedge.words:
            raise self.error("figure-syntax", f"'{hedge.words}' before a number", self.tok,
                             f"write '{hedge.words} times 500,000 barrels' for a multiple, or "
                             "the number alone")
        base = self.read(precision)
        rule, q = hedge.rule, base.quantity
        low, both = Interval.point(rule.low), Interval(rule.low, rule.high)
        quantity = Quantity(q.central * rule.low, q.rounding * low, q.hedged * both, q.unit,
                            q.label)
        lo, hi = q.rounding.lo * rule.low, q.rounding.hi * rule.high
        return Reading(text=self._source(start_pos), quantity=quantity, unit_text=base.unit_text,
                       precision=f"{base.precision}; '{hedge.words}': {rule.low} to "
                                 f"{rule.high} times", hedge=hedge, notes=base.notes,
                       what=base.what, region=(Region(lo, hi), Region(lo, hi)))

    def _multiplier(self, hedge: Hedge, start_pos: int) -> Reading:
        """'several', 'several times', 'several ships': a vague count."""
        rule = hedge.rule
        exp = 0 if "times" in hedge.words else self._scale(False)
        if exp:  # "several hundred ships": 300 to 900 of them
            rule = replace(rule, low=rule.low * 10 ** exp, high=rule.high * 10 ** exp)
            hedge = replace(hedge, rule=rule)
        label = "times" if "times" in hedge.words else None
        if label is None and self.tok.lower == "times":
            label = self.take().text
        elif label is None and self.tok.kind is Kind.WORD and not self.at_descriptor():
            phrase = self.unit_phrase(required=True)  # "several ships"
            if phrase is None or phrase.label is None:
                raise self.error("figure-syntax", f"'{hedge.words}' counts things; "
                                 f"'{self.toks[self.pos - 1].text}' is not a count", self.tok)
            label = phrase.label
        what = self._descriptor()
        if not self.embedded and not self.at_end():
            raise self.leftover()
        rounding, hedged = rule.read(rule.low, Interval.point(rule.low))
        quantity = Quantity(rule.low, rounding, hedged, units.dimensionless(), label)
        return Reading(text=self._source(start_pos), quantity=quantity, unit_text=label or "",
                       precision=f"a vague count: {rule.low} at least, {rule.high} at most",
                       hedge=hedge, what=what, region=rule.region(rule.low))

    def _comparative(self, label: str | None) -> bool:
        """'three times more (than)': consumes the comparative that makes it ambiguous.
        'twice as many (as)' is not ambiguous: it is consumed and read as written."""
        if label in _MULTIPLE_LABELS and self.tok.lower == "as" and (
                self.ahead().kind is Kind.WORD):
            self.pos += 2
            if self.tok.lower == "as":
                self.take()
            return False
        if label not in _MULTIPLE_LABELS or self.tok.lower not in COMPARATIVES:
            return False
        self.take()
        if self.tok.lower == "than":
            self.take()
        return True

    def _hedge(self) -> Hedge | None:
        sign = _SIGN_HEDGES.get(self.tok.text)
        if sign is not None and self.tok.kind is Kind.OP and sign in self.ctx.hedges and (
                self.ahead().kind in (Kind.NUM, Kind.SYM)):
            self.take()  # "> 612.5": the sign reads as its words
            return Hedge(self.toks[self.pos - 1].text, self.ctx.hedges[sign])
        found = match_hedge(self._words_here(), self.ctx.hedges)
        if found is None:
            return None
        words, rule = found
        self.pos += len(words.split())
        return Hedge(words, rule)

    # -- units ----------------------------------------------------------------------------
    def _compound_or_unit(self) -> UnitPhrase | None:
        t, nxt = self.tok, self.ahead()
        if t.lower in COMPARATIVE_DIRECTIONS and (nxt.kind is Kind.END or nxt.lower == "than"):
            return None  # "353 more", "80,000 more than in 1997": a change, no unit
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

    def _override(self, precision: str, central: Fraction, unit: units.Unit) -> tuple[
            Interval, str]:
        """``precision: ± 500`` (or ``± 5%``, ``± 0.5 mi``) on a figure."""
        tol = read_figure(precision.lstrip("±+/- ").strip(), ReadContext(self.ctx.conventions))
        tq = tol.quantity
        if unit_math.is_percent(tq.unit) and not unit_math.is_percent(unit):
            t = abs(central) * tq.central / 100  # "± 5%": relative to the figure
            return Interval(central - t, central + t), f"±{tol.text} of the figure (precision)"
        if not unit_math.is_dimensionless(tq.unit):
            tq = tq.to(unit, "the precision")
        t = tq.central
        return Interval(central - t, central + t), f"±{tol.text} (precision: stated)"


def _small_count(part: NumberPart, exp: int) -> bool:
    """'one', '1', 'three': a whole count of events, exact in 'one every 40 seconds'."""
    return (part.kind in (PartKind.DIGITS, PartKind.CARDINAL) and exp == 0
            and part.digits.isdigit() and 1 <= int(part.digits) <= MAX_EXACT_COUNT)


#: "N every 40 seconds" reads N as an exact count of events up to this many
MAX_EXACT_COUNT = 10


def read_figure(text: str, ctx: ReadContext, precision: str | None = None) -> Reading:
    """Read a whole stated figure (``stated:`` or ``value:`` in a claim file)."""
    stripped = text.strip()
    period = read_period(stripped)
    if period is not None:
        q = Quantity.exact(Fraction(period.days), units.pint_unit("day"))
        return Reading(text=text, quantity=q, unit_text="days",
                       precision="exact (a calendar period)", notes=(period.note,),
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


def starts_framed(text: str, tokens: list[Token], pos: int, ctx: ReadContext) -> bool:
    """Whether a figure in an expression starts at ``pos`` with framing words."""
    return _Reader(text, tokens, ctx, embedded=True, pos=pos).starts_framed()


def check_precision(precision: str) -> str | None:
    """Why a ``precision:`` value cannot be used, or None when it can."""
    words = precision.strip().lower()
    if words in ("exact", *(m.value for m in Mode)):
        return None
    try:
        read_figure(precision.lstrip("±+/- ").strip(), ReadContext())
    except (TextError, InvalidOperation):
        return ("write 'exact', 'two-figures', 'one-figure', 'digits' or a margin such as "
                "'± 500' or '± 5%'")
    return None

