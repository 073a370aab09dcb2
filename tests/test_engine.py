"""The engine end to end on small claim files: verdicts, conventions, overrides, errors."""

from __future__ import annotations

from fractions import Fraction

import pytest

from claimcheck.checking.engine import check_text
from claimcheck.checking.report import ExitStatus, Report, Shown
from claimcheck.checking.verdicts import judge
from claimcheck.quantities.intervals import INF, Interval, Region

HEADER = "source: {publisher: Wire, title: T, url: https://example.org, published: 2024-01-02}\n"


def run(body: str) -> Report:
    return Report((check_text("t.yaml", HEADER + body),))


def verdicts(body: str) -> dict[str, str]:
    return {c.id: c.verdict for c in run(body).files[0].checks}


def S(central: float, lo: float, hi: float, hlo: float | None = None,
      hhi: float | None = None, unit: str = "") -> Shown:
    def f(x: float) -> Fraction | float:
        return x if x in (INF, -INF) else Fraction(str(x))

    rounding = Interval(f(lo), f(hi))
    hedged = Interval(f(hlo if hlo is not None else lo), f(hhi if hhi is not None else hi))
    central_value = f(central)
    assert isinstance(central_value, Fraction)
    return Shown(central_value, rounding, hedged, unit)


def R(lo: float, hi: float, lo_open: bool = False, hi_open: bool = False) -> Region:
    def f(x: float) -> Fraction | float:
        return x if x in (INF, -INF) else Fraction(str(x))

    return Region(f(lo), f(hi), lo_open, hi_open)


MORE_THAN_500 = (R(500, INF, lo_open=True),) * 2
AT_LEAST_500 = (R(500, INF),) * 2
LESS_THAN_500 = (R(-INF, 500, hi_open=True),) * 2
WELL_OVER_70 = (R(77, INF), R(70, INF, lo_open=True))
BOUND = S(500, 500, 500, 500, INF)


@pytest.mark.parametrize(("relation", "computed", "stated", "region", "expected"), [
    ("==", S(70, 69, 71), S(70, 65, 75), None, "consistent"),
    ("==", S(75.7, 73.3, 78.1), S(70, 65, 75, 58.5, 82.5), None, "within_rounding"),
    ("==", S(60.8, 60.2, 61.4, 49, 68), S(50, 45, 55, 40.5, 60.5), None, "within_hedge"),
    ("==", S(3.7, 3.65, 3.75), S(2.8, 2.75, 2.85, 2.48, 3.14), None, "inconsistent"),
    ("==", S(75, 74, 76), S(70, 65, 75), None, "consistent"),      # edge is inside
    ("==", S(76, 75, 77), S(70, 65, 75), None, "within_rounding"),  # touching edges meet
    # a stated bound: the whole recomputed rounding range must satisfy it
    ("==", S(600, 600, 600), BOUND, MORE_THAN_500, "consistent"),
    ("==", S(400, 400, 400), BOUND, MORE_THAN_500, "inconsistent"),
    ("==", S(500, 500, 500), BOUND, MORE_THAN_500, "inconsistent"),  # 500 is not > 500
    ("==", S(500, 500, 500), BOUND, AT_LEAST_500, "consistent"),     # ... but is >= 500
    ("==", S(501, 499, 503), BOUND, MORE_THAN_500, "within_rounding"),
    ("==", S(500, 499, 500), BOUND, MORE_THAN_500, "inconsistent"),  # touches, never above
    ("==", S(500, 499, 500), BOUND, AT_LEAST_500, "within_rounding"),
    ("==", S(490, 485, 495, 440, 540), BOUND, MORE_THAN_500, "within_hedge"),
    ("==", S(490, 485, 495, 440, 500), BOUND, MORE_THAN_500, "inconsistent"),
    ("==", S(490, 485, 495, 440, 500), BOUND, AT_LEAST_500, "within_hedge"),
    ("==", S(400, 395, 405), BOUND, LESS_THAN_500, "consistent"),
    ("==", S(500, 500, 500), BOUND, LESS_THAN_500, "inconsistent"),
    ("==", S(80, 79.5, 80.5), BOUND, WELL_OVER_70, "consistent"),
    ("==", S(77, 76.5, 77.5), BOUND, WELL_OVER_70, "within_rounding"),
    ("==", S(72, 71.5, 72.5), BOUND, WELL_OVER_70, "within_hedge"),   # the hedge's own looseness
    ("==", S(70, 69.5, 70), BOUND, WELL_OVER_70, "inconsistent"),
    # a stated vague count: any value in its range
    ("==", S(5, 5, 5), BOUND, (R(3, 9),) * 2, "consistent"),
    ("==", S(9, 8.5, 9.5), BOUND, (R(3, 9),) * 2, "within_rounding"),
    ("==", S(12, 12, 12), BOUND, (R(3, 9),) * 2, "inconsistent"),
    ("<", S(1, 1, 1), S(2, 2, 2), None, "consistent"),
    ("<", S(2, 1.5, 2.5), S(2, 1.5, 2.5), None, "within_rounding"),
    ("<=", S(2, 2, 2), S(2, 2, 2), None, "consistent"),
    ("<", S(2, 2, 2), S(2, 2, 2), None, "inconsistent"),
    (">", S(2, 2, 2), S(2, 2, 2), None, "inconsistent"),
    (">=", S(2, 2, 2), S(2, 2, 2), None, "consistent"),
    (">", S(1.5e6, 1.35e6, 1.65e6), S(5e5, 4.5e5, 5.5e5), None, "consistent"),
    (">=", S(760, 755, 765, 680, 765), S(800, 750, 850), None, "within_rounding"),
    ("<=", S(760, 755, 765, 680, 765), S(700, 650, 750, 585, 825), None, "within_hedge"),
    (">", S(1, 1, 1), S(5, 4, 6), None, "inconsistent"),
])
def test_verdict_ladder(relation: str, computed: Shown, stated: Shown,
                        region: tuple[Region, Region] | None, expected: str) -> None:
    assert judge(relation, computed, stated, region) == expected


