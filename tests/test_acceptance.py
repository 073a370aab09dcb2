"""The bundled claim files are acceptance tests: every check states its expected verdict."""

from __future__ import annotations

from fractions import Fraction as F
from pathlib import Path

import pytest

from claimcheck.api import check_file, claim_files
from claimcheck.claimfile.loader import Mapping, Scalar, Sequence, load

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
    # 75.7% against 'roughly 70%' (69.5% to 70.5% as written): only the hedges reconcile
    assert share.verdict == "within_hedge"
    assert share.computed is not None and share.stated is not None
    assert round(float(share.computed.central), 4) == 75.6757
    assert share.stated.rounding.lo == F(139, 2) and share.stated.rounding.hi == F(141, 2)
    assert share.gap_unit == "pp"
    assert "75.68%" in share.explanation and "69.5% to 70.5%" in share.explanation
    assert "through the hedges 'roughly', 'about'" in share.explanation
    # the coarser one-figure reading would have met at the edge of rounding: said, not used
    assert any("one significant figure" in n and "within rounding" in n for n in share.notes)


def test_voyages_read_the_ship_to_two_significant_figures() -> None:
    checks = {c.id: c for c in check_file(ASIAPRESS).checks}
    # 3.7 million t / 10,000 t = 370 voyages: 3.65/10,500 to 3.75/9,500 million = 347.6 to 394.7
    all_coal = checks["voyages-for-all-coal"]
    assert all_coal.verdict == "consistent" and all_coal.computed is not None
    assert all_coal.computed.rounding.lo == F(3_650_000, 10_500)
    assert all_coal.computed.rounding.hi == F(3_750_000, 9_500)
    # 2.8 million t / 10,000 t = 280 voyages (261.9 to 300), not 370
    transshipped = checks["voyages-for-transshipped-coal"]
    assert transshipped.verdict == "inconsistent" and transshipped.computed is not None
    assert transshipped.computed.central == 280
    assert transshipped.computed.rounding.hi == 300
    assert any("5,000 t to 15,000 t" in n for n in transshipped.notes)


def test_implied_figures() -> None:
    derived = {d.name: d for d in check_file(ASIAPRESS).derived}
    price = derived["coal_price"].value
    assert price is not None and price.central == 100 and price.unit == "USD/t"
    assert price.rounding.lo == F(365, 375) * 100 and price.rounding.hi == F(375, 365) * 100
    sand = derived["sand_price"].value
    assert sand is not None and sand.central == 22
    # $22 million (21.5 to 22.5) over at least 1 million t: at most 22.5 USD/t
    assert (sand.rounding.lo, sand.rounding.hi) == (F(43, 2), F(45, 2))
    assert sand.hedged.lo == 0 and sand.hedged.hi == F(45, 2)
    per_day = derived["voyages_per_day"].value
    assert per_day is not None and per_day.unit == "voyages/day"
    assert per_day.central == F(370, 243)
    oil = derived["oil_imports_min"].value
    assert oil is not None and oil.central == 1_500_000 and oil.unit == "bbl/year"
    assert (oil.rounding.lo, oil.rounding.hi) == (1_485_000, 1_515_000)  # 3 x (495k to 505k)
    tonnes = derived["oil_imports_min_tonnes"].value
    assert tonnes is not None and tonnes.unit == "t/year"
    # the range 7.23 to 8.50 barrels a tonne: each end as written, 7.225 to 8.505
    assert tonnes.rounding.lo == F(1_485_000) / F("8.505")
    assert tonnes.rounding.hi == F(1_515_000) / F("7.225")


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
