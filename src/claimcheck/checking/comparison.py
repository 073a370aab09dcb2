"""One comparison for every place a check is written: both sides in one unit, the stated
side's reading (a value, a bound, a vague count, "N times more"), the verdict ladder and
its sentence.

`verify` (claim files) and `calc` (the command line) both call ``compare``; they differ
only in how they find the two values and the stated reading, so a comparison means the
same thing wherever it is written, and whether the stated figure is named or inline.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .. import expressions as ex
from ..diagnostics import ClaimcheckError
from ..outcomes import Verdict
from ..quantities import formatting as fmt
from ..quantities import quantity as q
from ..quantities import unit_math
from ..quantities.intervals import Interval, Region
from ..quantities.quantity import Quantity
from ..reading.figures import Reading
from ..reading.lexer import TextError
from .report import Shown
from .verdicts import Gap, Sides, explain, gap, judge, verdict_digits


@dataclass(frozen=True, kw_only=True)
class StatedSide:
    """The stated side of a check as written: its text and, when it is one stated figure
    (named, or inline), that figure's reading."""

    text: str
    reading: Reading | None = None
    hedges: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Comparison:
    verdict: Verdict
    computed: Shown
    stated: Shown
    stated_text: str
    explanation: str
    gap: Gap | None
    notes: tuple[str, ...] = ()
    stated_meaning: str | None = None  # a bound's region in words: "more than 80%"


def align(assertion: ex.Assertion, left: Quantity,
          right: Quantity) -> tuple[Quantity, Quantity, str]:
    """Both sides in the stated side's unit (or the unit an 'in' asks for), and its name.

    Raises a TextError over the whole assertion, with a label under each side, when the
    two sides measure different things."""
    unit, label = right.unit, right.label
    try:
        if assertion.right.display is not None:
            unit, label = assertion.right.display.unit, assertion.right.display.label or label
            right = right.to(unit, "the stated side")
        elif assertion.left.display is not None:
            unit, label = assertion.left.display.unit, assertion.left.display.label or label
            right = right.to(unit, "the stated side")
        left = left.to(unit)
    except ClaimcheckError:
        sides = ((assertion.left, left), (assertion.right, right))
        raise TextError(
            "dimension-mismatch",
            f"the two sides measure different things: {ex.describe(left)} vs "
            f"{ex.describe(right)}", 0, len(assertion.text),
            q.mismatch_hint(left.unit, right.unit,
                            "compare like with like, e.g. a share with a percentage"),
            tuple((e.start, e.start + len(e.text), ex.describe(x)) for e, x in sides),
        ) from None
    return left, right, unit_math.format_unit(unit, label or left.label)


def _check_display(assertion: ex.Assertion, left: Quantity, right: Quantity) -> None:
    """An 'in UNIT' that its own side cannot be shown in is a slip of the claim file's
    author (an error), not a finding about the report: '== nine in people/t'."""
    for side, value in ((assertion.left, left), (assertion.right, right)):
        display = side.display
        if display is None or unit_math.same_dimension(value.unit, display.unit) or (
                unit_math.differ_only_in_currency(value.unit, display.unit)):
            continue
        raise TextError(
            "dimension-mismatch",
            f"{ex.describe(value)} cannot be shown in "
            f"{unit_math.format_unit(display.unit, display.label)}", side.start,
            side.start + len(side.text),
            "'in UNIT' converts a side to a unit of the same kind (t in kg, USD/t in "
            "USD/kg); remove it or name a unit this side can be shown in")


def shown(x: Quantity, unit_text: str | None = None) -> Shown:
    text = unit_math.format_unit(x.unit, x.label) if unit_text is None else unit_text
    return Shown(x.central, x.rounding, x.hedged, text)


def _region(reading: Reading | None, right: Quantity,
            shift: int = 0) -> tuple[Region, Region] | None:
    """A stated bound's region, in the unit the comparison is made in; ``shift``: moved
    by that many of the reading's own unit first ('under 3 times more' read as 'under 4
    times as much')."""
    if reading is None or reading.region is None:
        return None
    strict, loose = (Region(r.lo + shift, r.hi + shift, r.lo_open, r.hi_open) if shift else r
                     for r in reading.region)
    own = reading.quantity.unit
    if own == right.unit:
        return strict, loose
    k = unit_math.factor(own, right.unit)
    return strict.scaled(k), loose.scaled(k)


