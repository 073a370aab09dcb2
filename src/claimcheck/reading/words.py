"""Numbers written as words: "two", "nineteen", "twenty-five", "dozens", "a third",
"one in five", "twice", "triple", "three-fold", "three times more than".

A number word reads like the digits it stands for ("three hours" like "3 hours"); a
multiplying word like a round multiple ("doubled" is 2.0 times: 1.95 to 2.05); vague words
("dozens") are ranges, like "several".  A fraction or "1 in N" reaches halfway to the
neighbouring fractions a writer could have chosen instead (``fraction_interval``), so it
never leaves 0 to 100% and "a quarter" does not overlap "a third".
"N times more than" is ambiguous (N times as much, or N + 1 times): the reading keeps
both, and a check says which one the figures support.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from functools import cache

from ..quantities.intervals import Interval
from .precision import of_number, plain_digits

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
CARDINALS: dict[str, int] = {w: i for i, w in enumerate(_ONES)} | _TENS | {
    "a dozen": 12, "a hundred": 100, "one hundred": 100, "a thousand": 1000,
    "one thousand": 1000}
#: vague counts: (least, most); the central value is the least
VAGUE: dict[str, tuple[int, int]] = {
    "a couple of": (2, 2), "a few": (2, 5), "dozens of": (24, 99), "dozens": (24, 99),
    "scores of": (40, 199), "hundreds of": (200, 999), "hundreds": (200, 999),
    "thousands of": (2000, 9999), "thousands": (2000, 9999)}
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                 "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
                 "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9,
                 "ninths": 9, "tenth": 10, "tenths": 10}
#: multiplying words -> (the factor's digits, whether the word divides by it)
MULTIPLES: dict[str, tuple[str, bool]] = {
    "twice": ("2", False), "double": ("2", False), "doubled": ("2", False),
    "triple": ("3", False), "tripled": ("3", False), "treble": ("3", False),
    "trebled": ("3", False), "quadruple": ("4", False), "quadrupled": ("4", False),
    "twofold": ("2", False), "threefold": ("3", False), "fourfold": ("4", False),
    "fivefold": ("5", False), "tenfold": ("10", False), "hundredfold": ("100", False),
    "halve": ("2", True), "halved": ("2", True)}
_FREQUENCY = {"once": "1", "twice": "2", "thrice": "3"}
#: the largest denominator of the fractions a writer puts in words (halves to tenths)
SIMPLE_DENOMINATOR = 10


class WordKind(StrEnum):
    CARDINAL = "cardinal"   # "three", "a hundred", "two dozen"
    MULTIPLE = "multiple"   # "twice", "tripled", "halved"
    FRACTION = "fraction"   # "a third", "two-thirds", "one in five", "1 in 4,000"
    VAGUE = "vague"         # "dozens of", "a few"


@dataclass(frozen=True, kw_only=True)
class WordNumber:
    kind: WordKind
    consumed: int                    # how many tokens were read
    words: str                       # as read, lower-case
    digits: str = ""                 # CARDINAL, MULTIPLE: the digits it stands for
    inverse: bool = False            # MULTIPLE: "halved" divides by its factor
    share: tuple[int, int] = (0, 1)  # FRACTION: numerator, denominator
    share_digits: str = ""           # FRACTION: the denominator as written ("4000")
    low: int = 0                     # VAGUE: least and most
    high: int = 0


@cache
def _simple_fractions() -> tuple[Fraction, ...]:
    """Every fraction in [0, 1] with a denominator up to ten, and 1/11: below "a tenth"
    the "1 in N" idiom goes on ("one in 11", "one in 12"), so a tenth's neighbour there is
    1/11, not 0 (which would let 6% be "a tenth").  Above "nine in ten" writers say
    "almost all", not "ten in eleven": its neighbour is 1, and it reaches 95%."""
    found = {Fraction(p, q) for q in range(1, SIMPLE_DENOMINATOR + 1) for p in range(q + 1)}
    return tuple(sorted(found | {Fraction(1, 11)}))


def fraction_interval(numerator: int, denominator: int,
                      denominator_digits: str = "") -> tuple[Interval, str]:
    """The share a fraction allows, in percent, and how it was decided.

    A simple fraction ("a quarter", "one in four") covers the values closer to it than to
    any other fraction with a denominator up to ten: "a quarter" is 23.6% to 26.8%, "a
    third" 31.7% to 35.4%.  "1 in N" with a larger N reads N as a number as written (rule
    of two significant figures): "1 in 4,000" is 1 in 3,950 to 4,050."""
    value = Fraction(numerator, denominator)
    if denominator <= SIMPLE_DENOMINATOR and 0 <= value <= 1:
        simple = _simple_fractions()
        i = simple.index(value)
        lo = (simple[i - 1] + value) / 2 if i > 0 else value
        hi = (simple[i + 1] + value) / 2 if i + 1 < len(simple) else value
        return (Interval(lo * 100, hi * 100),
                "halfway to the neighbouring simple fractions (denominators up to 10)")
    if numerator > 1 and denominator >= 100 and str(denominator).rstrip("0") == "1":
        # "27 in 100", "15 in 1,000": a count over a round base, as "per 100,000" is; the
        # count was rounded, not the base (one in N with N rounded is the idiom below)
        lo, hi = (Fraction(100) * (numerator + k) / denominator for k in (Fraction(-1, 2),
                                                                         Fraction(1, 2)))
        return (Interval(max(lo, Fraction(0)), min(hi, Fraction(100))),
                f"{numerator} in {denominator:,}: the count ±0.5 over a round base")
    rounding = of_number(denominator_digits or str(denominator))
    lo_n, hi_n = denominator - rounding.half, denominator + rounding.half
    hi = Fraction(100 * numerator) / lo_n
    if numerator <= denominator:
        hi = min(hi, Fraction(100))  # "11 in 11" is at most all of them
    return (Interval(Fraction(100 * numerator) / hi_n, hi),
            f"{numerator} in {denominator:,} {rounding.how.replace('(', '(the denominator: ')}")


def _card(word: str) -> tuple[int, str] | None:
    """A cardinal word or a whole number in digits, with the digits as written."""
    if word in CARDINALS:
        return CARDINALS[word], str(CARDINALS[word])
    digits = plain_digits(word)
    if digits.isdecimal() and digits.isascii() and len(digits) <= 9:
        return int(digits), digits
    return None


SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
#: "1 in 4", "nine out of ten" are the idiom of a share; "3,144 out of 10,069" is two counts
MAX_RATIO_NUMERATOR = 100
_PARTS = {"half": "5", "quarter": "25"}


def _ratio(words: list[str]) -> WordNumber | None:
    """'one in five', '1 in every 4,000', '9-in-10', 'nine out of ten', '1/500th'."""
    shapes = ((("in",), 1), (("in", "every"), 2), (("-", "in", "-"), 3), (("out", "of"), 2),
              (("out", "of", "every"), 3), (("/",), 1))
    for middle, n in sorted(shapes, key=lambda s: -s[1]):
        if tuple(words[1 : 1 + n]) != middle or len(words) < n + 2:
            continue
        num = _card(words[0])
        den, den_words = (_card(words[n + 1]), 1) if middle == ("/",) else _denominator(
            words[n + 1 :])
        if num is None or den is None or den[0] == 0 or num[0] >= MAX_RATIO_NUMERATOR or (
                middle == ("/",) and not (
                words[0].isdecimal() and words[n + 1].isdecimal())):
            continue
        consumed = n + 1 + den_words
        if middle == ("/",) and len(words) > consumed and words[consumed] in (
                "th", "rd", "nd", "st"):
            consumed += 1  # "1/500th"
        text = re.sub(r" (th|rd|nd|st)$", r"\1",
                      " ".join(words[:consumed]).replace(" - ", "-").replace(" / ", "/"))
        return WordNumber(kind=WordKind.FRACTION, consumed=consumed, words=text,
                          share=(num[0], den[0]), share_digits=den[1])
    return None


_SCALE_POWERS = {"hundred": 2, "thousand": 3, "million": 6, "billion": 9, "trillion": 12}


def _denominator(words: list[str]) -> tuple[tuple[int, str] | None, int]:
    """The N of '1 in N' and how many words it took: '4,000', 'five', 'a million',
    'a hundred', '10 million', '2.5 million'; its digits carry the scale as an exponent,
    so that its rounding is the number's as written."""
    if len(words) > 1 and words[0] == "a" and words[1] in _SCALE_POWERS:
        power = _SCALE_POWERS[words[1]]
        return (10 ** power, f"1e{power}"), 2
    if len(words) > 1 and words[1] in _SCALE_POWERS:
        digits = plain_digits(words[0])
        try:
            value = Fraction(digits) * 10 ** _SCALE_POWERS[words[1]]
        except (ValueError, ZeroDivisionError):
            return None, 0
        if digits.isascii() and value.denominator == 1 and 0 < value < 10 ** 15:
            return (int(value), f"{digits}e{_SCALE_POWERS[words[1]]}"), 2
        return None, 0
    return _card(words[0]) if words else None, 1


