"""Every number on screen is one the engine stands behind: the intervals a report shows,
parsed back and judged, give the verdict shown beside them; every value the solver
suggests, parsed back and rerun, makes its check consistent.

The checks are every check in the bundled claims, the corpus and the case files, plus
random ones (hypothesis)."""

from __future__ import annotations

import io
import re
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from claimcheck import expressions as ex
from claimcheck.checking.calc import calculate
from claimcheck.checking.engine import analyse_text, compare_check, display_path
from claimcheck.checking.environment import Env
from claimcheck.checking.explain import explain_check
from claimcheck.checking.report import CheckResult, FileResult, Shown
from claimcheck.checking.verdicts import judge
from claimcheck.outcomes import Verdict
from claimcheck.quantities import formatting as fmt
from claimcheck.quantities.intervals import INF, Bound, Interval, Region
from claimcheck.quantities.quantity import Quantity
from claimcheck.reading.figures import ReadContext, read_figure
from claimcheck.render import markdown, plain, text, text_calc

from .conftest import CASES, ROOT

FILES = sorted([*ROOT.glob("claims/*.yaml"), *ROOT.glob("tests/corpus/*.yaml"),
                *CASES.glob("verdicts/*.yaml"), *CASES.glob("explain/*.yaml")])

_NUMBER = re.compile(r"-?[\d,]+(?:\.\d+)?(?:e[-+]\d+)?(?: (?:million|billion|trillion))?")


def number(shown: str) -> Fraction:
    """The value of the number at the start of ``shown`` ("11,120.5 USD per person"),
    read back exactly as claimcheck reads a figure."""
    found = _NUMBER.match(shown.strip())
    assert found, f"no number at the start of {shown!r}"
    return read_figure(found.group(0), ReadContext(), "exact").quantity.central


def interval(shown: str) -> Interval:
    """An interval as fmt.interval writes it, parsed back."""
    shown = shown.strip()
    if shown == "any value":
        return Interval(-INF, INF)
    if shown.startswith("at least "):
        return Interval(number(shown[len("at least "):]), INF)
    if shown.startswith("at most "):
        return Interval(-INF, number(shown[len("at most "):]))
    if " to " in shown:
        low, high = shown.split(" to ")
        return Interval(number(low), number(high))
    return Interval.point(number(shown))


def region(shown: str) -> Region:
    """A region as fmt.region writes it, parsed back."""
    shown = shown.strip()
    if shown.startswith("more than ") and ", up to " in shown:
        low, high = shown[len("more than "):].split(", up to ")
        return Region(number(low), number(high), lo_open=True,
                      hi_open=high.endswith("(not included)"))
    if shown.startswith("more than "):
        return Region(number(shown[len("more than "):]), INF, lo_open=True)
    if shown.startswith("less than "):
        return Region(-INF, number(shown[len("less than "):]), hi_open=True)
    if shown.endswith(" or more"):
        return Region(number(shown), INF)
    if shown.endswith(" or less"):
        return Region(-INF, number(shown))
    if " to less than " in shown:
        low, high = shown.split(" to less than ")
        return Region(number(low), number(high), hi_open=True)
    if " to " in shown:
        low, high = shown.split(" to ")
        return Region(number(low), number(high))
    return Region(number(shown), number(shown))


def meaning(shown: str) -> tuple[Region, Region]:
    """'more than 80% (more than 72% with the hedge)' parsed back."""
    strict, _, loose = shown.partition(" (")
    return region(strict), region(loose.removesuffix(" with the hedge)")) if loose else \
        region(strict)


def value_lines(shown: str) -> tuple[Fraction, Interval | None, Interval | None]:
    """A value cell: the central value, then its range, then 'hedged: ...'."""
    lines = shown.split("\n")
    central = number(lines[0])
    rounding = hedged = None
    for line in lines[1:]:
        if line.startswith("hedged: "):
            hedged = interval(line[len("hedged: "):])
        else:
            rounding = interval(line)
    return central, rounding, hedged