def test_more_than_is_consistent_with_any_larger_value() -> None:
    body = """figures:
  crowd: {stated: more than 500 people}
  counted: {stated: exactly 612 people}
checks:
  - {id: crowd, claim: more than 500 came, assert: counted == crowd}
"""
    assert verdicts(body) == {"crowd": "consistent"}


def test_short_ton_convention_changes_the_arithmetic() -> None:
    body = """conventions: {ton: short_ton}
figures:
  coal: {stated: 1 million tons}
  metric: {stated: "907,000 tonnes"}
checks:
  - {id: same, claim: same mass, assert: coal == metric}
"""
    report = run(body)
    (check,) = report.files[0].checks
    assert check.verdict == "consistent"
    assert any("short tons (2,000 lb)" in n for n in check.notes)
    figure = report.files[0].figures[0]
    assert figure.value is not None and figure.value.unit == "short ton"


def test_hedge_override_in_the_file() -> None:
    table = """figures:
  part: {stated: about 2.8 million tonnes}
  total: {stated: about 3.7 million tonnes}
  share: {stated: about 60%}
checks:
  - {id: share, claim: about 60%, assert: part / total == share}
"""
    assert verdicts(table) == {"share": "within_hedge"}
    strict = "hedges:\n  about: {kind: approximate, widen: 1%}\n" + table
    assert verdicts(strict) == {"share": "inconsistent"}


def test_currencies_are_never_converted() -> None:
    body = """figures:
  a: {stated: $100 million}
  b: {stated: €90 million}
checks:
  - {id: same, claim: the same money, assert: a == b}
"""
    (check,) = run(body).files[0].checks
    assert check.verdict == "error"
    assert check.diagnostics[0].code == "dimension-mismatch"


def test_a_bad_check_does_not_hide_the_others() -> None:
    body = """figures:
  a: {stated: 10 tonnes}
  b: {stated: 10 t}
checks:
  - {id: broken, claim: x, assert: a == nope}
  - {id: fine, claim: y, assert: a == b}
  - {id: mixed, claim: z, assert: a == 10 USD}
  - {id: adding, claim: w, assert: a + 10 USD == b}
"""
    # the two sides measuring different things is a finding; adding tonnes to dollars
    # inside one side is an error of the claim file
    assert verdicts(body) == {"broken": "error", "fine": "consistent",
                              "mixed": "inconsistent", "adding": "error"}