def _and_a_part(words: list[str]) -> WordNumber | None:
    """'three and a half' (3.5), 'six-and-a-half', 'two and a quarter' (2.25)."""
    spaced = words[1:3] == ["and", "a"] and len(words) > 3
    hyphened = words[1:6] == ["-", "and", "-", "a", "-"] and len(words) > 6
    if words[0] not in CARDINALS or not (spaced or hyphened):
        return None
    part = words[3] if spaced else words[6]
    if part not in _PARTS:
        return None
    consumed = 4 if spaced else 7
    return WordNumber(kind=WordKind.CARDINAL, consumed=consumed,
                      words=" ".join(words[:consumed]).replace(" - ", "-"),
                      digits=f"{CARDINALS[words[0]]}.{_PARTS[part]}")


#: "three times more than": the comparative that makes "N times" ambiguous
COMPARATIVES = frozenset({"more", "higher", "larger", "greater", "bigger", "longer", "heavier",
                          "richer", "faster"})


_POINT_WORDS = ("point", "points", "percentage", "pp", "basis")


def _part_of_a_point(words: list[str]) -> WordNumber | None:
    """'a quarter-point', 'a half point', 'half a percentage point', 'a quarter of a
    point', 'three-quarters of a point': a fraction of a point is a number of points
    (0.25), not a share (25%) less a point.  The point word is left for the unit."""
    for fraction in (words[1:], words):  # "a quarter ...", "half ..."
        found = None if not fraction else _fraction_word(fraction)
        if found is None:
            continue
        skip = len(words) - len(fraction) + found.consumed
        rest = words[skip:]
        for glue in (["-"], ["of", "a"], ["a"], []):
            if rest[: len(glue)] == glue and len(rest) > len(glue) and (
                    rest[len(glue)] in _POINT_WORDS):
                num, den = found.share
                value = Fraction(num, den)
                digits = f"{float(value):g}"
                return WordNumber(kind=WordKind.CARDINAL, consumed=skip + len(glue),
                                  words=" ".join(words[: skip + len(glue)]).replace(" - ", "-"),
                                  digits=digits)
    return None


