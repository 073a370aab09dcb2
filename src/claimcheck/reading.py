"""Number reading: a figure as a report states it -> value, precision interval, unit, hedge.

"about 3.7 million tons" reads as 3.7e6 t, rounding [3.65e6, 3.75e6] (half a unit of
the last significant digit), hedged ±10% beyond that, with a note that 'tons' was read
as metric tonnes.  The same reader serves quantity literals inside expressions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from . import units
from .diagnostics import ClaimcheckError
from .hedges import DEFAULT_HEDGES, Hedge, HedgeKind, HedgeRule, match_hedge
from .intervals import Interval
from .lexer import Kind, TextError, Token, tokenize
from .periods import Period, read_period
from .quantity import Quantity

SCALES = {"thousand": 3, "million": 6, "mn": 6, "mln": 6, "billion": 9, "bn": 9, "trillion": 12}
ATTACHED_SCALES = {"k": 3, "m": 6, "bn": 9, "mn": 6, "b": 9, "tn": 12}
_SCALE_NAMES = {3: "thousand", 6: "million", 9: "billion", 12: "trillion"}
_RANGE_WORDS = ("to", "-", "–", "—")
_PER = ("per", "/", "a", "an")
_ARTICLES = ("a", "an", "the")


@dataclass(frozen=True)
class ReadContext:
    conventions: Mapping[str, str] = field(default_factory=dict)
    counts: frozenset[str] = frozenset()
    hedges: Mapping[str, HedgeRule] = field(default_factory=lambda: DEFAULT_HEDGES)
    reserved: frozenset[str] = frozenset()  # names in scope: never read as units


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


@dataclass(frozen=True)
class UnitPhrase:
    unit: units.Unit
    label: str | None
    notes: tuple[str, ...]


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


class _Reader:
    def __init__(self, text: str, tokens: list[Token], ctx: ReadContext, *, embedded: bool,
                 pos: int = 0) -> None:
        self.text, self.toks, self.ctx, self.embedded, self.pos = text, tokens, ctx, embedded, pos
        self.notes: list[str] = []
        self._what: str | None = None  # descriptor after a compound adjective

    # -- token helpers ------------------------------------------------------------------
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
        currency = self._currency_prefix()
        if hedge and hedge.rule.kind is HedgeKind.MULTIPLIER and self.tok.kind is not Kind.NUM:
            return self._multiplier(hedge, start_pos)
        if self.tok.kind is not Kind.NUM:
            what = "a number" if hedge or currency else "a figure such as 'about 3.7 million tons'"
            raise self.error("figure-syntax", f"expected {what}, found "
                             f"{self.tok.text or 'the end of the text'!r}", self.tok)
        num_tok = self.take()
        value = Decimal(num_tok.text.replace(",", "").replace("_", ""))
        value, low, high, how = self._precision_here(num_tok, value)
        exp = self._scale(currency is not None)
        scale = Decimal(1).scaleb(exp)
        how = how.format(scale=f" {_SCALE_NAMES[exp]}" if exp else "")
        if self._percent():
            unit_phrase: UnitPhrase | None = UnitPhrase(units.pint_unit("percent"), None, ())
        else:
            unit_phrase = self._compound_or_unit()
        currency = currency or self._currency_suffix()
        descriptor = self._descriptor()
        if not self.embedded and not self.at_end():
            raise self._leftover()
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
        central = Fraction(value * scale)
        rounding = Interval(Fraction(low * scale), Fraction(high * scale))
        if precision is not None:
            rounding, how = self._override(precision, central, unit, scale)
        if hedge and hedge.rule.kind is HedgeKind.EXACT:
            rounding, how = Interval.point(central), f"exact ('{hedge.words}')"
        hedged = hedge.rule.apply(rounding) if hedge else rounding
        quantity = Quantity(central, rounding, hedged, unit, label)
        plain = (hedge is None and currency is None and unit_phrase is None and exp == 0)
        source = self.text[self.toks[start_pos].start : self.toks[self.pos - 1].end]
        return Reading(source if self.embedded else self.text, quantity,
                       units.format_unit(unit, label), how, hedge, tuple(self.notes), descriptor,
                       plain=plain)

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
        elif label is None and self.tok.kind is Kind.WORD and self.tok.lower != "of":
            phrase = self.unit_phrase(required=True)  # "several ships"
            if phrase is None or phrase.label is None:
                raise self.error("figure-syntax", f"'{hedge.words}' counts things; "
                                 f"'{self.toks[self.pos - 1].text}' is not a count", self.tok)
            label = phrase.label
        rounding = Interval.point(rule.low)
        quantity = Quantity(rule.low, rounding, rule.apply(rounding), units.dimensionless(), label)
        what = self._descriptor()
        if not self.embedded and not self.at_end():
            raise self._leftover()
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
            if word == "m" and not has_currency:
                raise self.error("ambiguous-unit", "'m' after a number is ambiguous", t,
                                 hint="write 'million' or 'metres'")
            self.take()
            return ATTACHED_SCALES[word]
        if word in SCALES:
            self.take()
            return SCALES[word]
        return 0

    def _percent(self) -> bool:
        if self.tok.text == "%":
            self.take()
            return True
        word = self.tok.lower
        if word == "percent" or (word == "per" and self.ahead().lower == "cent"):
            self.pos += 1 if word == "percent" else 2
            return True
        return False

    # -- currencies -----------------------------------------------------------------------
    def _currency_prefix(self) -> units.ResolvedUnit | None:
        t = self.tok
        if t.kind is Kind.SYM and t.text != "%":
            self.take()
            return units.currency_for_symbol(t.text, self.ctx.conventions)
        nxt = self.ahead()
        if t.kind is Kind.WORD and nxt.text == "$" and not nxt.spaced:
            symbol = t.text.upper() + "$"
            if symbol in units.SYMBOL_CURRENCIES:
                self.pos += 2
                return units.currency_for_symbol(symbol, self.ctx.conventions)
        if (t.kind is Kind.WORD and t.text in units.CURRENCIES and nxt.kind is Kind.NUM
                and t.text not in self.ctx.reserved):
            self.take()
            return units.ResolvedUnit(units.pint_unit(t.text))
        return None

    def _currency_suffix(self) -> units.ResolvedUnit | None:
        t = self.tok
        if t.kind is Kind.WORD and t.text in units.CURRENCIES and t.text not in self.ctx.reserved:
            self.take()
            return units.ResolvedUnit(units.pint_unit(t.text))
        return None

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
            return phrase
        return self.unit_phrase(required=False)

    def _resolve(self, words: str, tok: Token) -> units.ResolvedUnit | None:
        try:
            return units.resolve_word(words, self.ctx.conventions, self.ctx.counts)
        except ClaimcheckError as err:
            raise self.error(err.diagnostic.code, err.diagnostic.message, tok,
                             err.diagnostic.hint) from None

    def _term(self) -> units.ResolvedUnit | None:
        t = self.tok
        if t.kind is Kind.SYM and t.text == "%":
            self.take()
            return units.ResolvedUnit(units.pint_unit("percent"))
        if t.kind is not Kind.WORD or t.text in self.ctx.reserved or t.lower in _PER:
            return None
        nxt = self.ahead()
        if nxt.kind is Kind.WORD and nxt.text not in self.ctx.reserved:
            two = self._resolve(f"{t.text} {nxt.text}", t) if (
                f"{t.lower} {nxt.lower}".rstrip("s") in _TWO_WORD_UNITS) else None
            if two is not None:
                self.pos += 2
                return two
        found = self._resolve(t.text, t)
        if found is not None:
            self.take()
        return found

    def unit_phrase(self, *, required: bool) -> UnitPhrase | None:
        first_tok = self.tok
        term = self._term()
        if term is None and first_tok.lower in _PER and not (
                self.embedded and first_tok.text == "/"):
            save = self.pos
            self.take()
            denominator = self._term()
            if denominator is not None:  # "$100 a ton": a rate with nothing above the line
                rate, rate_notes = self._rates(units.dimensionless() / denominator.unit,
                                               [denominator.note] if denominator.note else [])
                return UnitPhrase(rate, None, tuple(rate_notes))
            self.pos = save
        if term is None:
            if required or (not self.embedded and first_tok.kind is Kind.WORD
                            and first_tok.lower not in ("of", *_PER)):
                raise self._unknown_unit(first_tok)
            return None
        unit, unit_notes = self._rates(term.unit, [term.note] if term.note else [])
        return UnitPhrase(unit, term.label, tuple(unit_notes))

    def _rates(self, unit: units.Unit, notes: list[str]) -> tuple[units.Unit, list[str]]:
        """'per year', 'a day', '/t', 'annual' after a unit: divide by each."""
        while True:
            t = self.tok
            if t.lower in RATE_WORDS_LOWER:
                self.take()
                unit = unit / units.pint_unit(units.RATE_WORDS[t.lower])
                continue
            is_per = t.lower in _PER and not (self.embedded and t.text == "/")
            if not is_per or self.ahead().kind not in (Kind.WORD, Kind.SYM):
                break
            save = self.pos
            self.take()
            denominator = self._term()
            if denominator is None:
                self.pos = save
                break
            unit = unit / denominator.unit
            if denominator.note:
                notes.append(denominator.note)
        return unit, notes

    def _descriptor(self) -> str | None:
        if self._what:
            return self._what
        if not self.embedded and self.tok.lower == "of" and self.ahead().kind is not Kind.END:
            start = self.ahead().start
            self.pos = len(self.toks) - 1
            return self.text[start:].strip()
        return None

    def _unknown_unit(self, tok: Token) -> TextError:
        if tok.kind is not Kind.WORD:
            return self.error("figure-syntax", f"unexpected {tok.text!r}", tok)
        return self.error("unknown-unit", f"unknown unit '{tok.text}'", tok,
                          units.unknown_unit_hint(tok.text, self.ctx.counts))

    def _leftover(self) -> TextError:
        t = self.tok
        if t.kind is Kind.WORD:
            return self._unknown_unit(t)
        hint = None
        if t.text == "," and self.ahead().kind is Kind.NUM:
            hint = "write decimals with a point (3.7, not 3,7)"
        return self.error("figure-syntax", f"unexpected {t.text!r} after the figure", t, hint)

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


_TWO_WORD_UNITS = {"metric ton", "metric tonne", "short ton", "long ton", "oil barrel",
                   "per cent"}
RATE_WORDS_LOWER = frozenset(units.RATE_WORDS)


def read_figure(text: str, ctx: ReadContext, precision: str | None = None) -> Reading:
    """Read a whole stated figure (``stated:`` or ``value:`` in a claim file)."""
    stripped = text.strip()
    period = read_period(stripped)
    if period is not None:
        q = Quantity.exact(Fraction(period.days), units.pint_unit("day"))
        return Reading(text, q, "days", "exact (a calendar period)", notes=(period.note,),
                       period=period)
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


def read_unit(text: str, ctx: ReadContext) -> UnitPhrase:
    """A unit as written in ``unit:`` or after ``in``: 'USD/tonne', 'voyages per day', '%'."""
    tokens = tokenize(text, grouping=False)
    reader = _Reader(text, tokens, ctx, embedded=False)
    phrase = read_unit_tokens(reader)
    if reader.tok.kind is not Kind.END:
        raise reader._leftover()
    return phrase


def read_unit_tokens(reader: _Reader) -> UnitPhrase:
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
        nxt = reader.unit_phrase(required=True)
        assert nxt is not None
        unit = unit * nxt.unit if op == "*" else unit / nxt.unit
        notes.extend(nxt.notes)
    if reader.tok.text in ("^", "**") and reader.ahead().kind is Kind.NUM:
        reader.take()
        unit = unit ** int(reader.take().text)
    return UnitPhrase(unit, label, tuple(notes))
