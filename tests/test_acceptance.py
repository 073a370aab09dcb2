"""The bundled claim files are acceptance tests: every check states its expected verdict."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.engine import check_file, claim_files
from claimcheck.loader import Mapping, Scalar, Sequence, load

from .conftest import ROOT

CLAIMS = ROOT / "claims"
FILES = claim_files([CLAIMS])
ASIAPRESS = CLAIMS / "asiapress-2020-04-30-state-smuggling.yaml"
SOURCE_EXCERPT = ROOT / "tests" / "fixtures" / "asiapress-forpro3-2020-04-30.excerpt.txt"


def test_bundled_claims_exist() -> None:
    assert ASIAPRESS in FILES


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_check_gets_its_expected_verdict(path: Path) -> None:
    result = check_file(path)
    assert result.readable, result.diagnostics
    assert result.checks, "a bundled claim file must have checks"
    for check in result.checks:
        assert check.expected is not None, f"{check.id} states no expected verdict"
        assert check.verdict == check.expected, (check.id, check.explanation)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_bundled_claims_have_no_diagnostics(path: Path) -> None:
    result = check_file(path)
    assert result.all_diagnostics == []
    assert all(d.value is not None for d in result.derived)
    assert all(f.value is not None for f in result.figures)


def _asiapress_checks() -> dict[str, object]:
    return {c.id: c for c in check_file(ASIAPRESS).checks}


def test_transshipment_share_is_not_passed_silently() -> None:
    share = check_file(ASIAPRESS).checks[0]
    assert share.id == "transshipment-share"
    assert share.verdict == "within_rounding"
    assert share.computed is not None and share.stated is not None
    assert round(float(share.computed.central), 4) == 75.6757
    assert share.stated.rounding.lo == 65 and share.stated.rounding.hi == 75
    assert share.gap_unit == "pp"
    assert "75.7%" in share.explanation and "65% to 75%" in share.explanation
    assert "edge of rounding" in share.explanation


def test_implied_figures() -> None:
    derived = {d.name: d for d in check_file(ASIAPRESS).derived}
    price = derived["coal_price"].value
    assert price is not None and price.central == 100 and price.unit == "USD/t"
    assert 97 < price.rounding.lo < 98 and 102 < price.rounding.hi < 103
    sand = derived["sand_price"].value
    assert sand is not None and sand.central == 22
    assert sand.hedged.lo == 0 and sand.hedged.hi == 45  # an upper bound: mass is 'at least'
    per_day = derived["voyages_per_day"].value
    assert per_day is not None and per_day.unit == "voyages/day"
    assert abs(float(per_day.central) - 370 / 243) < 1e-12
    oil = derived["oil_imports_min"].value
    assert oil is not None and oil.central == 1_500_000 and oil.unit == "bbl/year"
    tonnes = derived["oil_imports_min_tonnes"].value
    assert tonnes is not None and tonnes.unit == "t/year"
    assert tonnes.rounding.lo == pytest.approx(1_350_000 / 8.5)
    assert tonnes.rounding.hi == pytest.approx(1_650_000 / 7.23)


def test_ton_and_barrel_conventions_are_visible() -> None:
    figures = {f.name: f for f in check_file(ASIAPRESS).figures}
    assert any("metric tonnes" in n for n in figures["coal_total"].notes)
    assert any("oil barrels" in n for n in figures["oil_cap"].notes)
    assert figures["coal_total"].hedge == "about"
    assert figures["sand_mass"].hedge == "at least"


def _quotes(path: Path) -> list[str]:
    root = load(path.as_posix(), path.read_text(encoding="utf-8"))
    assert isinstance(root, Mapping)
    quotes = []
    for section in ("figures",):
        node = root.get(section)
        assert isinstance(node, Mapping)
        for _, figure in node.items:
            assert isinstance(figure, Mapping)
            quote = figure.get("quote")
            assert isinstance(quote, Scalar)
            quotes.append(quote.text)
    assert not isinstance(root, Sequence)
    return quotes


def test_quotes_are_verbatim_from_the_source() -> None:
    # The fixture is an attributed excerpt of the publisher's export (see its header).
    text = SOURCE_EXCERPT.read_text(encoding="utf-8")
    for quote in _quotes(ASIAPRESS):
        assert quote in text, quote


def test_stated_figures_appear_in_their_quotes() -> None:
    result = check_file(ASIAPRESS)
    quotes = dict(zip([f.name for f in result.figures if f.kind == "figure"],
                      _quotes(ASIAPRESS), strict=True))
    for name, quote in quotes.items():
        figure = next(f for f in result.figures if f.name == name)
        number = next((w for w in figure.stated.replace("$", " ").split() if w[0].isdigit()),
                      None)
        if number is not None:
            assert number.split("-")[0] in quote, (name, number)
