"""The hedge table: words that change what a stated figure allows.

Each hedge turns the figure's rounding interval into a hedged interval.  The table is
data (documented in the README) and a claim file may override any entry under
``hedges:``.  Phrases are matched longest first, case-insensitively.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from .intervals import INF, Interval


class HedgeKind(StrEnum):
    APPROXIMATE = "approximate"  # about 70: widened on both sides
    BELOW = "below"              # nearly 70: widened downwards only
    AT_LEAST = "at_least"        # at least / more than 70: no upper limit
    AT_MOST = "at_most"          # up to / less than 70: no lower limit (0 for amounts)
    EXACT = "exact"              # exactly 70: no rounding allowance at all
    MULTIPLIER = "multiplier"    # several (times): a vague count between low and high


@dataclass(frozen=True)
class HedgeRule:
    kind: HedgeKind
    widen: Fraction = Fraction(0)  # relative widening for APPROXIMATE / BELOW
    low: Fraction = Fraction(0)    # MULTIPLIER range
    high: Fraction = Fraction(0)

    @property
    def is_bound(self) -> bool:
        """A one-sided hedge states an inequality, not a value with a margin."""
        return self.kind in (HedgeKind.AT_LEAST, HedgeKind.AT_MOST)

    def describe(self) -> str:
        pct = f"{float(self.widen * 100):g}%"
        return {
            HedgeKind.APPROXIMATE: f"±{pct} beyond rounding",
            HedgeKind.BELOW: f"up to {pct} below",
            HedgeKind.AT_LEAST: "no upper limit",
            HedgeKind.AT_MOST: "no lower limit",
            HedgeKind.EXACT: "no rounding allowance",
            HedgeKind.MULTIPLIER: f"a count from {self.low} to {self.high}",
        }[self.kind]

    def apply(self, rounding: Interval) -> Interval:
        lo, hi = rounding.lo, rounding.hi
        w = self.widen
        if self.kind is HedgeKind.APPROXIMATE:
            return Interval(lo - w * abs(lo), hi + w * abs(hi))  # type: ignore[operator]
        if self.kind is HedgeKind.BELOW:
            return Interval(lo - w * abs(lo), hi)  # type: ignore[operator]
        if self.kind is HedgeKind.AT_LEAST:
            return Interval(lo, INF)
        if self.kind is HedgeKind.AT_MOST:
            return Interval(Fraction(0) if lo >= 0 else -INF, hi)
        if self.kind is HedgeKind.MULTIPLIER:
            return Interval(self.low, self.high)
        return rounding


_TEN = Fraction(1, 10)
_APPROX = HedgeRule(HedgeKind.APPROXIMATE, widen=_TEN)
_BELOW = HedgeRule(HedgeKind.BELOW, widen=_TEN)
_AT_LEAST = HedgeRule(HedgeKind.AT_LEAST)
_AT_MOST = HedgeRule(HedgeKind.AT_MOST)

DEFAULT_HEDGES: dict[str, HedgeRule] = {
    **dict.fromkeys(
        ("about", "around", "approximately", "approx", "roughly", "some", "an estimated",
         "estimated", "an approximate", "close to", "circa", "in the region of"),
        _APPROX),
    **dict.fromkeys(("nearly", "almost", "just under", "just short of", "not quite"), _BELOW),
    **dict.fromkeys(
        ("at least", "no less than", "no fewer than", "more than", "over", "exceed", "exceeds",
         "exceeded", "exceeding", "in excess of", "upwards of", "above", "greater than",
         "a minimum of"), _AT_LEAST),
    **dict.fromkeys(
        ("up to", "at most", "no more than", "less than", "fewer than", "under", "below",
         "a maximum of", "as many as", "as much as"), _AT_MOST),
    **dict.fromkeys(("exactly", "precisely", "exact"), HedgeRule(HedgeKind.EXACT)),
    **dict.fromkeys(("several", "several times"),
                    HedgeRule(HedgeKind.MULTIPLIER, low=Fraction(3), high=Fraction(7))),
}

MAX_HEDGE_WORDS = 4


@dataclass(frozen=True)
class Hedge:
    """A hedge as it appears in one figure: the words as written and the rule they invoke."""

    words: str
    rule: HedgeRule


def match_hedge(words: list[str], table: Mapping[str, HedgeRule]) -> tuple[str, HedgeRule] | None:
    """The longest table phrase that ``words`` (lower-case) start with."""
    for n in range(min(MAX_HEDGE_WORDS, len(words)), 0, -1):
        phrase = " ".join(words[:n])
        if phrase in table:
            return phrase, table[phrase]
    return None
