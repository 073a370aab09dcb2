"""How precise a number is as written: half the step of its last significant digit.

Digits after a decimal point are significant as written: "3.7" is ±0.05, "3.70" ±0.005.
A whole number's trailing zeros are significant down to its second significant figure
("two figures", the default): "10,000" is ±500, "70" ±0.5, "1 million" ±50,000, "370" ±5.
Reporters round to two figures far more often than to one, and reading "10,000 tons" as
anything from 5,000 to 15,000 would let almost any claim that divides by it pass.  The
coarser one-figure reading is kept beside it, so that a verdict that depends on the choice
can say so.  A number with one significant digit and no zeros ("3 hours") is ±0.5: its
units digit is its last; a round multiple ("3 times", "doubled") is read to two figures.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction


class Mode(StrEnum):
    """How trailing zeros of whole numbers are read (``precision:`` in a claim file)."""

    TWO_FIGURES = "two-figures"  # the default: significant down to the second figure
    ONE_FIGURE = "one-figure"    # read as rounding down to the first figure
    DIGITS = "digits"            # every written digit is significant


MODES = tuple(m.value for m in Mode)


@dataclass(frozen=True, kw_only=True)
class Rounding:
    """Half a step of the last significant digit, in the figure's own units (scaled)."""

    half: Fraction
    how: str                        # in words, for explain: "±500 (two significant figures)"
    coarse_half: Fraction | None = None  # the one-figure reading, where it differs


def ascii_digits(text: str) -> str:
    """'٣٧٠' -> '370': any script's decimal digits, so that the same rules apply."""
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() and not c.isascii() else c
                   for c in text)


def plain_digits(token: str) -> str:
    """A number token without grouping: '10,000' -> '10000', '1_000' -> '1000'."""
    return "".join(c for c in ascii_digits(token) if c not in ",_ \u2009\u202f\xa0")


def scaled_text(value: Fraction, scale: int, scale_word: str) -> str:
    """'0.05 million' for 50,000 at scale 6; '500' at scale 0."""
    shown = value / Fraction(10) ** scale if scale_word else value
    d = Decimal(shown.numerator) / Decimal(shown.denominator)
    text = f"{d.normalize():f}"
    whole, _, frac = text.partition(".")
    whole = f"{int(whole):,}" if whole.lstrip("-").isdigit() else whole
    text = f"{whole}.{frac}" if frac else whole
    return f"{text} {scale_word}" if scale_word else text


def of_number(digits: str, scale: int = 0, *, scale_word: str = "", multiple: bool = False,
              mode: Mode = Mode.TWO_FIGURES) -> Rounding:
    """The rounding of a number written as ``digits`` (no grouping; may carry an exponent),
    times 10**``scale`` from a scale word ("million")."""
    mantissa, _, exponent = digits.lower().lstrip("-").partition("e")
    power = int(exponent or 0) + scale
    if "." in mantissa or mode is Mode.DIGITS:
        decimals = len(mantissa.partition(".")[2])
        half = Fraction(10) ** (power - decimals) / 2
        why = "every digit significant" if mode is Mode.DIGITS and "." not in mantissa else (
            "last significant digit")
        return Rounding(half=half, how=f"±{scaled_text(half, scale, scale_word)} ({why})")
    significant = mantissa.lstrip("0")
    if not significant:  # a whole zero ("0 deaths", "0 to 1 million") is exact
        return Rounding(half=Fraction(0), how="exact (zero)")
    zeros = len(significant) - len(significant.rstrip("0")) + power  # scale words add zeros
    figures = len(significant.rstrip("0"))
    coarse = Fraction(10) ** zeros / 2
    if figures >= 2 or (zeros <= 0 and not multiple):
        return Rounding(half=coarse, how=f"±{scaled_text(coarse, scale, scale_word)} "
                                         "(last significant digit)")
    # one significant figure: "10,000", "70", "1 million", "doubled"
    two = Fraction(10) ** (zeros - 1) / 2
    if mode is Mode.ONE_FIGURE and (zeros > 0 or multiple):
        return Rounding(half=coarse, how=f"±{scaled_text(coarse, scale, scale_word)} "
                                         "(precision: one-figure: trailing zeros as rounding)")
    what = "a round multiple" if multiple and zeros <= 0 else "a round number"
    return Rounding(
        half=two,
        how=f"±{scaled_text(two, scale, scale_word)} ({what}: read to two significant figures)",
        coarse_half=coarse if zeros > 0 or multiple else None)
