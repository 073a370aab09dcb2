"""The verdict ladder, and the one plain sentence that explains each verdict.

For ``recomputed == stated`` with a stated value:
consistent       the recomputed central value lies inside the stated rounding interval;
within_rounding  it does not, but the two rounding intervals meet: true only at the
                 edges of rounding;
within_hedge     only the hedges' widening reconciles them;
inconsistent     they do not meet even with hedges.

For a stated bound or vague count ("more than 80%", "several times"), which states a
region of values at the stated number itself:
consistent       the whole recomputed rounding interval lies in the region;
within_rounding  part of it does;
within_hedge     only the recomputed side's hedged interval reaches the region;
inconsistent     none of it does.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from itertools import pairwise

from ..outcomes import Verdict
from ..quantities import formatting as fmt
from ..quantities.intervals import Bound, Interval, Region
from .report import Shown

_REL_WORDS = {"<": "less than", "<=": "at most", ">": "more than", ">=": "at least"}


def _less(a: object, b: object, strict: bool) -> bool:
    return bool(a < b) if strict else bool(a <= b)  # type: ignore[operator]


def judge(relation: str, computed: Shown, stated: Shown,
          region: tuple[Region, Region] | None = None) -> Verdict:
    """The verdict for ``computed RELATION stated``; both are in the same unit, and a
    stated bound's ``region`` (at face value, and with its own looseness) too."""
    if relation == "==" and region is not None:
        strict, loose = region
        if strict.holds_throughout(computed.rounding):
            return Verdict.CONSISTENT
        if strict.meets(computed.rounding):
            return Verdict.WITHIN_ROUNDING
        if loose.meets(computed.hedged):
            return Verdict.WITHIN_HEDGE
        return Verdict.INCONSISTENT
    if relation == "==":
        if stated.rounding.contains(computed.central) or exact_within(computed, stated):
            return Verdict.CONSISTENT
        if computed.rounding.overlaps(stated.rounding):
            return Verdict.WITHIN_ROUNDING
        if computed.hedged.overlaps(stated.hedged):
            return Verdict.WITHIN_HEDGE
        return Verdict.INCONSISTENT
    strict_rel = relation in ("<", ">")
    a, b = (computed, stated) if relation in ("<", "<=") else (stated, computed)
    # a RELATION b, i.e. a below b: possible when a's lowest reading is below b's highest.
    if _less(a.central, b.central, strict_rel):
        return Verdict.CONSISTENT
    if _less(a.rounding.lo, b.rounding.hi, strict_rel):
        return Verdict.WITHIN_ROUNDING
    if _less(a.hedged.lo, b.hedged.hi, strict_rel):
        return Verdict.WITHIN_HEDGE
    return Verdict.INCONSISTENT


def exact_within(computed: Shown, stated: Shown) -> bool:
    """An exact stated value ('1,849 deaths', a whole count) inside the recomputed
    rounding: all the rounding is the recomputation's, and the stated value is one it
    allows (4,999 deaths x 37% is 1,824.6 to 1,874.6: 1,849 is consistent)."""
    return stated.rounding.lo == stated.rounding.hi and computed.rounding.contains(
        stated.central)


def _as_shown(value: Shown, digits: int) -> Shown:
    return Shown(Fraction(fmt.shown_value(value.central, digits)),
                 fmt.shown_interval(value.rounding, digits),
                 fmt.shown_interval(value.hedged, digits), value.unit)


