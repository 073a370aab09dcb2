"""A figure entering an expression twice: ranges tightened, still sound."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.checking.engine import check_text

from . import oracle

HEADER = "source: {publisher: P, title: T, url: u, published: 2024-01-02}\n"


def _check(body: str):  # type: ignore[no-untyped-def]
    result = check_text("t.yaml", HEADER + body)
    assert result.all_diagnostics == [], result.all_diagnostics
    return result.checks[0]


def test_dependency_no_longer_flips_the_verdict() -> None:
    check = _check("""figures:
  children: {stated: 350 children}
  adults: {stated: 850 children}
  share: {stated: 29.8%}
checks:
  - {id: s, claim: x, assert: children / (children + adults) == share}
""")
    # the true range is 345/1200 = 28.75% to 355/1200 = 29.58%: it never reaches 29.75%
    assert check.verdict == "inconsistent"
    assert check.computed is not None
    assert Fraction(2874, 100) <= check.computed.rounding.lo <= Fraction(2875, 100)
    assert Fraction(2958, 100) <= check.computed.rounding.hi <= Fraction(2960, 100)


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999))
def test_tightened_range_still_contains_every_point(part: int, rest: int) -> None:
    """Sound on a dense grid of exact points of both rounding ranges, round numbers
    (whose rounding rule 1 widens: 350 is ±5, 100 is ±5) included, and never wider than
    plain interval arithmetic."""
    check = _check(f"""figures:
  a: {{stated: {part} t}}
  b: {{stated: {rest} t}}
checks:
  - {{id: s, claim: x, assert: a / (a + b) == 50%}}
""")
    assert check.computed is not None
    got = check.computed.rounding
    ha, hb = oracle.half_unit(str(part), 1), oracle.half_unit(str(rest), 1)
    a_points = oracle.grid(part - ha, part + ha)
    b_points = oracle.grid(rest - hb, rest + hb)
    shares = [100 * a / (a + b) for a in a_points for b in b_points]
    assert got.lo <= min(shares) and max(shares) <= got.hi
    naive_lo = 100 * (part - ha) / (part + ha + rest + hb)
    naive_hi = 100 * (part + ha) / (part - ha + rest - hb)
    assert naive_lo <= got.lo and got.hi <= naive_hi


def test_an_exact_figure_entering_twice_is_not_split() -> None:
    """An exact figure has no range to split into pieces: it enters as itself."""
    check = _check("""figures:
  children: {stated: exactly 350 children}
  adults: {stated: 850 children}
  share: {stated: 29.2%}
checks:
  - {id: s, claim: x, assert: children / (children + adults) == share}
""")
    assert check.verdict == "consistent"
    assert check.computed is not None
    # 350 / (350 + 845) to 350 / (350 + 855): the exact figure's one value throughout
    assert check.computed.rounding.lo == Fraction(35000, 1205)
    assert check.computed.rounding.hi == Fraction(35000, 1195)


def test_a_tightened_value_keeps_its_unit() -> None:
    check = _check("""figures:
  cargo: {stated: 10 t}
checks:
  - {id: s, claim: x, assert: cargo - cargo / 4 == 7.5 t}
""")
    assert check.verdict == "consistent"
    assert check.computed is not None and check.computed.unit == "t"
    # 9.5 to 10.5 t, three quarters of it: the true 7.125 to 7.875 t, enclosed, and
    # tighter than plain interval arithmetic's 9.5 - 10.5/4 to 10.5 - 9.5/4
    lo, hi = check.computed.rounding.lo, check.computed.rounding.hi
    assert Fraction(55, 8) < lo <= Fraction(57, 8) and Fraction(63, 8) <= hi < Fraction(65, 8)


def test_three_repeated_figures_are_still_tightened() -> None:
    """Tightening splits up to three repeated figures (MAX_REPEATED): with exactly three,
    a / (a + b + c) * (b + c) comes out tighter than plain interval arithmetic."""
    check = _check("""figures:
  a: {stated: 350 t}
  b: {stated: 850 t}
  c: {stated: 120 t}
checks:
  - {id: s, claim: x, assert: a / (a + b + c) * (b + c) / (a + b + c) == 18%}
""")
    assert check.computed is not None
    got = check.computed.rounding
    shares = [100 * a * (b + c) / (a + b + c) ** 2 for a in oracle.grid(345, 355, 4)
              for b in oracle.grid(845, 855, 4) for c in oracle.grid(115, 125, 4)]
    assert got.lo <= min(shares) and max(shares) <= got.hi  # sound
    # tighter than twice the true width (plain interval arithmetic gives four times it)
    assert got.hi - got.lo < 2 * (max(shares) - min(shares))
