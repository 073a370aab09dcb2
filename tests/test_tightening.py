"""A figure entering an expression twice: ranges tightened, still sound."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.checking.engine import check_text

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


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999),
       st.fractions(min_value=0, max_value=1))
def test_tightened_range_still_contains_every_point(part: int, rest: int, t: Fraction) -> None:
    check = _check(f"""figures:
  a: {{stated: {part} t}}
  b: {{stated: {rest} t}}
checks:
  - {{id: s, claim: x, assert: a / (a + b) == 50%}}
""")
    assert check.computed is not None
    # any a, b inside their rounding ranges gives a share inside the computed range
    a = part - Fraction(1, 2) + t
    b = rest - Fraction(1, 2) + (1 - t)
    if part % 10 == 0 or rest % 10 == 0:
        return  # trailing zeros widen the rounding; the simple corner walk below assumes ±0.5
    share = 100 * a / (a + b)
    assert check.computed.rounding.lo <= share <= check.computed.rounding.hi
