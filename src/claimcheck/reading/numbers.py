"""The number inside a figure, before its unit: digits, a range, words, a fraction, a
multiple or a vague count, and the rounding each of them allows.

``NumberReader`` reads the tokens into a ``NumberPart``; ``whole_figure`` turns a part
into a central value and a rounding interval once the scale word is known ("1 million"
has six trailing zeros).  The rules themselves are in precision.py (digits) and words.py
(fractions).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from fractions import Fraction

from ..diagnostics import ClaimcheckError
from ..quantities import units
from ..quantities.intervals import Interval
from .cursor import ReadContext
from .lexer import Kind, Token
from .precision import Mode, of_number, plain_digits, scaled_text
from .unit_phrases import UnitReader
from .words import WordKind, fraction_interval, read_words

_RANGE_WORDS = ("to", "-", "–", "—")
_REPEATABLE_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "bn",
                                "mn", "lakh", "crore"})
#: exponents beyond this are no newsroom figure (and would make exact arithmetic crawl)
MAX_EXPONENT = 100
PERCENT_CAP = 5


class PartKind(StrEnum):
    DIGITS = "digits"        # 3.7, 10,000, 2.5e6
    RANGE = "range"          # 7.2 to 7.6: each end a number as written
    TOLERANCE = "tolerance"  # 3.7 ± 0.1
    CARDINAL = "cardinal"    # three, a hundred: read like their digits
    MULTIPLE = "multiple"    # twice, tripled, halved: a round multiple
    FRACTION = "fraction"    # a third, one in five, 1 in 4,000
    VAGUE = "vague"          # dozens of, a few


@dataclass(frozen=True, kw_only=True)
class NumberPart:
    kind: PartKind
    digits: str = ""           # the number as written, without grouping
    upper: str = ""            # RANGE: the upper end as written
    tolerance: str = ""        # TOLERANCE: the stated margin
    inverse: bool = False      # MULTIPLE: "halved" divides by its factor
    share: tuple[int, int] = (0, 1)
    share_digits: str = ""
    low: int = 0               # VAGUE
    high: int = 0
    words: str = ""


Override = Callable[[str, Fraction, units.Unit], tuple[Interval, str]]


@dataclass(frozen=True, kw_only=True)
class Figure:
    central: Fraction
    rounding: Interval
    how: str
    coarse: Interval | None = None  # the one-significant-figure reading, where it differs
    overridden: bool = False        # ``precision:`` gave the rounding ('exact', a margin)


def _scaled(x: Decimal | Fraction, exp: int) -> Fraction:
    return Fraction(x) * Fraction(10) ** exp


def _mode(choice: str | None) -> Mode:
    return Mode(choice.strip().lower()) if choice and choice.strip().lower() in {
        m.value for m in Mode} else Mode.TWO_FIGURES


def whole_figure(part: NumberPart, exp: int, scale_word: str, *, multiple: bool,
                 choice: str | None, override: Override, unit: units.Unit) -> Figure:
    """(central, rounding, how, coarse rounding) of a part at scale 10**exp.

    ``choice`` is the ``precision:`` of the figure (or of the file): a Mode, 'exact', or a
    margin that ``override`` reads."""
    mode = _mode(choice)
    coarse: Interval | None = None
    if part.kind is PartKind.FRACTION:
        num, den = part.share
        central = Fraction(100 * num, den)
        rounding, how = fraction_interval(num, den, part.share_digits)
        how = f"'{part.words}': {how}"
    elif part.kind is PartKind.VAGUE:  # "a few hundred": 200 to 500
        central = _scaled(Decimal(part.low), exp)
        rounding = Interval.point(central)
        how = (f"a vague count: {scaled_text(central, 0, '')} at least, "
               f"{scaled_text(_scaled(Decimal(part.high), exp), 0, '')} at most")
    elif part.kind is PartKind.RANGE:
        lo_r = of_number(part.digits, exp, scale_word=scale_word, mode=mode)
        hi_r = of_number(part.upper, exp, scale_word=scale_word, mode=mode)
        lo, hi = _scaled(Decimal(part.digits), exp), _scaled(Decimal(part.upper), exp)
        central = (lo + hi) / 2
        rounding = Interval(lo - lo_r.half, hi + hi_r.half)
        ends = [f"±{scaled_text(r.half, exp, scale_word)}" if r.half else "exact"
                for r in (lo_r, hi_r)]
        how = ("a stated range, each end as written ("
               + (f"{ends[0]} and {ends[1]})" if ends[0] != ends[1] else f"{ends[0]})"))
    elif part.kind is PartKind.TOLERANCE:
        central = _scaled(Decimal(part.digits), exp)
        tol = _scaled(Decimal(part.tolerance), exp)
        rounding = Interval(central - tol, central + tol)
        how = f"±{scaled_text(tol, exp, scale_word)} (stated)"
    else:
        factor = _scaled(Decimal(part.digits), exp)
        r = of_number(part.digits, exp, scale_word=scale_word,
                      multiple=multiple or part.kind is PartKind.MULTIPLE, mode=mode)
        rounding = Interval(factor - r.half, factor + r.half)
        how = r.how
        if r.coarse_half is not None:
            coarse = Interval(factor - r.coarse_half, factor + r.coarse_half)
        central = factor
        if part.inverse:  # "halved": divided by 2.0, so as precise as "doubled"
            central = 1 / factor
            rounding = Interval(1 / rounding.hi, 1 / rounding.lo)
            coarse = None if coarse is None or coarse.lo <= 0 else Interval(
                1 / coarse.hi, 1 / coarse.lo)
            how = f"'{part.words}': divided by 2 read to two significant figures"
        elif part.kind is PartKind.CARDINAL:
            # 'a hundred' is 100 (its scale is in the words); 'three' of 'three million' is 3
            like = part.digits if scale_word else scaled_text(factor, exp, "")
            how = f"'{part.words}' read like '{like}': {how}"
        elif part.kind is PartKind.MULTIPLE:
            how = f"'{part.words}' read like '{part.digits} times': {how}"
    words = (choice or "").strip().lower()
    if words == "exact":
        return Figure(central=central, rounding=Interval.point(central),
                      how="exact (precision: exact)", overridden=True)
    if choice is not None and words not in {m.value for m in Mode}:
        rounding, how = override(choice, central, unit)
        return Figure(central=central, rounding=rounding, how=how, overridden=True)
    return Figure(central=central, rounding=rounding, how=how,
                  coarse=coarse if mode is Mode.TWO_FIGURES else None)


def percent_cap(part: NumberPart, central: Fraction, rounding: Interval, how: str,
                coarse: Interval | None) -> tuple[Interval, str, Interval | None]:
    """A percentage read from digits is never rounder than 5 points: "1000%" is not
    950% to 1,050%."""
    if part.kind not in (PartKind.DIGITS, PartKind.CARDINAL):
        return rounding, how, coarse
    cap = Interval(central - PERCENT_CAP, central + PERCENT_CAP)
    if coarse is not None and coarse.width > 2 * PERCENT_CAP:
        coarse = cap
    if rounding.width > 2 * PERCENT_CAP:
        return cap, f"±{PERCENT_CAP} (a percentage: never rounder than {PERCENT_CAP} points)", \
            coarse
    return rounding, how, coarse


def snap_count(central: Fraction, rounding: Interval, how: str,
               label: str | None) -> tuple[Interval, str]:
    """A count of discrete things stays whole: "12 warehouses" is 12, not 11.5 to 12.5."""
    if central.denominator != 1:
        return rounding, how
    lo, hi = math.ceil(rounding.lo), math.floor(rounding.hi)
    if (lo, hi) == (rounding.lo, rounding.hi):
        return rounding, how
    return (Interval(Fraction(lo), Fraction(hi)),
            f"{how}; whole {label}: {lo:,} to {hi:,}" if how else how)


def article_before_unit(toks: list[Token], pos: int, ctx: ReadContext) -> bool:
    """'a decade', 'an hour': an article where a number would be, before a unit word
    (not a name in scope, not a count noun: 'a ship' is no figure)."""
    t, nxt = toks[pos], toks[min(pos + 1, len(toks) - 1)]
    if t.lower not in ("a", "an") or nxt.kind is not Kind.WORD or nxt.text in ctx.reserved:
        return False
    try:
        found = units.resolve_word(nxt.text, ctx.conventions, ctx.counts)
    except ClaimcheckError:
        return False
    return found is not None and found.label is None


class NumberReader(UnitReader):
    """The number half of a figure: digits, ranges, tolerances and words."""

    def word_part(self) -> NumberPart | None:
        """'two rivers', 'a third', 'one in five', 'twice', 'dozens of ships'."""
        t = self.tok
        ordinal = self.ahead(3).lower in ("th", "rd", "nd", "st") and not self.ahead(3).spaced
        numeric_ratio = t.kind is Kind.NUM and (
            self.ahead().lower in ("in", "out", "-") or (
                self.ahead().text == "/" and (not self.embedded or ordinal)
                and not self.ahead().spaced))  # "1/500th" is a share even in an expression
        if t.kind is not Kind.WORD and not numeric_ratio:
            return None
        toks = [x for x in self.toks[self.pos : self.pos + 7] if x.kind is not Kind.END]
        found = read_words([x.lower if x.kind is Kind.WORD else x.text for x in toks])
        if found is None and article_before_unit(self.toks, self.pos, self.ctx):
            self.take()  # "a decade", "an hour", "a tonne": one of it, read like "one"
            return NumberPart(kind=PartKind.CARDINAL, digits="1", words=t.lower)
        if found is None:
            return None
        self.pos += found.consumed
        if found.kind is WordKind.CARDINAL and (self.tok.lower == "to" or (
                self.tok.text == "-" and not self.embedded and not self.tok.spaced)) and (
                self.ahead().kind is Kind.WORD):
            upper = read_words([self.ahead().lower])  # "two to three million tonnes"
            if upper is not None and upper.kind is WordKind.CARDINAL and Decimal(
                    upper.digits) > Decimal(found.digits):
                self.pos += 2
                return NumberPart(kind=PartKind.RANGE, digits=found.digits,
                                  upper=upper.digits, words=f"{found.words} to {upper.words}")
        kind = {WordKind.CARDINAL: PartKind.CARDINAL, WordKind.MULTIPLE: PartKind.MULTIPLE,
                WordKind.FRACTION: PartKind.FRACTION, WordKind.VAGUE: PartKind.VAGUE}[found.kind]
        return NumberPart(kind=kind, digits=found.digits, inverse=found.inverse,
                          share=found.share, share_digits=found.share_digits, low=found.low,
                          high=found.high, words=found.words)

    def digit_part(self, after_prefix: bool, negative: bool = False) -> NumberPart:
        """A number in digits; with ``negative``, a minus was read before it, which for a
        range belongs to the lower end only ('-2 to 3%')."""
        between = self.tok.lower == "between" and self.ahead().kind is Kind.NUM
        if between:  # "between 2 and 3 million tonnes"
            self.take()
        if self.tok.kind is not Kind.NUM:
            raise self._not_a_number(after_prefix)
        num_tok = self.take()
        digits = plain_digits(num_tok.text)
        self._check_range(digits, num_tok)
        self._skip_repeated_unit(("and",) if between else _RANGE_WORDS)
        if between and self.tok.lower == "and" and self.ahead().kind is Kind.NUM:
            self.take()
            upper_tok = self.take()
            upper = plain_digits(upper_tok.text)
            self._check_range(upper, upper_tok)
            if Decimal(upper) < Decimal(digits):
                raise self.error("figure-syntax", "a range must go from low to high", num_tok)
            return NumberPart(kind=PartKind.RANGE, digits=("-" if negative else "") + digits,
                              upper=upper)
        if self.tok.text in _RANGE_WORDS and not (self.embedded and self.tok.text != "to"):
            nxt = self.ahead()
            below_zero = nxt.text == "-" and self.tok.text == "to"  # "-3 to -1 t"
            if below_zero:
                nxt = self.ahead(2)
            repeated = (nxt.kind is Kind.SYM and nxt.text not in ("%", "-")) or (
                nxt.kind is Kind.WORD and units.currency_word(nxt.text, {}) is not None)
            if repeated:
                nxt = self.ahead(3 if below_zero else 2)
            if nxt.kind is Kind.NUM:
                self.take()
                if below_zero:
                    self.take()
                if repeated:  # "$2 to $3 million", "Rs3,600 to Rs4,200"
                    self.take()
                upper_tok = self.take()
                upper = ("-" if below_zero else "") + plain_digits(upper_tok.text)
                self._check_range(upper, upper_tok)
                low = ("-" if negative else "") + digits
                if Decimal(upper) < Decimal(low):
                    raise self.error("figure-syntax", "a range must go from low to high",
                                     num_tok)
                return NumberPart(kind=PartKind.RANGE, digits=low, upper=upper)
        if self.tok.text == "±" and self.ahead().kind is Kind.NUM:
            self.take()
            tol_tok = self.take()
            tolerance = plain_digits(tol_tok.text)
            self._check_range(tolerance, tol_tok)
            return NumberPart(kind=PartKind.TOLERANCE, digits=digits, tolerance=tolerance)
        return NumberPart(kind=PartKind.DIGITS, digits=digits)

    def _skip_repeated_unit(self, joins: tuple[str, ...]) -> None:
        """'10% to 20%', '2 million to 3 million tonnes': a range that repeats its sign
        or scale word on the lower end, read as '10 to 20%', '2 to 3 million tonnes'."""
        t, word, nxt, again = self.tok, self.ahead(), self.ahead(2), self.ahead(3)
        if word.lower in joins and nxt.kind is Kind.NUM and t.lower == again.lower and (
                t.text == "%" or (t.kind is Kind.WORD and t.lower in _REPEATABLE_SCALES)) and (
                not self.embedded or word.text in ("to", "and")):
            self.take()

    def _check_range(self, digits: str, tok: object) -> None:
        try:
            value = Decimal(digits)
        except InvalidOperation:
            raise self.error("figure-syntax", f"{digits!r} is not a number",
                             tok) from None  # type: ignore[arg-type]
        exponent = int(digits.lower().partition("e")[2] or 0) if "e" in digits.lower() else 0
        if abs(exponent) > MAX_EXPONENT or (value != 0 and not (
                -MAX_EXPONENT <= value.adjusted() <= MAX_EXPONENT)) or len(digits) > 120:
            raise self.error("out-of-range", f"{digits} is outside what claimcheck computes "
                             "with (10^-100 to 10^100)", tok,  # type: ignore[arg-type]
                             "check the figure's exponent")

    def _not_a_number(self, after_prefix: bool) -> Exception:
        from ..diagnostics import did_you_mean

        what = "a number" if after_prefix else "a figure such as 'about 3.7 million tons'"
        hint = None
        if self.tok.text.upper() == "TODO":
            hint = "replace TODO with the figure exactly as the report writes it"
        elif self.tok.kind is Kind.WORD and not after_prefix:
            hint = did_you_mean(self.tok.lower, self.ctx.hedges)
            hint = f"{hint} (a hedge word)" if hint else None
        return self.error("figure-syntax", f"expected {what}, found "
                          f"{self.tok.text or 'the end of the text'!r}", self.tok, hint)