def plain_value(shown: str) -> tuple[Fraction, Interval | None, Interval | None]:
    """plain.value's '2.59 million t (2.52 million t to 2.66 million t; hedged: ...)'."""
    head, _, ranges = shown.partition(" (")
    lines = [head] + [r.strip() for r in ranges.removesuffix(")").split("; ") if r]
    return value_lines("\n".join(lines))


def rebuilt(exact: Shown, central: Fraction | None, rounding: Interval | None,
            hedged: Interval | None) -> Shown:
    """The value a reader sees; what is not shown is taken as it is (the test then rests
    on what is shown alone)."""
    rounding = rounding or exact.rounding
    return Shown(exact.central if central is None else central, rounding,
                 hedged or (rounding if exact.hedged == exact.rounding else exact.hedged),
                 exact.unit)


def judged(c: CheckResult, computed: Shown, stated: Shown) -> str:
    assert c.relation is not None
    bound = meaning(c.stated_meaning) if c.stated_meaning and c.relation == "==" else None
    return judge(c.relation, computed, stated, bound).value


def _checks() -> list[tuple[FileResult, CheckResult]]:
    found = []
    for path in FILES:
        result, _ = analyse_text(display_path(path), path.read_text(encoding="utf-8"))
        found += [(result, c) for c in result.checks
                  if c.computed is not None and c.stated is not None and c.verdict != "error"
                  and c.computed.unit == c.stated.unit]
    return found


CHECKS = _checks()


def test_the_suite_has_checks_of_every_verdict() -> None:
    verdicts = {c.verdict for _, c in CHECKS}
    assert {"consistent", "within_rounding", "within_hedge", "inconsistent"} <= verdicts
    assert len(CHECKS) > 150


@pytest.mark.parametrize(("result", "check"), CHECKS,
                         ids=[f"{Path(r.path).stem}:{c.id}" for r, c in CHECKS])
def test_shown_numbers_give_the_shown_verdict(result: FileResult, check: CheckResult) -> None:
    assert check.computed is not None and check.stated is not None
    # the text report's Stated and Recomputed cells
    stated_lines = text.stated_cell(check).plain.split("\n")[1:]
    stated = check.stated
    if not check.stated_meaning and stated_lines:
        _, rounding, hedged = value_lines("0\n" + "\n".join(stated_lines))
        stated = rebuilt(check.stated, None, rounding, hedged)
    computed = rebuilt(check.computed, *value_lines(text.recomputed_cell(check).plain))
    assert judged(check, computed, stated) == check.verdict, (stated_lines, computed)
    # explain's trees and the plain formats
    both = [rebuilt(v, *plain_value(plain.value(v))) for v in (check.computed, check.stated)]
    assert judged(check, both[0], both[1]) == check.verdict
    # markdown shows the central value and its rounding
    cells = [markdown._value(v) for v in (check.computed, check.stated)]
    both = [rebuilt(v, *plain_value(cell)) for v, cell in zip((check.computed, check.stated),
                                                                cells, strict=True)]
    assert judged(check, both[0], both[1]) == check.verdict


def test_a_figure_stated_to_the_dollar_is_shown_to_the_dollar() -> None:
    """The regression: '$11,121 per person' beside a recomputed 11,160 was shown as
    '11,100 USD to 11,200 USD', which a reader takes to meet it."""
    path = CASES / "verdicts" / "display-digits.yaml"
    result, _ = analyse_text(display_path(path), path.read_text(encoding="utf-8"))
    (check,) = result.checks
    assert check.verdict == "inconsistent"
    assert "11,120.5 USD per person to 11,121.5 USD per person" in text.stated_cell(
        check).plain
    assert text.recomputed_cell(check).plain.split("\n")[1] == (
        "11,141.7 USD per person to 11,175.9 USD per person")


# --- the solver -------------------------------------------------------------------------

