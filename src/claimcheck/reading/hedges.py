"""The hedge table: words that change what a stated figure allows.

A hedge gives a figure two readings.  As an *input* to arithmetic it is a value with a
rounding interval and a hedged interval (``HedgeRule.read``).  On the *stated side* of a
check, a bound or a vague count states a region of values instead of a value with a
margin (``HedgeRule.region``): "more than 80%" is every value above 80, the number itself,
not the edge of its rounding.  The table is data (documented in docs/claim-format.md) and
a claim file may override any entry under ``hedges:``.  Phrases are matched longest first,
case-insensitively.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from ..quantities.intervals import INF, Interval, Region


class HedgeKind(StrEnum):
    APPROXIMATE = "approximate"  # about 70: widened on both sides
    BELOW = "below"              # nearly 70: widened towards zero only
    MORE_THAN = "more_than"      # more than / over 70: above 70, not 70 itself
    AT_LEAST = "at_least"        # at least / no less than 70: 70 or more
    LESS_THAN = "less_than"      # less than / under 70: below 70
    AT_MOST = "at_most"          # up to / at most 70: 70 or less
    JUST_OVER = "just_over"      # just over 70: above 70, by at most the widening
    JUST_UNDER = "just_under"    # just under 70: below 70, by at most the widening
    WELL_OVER = "well_over"      # well over 70: above 70 by more than the widening
    WELL_UNDER = "well_under"    # well under 70: below 70 by more than the widening
    FULL = "full"                # a full 70: never below 70 itself
    EXACT = "exact"              # exactly 70: no rounding allowance at all
    MULTIPLIER = "multiplier"    # several (times): a vague count between low and high


#: kinds whose figure states a region (an inequality) rather than a value with a margin
REGION_KINDS = frozenset({HedgeKind.MORE_THAN, HedgeKind.AT_LEAST, HedgeKind.LESS_THAN,
                          HedgeKind.AT_MOST, HedgeKind.JUST_OVER, HedgeKind.JUST_UNDER,
                          HedgeKind.WELL_OVER, HedgeKind.WELL_UNDER, HedgeKind.MULTIPLIER})
_UPWARD = frozenset({HedgeKind.MORE_THAN, HedgeKind.AT_LEAST, HedgeKind.JUST_OVER,
                     HedgeKind.WELL_OVER})
_DOWNWARD = frozenset({HedgeKind.LESS_THAN, HedgeKind.AT_MOST, HedgeKind.JUST_UNDER,
                       HedgeKind.WELL_UNDER})


@dataclass(frozen=True)
class HedgeRule:
    kind: HedgeKind
    widen: Fraction = Fraction(1, 10)  # relative: APPROXIMATE, BELOW, JUST_*, WELL_*
    low: Fraction = Fraction(0)        # MULTIPLIER range
    high: Fraction = Fraction(0)

    @property
    def is_bound(self) -> bool:
        """A bound states an inequality at the stated number, not a value with a margin."""
        return self.kind in REGION_KINDS and self.kind is not HedgeKind.MULTIPLIER

    @property
    def states_region(self) -> bool:
        return self.kind in REGION_KINDS

    def describe(self, fall: bool = False) -> str:
        """The rule in words; ``fall``: the figure is a fall ("fell more than 5%"), whose
        size the words bound, so above and below swap on the signed value."""
        text = self._describe()
        if not fall:
            return text
        swaps = {"above": "below", "below": "above", "upper": "lower", "or more": "or less",
                 "or less": "or more", "never below": "never above", "towards zero":
                 "towards zero"}
        return re.sub("|".join(map(re.escape, swaps)), lambda m: swaps[m.group()], text) + (
            " (a fall: on the signed value)")

    def _describe(self) -> str:
        pct = f"{float(self.widen * 100):g}%"
        return {
            HedgeKind.APPROXIMATE: f"±{pct} beyond rounding",
            HedgeKind.BELOW: f"up to {pct} towards zero beyond rounding",
            HedgeKind.MORE_THAN: "above the stated number itself; no upper limit",
            HedgeKind.AT_LEAST: "the stated number itself or more; no upper limit",
            HedgeKind.LESS_THAN: "below the stated number itself",
            HedgeKind.AT_MOST: "the stated number itself or less",
            HedgeKind.JUST_OVER: f"above the stated number, by at most {pct}",
            HedgeKind.JUST_UNDER: f"below the stated number, by at most {pct}",
            HedgeKind.WELL_OVER: f"above the stated number by more than {pct}",
            HedgeKind.WELL_UNDER: f"below the stated number by more than {pct}",
            HedgeKind.FULL: "never below the stated number itself",
            HedgeKind.EXACT: "no rounding allowance",
            HedgeKind.MULTIPLIER: f"a count from {self.low} to {self.high}",
        }[self.kind]

    def read(self, central: Fraction, rounding: Interval) -> tuple[Interval, Interval]:
        """(rounding, hedged) of a hedged figure used as an input to arithmetic.

        A bound's rounding tier is the stated number itself: "at least 1 million tons" is
        1 million at face value and any larger amount with the hedge."""
        kind, w = self.kind, self.widen
        if kind is HedgeKind.APPROXIMATE:
            return rounding, Interval(rounding.lo - w * abs(rounding.lo),  # type: ignore[operator]
                                      rounding.hi + w * abs(rounding.hi))  # type: ignore[operator]
        if kind is HedgeKind.BELOW:  # "nearly": smaller in magnitude, whatever the sign
            if central >= 0:
                return rounding, Interval(rounding.lo - w * abs(rounding.lo),  # type: ignore[operator]
                                          rounding.hi)
            return rounding, Interval(rounding.lo, rounding.hi + w * abs(rounding.hi))  # type: ignore[operator]
        if kind is HedgeKind.FULL:
            floor = Interval(max(central, rounding.lo), rounding.hi)
            return floor, floor
        if kind is HedgeKind.EXACT:
            return Interval.point(central), Interval.point(central)
        point = Interval.point(central)
        step = w * abs(central)
        if kind in (HedgeKind.MORE_THAN, HedgeKind.AT_LEAST, HedgeKind.WELL_OVER):
            return point, Interval(central, INF)
        if kind in (HedgeKind.LESS_THAN, HedgeKind.AT_MOST, HedgeKind.WELL_UNDER):
            # an amount stated "up to" is never negative; a change may be
            return point, Interval(Fraction(0) if central >= 0 else -INF, central)
        if kind is HedgeKind.JUST_OVER:
            return point, Interval(central, central + step)
        if kind is HedgeKind.JUST_UNDER:
            return point, Interval(central - step, central)
        assert kind is HedgeKind.MULTIPLIER
        return Interval.point(self.low), Interval(self.low, self.high)

    def region(self, central: Fraction) -> tuple[Region, Region]:
        """What a stated bound allows, at face value and with its own looseness.

        Only WELL_OVER / WELL_UNDER differ: "well over 70" is consistent above 77, and
        the hedge tier accepts anything above 70."""
        kind, step = self.kind, self.widen * abs(central)
        if kind is HedgeKind.MULTIPLIER:
            whole = Region(self.low, self.high)
            return whole, whole
        regions = {
            HedgeKind.MORE_THAN: Region(central, INF, lo_open=True),
            HedgeKind.AT_LEAST: Region(central, INF),
            HedgeKind.LESS_THAN: Region(-INF, central, hi_open=True),
            HedgeKind.AT_MOST: Region(-INF, central),
            HedgeKind.JUST_OVER: Region(central, central + step, lo_open=True),
            HedgeKind.JUST_UNDER: Region(central - step, central, hi_open=True),
            HedgeKind.WELL_OVER: Region(central + step, INF),
            HedgeKind.WELL_UNDER: Region(-INF, central - step),
        }
        strict = regions[kind]
        if kind is HedgeKind.WELL_OVER:
            return strict, Region(central, INF, lo_open=True)
        if kind is HedgeKind.WELL_UNDER:
            return strict, Region(-INF, central, hi_open=True)
        return strict, strict


_APPROX = HedgeRule(HedgeKind.APPROXIMATE)
_BELOW = HedgeRule(HedgeKind.BELOW)

DEFAULT_HEDGES: dict[str, HedgeRule] = {
    **dict.fromkeys(
        ("about", "around", "approximately", "approx", "roughly", "some", "an estimated",
         "estimated", "an approximate", "close to", "circa", "in the region of"),
        _APPROX),
    **dict.fromkeys(("nearly", "almost", "just short of", "not quite"), _BELOW),
    **dict.fromkeys(
        ("more than", "over", "exceed", "exceeds", "exceeded", "exceeding", "in excess of",
         "upwards of", "above", "greater than"), HedgeRule(HedgeKind.MORE_THAN)),
    **dict.fromkeys(("at least", "no less than", "no fewer than", "a minimum of"),
                    HedgeRule(HedgeKind.AT_LEAST)),
    **dict.fromkeys(("less than", "fewer than", "under", "below"),
                    HedgeRule(HedgeKind.LESS_THAN)),
    **dict.fromkeys(("up to", "at most", "no more than", "a maximum of", "as many as",
                     "as much as"), HedgeRule(HedgeKind.AT_MOST)),
    **dict.fromkeys(("just over", "just above", "slightly more than", "a little over",
                     "a little more than"), HedgeRule(HedgeKind.JUST_OVER)),
    **dict.fromkeys(("just under", "just below", "slightly less than", "a little under",
                     "a little less than", "just shy of"), HedgeRule(HedgeKind.JUST_UNDER)),
    **dict.fromkeys(("well over", "well above", "far more than", "well in excess of"),
                    HedgeRule(HedgeKind.WELL_OVER)),
    **dict.fromkeys(("well under", "well below", "far less than", "far fewer than"),
                    HedgeRule(HedgeKind.WELL_UNDER)),
    **dict.fromkeys(("a full", "fully"), HedgeRule(HedgeKind.FULL)),
    **dict.fromkeys(("exactly", "precisely", "exact"), HedgeRule(HedgeKind.EXACT)),
    # "several": more than two (Merriam-Webster, Oxford: "more than two but not many");
    # below ten, where a writer says "ten", "a dozen" or "dozens" (see claim-format.md)
    **dict.fromkeys(("several", "several times"),
                    HedgeRule(HedgeKind.MULTIPLIER, low=Fraction(3), high=Fraction(9))),
}

MAX_HEDGE_WORDS = 4


@dataclass(frozen=True)
class Hedge:
    """A hedge as it appears in one figure: the words as written and the rule they invoke."""

    words: str
    rule: HedgeRule

    @property
    def widens(self) -> bool:
        """Whether it loosens the figure ('exactly' and 'a full' only narrow it)."""
        return self.rule.kind not in (HedgeKind.EXACT, HedgeKind.FULL)


def match_hedge(words: list[str], table: Mapping[str, HedgeRule]) -> tuple[str, HedgeRule] | None:
    """The longest table phrase that ``words`` (lower-case) start with."""
    for n in range(min(MAX_HEDGE_WORDS, len(words)), 0, -1):
        phrase = " ".join(words[:n])
        if phrase in table:
            return phrase, table[phrase]
    return None