def verdict_digits(verdict: Verdict, relation: str, computed: Shown, stated: Shown,
                   region: tuple[Region, Region] | None = None,
                   at_least: int = fmt.DEFAULT_DIGITS) -> int:
    """The fewest significant digits (>= at_least) from which on the numbers a reader
    sees, parsed back and judged, give ``verdict`` again.

    Outward rounding of an interval can make two that do not meet look as if they do
    (11,100 to 11,200 beside 11,160), and a central value rounded to nearest can look
    inside a range it is outside of.  A central value rounded to nearest does not move
    monotonically with the digits, so every count from the answer up is checked: a
    renderer that shows more digits than asked stays truthful."""
    # each number with the way it is rounded for display: equal numbers rounded the same
    # way stay equal; equal numbers rounded two ways must show exactly to stay equal
    modes: dict[Fraction, set[str]] = {}
    for v, mode in (*_ends(computed), *_ends(stated), *(
            (end, "nearest") for r in region or () for end in (r.lo, r.hi))):
        if not isinstance(v, float):
            modes.setdefault(v, set()).add(mode)
    distinct = sorted(modes)
    gap = min((b - a for a, b in pairwise(distinct)), default=None)
    repeated = {v for v, ways in modes.items() if len(ways) > 1}
    largest = max((abs(v) for v in distinct if v), default=Fraction(0))
    fewest = at_least
    for digits in range(at_least, fmt.MAX_DIGITS + 1):
        if _settled(digits, largest, gap, repeated):
            # no rounding from here on can reorder two of the numbers compared: every
            # count from this one shows the verdict (``verdict`` is the exact numbers')
            break
        shown_region = None if region is None else (
            fmt.shown_region(region[0], digits), fmt.shown_region(region[1], digits))
        shown_computed, shown_stated = _as_shown(computed, digits), _as_shown(stated, digits)
        if judge(relation, shown_computed, shown_stated, shown_region) != verdict:
            fewest = digits + 1
    return min(fewest, fmt.MAX_DIGITS)


def _ends(v: Shown) -> tuple[tuple[Bound, str], ...]:
    # as shown_interval rounds them: a point interval's one value to nearest
    return ((v.central, "nearest"), *_interval_ends(v.rounding), *_interval_ends(v.hedged))


def _interval_ends(iv: Interval) -> tuple[tuple[Bound, str], ...]:
    if iv.lo == iv.hi:
        return ((iv.lo, "nearest"),)
    return ((iv.lo, "down"), (iv.hi, "up"))


def _settled(digits: int, largest: Fraction, gap: Fraction | None,
             repeated: set[Fraction]) -> bool:
    """From ``digits`` on, rounding moves no number by as much as half the smallest gap
    between two of them, and numbers that occur twice show exactly: every comparison a
    verdict makes comes out as it does on the exact numbers, at every count from here."""
    if not largest:
        return True
    exponent = len(str(largest.numerator)) - len(str(largest.denominator)) + 1
    step = Fraction(10) ** (exponent - digits + 1)  # at least one unit in the last digit
    if gap is not None and 2 * step >= gap:
        return False
    return all(fmt.shown_value(v, digits, "down") == v == fmt.shown_value(v, digits, "up")
               for v in repeated)





@dataclass(frozen=True)
class Gap:
    value: Fraction
    unit: str  # "pp" or "relative"

    def describe(self) -> str:
        if self.unit == "pp":
            points = fmt.number(abs(self.value))
            return f"{points} percentage point{'' if points == '1' else 's'}"
        return f"{fmt.number(abs(self.value) * 100)}%"


def gap(computed: Shown, stated: Shown) -> Gap | None:
    if stated.unit == "%":
        return Gap(computed.central - stated.central, "pp")
    if stated.central == 0:
        return None
    return Gap((computed.central - stated.central) / abs(stated.central), "relative")


def _side(text: str, value: Shown, digits: int) -> str:
    centre = fmt.with_unit(fmt.number(value.central, digits), value.unit)
    spread = fmt.interval(value.rounding, value.unit, digits)
    return f"{text} = {centre}" + ("" if value.rounding.lo == value.rounding.hi
                                   else f" ({spread})")


def _hedged_part(stated: Shown, hedges: tuple[str, ...], digits: int) -> str:
    if stated.hedged == stated.rounding or not hedges:
        return ""
    return f", {fmt.interval(stated.hedged, stated.unit, digits)} with the hedge"


