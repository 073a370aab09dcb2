"""Sources as they are: partial dates, a missing headline, figures from a second outlet,
per-figure unit conventions, and figures printed bare."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.authoring.lint import lint_text
from claimcheck.checking.engine import check_text

FIGURES = """figures:
  us_coal: {stated: 100 million tons, quote: "100 million tons"}
  eu_coal:
    stated: 90.7 million tons
    quote: "90.7 million tons"
    conventions: {ton: tonne}
    source: {publisher: Eurostat, url: "https://ec.europa.eu/x", date: 2019, title: Coal}
checks:
  - {id: same, claim: the same coal, assert: us_coal == eu_coal}
"""


def _file(published: str = "2019-07-01", title: str = "title: T, ") -> str:
    return (f"source: {{publisher: Wire, {title}url: https://x.org, published: {published}}}\n"
            f"conventions: {{ton: short_ton}}\n{FIGURES}")


@pytest.mark.parametrize("published", ["2019", "2019-07", "2019-07-01"])
def test_published_may_be_a_year_or_a_month(published: str) -> None:
    result = check_text("s.yaml", _file(published))
    assert result.readable and result.published == published


@pytest.mark.parametrize("published", ["2019-13", "2019-02-30", "19", "July 2019"])
def test_published_must_be_a_real_date(published: str) -> None:
    result = check_text("s.yaml", _file(published))
    assert not result.readable
    assert result.diagnostics[0].code == "schema"


def test_a_missing_title_is_a_lint_warning_not_an_error() -> None:
    assert check_text("s.yaml", _file(title="")).readable
    codes = [d.code for d in lint_text("s.yaml", _file(title="")).diagnostics]
    assert "no-title" in codes
    assert "no-title" not in [d.code for d in lint_text("s.yaml", _file()).diagnostics]


def test_per_figure_conventions_and_source() -> None:
    result = check_text("s.yaml", _file())
    figures = {f.name: f for f in result.figures}
    # 100 million short tons are 90.718474 million tonnes: the two figures agree
    assert figures["us_coal"].value is not None
    assert figures["us_coal"].value.unit == "short ton"
    assert any("short tons" in n for n in figures["us_coal"].notes)
    assert any("metric tonnes" in n for n in figures["eu_coal"].notes)
    assert figures["eu_coal"].source == 'Eurostat, "Coal", 2019'
    assert figures["eu_coal"].url == "https://ec.europa.eu/x"
    (check,) = result.checks
    assert check.verdict == "consistent"
    assert check.computed is not None and check.computed.central == 90_718_474
    doc = result.to_dict()["figures"][1]
    assert doc["source"] == 'Eurostat, "Coal", 2019' and doc["url"] == "https://ec.europa.eu/x"
    # its parts, for a script that wants the date on its own
    assert doc["cited"] == {"publisher": "Eurostat", "title": "Coal", "date": "2019",
                            "url": "https://ec.europa.eu/x"}
    assert result.to_dict()["figures"][0]["cited"] is None  # the report's own figure


def test_a_figures_own_source_is_shown_by_verify(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimcheck.cli import app

    path = tmp_path / "s.yaml"
    path.write_text(_file(), encoding="utf-8")
    for width in ("80", "160"):  # cards and tables
        out = CliRunner().invoke(app, ["verify", str(path), "--no-cache"],
                                 env={"COLUMNS": width}).output
        assert 'Eurostat, "Coal", 2019' in out and "https://ec.europa.eu/x" in out


def test_a_figure_printed_bare_takes_its_unit_from_unit() -> None:
    text = """source: {publisher: W, title: T, url: https://x.org, published: 2024}
figures:
  men: {stated: "97.5 deaths among every 100,000 men"}
  women: {stated: "46.5", unit: "deaths per 100,000 women"}
  both: {stated: "5 t", unit: t}
checks:
  - {id: twice, claim: x, assert: "men / women == 2.1"}
"""
    result = check_text("u.yaml", text)
    figures = {f.name: f for f in result.figures}
    assert figures["women"].value is not None
    assert figures["women"].value.unit == "deaths per 100,000 women"
    assert any("from `unit:`" in n for n in figures["women"].notes)
    (d,) = figures["both"].diagnostics
    assert d.code == "schema" and "already in t" in d.message
    (check,) = result.checks
    assert check.verdict == "consistent"  # 97.5 / 46.5 = 2.097


@pytest.mark.parametrize(("default", "low", "high"), [
    (None, 9_500, 10_500),             # two significant figures
    ("one-figure", 5_000, 15_000),     # trailing zeros as rounding
    ("digits", 19_999 / 2, 20_001 / 2),
    ("exact", 10_000, 10_000),
])
def test_a_file_level_precision_is_every_figures_default(default: str | None, low: float,
                                                         high: float) -> None:
    head = "source: {publisher: W, title: T, url: https://x.org, published: 2024}\n"
    if default:
        head += f"precision: {default}\n"
    text = head + """figures:
  ship: {stated: "10,000 tonnes"}
  exact_ship: {stated: "10,000 tonnes", precision: "± 1,000"}
"""
    figures = {f.name: f for f in check_text("p.yaml", text).figures}
    ship, own = figures["ship"].value, figures["exact_ship"].value
    assert ship is not None and own is not None
    assert (float(ship.rounding.lo), float(ship.rounding.hi)) == (low, high)
    assert (own.rounding.lo, own.rounding.hi) == (9_000, 11_000)  # the figure's own wins
