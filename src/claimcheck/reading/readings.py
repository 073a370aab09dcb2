"""A figure as read (``Reading``), and the steps that turn one reading into another once
its number is read: spread over an interval ('one every 40 seconds'), given the
direction of a change ('fell more than 5%'), or read two ways ('3 times more').  Apart
from the reader itself (``figures``) so that each stays small; every step returns a new
reading."""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction

from ..quantities.intervals import Interval, Region
from ..quantities.quantity import Quantity
from .changes import Change
from .hedges import Hedge
from .periods import Period
from .unit_phrases import UnitPhrase


@dataclass(frozen=True, kw_only=True)
class Reading:
    """A stated figure, read."""

    text: str
    quantity: Quantity
    unit_text: str
    precision: str            # how the rounding interval was decided, in words
    hedge: Hedge | None = None
    notes: tuple[str, ...] = ()
    what: str | None = None   # descriptor after the unit: "of coal", "cargo ship"
    period: Period | None = None
    plain: bool = False       # a bare number: no unit, scale, currency, percent or hedge
    alternative: Quantity | None = None  # "3 times more": also read as 4 times
    #: what a bound or vague count states on the stated side of a check (at face value,
    #: and with its own looseness), in the figure's unit
    region: tuple[Region, Region] | None = None
    coarse: Quantity | None = None  # the one-significant-figure reading, where it differs
    fall: bool = False  # the words make it a fall: "fell more than 5%" is below -5%

    def as_literal(self) -> Quantity:
        """The figure written inside an expression: its digits are exact (the arithmetic's
        own constants); a hedge word written there keeps its meaning."""
        q = self.quantity
        point = Interval.point(q.central)
        hedged = point
        if self.hedge is not None and self.hedge.widens:
            hedged = self.hedge.rule.read(q.central, point)[1]
        return Quantity(q.central, point, hedged.hull(point), q.unit, q.label)


def plus_one(q: Quantity) -> Quantity:
    """The other reading of 'N times more': N + 1 times as much."""
    one = Interval.point(Fraction(1))
    return Quantity(q.central + 1, q.rounding + one, q.hedged + one, q.unit, q.label)


def ambiguity_note(q: Quantity) -> str:
    return (f"'{q.central} times more' is ambiguous: read as {q.central} times as much "
            f"and as {q.central + 1} times as much")


def spread(reading: Reading, phrase: UnitPhrase, counted: bool) -> Reading:
    """'one every 40 seconds': the number spread over the stated interval, whose own
    rounding counts (40 seconds is 39.5 to 40.5 s); a small count of events is exact, so
    the precision is the interval's, 1 / (39.5 to 40.5 s)."""
    k, every, half = phrase.factor, phrase.every, phrase.every_half

    def scaled(q: Quantity) -> Quantity:
        if every is None or half == 0 or not half < every:
            return q.scaled(k, q.unit)
        rest = k * every  # the factor from other 'per' words, if any
        lo, hi = rest / (every + half), rest / (every - half)
        rounding = Interval.point(q.central) if counted else q.rounding
        hedged = q.hedged
        if counted and q.hedged.bounded:  # the hedge's widening, without the count's rounding
            hedged = Interval(q.hedged.lo + (q.central - q.rounding.lo),
                              q.hedged.hi - (q.rounding.hi - q.central))
        per = Interval(lo, hi)  # interval products: a negative count flips the ends
        divided_rounding = rounding * per
        divided_hedged = (hedged * per).hull(divided_rounding)
        return Quantity(q.central * k, divided_rounding, divided_hedged, q.unit, q.label)

    region = None
    if reading.region is not None:
        region = tuple(r.scaled(k) for r in reading.region)
    notes = reading.notes
    if every is not None and half and half < every:
        notes = (*notes, f"every {plain_number(every)}: ±{plain_number(half)} "
                         f"(its last significant digit)"
                 + ("; the count of events is exact" if counted else ""))
    return with_changes(reading, quantity=scaled(reading.quantity), region=region,
                        notes=notes,
                        coarse=scaled(reading.coarse) if reading.coarse is not None else None)


def mirror(q: Quantity) -> Quantity:
    return Quantity(-q.central, -q.rounding, -q.hedged, q.unit, q.label)


def directed(reading: Reading, change: Change) -> Reading:
    """The direction words' sign, applied to the size the number states (with its
    rounding and hedge): 'fell more than 5%' is below -5%."""
    notes = (*reading.notes, change.note(reading.text))
    if change.direction > 0 or change.level:
        return with_changes(reading, notes=notes)
    region = None
    if reading.region is not None:
        region = tuple(Region(-r.hi, -r.lo, r.hi_open, r.lo_open) for r in reading.region)
    return with_changes(reading, quantity=mirror(reading.quantity), notes=notes,
                        region=region, fall=True,
                        coarse=mirror(reading.coarse) if reading.coarse is not None else None)


def plain_number(x: Fraction) -> str:
    from ..quantities import formatting as fmt

    return fmt.number(x, fmt.digits_for([x]))


def with_changes(reading: Reading, **changes: object) -> Reading:
    return replace(reading, **changes)  # type: ignore[arg-type]


def with_alternative(reading: Reading) -> Reading:
    q = reading.quantity
    return with_changes(reading, notes=(*reading.notes, ambiguity_note(q)),
                        alternative=plus_one(q))
