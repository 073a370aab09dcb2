"""Property tests built from the grammar, checked against an independent oracle.

Every strategy here produces input that is valid by construction (a figure as a
reporter prints it, a claim file whose checks all evaluate), so that every example
reaches a reading or a verdict; ``pytest --hypothesis-show-statistics`` shows the
events (hedge kinds, verdicts) each test reached.  Expected values come from
``tests/oracle.py``: the documented rules written again, and interval results found by
brute force over grids of exact points, never from claimcheck's own formulas.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from decimal import Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from claimcheck.checking.engine import analyse_text
from claimcheck.checking.report import Shown
from claimcheck.checking.verdicts import exact_within, judge
from claimcheck.outcomes import Verdict
from claimcheck.quantities.intervals import INF, Interval, Region
from claimcheck.reading.cursor import ReadContext
from claimcheck.reading.figures import read_figure

from . import oracle

# --- figures as printed ---------------------------------------------------------------


def with_commas(n: int) -> str:
    return f"{n:,}"


@st.composite
def written_numbers(draw: st.DrawFn, scaled: bool = False) -> str:
    """A positive number as printed: a plain integer, a round one (trailing zeros, the
    case rule 1 is about), or a decimal with 1 to 3 digits (trailing zeros included)."""
    kind = draw(st.sampled_from(["integer", "round", "decimal"]))
    top = 9_999 if scaled else 10**8
    if kind == "integer":
        n = draw(st.integers(1, top))
    elif kind == "round":
        lead = draw(st.integers(1, 99))
        n = lead * 10 ** draw(st.integers(1, 3 if scaled else 7))
    else:
        decimals = draw(st.integers(1, 3))
        whole = draw(st.integers(0, 999 if scaled else 99_999))
        part = draw(st.integers(1 if whole == 0 else 0, 10**decimals - 1))
        head = with_commas(whole) if draw(st.booleans()) else str(whole)
        event(f"number: decimal, {decimals} digits")
        return f"{head}.{part:0{decimals}d}"
    event(f"number: {kind}")
    return with_commas(n) if draw(st.booleans()) else str(n)


HEDGES = ["", "", "", *oracle.APPROXIMATE, *oracle.BELOW, *oracle.UPWARD_BOUNDS,
          *oracle.DOWNWARD_BOUNDS]
#: (before the number, after it, whether a scale word may follow the number)
UNITS = [("", " t", True), ("", " tonnes", True), ("", " km", True), ("", "%", False),
         ("USD ", "", True), ("", " USD", True), ("", " barrels", True), ("", " MWh", True)]


@st.composite
def printed_figures(draw: st.DrawFn) -> tuple[str, oracle.Expected]:
    hedge = draw(st.sampled_from(HEDGES))
    before, after, scalable = draw(st.sampled_from(UNITS))
    scale = draw(st.sampled_from(["", "", "thousand", "million", "billion"])) if scalable else ""
    number = draw(written_numbers(scaled=bool(scale)))
    words = " ".join(w for w in (hedge, f"{before}{number}" + (f" {scale}" if scale else ""))
                     if w)
    event(f"hedge: {hedge or 'none'}")
    return words + after, oracle.expected(hedge, number, scale, percent=after == "%")


def _end(x: object) -> Fraction | None:
    return None if x in (INF, -INF) else Fraction(x)  # type: ignore[arg-type]



@given(printed_figures())
def test_printed_figures_read_as_the_rules_say(case: tuple[str, oracle.Expected]) -> None:
    text, want = case
    reading = read_figure(text, ReadContext())  # valid by construction: never an error
    q = reading.quantity
    assert q.central == want.central, text
    assert (q.rounding.lo, q.rounding.hi) == want.rounding, text
    assert (_end(q.hedged.lo), _end(q.hedged.hi)) == want.hedged, text
    if want.region is None:
        assert reading.region is None, text
    else:
        assert reading.region is not None, text
        strict = reading.region[0]
        assert (_end(strict.lo), _end(strict.hi), strict.lo_open, strict.hi_open) == \
            want.region, text


# --- claim files valid by construction, verdicts against the oracle ------------------

INPUT_HEDGES = ["", "", *oracle.APPROXIMATE[:2], *oracle.BELOW[:1]]
STATED_HEDGES = ["", "", "", "about", "nearly", "more than", "at least", "under", "up to"]
#: how far the stated figure is put from the true value, so that every verdict occurs
OFFSETS = [Fraction(1), Fraction(1), Fraction(101, 100), Fraction(97, 100),
           Fraction(105, 100), Fraction(9, 10), Fraction(115, 100), Fraction(6, 10),
           Fraction(3, 2), Fraction(1, 3)]


def significant(x: Fraction, digits: int) -> str:
    """x rounded to ``digits`` significant figures, written out in full ("370", "0.042")."""
    with localcontext() as ctx:
        ctx.prec = digits
        d = +(Decimal(x.numerator) / Decimal(x.denominator))
    return format(d, "f")


@st.composite
def input_figures(draw: st.DrawFn) -> tuple[str, str, oracle.Expected]:
    """(hedge, number, expected) of a figure used as an input: positive, not a bound."""
    hedge = draw(st.sampled_from(INPUT_HEDGES))
    number = draw(written_numbers())
    return hedge, number, oracle.expected(hedge, number, "")


def _span(pair: tuple[Fraction | None, Fraction | None]) -> tuple[Fraction, Fraction]:
    lo, hi = pair
    assert lo is not None and hi is not None
    return lo, hi


RegionEnds = tuple[Fraction | None, Fraction | None, bool, bool]


def _region_verdict(region: RegionEnds, rounding: tuple[Fraction, Fraction],
                    hedged: tuple[Fraction, Fraction], loose: RegionEnds | None = None) -> str:
    """The bound ladder of issue 7, by looking for witnesses among sample points: the
    stated region at face value for the first two tiers, its loose form (only "well
    over" / "well under" have one) for the hedge tier."""

    def inside(x: Fraction, ends: RegionEnds) -> bool:
        lo, hi, lo_open, hi_open = ends
        above = lo is None or (x > lo if lo_open else x >= lo)
        below = hi is None or (x < hi if hi_open else x <= hi)
        return above and below

    def witness(span: tuple[Fraction, Fraction], ends: RegionEnds) -> bool:
        inner = [e for e in ends[:2] if e is not None and span[0] <= e <= span[1]]
        return any(inside(x, ends) for x in [*oracle.grid(*span), *inner])

    if all(inside(x, region) for x in (rounding[0], rounding[1])):  # convex: ends decide
        return "consistent"
    if witness(rounding, region):
        return "within_rounding"
    if witness(hedged, loose or region):
        return "within_hedge"
    return "inconsistent"


def _file(figures: dict[str, str], assertion: str) -> str:
    rows = "\n".join(f'  {name}: {{stated: "{text}"}}' for name, text in figures.items())
    return ("source: {publisher: Example Wire, url: https://example.org/a, published: 2024}\n"
            f"figures:\n{rows}\n"
            f"checks:\n  - {{id: c, claim: generated, assert: {assertion}}}\n")


def _check_verdict(figures: dict[str, str], assertion: str) -> str:
    result, _ = analyse_text("generated.yaml", _file(figures, assertion))
    assert not result.diagnostics, result.diagnostics
    (check,) = result.checks
    return check.verdict


@st.composite
def derived_checks(draw: st.DrawFn) -> tuple[dict[str, str], str, str]:
    """A claim file of two input figures and a stated result (a price per tonne or a
    total), with the verdict the oracle gives it."""
    op_name = draw(st.sampled_from(["ratio", "sum"]))
    (ha, na, a), (hb, nb, b) = draw(input_figures()), draw(input_figures())
    op: Callable[[Fraction, Fraction], Fraction] = (
        operator.truediv if op_name == "ratio" else operator.add)
    central = op(b.central, a.central)
    rounding = oracle.image(op, oracle.grid(*b.rounding), oracle.grid(*a.rounding))
    hedged = oracle.image(op, oracle.grid(*_span(b.hedged)), oracle.grid(*_span(a.hedged)))
    stated_hedge = draw(st.sampled_from(STATED_HEDGES))
    number = significant(central * draw(st.sampled_from(OFFSETS)), draw(st.integers(1, 4)))
    stated = oracle.expected(stated_hedge, number, "")
    if stated.region is not None:
        assert stated.region is not None
        verdict = _region_verdict(stated.region, rounding, hedged)
    else:
        verdict = oracle.ladder(central, rounding, hedged, stated.rounding, _span(stated.hedged))
    unit_a, unit_b, unit_s = (("t", "USD", "USD per tonne") if op_name == "ratio"
                              else ("t", "t", "t"))
    figures = {"a": f"{ha} {na} {unit_a}".strip(), "b": f"{hb} {nb} {unit_b}".strip(),
               "stated": f"{stated_hedge} {number} {unit_s}".strip()}
    assertion = ("b / a == stated" if op_name == "ratio" else "b + a == stated")
    event(f"{op_name}, stated {'bound' if stated.region else 'value'}: {verdict}")
    return figures, assertion, verdict



@given(derived_checks())
def test_generated_claim_files_get_the_oracles_verdict(
        case: tuple[dict[str, str], str, str]) -> None:
    figures, assertion, want = case
    assert _check_verdict(figures, assertion) == want, (figures, assertion)


# --- interval laws: brute force over exact points, wide magnitudes --------------------

magnitudes = st.builds(
    lambda n, d, e: Fraction(n, d) * Fraction(10) ** e,
    st.integers(-10**12, 10**12), st.integers(1, 10**6), st.integers(-9, 9))


@st.composite
def bounded(draw: st.DrawFn, nonzero: bool = False) -> Interval:
    a, b = sorted((draw(magnitudes), draw(magnitudes)))
    if nonzero and a <= 0 <= b:
        a, b = (b, b * 2) if b > 0 else (a * 2, a)
        if a == b == 0:
            a, b = Fraction(1), Fraction(2)
    return Interval(a, b)


OPS: dict[str, Callable[[Fraction, Fraction], Fraction]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
    "min": min, "max": max}


def _apply(name: str, a: Interval, b: Interval) -> Interval:
    if name == "min":
        return a.minimum(b)
    if name == "max":
        return a.maximum(b)
    return {"+": operator.add, "-": operator.sub, "*": operator.mul,
            "/": operator.truediv}[name](a, b)



@given(st.sampled_from(sorted(OPS)), bounded(), bounded(nonzero=True), st.data())
def test_interval_results_are_the_exact_image_of_their_points(
        name: str, a: Interval, b: Interval, data: st.DataObject) -> None:
    """Sound (every x op y of a dense grid, and of random exact points, lies inside) and
    tight (the extremes over the grid are the ends): the result is the exact image."""
    event(f"op {name}")
    result = _apply(name, a, b)
    xs, ys = oracle.grid(a.lo, a.hi), oracle.grid(b.lo, b.hi)  # type: ignore[arg-type]
    low, high = oracle.image(OPS[name], xs, ys)
    assert (result.lo, result.hi) == (low, high)
    t = data.draw(st.fractions(0, 1, max_denominator=10**9))
    u = data.draw(st.fractions(0, 1, max_denominator=10**9))
    x, y = a.lo + t * (a.hi - a.lo), b.lo + u * (b.hi - b.lo)  # type: ignore[operator]
    assert result.contains(OPS[name](x, y))


@given(bounded())
def test_unary_results_are_the_exact_image_of_their_points(a: Interval) -> None:
    xs = oracle.grid(a.lo, a.hi, 16)  # type: ignore[arg-type]
    with_zero = [*xs, *([Fraction(0)] if a.contains_zero() else [])]
    assert (abs(a).lo, abs(a).hi) == (min(abs(x) for x in with_zero),
                                      max(abs(x) for x in with_zero))
    assert ((-a).lo, (-a).hi) == (min(-x for x in xs), max(-x for x in xs))


@given(bounded(), st.integers(-6, 6))
def test_powers_are_the_exact_image_of_their_points(a: Interval, n: int) -> None:
    if n < 0 and a.contains_zero():
        a = Interval(abs(a.hi) + 1, abs(a.hi) + 2)  # type: ignore[operator]
    result = a**n
    xs = oracle.grid(a.lo, a.hi, 16)  # type: ignore[arg-type]
    assert all(result.contains(x**n) for x in xs)
    # x**n is monotone on each side of zero: the extremes are at the ends or at zero
    candidates = [x**n for x in [*xs, *([Fraction(0)] if a.contains_zero() else [])]]
    assert (result.lo, result.hi) == (min(candidates), max(candidates))


# --- verdict laws ---------------------------------------------------------------------


@st.composite
def shown(draw: st.DrawFn) -> Shown:
    """A value as a check compares it: central in rounding in hedged, hedged possibly
    unbounded, values close enough together that every verdict occurs."""
    central = Fraction(draw(st.integers(-50, 50)), draw(st.sampled_from([1, 2, 10])))
    down, up = (Fraction(draw(st.integers(0, 8)), 4) for _ in range(2))
    more_down, more_up = (Fraction(draw(st.integers(0, 8)), 4) for _ in range(2))
    lo, hi = central - down, central + up
    hedged_lo = -INF if draw(st.integers(0, 9)) == 0 else lo - more_down
    hedged_hi = INF if draw(st.integers(0, 9)) == 0 else hi + more_up
    return Shown(central, Interval(lo, hi), Interval(hedged_lo, hedged_hi), "t")


@st.composite
def widened(draw: st.DrawFn, value: Shown) -> Shown:
    """The same value stated more loosely: each interval wider, nesting kept."""
    extra = [Fraction(draw(st.integers(0, 6)), 4) for _ in range(4)]
    rounding = Interval(value.rounding.lo - extra[0], value.rounding.hi + extra[1])  # type: ignore[operator]
    hedged = Interval(min(value.hedged.lo, rounding.lo) - extra[2],  # type: ignore[operator]
                      max(value.hedged.hi, rounding.hi) + extra[3])  # type: ignore[operator]
    return Shown(value.central, rounding, hedged, value.unit)


RELATIONS = ["==", "<", "<=", ">", ">="]
MIRROR = {"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "=="}


@given(st.sampled_from(RELATIONS), shown(), shown())
def test_a_relation_and_its_mirror_give_one_verdict(relation: str, a: Shown, b: Shown) -> None:
    """`a < b` and `b > a` say the same thing; `==` is symmetric in whether the two
    readings meet at all (only `consistent` asks whose central value lies where)."""
    forward = judge(relation, a, b)
    event(f"{relation}: {forward}")
    backward = judge(MIRROR[relation], b, a)
    if relation != "==":
        assert forward == backward
    else:
        meets = {Verdict.CONSISTENT, Verdict.WITHIN_ROUNDING}
        assert (forward in meets) == (backward in meets)
        assert (forward == Verdict.INCONSISTENT) == (backward == Verdict.INCONSISTENT)


def _finite(value: Shown) -> tuple[Fraction, tuple[Fraction, Fraction],
                                   tuple[Fraction, Fraction]]:
    """A Shown as plain fractions, far ends standing in for an unbounded hedge (the
    generated values stay within ±60)."""
    far = Fraction(10**6)
    lo = -far if value.hedged.lo == -INF else Fraction(value.hedged.lo)
    hi = far if value.hedged.hi == INF else Fraction(value.hedged.hi)
    return (value.central, (Fraction(value.rounding.lo), Fraction(value.rounding.hi)),
            (lo, hi))


@given(st.sampled_from(RELATIONS), shown(), shown())
def test_relations_follow_the_ladder(relation: str, computed: Shown, stated: Shown) -> None:
    """Every relation against the oracle's ladder (witnesses among sample points), so
    that `>` judged as `>=` (5 t > 5 t consistent) cannot pass."""
    c, s = _finite(computed), _finite(stated)
    if relation == "==":
        want = oracle.ladder(c[0], c[1], c[2], s[1], s[2])
    else:
        want = oracle.relation_ladder(relation, c, s)
    verdict = judge(relation, computed, stated)
    event(f"{relation}: {verdict}")
    assert verdict == want


@given(st.sampled_from(RELATIONS), shown(), shown(), st.data())
def test_stating_a_figure_more_loosely_never_worsens_its_verdict(
        relation: str, computed: Shown, stated: Shown, data: st.DataObject) -> None:
    """Monotonicity under widening: a looser stated figure, or a looser recomputation
    (wider rounding and hedges of its inputs), can only move a verdict up the ladder."""
    before = judge(relation, computed, stated)
    looser_stated = judge(relation, computed, data.draw(widened(stated)))
    looser_computed = judge(relation, data.draw(widened(computed)), stated)
    event(f"{relation}: {before}")
    # the one exception, by a rule of its own (docs/claim-format.md, verdicts.exact_within):
    # an exact stated value inside the recomputed rounding is consistent; widened, it is
    # no longer exact and goes back to the ladder (computed -14.5, rounding -15 to -14.5,
    # against exactly -15: consistent; against -15 to -14.75: within rounding)
    if relation == "==" and exact_within(computed, stated):
        # still overlapping the recomputed rounding: never worse than within rounding
        assert looser_stated.rank <= Verdict.WITHIN_ROUNDING.rank
    else:
        assert looser_stated.rank <= before.rank
    assert looser_computed.rank <= before.rank


def test_an_exact_stated_value_widened_leaves_its_own_rule() -> None:
    """The exception above, pinned: what the ladder says of it may change with evidence
    (a widened exact value judged less well than the exact one), but not unnoticed."""
    rounding = Interval(Fraction(-15), Fraction(-29, 2))
    computed = Shown(Fraction(-29, 2), rounding, Interval(-INF, INF), "t", 3)
    exact = Shown(Fraction(-15), Interval(Fraction(-15), Fraction(-15)),
                  Interval(-INF, INF), "t", 3)
    widened_ = Shown(Fraction(-15), Interval(Fraction(-15), Fraction(-59, 4)),
                     Interval(-INF, INF), "t", 3)
    assert judge("==", computed, exact) is Verdict.CONSISTENT
    assert judge("==", computed, widened_) is Verdict.WITHIN_ROUNDING


#: the bounds of claim-format.md's rule 2 at a stated number x (step: 10% of |x|), each
#: (at face value, loose): "well over 70" holds above 77, its hedge tier above 70
BOUND_REGIONS: dict[str, Callable[[Fraction, Fraction], tuple[RegionEnds, RegionEnds]]] = {
    "more than": lambda x, step: ((x, None, True, False),) * 2,
    "at least": lambda x, step: ((x, None, False, False),) * 2,
    "under": lambda x, step: ((None, x, False, True),) * 2,
    "up to": lambda x, step: ((None, x, False, False),) * 2,
    "just over": lambda x, step: ((x, x + step, True, False),) * 2,
    "just under": lambda x, step: ((x - step, x, False, True),) * 2,
    "well over": lambda x, step: ((x + step, None, False, False), (x, None, True, False)),
    "well under": lambda x, step: ((None, x - step, False, False), (None, x, False, True)),
}


def _as_region(ends: RegionEnds) -> Region:
    lo, hi, lo_open, hi_open = ends
    return Region(-INF if lo is None else lo, INF if hi is None else hi, lo_open, hi_open)


@given(shown(), st.sampled_from(sorted(BOUND_REGIONS)), st.integers(-50, 50))
def test_a_bound_is_judged_at_the_stated_number(computed: Shown, hedge: str,
                                                 at: int) -> None:
    """Issue 7's bound rule: "more than X" is > X itself; consistent when the whole
    recomputed rounding interval satisfies it, within rounding when part of it does,
    within hedge when only the recomputed hedged interval does (witnesses searched by
    the oracle among sample points).  The region is read from the words, as a claim
    file states it, and judged."""
    x = Fraction(at)
    strict, loose = BOUND_REGIONS[hedge](x, abs(x) / 10)
    reading = read_figure(f"{hedge} {at} t", ReadContext())
    assert reading.region == (_as_region(strict), _as_region(loose)), hedge
    verdict = judge("==", computed, computed, reading.region)
    c = _finite(computed)
    event(f"{hedge}: {verdict}")
    assert verdict == _region_verdict(strict, c[1], c[2], loose)


@pytest.mark.parametrize(("expression", "verdict"), [
    # a bound stated in another unit is converted, region and all
    ("1001 kg == more than 1 t", "consistent"),
    ("999 kg == more than 1 t", "inconsistent"),
    ("1000 kg == more than 1 t", "within_rounding"),   # 950 to 1,050 kg: partly above
    ("850 kg == well under 1 t", "consistent"),        # well under: at most 900 kg
    ("950 kg == well under 1 t", "within_hedge"),      # under 1 t, not by 10%
    ("1.2 t == more than 1,000 kg", "consistent"),
    # the stated bound shown in another unit: its region converted with it
    ("999 kg == more than 1 t in kg", "inconsistent"),
    ("1001 kg == more than 1 t in kg", "consistent"),
])
def test_a_bound_in_another_unit(expression: str, verdict: str) -> None:
    from claimcheck.checking.calc import calculate

    assert calculate(expression).verdict == verdict


def test_the_oracle_knows_the_documented_examples() -> None:
    """The oracle's own table rows, from rule 1 of docs/claim-format.md."""
    cases = {("10,000", ""): 500, ("70", ""): Fraction(1, 2), ("1", "million"): 50_000,
             ("500,000", ""): 5_000, ("370", ""): 5, ("1,400", ""): 50,
             ("3.70", ""): Fraction(5, 1000), ("3.7", "million"): 50_000}
    for (number, scale), half in cases.items():
        assert oracle.half_unit(number, oracle.SCALES[scale]) == half, number


@pytest.mark.parametrize("hedge", ["more than", "under"])
def test_the_oracle_puts_a_bound_at_the_number(hedge: str) -> None:
    want = oracle.expected(hedge, "80", "")
    assert want.rounding == (80, 80)
    assert want.region is not None and 80 in want.region