def _mismatch(assertion: ex.Assertion, left: Quantity, right: Quantity, computed_text: str,
              stated: StatedSide) -> Comparison:
    """The report states one kind of quantity where the arithmetic gives another (a total
    where a rate was meant): a finding, not an error in the claim file."""
    what, got = unit_math.dimension_noun(right.unit, right.label), unit_math.dimension_noun(
        left.unit, left.label)
    computed, stated_value = shown(left), shown(right)
    # one stated figure is the report's; arithmetic on the stated side is the claim file's
    whose = "the report's figure is" if stated.reading is not None else (
        "the stated side's arithmetic gives")
    sentence = (f"{computed_text} = {_central(computed)}; stated '{stated.text}' is "
                f"{_central(stated_value)}: {whose} {what}; the arithmetic "
                f"gives {got}, so they cannot agree")
    if assertion.relation != "==":
        sentence = sentence.replace("cannot agree", "cannot be compared")
    notes = [f"the two sides measure different things: {got} vs {what}"]
    if (hint := q.mismatch_hint(left.unit, right.unit, "")) == q.POINTS_HINT:
        notes.append(hint)
    return Comparison(verdict=Verdict.INCONSISTENT, computed=computed, stated=stated_value,
                      stated_text=stated.text, explanation=sentence, gap=None,
                      notes=tuple(notes))


def _as_change(ratio: Shown) -> Shown:
    """A ratio in percent (200%) as the change it names (+100%)."""
    def less(x: Any) -> Any:
        return x - 100

    return Shown(ratio.central - 100, Interval(less(ratio.rounding.lo), less(ratio.rounding.hi)),
                 Interval(less(ratio.hedged.lo), less(ratio.hedged.hi)), ratio.unit,
                 ratio.digits)


def _regions_as_change(region: tuple[Region, Region] | None) -> tuple[Region, Region] | None:
    if region is None:
        return None
    return tuple(Region(r.lo - 100, r.hi - 100, r.lo_open, r.hi_open)  # type: ignore[return-value]
                 for r in region)


def _central(value: Shown) -> str:
    return fmt.with_unit(fmt.number(value.central, fmt.digits_for([value.central])), value.unit)


