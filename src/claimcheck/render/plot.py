"""The interval plot of one check, as geometry: one number line in the stated unit, the
stated figure's rounding and hedged intervals (two shades), the recomputed interval and
its central value, and ticks.  The HTML template draws it as inline SVG; the numbers are
kept beside the coordinates (``lo``/``hi`` as the JSON report gives them) so that a test
can check that every plotted end is the interval the report states."""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from ..checking.report import CheckResult, Shown
from ..quantities import formatting as fmt
from ..quantities.intervals import Bound

WIDTH = 600
LEFT, RIGHT = 16, 584  # the number line's ends, in SVG units
#: each band's row (y, height): the stated hedge widest, its rounding inside it, the
#: recomputed interval on a row of its own below
ROWS = {"hedged": (6, 20), "rounding": (9, 14), "computed": (30, 10)}


@dataclass(frozen=True)
class Band:
    kind: str            # "hedged", "rounding", "computed"
    x0: float
    x1: float
    lo: float | None     # the interval's ends, as the JSON report has them (None: no limit)
    hi: float | None
    open_lo: bool        # runs past the plot's left edge (no lower limit)
    open_hi: bool
    label: str           # what a screen reader says
    y: int = 0           # its row: the stated shades above, the recomputed below
    height: int = 0


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Plot:
    bands: tuple[Band, ...]
    central_x: float | None
    central: float | None
    central_label: str
    stated_x: float | None
    ticks: tuple[Tick, ...]
    unit: str
    title: str


def _finite(v: Bound) -> bool:
    return not isinstance(v, float)


def _json(v: Bound) -> float | None:
    value = float(v)
    return None if math.isinf(value) else value


def _nice_ticks(lo: Fraction, hi: Fraction, count: int = 5) -> list[Fraction]:
    span = hi - lo
    if span <= 0:
        return [lo]
    raw = span / count
    exponent = math.floor(math.log10(raw))
    base = Fraction(10) ** exponent
    step = next(base * m for m in (1, 2, 5, 10) if base * m >= raw)
    first = math.ceil(lo / step) * step
    ticks = []
    value = Fraction(first)
    while value <= hi:
        ticks.append(value)
        value += step
    return ticks


def plot(check: CheckResult) -> Plot | None:
    """The plot of a check with both sides' values, or None."""
    computed, stated = check.computed, check.stated
    if computed is None or stated is None:
        return None
    ends = [v for s in (computed, stated) for v in (s.central, s.rounding.lo, s.rounding.hi,
                                                      s.hedged.lo, s.hedged.hi) if _finite(v)]
    lo, hi = Fraction(min(ends)), Fraction(max(ends))
    pad = (hi - lo) / 8 or (abs(hi) / 8 if hi else Fraction(1))
    lo, hi = lo - pad, hi + pad

    def x(v: Bound) -> float:
        if not _finite(v):
            return LEFT if float(v) < 0 else RIGHT
        return float(LEFT + (Fraction(v) - lo) / (hi - lo) * (RIGHT - LEFT))

    digits = max(computed.digits, stated.digits)

    def words(v: Bound, mode: str = "nearest") -> str:
        return fmt.with_unit(fmt.number(v, digits, mode), stated.unit)

    def band(kind: str, what: str, v: Shown, hedged: bool) -> Band:
        iv = v.hedged if hedged else v.rounding
        text = fmt.interval(iv, stated.unit, digits)
        y, height = ROWS[kind]
        return Band(kind, x(iv.lo), x(iv.hi), _json(iv.lo), _json(iv.hi),
                    not _finite(iv.lo), not _finite(iv.hi), f"{what}: {text}", y, height)

    bands = [band("hedged", "stated, with its hedge", stated, True),
             band("rounding", "stated, by its rounding", stated, False),
             band("computed", "recomputed", computed, False)]
    ticks = tuple(Tick(x(t), fmt.number(t, 3)) for t in _nice_ticks(lo, hi))
    title = (f"{check.id}: recomputed {words(computed.central)} against stated "
             f"{fmt.interval(stated.hedged, stated.unit, digits)}")
    return Plot(tuple(bands), x(computed.central), _json(computed.central),
                words(computed.central), x(stated.central) if _finite(stated.central)
                else None, ticks, stated.unit, title)
