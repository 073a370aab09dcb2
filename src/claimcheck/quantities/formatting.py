"""Numbers as a newsroom writes them: "3.7 million", "10,000", "75.7%", "USD 100/t".

Rounding for display must never hide an inconsistency, so callers that show several
numbers together ask ``digits_for`` for enough significant digits to keep distinct
values distinct.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

from .intervals import Bound, Interval, Region

_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"),
           (Decimal(10) ** 6, "million"))
DEFAULT_DIGITS = 3
#: from here on numbers are shown in scientific notation: a thousand trillion
_HUGE = Decimal(10) ** 15
MAX_DIGITS = 15


def _round_exact(x: Fraction, digits: int, mode: str) -> tuple[int, int]:
    """``x`` rounded to ``digits`` significant digits, exactly, as ``q * 10**-shift``:
    integer arithmetic only (no Decimal contexts: this runs some thirty times a check),
    and exact however close ``x`` lies to a rounding boundary."""
    n, d = abs(x.numerator), x.denominator
    e = len(str(n)) - len(str(d))  # floor(log10 |x|), or one more
    if (n < d * 10**e) if e >= 0 else (n * 10**-e < d):
        e -= 1
    shift = digits - 1 - e
    num, den = (x.numerator * 10**shift, d) if shift >= 0 else (x.numerator, d * 10**-shift)
    q, r = divmod(num, den)  # floor: 0 <= r < den, for negative values too
    if mode == "up":
        q += r != 0
    elif mode == "nearest" and (2 * r > den or (2 * r == den and q % 2)):
        q += 1  # half to even
    return q, shift


def _rounded(x: Fraction, digits: int, mode: str = "nearest") -> Decimal:
    """The rounded value as a Decimal with exactly ``digits`` digits ('1.20')."""
    q, shift = _round_exact(x, digits, mode)
    return Decimal(q).scaleb(-shift)


def _plain(d: Decimal, exact: bool) -> str:
    text = f"{d:f}"
    if "." in text and exact:
        text = text.rstrip("0").rstrip(".")  # 2.50 -> 2.5 only when 2.5 is the value
    sign = "-" if text.startswith("-") else ""
    whole, _, frac = text.lstrip("-").partition(".")
    whole = f"{int(whole):,}"
    return sign + (f"{whole}.{frac}" if frac else whole)


_TINY = Fraction(1, 10**6)


def number(x: Bound, digits: int = DEFAULT_DIGITS, mode: str = "nearest",
           keep_zeros: bool = False) -> str:
    """``x`` to ``digits`` significant digits, with scale words from a million up.

    ``mode`` "down"/"up" rounds a lower/upper bound outwards, so a shown interval always
    contains the true one.  Trailing zeros stay when they are not exact: 1.0014 is
    "1.00", 1 is "1" (and "1.00" with ``keep_zeros``, for a figure whose precision the
    zeros state)."""
    if isinstance(x, float):
        return "∞" if x > 0 else "-∞"
    if type(x) is not Fraction:
        x = Fraction(x)
    if not x:
        return "0"
    rounded = _rounded(x, digits, mode)
    if abs(x) < _TINY or abs(rounded) >= _HUGE:
        # "1.23e-07", "1.27e+32": read back as written ('1,000 trillion trillion' is not)
        return f"{rounded:.{digits - 1}e}"
    for size, word in _SCALES:
        if abs(rounded) >= size:
            scaled = x / int(size)
            shown = _rounded(scaled, digits, mode)
            return f"{_plain(shown, shown == scaled and not keep_zeros)} {word}"
    return _plain(rounded, rounded == x and not keep_zeros)


def shown_value(x: Bound, digits: int = DEFAULT_DIGITS, mode: str = "nearest") -> Bound:
    """The value ``number(x, digits, mode)`` shows, as a reader parsing it back gets it."""
    if isinstance(x, float):
        return x
    q, shift = _round_exact(Fraction(x), digits, mode)
    return Fraction(q, 10**shift) if shift >= 0 else Fraction(q * 10**-shift)


def shown_interval(iv: Interval, digits: int = DEFAULT_DIGITS) -> Interval:
    """The interval ``interval(iv, ..., digits)`` shows: its ends rounded outwards (one
    value, rounded to nearest, when it is a point)."""
    if iv.lo == iv.hi:
        return Interval.point(Fraction(shown_value(iv.lo, digits)))
    return Interval(shown_value(iv.lo, digits, "down"), shown_value(iv.hi, digits, "up"))


def shown_region(r: Region, digits: int = DEFAULT_DIGITS) -> Region:
    """The region ``region(r, ..., digits)`` shows."""
    return Region(shown_value(r.lo, digits), shown_value(r.hi, digits), r.lo_open, r.hi_open)


EXACT_DIGITS = 6


def _exact_digits(x: Fraction, limit: int = EXACT_DIGITS) -> int | None:
    """Significant digits that show ``x`` exactly, when there are few enough (a value
    whose decimals never end has none)."""
    n, d = abs(x.numerator), x.denominator
    twos = (d & -d).bit_length() - 1
    rest, fives = d >> twos, 0
    while rest % 5 == 0:
        rest, fives = rest // 5, fives + 1
    if rest != 1:
        return None
    q = n * 10 ** max(twos, fives) // d
    while q and q % 10 == 0:
        q //= 10
    digits = len(str(q))
    return digits if digits <= limit else None


def exact_value_digits(x: Bound) -> int:
    """Digits for a value that is exact (no rounding, no hedge): all of them when it ends
    within MAX_DIGITS ('exactly 1 mile' is 1,609.344 m, not 1,610 m); else the default
    (12/23 as 52.2%: read back, 52.15% to 52.25% holds it)."""
    if isinstance(x, float) or x == 0:
        return DEFAULT_DIGITS
    return _exact_digits(Fraction(x), MAX_DIGITS) or DEFAULT_DIGITS


def digits_for(values: Iterable[Bound], at_least: int = DEFAULT_DIGITS) -> int:
    """Significant digits (>= at_least) that show short values exactly (1,245, not 1,240)
    and keep distinct values distinct."""
    finite = sorted({v for v in values if not isinstance(v, float)})
    exact = [n for v in finite if (n := _exact_digits(v)) is not None]
    at_least = max([at_least, *exact])
    for digits in range(at_least, MAX_DIGITS + 1):
        # compared as the values a reader parses back: "10.0" and "10.00" are one value
        if len({_shown_key(v, digits) for v in finite}) == len(finite):
            return digits
    return MAX_DIGITS


def _shown_key(x: Fraction, digits: int) -> tuple[int, int]:
    """``shown_value(x, digits)`` as a normalised (integer, power of ten) pair."""
    q, shift = _round_exact(x, digits, "nearest")
    while q and q % 10 == 0:
        q, shift = q // 10, shift - 1
    return q, shift


def with_unit(text: str, unit: str) -> str:
    if not unit:
        return text
    if unit.startswith("%"):
        return f"{text}{unit}"
    return f"{text} {unit}"


def interval(iv: Interval, unit: str, digits: int = DEFAULT_DIGITS) -> str:
    """'65% to 75%', 'at least 0.5 million t', 'at most 45 USD/t', or one value."""
    lo, hi = iv.lo, iv.hi
    if lo == hi:
        return with_unit(number(lo, digits), unit)
    low, high = number(lo, digits, "down"), number(hi, digits, "up")
    if isinstance(hi, float):
        if isinstance(lo, float):
            return "any value"
        return f"at least {with_unit(low, unit)}"
    if isinstance(lo, float):
        return f"at most {with_unit(high, unit)}"
    return f"{with_unit(low, unit)} to {with_unit(high, unit)}"


def region(r: Region, unit: str, digits: int = DEFAULT_DIGITS) -> str:
    """'more than 80%', '1 million t or more', 'less than 5%', '3 to 9 times'."""
    lo_end = isinstance(r.lo, float)
    hi_end = isinstance(r.hi, float)
    if lo_end and hi_end:
        return "any value"
    if hi_end:
        low = with_unit(number(r.lo, digits), unit)
        return f"more than {low}" if r.lo_open else f"{low} or more"
    high = with_unit(number(r.hi, digits), unit)
    if lo_end:
        return f"less than {high}" if r.hi_open else f"{high} or less"
    low = with_unit(number(r.lo, digits), unit)
    if r.lo == r.hi:
        return low
    if r.lo_open:
        return f"more than {low}, up to {high}" + (" (not included)" if r.hi_open else "")
    return f"{low} to {'less than ' if r.hi_open else ''}{high}"


def plural(n: int, word: str) -> str:
    """'1 file', '2 files'."""
    return f"{n} {word}{'' if n == 1 else 's'}"