def test_self_reference_and_duplicates() -> None:
    body = """figures:
  a: {stated: 10 t}
assumptions:
  a: {value: 3 t, source: x}
derived:
  loop: loop + a
checks:
  - {id: one, claim: x, assert: loop == a}
  - {id: one, claim: y, assert: a == a}
"""
    result = run(body).files[0]
    codes = sorted(d.code for d in result.all_diagnostics)
    assert codes == ["broken-reference", "cycle", "duplicate-id", "duplicate-name"]
    assert "loop -> loop" in next(d.message for d in result.all_diagnostics if d.code == "cycle")


def test_expect_mismatch_fails_the_run() -> None:
    body = """figures:
  a: {stated: 10 t}
checks:
  - {id: same, claim: x, assert: a == a, expect: inconsistent}
"""
    report = run(body)
    assert report.exit_status is ExitStatus.FAILED
    assert report.unexpected


def test_percentage_gap_is_in_points_and_relative_otherwise() -> None:
    body = """figures:
  part: {stated: 2.8 million t}
  total: {stated: 3.7 million t}
  share: {stated: 70%}
  ships: {stated: 300 voyages}
checks:
  - {id: share, claim: x, assert: part / total == share}
  - {id: ships, claim: y, assert: total / 10000 t == ships}
"""
    share, ships = run(body).files[0].checks
    assert share.gap_unit == "pp" and share.gap is not None
    assert float(share.gap) == pytest.approx(75.6757 - 70, abs=1e-3)
    assert ships.gap_unit == "relative" and ships.gap is not None
    assert float(ships.gap) == pytest.approx(370 / 300 - 1)


def test_display_unit_in_a_check() -> None:
    body = """figures:
  value: {stated: $370 million}
  mass: {stated: 3.7 million tonnes}
checks:
  - {id: price, claim: x, assert: value / mass in USD/t == 100 USD/t}
"""
    result = run(body).files[0]
    assert result.all_diagnostics == []
    (check,) = result.checks
    assert check.verdict == "consistent"
    assert check.computed is not None and check.computed.unit == "USD/t"


def test_period_rates() -> None:
    body = """figures:
  period: {stated: January to August 2019}
  trips: {stated: 370 voyages}
derived:
  per_day: trips / period in voyages per day
  per_month: trips / period in voyages per month
"""
    derived = {d.name: d.value for d in run(body).files[0].derived}
    assert derived["per_day"] is not None and derived["per_day"].central == Fraction(370, 243)
    assert derived["per_month"] is not None
    assert float(derived["per_month"].central) == pytest.approx(370 / 243 * 365.25 / 12)


def test_library_never_prints(capsys: pytest.CaptureFixture[str]) -> None:
    run("figures:\n  a: {stated: 1 tonns}\n")
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_display_never_rounds_an_inconsistency_away() -> None:
    body = """figures:
  part: {stated: exactly 7555.4 t}
  total: {stated: exactly 10000 t}
  share: {stated: 75.5%}
checks:
  - {id: share, claim: x, assert: part / total == share}
"""
    (check,) = run(body).files[0].checks
    assert check.verdict == "inconsistent"  # 75.554% lies just above 75.55%
    assert "75.554%" in check.explanation and "75.55%" in check.explanation


def test_words_right_after_a_number_are_its_noun_even_when_they_name_a_figure() -> None:
    """'192 LNG carriers' on the stated side of a check whose figure is `carriers`: no
    operator joins the number and the word, so the word is the figure's noun."""
    report = run("""figures:
  carriers: {stated: 96 LNG carriers, quote: "96 LNG carriers"}
  days: {stated: 730 t, quote: "730 t"}
checks:
  - {id: a, claim: c, assert: carriers * 2 == 192 LNG carriers}
  - {id: b, claim: c, assert: carriers == 96 carriers}
  - {id: c, claim: c, assert: days / 365 days == 2 t/day}
  - {id: d, claim: c, assert: 2 carriers == 192 LNG carriers}
""")
    checks = {c.id: c for c in report.files[0].checks}
    assert {k: c.verdict for k, c in checks.items() if k != "d"} == {
        "a": "consistent", "b": "consistent", "c": "consistent"}
    # juxtaposition never multiplies: '2 carriers' is two of them, not 2 x the figure
    assert checks["d"].verdict == "inconsistent"