def _solver_cases() -> list[tuple[str, Env, CheckResult]]:
    found = []
    for path in FILES:
        result, env = analyse_text(display_path(path), path.read_text(encoding="utf-8"))
        if env is None:
            continue
        found += [(f"{path.stem}:{c.id}", env, c) for c in result.checks
                  if c.verdict not in ("consistent", "error") and c.stated is not None
                  and c.computed.unit == c.stated.unit]
    return found


SOLVER_CASES = _solver_cases()


def _rerun(env: Env, check: CheckResult, name: str, shown: str, role: str) -> str:
    """The check's verdict with input ``name`` replaced by the text the solver shows."""
    assertion = ex.parse_assertion(check.assertion, env.ctx)
    own = env.entries[name].value
    assert own is not None
    if role in ("stated", "both"):
        spec = env.model.figures.get(name)
        q = read_figure(shown, env.ctx.for_figures(), spec.precision if spec else None
                        ).quantity.to(own.unit).with_label(own.label)
    else:
        q = Quantity.exact(number(shown), own.unit).with_label(own.label)
    return compare_check(env, assertion, {name: q}).verdict.value


def _boundary(value_text: str, side: str) -> Bound:
    """Just beyond a one-sided answer's shown boundary, in the direction that holds."""
    x = number(value_text)
    nudge = abs(x) / 10**12 if x else Fraction(1, 10**12)
    return x + nudge if side == "above" else x - nudge


def test_the_solver_has_cases_to_answer() -> None:
    assert len(SOLVER_CASES) > 40


@pytest.mark.parametrize(("case", "env", "check"), SOLVER_CASES,
                         ids=[c[0] for c in SOLVER_CASES])
def test_every_suggestion_makes_its_check_consistent(case: str, env: Env,
                                                     check: CheckResult) -> None:
    explanation = explain_check(env, check)
    for s in explanation.solutions:
        if s.value_text is None:
            continue
        if check.relation != "==":
            assert s.range_text is not None
            side, _, boundary = s.range_text.partition(" ")
            own = env.entries[s.name].value
            assert own is not None
            q = Quantity.exact(Fraction(_boundary(boundary, side)), own.unit)
            assertion = ex.parse_assertion(check.assertion, env.ctx)
            assert compare_check(env, assertion, {s.name: q}).verdict == Verdict.CONSISTENT
            continue
        assert _rerun(env, check, s.name, s.value_text, s.role) == "consistent", s
        for other in s.nearest:
            assert _rerun(env, check, s.name, other, s.role) == "consistent", (s, other)
        if s.range_text is not None and s.range_text.endswith((" or more", " or less")):
            # a threshold: the value shown, and values beyond it, hold
            beyond = _boundary(s.value_text, "above" if s.range_text.endswith("more")
                               else "below")
            own = env.entries[s.name].value
            assert own is not None
            q = Quantity.exact(Fraction(beyond), own.unit).with_label(own.label)
            assertion = ex.parse_assertion(check.assertion, env.ctx)
            assert compare_check(env, assertion, {s.name: q}).verdict == Verdict.CONSISTENT
        elif s.range_text is not None:
            low, high = s.range_text.split(" to ")
            assert number(low) < number(high), s
            assert number(low) <= number(s.value_text) <= number(high), s
            for end in (low, high):
                assert _rerun(env, check, s.name, end, s.role) == "consistent", (s, end)


_FIGURE = st.decimals(min_value="0.01", max_value="99999", places=2, allow_nan=False,
                      allow_infinity=False)