@dataclass(frozen=True, kw_only=True)
class Sides:
    """What the sentence needs of both sides of a check."""

    relation: str
    computed_text: str
    computed: Shown
    stated_text: str
    stated: Shown
    stated_hedges: tuple[str, ...]
    input_hedges: tuple[str, ...]
    stated_is_figure: bool
    region: tuple[Region, Region] | None = None


def _region_hedge_reason(sides: Sides, input_words: str) -> str:
    assert sides.region is not None
    strict, loose = sides.region
    if loose != strict and loose.meets(sides.computed.rounding):
        hedge = ", ".join(f"'{h}'" for h in sides.stated_hedges) or "the stated hedge"
        return (f"it holds only in the loose sense of {hedge} "
                f"({fmt.region(loose, sides.stated.unit)})")
    plural = "s" if len(sides.input_hedges) > 1 else ""
    return f"it holds only through the inputs' hedge{plural} {input_words}"


def explain(verdict: Verdict, sides: Sides) -> str:
    """One sentence a journalist can read aloud: both numbers, one unit, the reason."""
    computed, stated, relation = sides.computed, sides.stated, sides.relation
    bounds = [computed.central, computed.rounding.lo, computed.rounding.hi, stated.central,
              stated.rounding.lo, stated.rounding.hi, stated.hedged.lo, stated.hedged.hi]
    if sides.region is not None:
        bounds += [sides.region[0].lo, sides.region[0].hi, sides.region[1].lo,
                   sides.region[1].hi]
    digits = fmt.digits_for(bounds, at_least=max(computed.digits, stated.digits))
    left = _side(sides.computed_text, computed, digits)
    quoted = f"stated '{sides.stated_text}'" if sides.stated_is_figure else sides.stated_text
    bound = relation == "==" and sides.region is not None
    if bound:
        assert sides.region is not None
        strict, loose = sides.region
        meaning = fmt.region(strict, stated.unit, digits)
        if loose != strict:
            meaning += f" ({fmt.region(loose, stated.unit, digits)} with the hedge)"
        right = f"{quoted} means {meaning}"
    elif relation == "==":
        right = (f"{quoted} is {fmt.interval(stated.rounding, stated.unit, digits)} "
                 f"by its rounding" + _hedged_part(stated, sides.stated_hedges, digits))
    else:
        right = (f"the claim says it is {_REL_WORDS[relation]} {quoted} "
                 f"({fmt.interval(stated.rounding, stated.unit, digits)})")
    hedges = tuple(dict.fromkeys(sides.stated_hedges + sides.input_hedges))
    input_words = ", ".join(f"'{h}'" for h in sides.input_hedges)
    words = ", ".join(f"'{h}'" for h in hedges) or "the hedges"
    g = gap(computed, stated)
    off = f" ({g.describe()} apart)" if g is not None and g.value != 0 and not bound else ""
    if bound:
        reason = {
            Verdict.CONSISTENT: "consistent: the whole recomputed range satisfies it",
            Verdict.WITHIN_ROUNDING: "only part of the recomputed range satisfies it: it "
                                     "holds only at the edge of rounding",
            Verdict.WITHIN_HEDGE: _region_hedge_reason(sides, input_words),
            Verdict.INCONSISTENT: "the recomputed value does not satisfy it, even allowing "
                                  "for rounding and hedges",
        }[verdict]
    else:
        reason = {
            Verdict.CONSISTENT: "consistent" + (
                "" if relation != "==" else
                ": the exact stated value lies within the recomputed rounding"
                if exact_within(computed, stated)
                and not stated.rounding.contains(computed.central)
                else ": the recomputed value lies within the stated rounding"),
            Verdict.WITHIN_ROUNDING: "the two meet only at the edge of rounding" + off,
            Verdict.WITHIN_HEDGE: f"they meet only through the hedge"
                                  f"{'s' if len(hedges) > 1 else ''} {words}" + off,
            Verdict.INCONSISTENT: "they do not meet, even allowing for rounding and hedges"
                                  + off,
        }[verdict]
    return f"{left}; {right}: {reason}"
