"""Peer conformance: claimcheck against the values numbat and GNU units assert or define.

Every case in cases.yaml runs: an exact comparison (or within the peer's own stated
tolerance, `rel`), a pinned deliberate difference, or an expected failure (`xfail`) that
fails the suite as soon as claimcheck starts to agree, so the list of gaps stays true.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimcheck.checking.calc import calculate

CASES_FILE = Path(__file__).with_name("cases.yaml")
KEYS = {"expr", "expect", "rel", "source", "derivation", "note", "difference", "claimcheck",
        "claimcheck_error", "xfail"}


def _load() -> list[Any]:
    data = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    params = []
    for peer, cases in data.items():
        for i, case in enumerate(cases):
            params.append(pytest.param(case, id=f"{peer}-{i:02d}-{case['expr']}"))
    return params


CASES = _load()


def _exact(text: str) -> Fraction:
    return Fraction(str(text).replace("_", ""))


def _outcome(case: dict[str, Any]) -> tuple[Fraction | None, str, str]:
    """(central value, unit, diagnostics text) of claimcheck's reading of the case."""
    result = calculate(case["expr"])
    problems = "; ".join(f"{d.message} ({d.hint})" if d.hint else d.message
                         for d in result.diagnostics)
    if result.diagnostics or result.value is None:
        return None, "", problems or "no value"
    central = result.value.central
    assert isinstance(central, Fraction), f"central value {central!r} is not exact"
    return central, result.value.unit, ""


def _matches(got: Fraction, want: Fraction, rel: str | None) -> bool:
    if rel is None:
        return got == want
    return abs(got - want) <= _exact(rel) * abs(want)


def _describe(got: Fraction | None, unit: str, problems: str) -> str:
    if got is None:
        return f"claimcheck: {problems}"
    return f"claimcheck gives {got} = {float(got):.17g} {unit}"


def test_cases_file_is_well_formed() -> None:
    data = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    assert set(data) == {"numbat", "gnu_units"}
    cases = [c for cs in data.values() for c in cs]
    assert len(cases) >= 60
    for case in cases:
        assert set(case) <= KEYS, set(case) - KEYS
        assert {"expr", "expect", "source"} <= set(case), case
        assert case["expr"].startswith(("exactly ", "1 / exactly", "pct_change(exactly")), case
        _exact(case["expect"])
        assert case["source"].startswith(("numbat: ", "GNU units definitions.units: ")), case
        if "difference" in case:
            assert ("claimcheck" in case) != ("claimcheck_error" in case), case
            assert "xfail" not in case, case
        else:
            assert "claimcheck" not in case and "claimcheck_error" not in case, case


@pytest.mark.parametrize("case", CASES)
def test_conformance(case: dict[str, Any]) -> None:
    got, unit, problems = _outcome(case)
    want = _exact(case["expect"])
    rel = case.get("rel")
    agrees = got is not None and _matches(got, want, rel)

    if "xfail" in case:
        if agrees:
            pytest.fail(f"{case['expr']!r} now agrees with the peer ({case['source']}): "
                        "remove its xfail from cases.yaml and from README.md")
        pytest.xfail(f"{case['xfail']} [{_describe(got, unit, problems)}]")

    if "difference" in case:
        if "claimcheck_error" in case:
            assert got is None, (f"{case['expr']!r} no longer refuses: {got} {unit}; "
                                 f"the pinned difference is: {case['difference']}")
            assert case["claimcheck_error"] in problems, problems
            return
        assert got is not None, problems
        own = _exact(case["claimcheck"])
        assert got == own, (f"{case['expr']!r}: {_describe(got, unit, problems)}, but the "
                            f"pinned difference says {own} ({case['difference']})")
        assert not _matches(own, want, rel), ("claimcheck now agrees with the peer: drop "
                                              "the difference")
        return

    assert got is not None, f"{case['expr']!r}: {problems} ({case['source']})"
    assert _matches(got, want, rel), (f"{case['expr']!r}: {_describe(got, unit, problems)}, "
                                      f"the peer says {want} = {float(want):.17g} "
                                      f"({case['source']})")