@settings(max_examples=60, deadline=None)  # each example explains a check
@given(part=_FIGURE, total=_FIGURE, share=st.integers(1, 99))
def test_random_shares_show_truthful_numbers_and_suggestions(part: object, total: object,
                                                             share: int) -> None:
    body = f"""source: {{publisher: Example Wire, url: https://example.org/a, published: 2024}}
figures:
  part: {{stated: "{part} t"}}
  total: {{stated: "{total} t"}}
  share: {{stated: "{share}%"}}
checks:
  - {{id: share, claim: x, assert: part / total == share}}
"""
    result, env = analyse_text("random.yaml", body)
    assert env is not None
    (check,) = result.checks
    if check.verdict == "error":
        return
    assert check.computed is not None and check.stated is not None
    shown = [rebuilt(v, *plain_value(plain.value(v))) for v in (check.computed, check.stated)]
    assert judged(check, shown[0], shown[1]) == check.verdict
    if check.verdict == "consistent":
        return
    for s in explain_check(env, check).solutions:
        if s.value_text is not None:
            assert _rerun(env, check, s.name, s.value_text, s.role) == "consistent", s


def _calc_screen(expression: str) -> dict[str, list[str]]:
    """`claimcheck calc` as drawn, its rows by label ('recomputed', 'rounding', ...)."""
    console = Console(file=io.StringIO(), width=400, no_color=True)
    text_calc.render(calculate(expression), console)
    rows: dict[str, list[str]] = {}
    for line in console.file.getvalue().splitlines():  # type: ignore[attr-defined]
        label, _, rest = line.strip().partition("  ")
        rows.setdefault(label, []).append(rest.strip())
    return rows


@given(a=_FIGURE, b=_FIGURE, c=_FIGURE)
def test_random_calc_comparisons_show_truthful_numbers(a: object, b: object,
                                                       c: object) -> None:
    expression = f"{a} t / {b} h == {c} t/h"
    result = calculate(expression)
    if result.diagnostics or result.computed is None or result.stated is None:
        return
    rows = _calc_screen(expression)
    # rows: recomputed, rounding, [with hedges], stated, rounding, ...
    computed_central = number(rows["recomputed"][0].partition(" = ")[2])
    stated_central = number(rows["stated"][0].partition(" = ")[2])
    computed_rounding, stated_rounding = (interval(r) for r in rows["rounding"])
    check = CheckResult(id="calc", claim="", assertion=result.text, verdict=result.verdict or "",
                        explanation="", span=None, relation=result.relation,
                        computed=result.computed, stated=result.stated)
    shown = [rebuilt(result.computed, computed_central, computed_rounding, None),
             rebuilt(result.stated, stated_central, stated_rounding, None)]
    assert judged(check, shown[0], shown[1]) == result.verdict, rows


# --- digits that keep distinct values distinct --------------------------------------------

@pytest.mark.parametrize(("values", "digits"), [
    # "22.0" beside "22" reads back as one value: 1,234 per 5.6 million people per
    # 100,000 (22.0357...) needs a fourth digit
    ((Fraction(1234 * 100_000, 5_600_000), Fraction(22)), 4),
    # "10.0" and "10.00" (9.9963... and 10.0013... at three digits) are one value too
    ((Fraction(29989, 3000), Fraction(30004, 3000)), 4),
    ((Fraction(5, 2), Fraction(25001, 10000)), 5),  # "2.5" and "2.50" are one value
    ((Fraction(1234), Fraction(1245)), 4),  # short values shown exactly: 1,245
    ((Fraction(1, 3), Fraction(2, 3)), 3),
    ((Fraction(0), Fraction(1, 10**9)), 3),
])
def test_digits_for_keeps_values_a_reader_parses_back_distinct(
        values: tuple[Fraction, ...], digits: int) -> None:
    assert fmt.digits_for(values) == digits
    shown = [number(fmt.number(v, digits)) for v in values]
    assert len(set(shown)) == len(values)


@given(st.fractions(max_denominator=10**12).filter(lambda x: abs(x) < 10**15),
       st.integers(1, 15))
def test_exact_digits_are_the_digits_of_the_decimal(x: Fraction, limit: int) -> None:
    digits = fmt._exact_digits(x, limit)
    if digits is None:  # its decimals never end, or need more than the limit
        assert all(fmt.shown_value(x, d) != x for d in range(1, limit + 1))
    else:
        assert fmt.shown_value(x, digits) == x
        assert digits == 1 or fmt.shown_value(x, digits - 1) != x