def compare(assertion: ex.Assertion, left: Quantity, right: Quantity, *, computed_text: str,
            stated: StatedSide, input_hedges: tuple[str, ...],
            verdict_only: bool = False) -> Comparison:
    """The verdict of ``left RELATION right`` and its sentence; with ``verdict_only``, the
    verdict alone (no digits, sentence or notes: a what-if comparison needs no more)."""
    points_note = None
    if left.percent_difference and unit_math.is_points(right.unit):
        left = left.to(right.unit)
        points_note = (f"{computed_text.partition(' = ')[0]} is a difference of two percentages, "
                       "read as percentage points")
    elif right.percent_difference and unit_math.is_points(left.unit):
        right = right.to(left.unit)
        points_note = (f"{stated.text} is a difference of two percentages, read as "
                       "percentage points")
    _check_display(assertion, left, right)
    if not unit_math.same_dimension(left.unit, right.unit) and (
            not unit_math.differ_only_in_currency(left.unit, right.unit)):
        # a currency is never converted without a declared rate: align says so, as an error
        return _mismatch(assertion, left, right, computed_text, stated)
    change_as_multiple = (unit_math.is_percent(left.unit) and stated.reading is not None
                          and stated.reading.quantity.label == "times")
    if change_as_multiple:  # 'doubled' as 200%, so that it can also be read as +100%
        right = right.to(left.unit)
    left, right, unit_text = align(assertion, left, right)
    computed, stated_value = shown(left, unit_text), shown(right, unit_text)
    reading = stated.reading
    relation = assertion.relation
    region = _region(reading, right) if relation == "==" else None
    verdict = judge(relation, computed, stated_value, region)
    stated_text, other = stated.text, ""
    if reading is not None and reading.alternative is not None:
        # "3 times more": judge the other reading too and keep the one the figures support
        alt_q = reading.alternative.to(right.unit) if reading.alternative.unit != right.unit \
            else reading.alternative
        alt = Shown(alt_q.central, alt_q.rounding, alt_q.hedged, unit_text)
        # a bound's region moves with it: 'under 3 times more' is under 4 times as much
        alt_region = _region(reading, right, shift=1) if region is not None else None
        alt_verdict = judge(relation, computed, alt, alt_region)
        if alt_verdict.rank < verdict.rank:
            other = (f"; read as {reading.quantity.central} times as much it would be "
                     f"{verdict}")
            verdict, stated_value, region = alt_verdict, alt, alt_region
            stated_text += f" (read as {reading.alternative.central} times as much)"
        else:
            other = (f"; read as {reading.alternative.central} times as much it would be "
                     f"{alt_verdict}")
    if change_as_multiple and stated_value.unit == "%":
        # pct_change(old, new) == doubled: a rise of 100% is a doubling; judge the words
        # as the change they name too and keep the reading the figures support
        alt, alt_region = _as_change(stated_value), _regions_as_change(region)
        alt_verdict = judge(relation, computed, alt, alt_region)
        if alt_verdict.rank < verdict.rank:
            other = f"; read as a ratio of {_central(stated_value)} it would be {verdict}"
            verdict, stated_value, region = alt_verdict, alt, alt_region
            sign = "+" if alt.central > 0 else ""
            stated_text += f" (read as a change of {sign}{_central(alt)})"
    if verdict_only:
        return Comparison(verdict=verdict, computed=computed, stated=stated_value,
                          stated_text=stated_text, explanation="", gap=None)
    # one count of digits for both sides, wherever they are shown: enough to keep the
    # verdict visible, and each side's own numbers distinct
    digits = fmt.digits_for([x for v in (computed, stated_value) for x in (
        v.central, v.rounding.lo, v.rounding.hi, v.hedged.lo, v.hedged.hi)],
        at_least=verdict_digits(verdict, relation, computed, stated_value, region))
    computed, stated_value = replace(computed, digits=digits), replace(stated_value,
                                                                       digits=digits)
    sides = Sides(relation=relation, computed_text=computed_text, computed=computed,
                  stated_text=stated_text, stated=stated_value, stated_hedges=stated.hedges,
                  input_hedges=input_hedges, stated_is_figure=reading is not None,
                  region=region)
    notes: list[str] = [points_note] if points_note else []
    if change_as_multiple:  # pct_change(old, new) == doubled: a change against a ratio
        notes.append(f"'{stated.text}' is a ratio, new / old; a percentage beside it may be "
                     "that ratio (200% for a doubling) or the change (+100%): both readings "
                     "are judged and the one the figures support is kept")
    if not computed.hedged.bounded and computed.rounding.bounded:
        side = "upper" if isinstance(computed.hedged.hi, float) else "lower"
        notes.append(f"with its hedges the recomputed value has no {side} limit (it rests "
                     "on a figure stated as a bound, such as 'more than ...', or on a divisor "
                     "stated 'up to ...' that can reach zero), so the hedge tier meets almost "
                     "any stated value: its rounding range is the informative one")
    return Comparison(verdict=verdict, computed=computed, stated=stated_value,
                      stated_text=stated_text, explanation=explain(verdict, sides) + other,
                      gap=None if region is not None else gap(computed, stated_value),
                      notes=tuple(notes), stated_meaning=region_text(region, unit_text, digits))


def region_text(region: tuple[Region, Region] | None, unit: str,
                at_least: int = 3) -> str | None:
    """A stated bound's region in words: 'more than 80% (more than 72% with the hedge)'."""
    if region is None:
        return None
    strict, loose = region
    digits = fmt.digits_for([strict.lo, strict.hi, loose.lo, loose.hi], at_least)
    text = fmt.region(strict, unit, digits)
    return text if loose == strict else f"{text} ({fmt.region(loose, unit, digits)} with the hedge)"
