"""Numbers written as words: "two", "nineteen", "twenty-five", "dozens", "a third",
"one in five", "twice", "triple", "three-fold", "three times more than".

Exact words are exact.  Vague words ("dozens", "hundreds") are ranges, like "several".
Fractions ("a third") are read as if rounded to the nearest 5 percentage points.
"N times more than" is ambiguous (N times as much, or N + 1 times): the reading keeps
both, and a check says which one the figures support.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .intervals import Interval

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
                 "tenth": 10, "tenths": 10}
#: multiplying words -> factor
MULTIPLES: dict[str, Fraction] = {
    "twice": Fraction(2), "double": Fraction(2), "doubled": Fraction(2),
    "triple": Fraction(3), "tripled": Fraction(3), "treble": Fraction(3),
    "trebled": Fraction(3), "quadruple": Fraction(4), "quadrupled": Fraction(4),
    "halve": Fraction(1, 2), "halved": Fraction(1, 2)}
FRACTION_ALLOWANCE = Fraction(5, 2)  # percentage points either side of "a third"


@dataclass(frozen=True)
class WordNumber:
    central: Fraction
    rounding: Interval
    hedged: Interval
    percent: bool          # a fraction: shown in %
    label: str | None      # "times" for multiples
    how: str               # the precision, in words
    consumed: int          # how many tokens were read
    alternative: Fraction | None = None  # "3 times more than": also 4 times


def _exact(value: Fraction, how: str, consumed: int, label: str | None = None,
           percent: bool = False) -> WordNumber:
    point = Interval.point(value)
    return WordNumber(value, point, point, percent, label, how, consumed)


def _fraction(numerator: int, denominator: int, consumed: int, words: str) -> WordNumber:
    value = Fraction(100 * numerator, denominator)
    rounding = Interval(value - FRACTION_ALLOWANCE, value + FRACTION_ALLOWANCE)
    return WordNumber(value, rounding, rounding, True, None,
                      f"'{words}' read to the nearest 5 points", consumed)


def _card(word: str) -> int | None:
    if word in CARDINALS:
        return CARDINALS[word]
    return int(word) if word.isdigit() and len(word) <= 6 else None


#: "three times more than": the comparative that makes "N times" ambiguous
COMPARATIVES = frozenset({"more", "higher", "larger", "greater", "bigger", "longer", "heavier",
                          "richer", "faster"})


def read_words(words: list[str], raw: list[str]) -> WordNumber | None:
    """A number written in words at the start of ``words`` (lower-case tokens; ``raw``
    the same tokens as written, so that 'twenty-five' and 'one-in-five' can be seen)."""
    if not words:
        return None
    w = words[0]
    two = " ".join(words[:2]) if len(words) > 1 else ""
    three = " ".join(words[:3]) if len(words) > 2 else ""
    for phrase, n in ((three, 3), (two, 2), (w, 1)):
        if phrase in VAGUE:
            low, high = VAGUE[phrase]
            point = Interval.point(Fraction(low))
            return WordNumber(Fraction(low), point, Interval(Fraction(low), Fraction(high)),
                              False, None, f"a vague count: {low} at least, {high} at most", n)
    # "one in five", "1 in 4"
    if len(words) >= 3 and words[1] == "in" and _card(w) is not None and _card(words[2]):
        num, den = _card(w), _card(words[2])
        assert num is not None and den is not None
        return _fraction(num, den, 3, f"{w} in {words[2]}")
    # "a third", "two-thirds", "three quarters", "half"
    if w in ("a", "an", "one") and len(words) > 1 and words[1] in _DENOMINATORS:
        return _fraction(1, _DENOMINATORS[words[1]], 2, two)
    if w == "half":
        return _fraction(1, 2, 1, w)
    if w in CARDINALS and len(words) > 2 and words[1] == "-" and words[2] in _DENOMINATORS:
        return _fraction(CARDINALS[w], _DENOMINATORS[words[2]], 3, f"{w}-{words[2]}")
    if w in CARDINALS and len(words) > 1 and words[1] in _DENOMINATORS and CARDINALS[w] > 1:
        return _fraction(CARDINALS[w], _DENOMINATORS[words[1]], 2, two)
    if w in CARDINALS and len(words) > 1 and words[1] == "dozen":  # "two dozen schools"
        return _exact(Fraction(12 * CARDINALS[w]), "a number in words: exact", 2)
    if w in MULTIPLES:
        return _exact(MULTIPLES[w], f"'{w}': exactly {MULTIPLES[w]} times", 1, "times")
    # "twenty-five", "twenty five"
    if w in _TENS and len(words) > 2 and words[1] == "-" and words[2] in _ONES[1:10]:
        value = Fraction(_TENS[w] + _ONES.index(words[2]))
        return _exact(value, "a number in words: exact", 3)
    if w in CARDINALS or (len(words) > 1 and two in CARDINALS):
        n = 2 if len(words) > 1 and two in CARDINALS else 1
        value = Fraction(CARDINALS[two if n == 2 else w])
        return _exact(value, "a number in words: exact", n)
    del raw
    return None
