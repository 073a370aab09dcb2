"""Roots of a check's arithmetic as one input moves: the value where the recomputed
figure crosses the stated one, found by looking outwards from the input's stated value
and closing in on the first sign change.  Floats, not Fractions: a root is where to look,
and ``solve`` reruns the check exactly around it before it reports a value."""

from __future__ import annotations

from collections.abc import Callable

#: the scan covers 1/1000 to 1000 times an input's stated value, 6 steps per decade (each
#: step reruns the arithmetic: a sum of 40 figures makes every rerun count)
SCAN_DECADES = 3
STEPS_PER_DECADE = 6
BISECTIONS = 60
#: bisection stops when the bracket is this narrow, relative to the value
PRECISION = 1e-13


def bisect(g: Callable[[float], float | None], a: float, b: float) -> float | None:
    """A root of g between a and b (where g changes sign), by the Illinois method: a
    secant step kept inside the bracket, which converges in a handful of reruns on the
    smooth arithmetic of a check where halving would take forty."""
    ga, gb = g(a), g(b)
    if ga is None or gb is None:
        return None
    side = 0
    for _ in range(BISECTIONS):
        if abs(b - a) <= PRECISION * max(abs(a), abs(b)) or ga == gb:
            break
        c = b - gb * (b - a) / (gb - ga)
        if not min(a, b) < c < max(a, b):  # rounding pushed it out: halve instead
            c = (a + b) / 2
        gc = g(c)
        if gc is None:
            return None
        if gc == 0:
            return c
        if (gc < 0) == (gb < 0):  # c replaces b; a stays, and its weight halves twice in a row
            b, gb = c, gc
            if side == -1:
                ga /= 2
            side = -1
        else:
            a, ga = b, gb
            b, gb = c, gc
            side = 1
    return (a + b) / 2


def nearest_root(g: Callable[[float], float | None], v0: float) -> float | None:
    """The crossing of g nearest v0 (on a log scale), looking outwards step by step on
    both sides: each step reruns the arithmetic, so the search stops at the first sign
    change rather than scanning all six decades; an input may enter twice (a share of a
    total that includes it), so no monotonic shape is assumed within the range."""
    at_v0 = g(v0)
    if at_v0 == 0:
        return v0
    step = 10 ** (1 / STEPS_PER_DECADE)
    sides = {1: (v0, at_v0), -1: (v0, at_v0)}  # the last point reached on each side
    for k in range(1, SCAN_DECADES * STEPS_PER_DECADE + 1):
        for direction in (1, -1):
            a, ga = sides[direction]
            b = v0 * step ** (direction * k)
            gb = g(b)
            sides[direction] = (b, gb)
            if ga is None or gb is None:
                continue
            if gb == 0:
                return b
            if (ga < 0) != (gb < 0):
                return bisect(g, a, b)
    return None
