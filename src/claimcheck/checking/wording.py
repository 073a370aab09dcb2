"""The closest honest wording for a recomputed figure, at the report's own precision:
'about 76%', 'roughly three-quarters'."""

from __future__ import annotations

import re
from fractions import Fraction

from ..quantities import formatting as fmt
from .report import CheckResult

FRACTIONS = (("half", Fraction(50)), ("a third", Fraction(100, 3)),
             ("two-thirds", Fraction(200, 3)), ("a quarter", Fraction(25)),
             ("three-quarters", Fraction(75)), ("a fifth", Fraction(20)),
             ("two-fifths", Fraction(40)), ("three-fifths", Fraction(60)),
             ("four-fifths", Fraction(80)), ("a tenth", Fraction(10)),
             ("nine-tenths", Fraction(90)))
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def significant_digits(text: str | None) -> int:
    """Significant digits of the first number written in ``text`` ('70%' -> 2)."""
    found = _NUMBER.search(text or "")
    if found is None:
        return 2
    digits = found.group().replace(",", "").replace(".", "").lstrip("0")
    return max(1, len(digits))


def honest_wordings(check: CheckResult) -> tuple[str, ...]:
    """Wordings a reporter could use for the recomputed value instead of the stated one."""
    computed = check.computed
    if computed is None:
        return ()
    digits = significant_digits(check.stated_text)
    size = fmt.with_unit(fmt.number(abs(computed.central), digits), computed.unit)
    # a fall is worded as one: "down about 6%", not "about -6%"
    words = [f"down about {size}" if computed.central < 0 else f"about {size}"]
    if computed.unit == "%":
        close = sorted((abs(value - computed.central), phrase) for phrase, value in FRACTIONS
                       if computed.rounding.contains(value))
        words.extend(f"roughly {phrase}" for _, phrase in close[:1])
    return tuple(words)