def _fraction_word(words: list[str]) -> WordNumber | None:
    """'quarter', 'half', 'three-quarters', 'two thirds' at the start of ``words``."""
    w = words[0]
    if w in _DENOMINATORS:
        return WordNumber(kind=WordKind.FRACTION, consumed=1, words=w,
                          share=(1, _DENOMINATORS[w]))
    if w in CARDINALS and len(words) > 2 and words[1] == "-" and words[2] in _DENOMINATORS:
        return WordNumber(kind=WordKind.FRACTION, consumed=3, words=f"{w}-{words[2]}",
                          share=(CARDINALS[w], _DENOMINATORS[words[2]]))
    return None


def read_words(words: list[str]) -> WordNumber | None:
    """A number written in words at the start of ``words`` (lower-case tokens; numbers as
    their text, so that '1 in 4,000' can be read)."""
    if not words:
        return None
    if words[0] in ("a", "half", *_DENOMINATORS, *CARDINALS):
        point = _part_of_a_point(words)
        if point is not None:
            return point
    if words[0] in _FREQUENCY and len(words) > 1 and words[1] in ("a", "an", "per", "every",
                                                                  "each"):
        # "once a year", "twice a week": a count of events per period, not a multiple
        return WordNumber(kind=WordKind.CARDINAL, consumed=1, words=words[0],
                          digits=_FREQUENCY[words[0]])
    w = words[0]
    two = " ".join(words[:2]) if len(words) > 1 else ""
    three = " ".join(words[:3]) if len(words) > 2 else ""
    for phrase, n in ((three, 3), (two, 2), (w, 1)):
        if phrase in VAGUE:
            low, high = VAGUE[phrase]
            return WordNumber(kind=WordKind.VAGUE, consumed=n, words=phrase, low=low, high=high)
    # "one in five", "1 in 4,000", "one in every six", "9-in-10", "nine out of ten", "1/3"
    ratio = _ratio(words)
    if ratio is not None:
        return ratio
    # "a million", "half a million": a scale word follows, and reads the number
    if w == "a" and len(words) > 1 and words[1] in SCALE_WORDS:
        return WordNumber(kind=WordKind.CARDINAL, consumed=1, words=two, digits="1")
    if w == "half" and len(words) > 2 and words[1] == "a" and words[2] in SCALE_WORDS:
        return WordNumber(kind=WordKind.CARDINAL, consumed=2, words=three, digits="0.5")
    # "three and a half", "six-and-a-half"
    joined = _and_a_part(words)
    if joined is not None:
        return joined
    # "a third", "two-thirds", "three quarters", "half"
    if w in ("a", "an", "one") and len(words) > 1 and words[1] in _DENOMINATORS:
        return WordNumber(kind=WordKind.FRACTION, consumed=2, words=two,
                          share=(1, _DENOMINATORS[words[1]]))
    if w == "half":
        return WordNumber(kind=WordKind.FRACTION, consumed=1, words=w, share=(1, 2))
    if w in CARDINALS and len(words) > 2 and words[1] == "-" and words[2] in _DENOMINATORS:
        return WordNumber(kind=WordKind.FRACTION, consumed=3, words=f"{w}-{words[2]}",
                          share=(CARDINALS[w], _DENOMINATORS[words[2]]))
    if w in CARDINALS and len(words) > 1 and words[1] in _DENOMINATORS and CARDINALS[w] > 1:
        return WordNumber(kind=WordKind.FRACTION, consumed=2, words=two,
                          share=(CARDINALS[w], _DENOMINATORS[words[1]]))
    if w in CARDINALS and len(words) > 1 and words[1] == "dozen":  # "two dozen schools"
        return WordNumber(kind=WordKind.CARDINAL, consumed=2, words=two,
                          digits=str(12 * CARDINALS[w]))
    if w in MULTIPLES:
        digits, inverse = MULTIPLES[w]
        return WordNumber(kind=WordKind.MULTIPLE, consumed=1, words=w, digits=digits,
                          inverse=inverse)
    # "twenty-five", "twenty five"
    if w in _TENS and len(words) > 2 and words[1] == "-" and words[2] in _ONES[1:10]:
        return WordNumber(kind=WordKind.CARDINAL, consumed=3, words=f"{w}-{words[2]}",
                          digits=str(_TENS[w] + _ONES.index(words[2])))
    if len(words) > 1 and two in CARDINALS:
        return WordNumber(kind=WordKind.CARDINAL, consumed=2, words=two,
                          digits=str(CARDINALS[two]))
    if w in CARDINALS:
        return WordNumber(kind=WordKind.CARDINAL, consumed=1, words=w, digits=str(CARDINALS[w]))
    return None
