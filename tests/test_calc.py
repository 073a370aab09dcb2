"""`claimcheck calc`: the library result, its rendering (golden files) and the command."""

from __future__ import annotations

import io
import json
from fractions import Fraction
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from claimcheck.checking.calc import calculate
from claimcheck.cli import app
from claimcheck.render.text_calc import render

from .conftest import CASES
from .golden import compare

runner = CliRunner()

#: name -> expression; each has a golden rendering under tests/cases/calc/<name>.txt
GOLDEN = {
    "price-per-tonne": "about $370 million / 3.7 million tons in USD/tonne",
    "share-verdict": "2.8 million t / 3.7 million t == roughly 70%",
    "voyages-per-day": "3.7 million t / 10,000 t",
    "period-rate": "370 voyages / (January to August 2019) in voyages per day",
    "inconsistent": "3.7 million t == about 2.8 million t",
    "unknown-unit": "3.7 million tonns / 2",
    "dimension-mismatch": "3 t + $5",
    "syntax": "2 * (3 +",
    "ambiguous": "5 pounds",
    "bound": "well over 10 t",
    "temperature": "30 °C",
}
GOLDENS = [CASES / "calc" / f"{name}.txt" for name in GOLDEN]


def _rendered(text: str) -> str:
    buffer = io.StringIO()
    render(calculate(text), Console(file=buffer, width=100, no_color=True, color_system=None,
                                    highlight=False, force_terminal=False))
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


@pytest.mark.parametrize("name", sorted(GOLDEN))
def test_calc_output_matches_golden(name: str, update_goldens: bool) -> None:
    text = GOLDEN[name]
    result = calculate(text)
    actual = f"$ claimcheck calc {text!r}\nexit status: {result.exit_status}\n" + _rendered(text)
    compare(actual, CASES / "calc" / f"{name}.txt", update_goldens)


def test_price_with_the_same_semantics_as_claim_files() -> None:
    result = calculate("about $370 million / 3.7 million tons in USD/tonne")
    assert result.value is not None and result.value.central == 100
    assert result.value.unit == "USD/t"
    assert float(result.value.rounding.lo) == pytest.approx(365 / 3.75)
    assert float(result.value.hedged.lo) == pytest.approx(365 * 0.9 / 3.75)
    assert result.hedges == ("about",)
    assert any("metric tonnes" in n for n in result.notes)
    assert any("'$' read as USD" in n for n in result.notes)


def test_comparison_gets_the_verdict_ladder() -> None:
    # 75.7% (73.3% to 78.1%) against 70% as written (69.5% to 70.5%): only the hedges
    assert calculate("2.8 million t / 3.7 million t == roughly 70%").verdict == "within_hedge"
    assert calculate("2.8 million t / 3.7 million t == 70%").verdict == "inconsistent"
    assert calculate("2.8 million t / 3.7 million t == about 76%").verdict == "consistent"
    assert calculate("3.7 million t == about 2.8 million t").verdict == "inconsistent"
    assert calculate("760 people <= about 700 people").verdict == "within_hedge"
    assert calculate("600 people == more than 500 people").verdict == "consistent"


@pytest.mark.parametrize(("text", "verdict"), [
    # bounds sit at the stated number itself, not at the edge of its rounding
    ("75.5% == more than 80%", "inconsistent"),
    ("80% == more than 80%", "within_rounding"),  # typed 80% is 79.5% to 80.5%
    ("80% == at least 80%", "within_rounding"),  # 79.5% to 80.5%: only part is >= 80
    ("81% == more than 80%", "consistent"),
    ("79% == less than 80%", "consistent"),
    # multiplier words are round multiples: doubled is 1.95 to 2.05 times
    ("1.97 == doubled", "consistent"),
    ("2.04 == doubled", "consistent"),
    ("1.6 == doubled", "inconsistent"),
    ("2.6 == doubled", "inconsistent"),
    ("1.8 == nearly doubled", "within_hedge"),
    ("0.55 == nearly halved", "within_hedge"),   # divided by nearly 2: up towards no change
    ("0.45 == nearly halved", "inconsistent"),   # more than halved is not nearly halved
    ("2.5 == more than doubled", "consistent"),
    # words read like digits; a fraction reaches halfway to its neighbours
    ("48% == almost half", "consistent"),
    ("23% == a quarter", "inconsistent"),
    ("25.5% == a quarter", "consistent"),
    ("30% == a quarter", "inconsistent"),
    ("2.1% == about 1 in 50", "within_hedge"),
    ("92% == nine in ten", "consistent"),  # 89.4% to 95%: up to halfway to all of them
    ("9.4% == a tenth", "inconsistent"),   # 9.5% to 10.6%: halfway to one in 11
    ("26% == 1/4", "consistent"),          # an inline fraction reads as 'a quarter' does
    ("30% == 1/4", "inconsistent"),
    # a stated vague count is any value in its range
    ("5 == several times", "consistent"),
    ("12 == several times", "inconsistent"),
    # a total where a rate was meant is a finding, not an error
    ("3 million t == 3 million t a year", "inconsistent"),
    # a fall: old is written once (new / old - 1), so its rounding is not counted twice
    ("pct_change(1000 t, 940 t) == down 12%", "inconsistent"),
    ("pct_change(1000 t, 940 t) == fell more than 11%", "inconsistent"),
    ("pct_change(1000 t, 940 t) == down 6%", "consistent"),
    # 'one every 40 seconds': the count is exact, the 40 seconds is 39.5 to 40.5 s
    ("1,100 per day == one every 40 seconds", "inconsistent"),
    ("3,200 per day == one every 40 seconds", "inconsistent"),
    ("2,160 per day == one every 40 seconds", "consistent"),
])
def test_reading_rules_in_comparisons(text: str, verdict: str) -> None:
    result = calculate(text)
    assert not result.diagnostics, result.diagnostics
    assert result.verdict == verdict, result.explanation


def test_conventions_apply() -> None:
    metric = calculate("1 million tons in tonnes")
    short = calculate("1 million tons in tonnes", {"ton": "short_ton"})
    assert metric.value is not None and short.value is not None
    assert metric.value.central == 1_000_000
    assert short.value.central == Fraction("907184.74")


def test_errors_are_located_with_hints() -> None:
    (d,) = calculate("3.7 million tonns / 2").diagnostics
    assert (d.code, d.span.column if d.span else 0) == ("unknown-unit", 13)
    assert d.hint is not None and "did you mean 'tonne'" in d.hint
    (d,) = calculate("3 t + $5").diagnostics
    assert d.code == "dimension-mismatch"
    assert [label.text for label in d.labels] == ["t (mass)", "USD (money)"]
    assert [(lb.span.column, lb.span.end_column) for lb in d.labels] == [(1, 4), (7, 9)]


@pytest.mark.parametrize(("args", "status"), [
    (["calc", "3.7 million t / 10000 t"], 0),
    (["calc", "2.8 million t / 3.7 million t == roughly 70%"], 0),
    (["calc", "3.7 million t == about 2.8 million t"], 1),
    (["calc", "3 t + $5"], 2),
    (["calc", "3 t", "--convention", "ton=metric"], 2),
])
def test_exit_codes(args: list[str], status: int) -> None:
    assert runner.invoke(app, args).exit_code == status


def test_json_for_scripts() -> None:
    result = runner.invoke(app, ["calc", "-f", "json", "2.8 million t / 3.7 million t == 70%"])
    doc = json.loads(result.output)
    assert doc["verdict"] == "inconsistent"
    assert doc["computed"]["unit"] == "%" and doc["stated"]["text"] == "70%"
    assert doc["gap"]["unit"] == "pp"
    bad = json.loads(runner.invoke(app, ["calc", "-f", "json", "3 tonns"]).output)
    assert bad["diagnostics"][0]["code"] == "unknown-unit"


def test_goldens_exist_for_every_case() -> None:
    names = {p.stem for p in (CASES / "calc").glob("*.txt")}
    assert names == set(GOLDEN), "remove stale goldens or add their expressions"
    assert all(isinstance(p, Path) for p in (CASES / "calc").glob("*.txt"))


@pytest.mark.parametrize(("text", "meaning"), [
    ("more than 80%", "more than 80%"),
    ("well over 10 t", "11 t or more (more than 10 t with the hedge)"),
    ("under 5 t", "less than 5 t"),
    ("several times", "3 times to 9 times"),
    # a sign printed before the figure is its bound
    ("> 612.5", "more than 612.5"),
    ("<= 5 t", "5 t or less"),
])
def test_a_bound_alone_shows_the_region_it_states(text: str, meaning: str) -> None:
    result = calculate(text)
    assert result.stated_meaning == meaning
    assert result.to_dict()["meaning"] == meaning
    assert f"means {meaning}" in _rendered(text)


@pytest.mark.parametrize(("expression", "shown"), [
    ("-6% == down 6%", "consistent"),
    ("-6 every 40 seconds", "= -0.15 per s"),  # '-c onds' is no --convention
])
def test_an_expression_may_start_with_a_minus(expression: str, shown: str) -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", "from claimcheck.cli import main; main()",
                           "calc", expression], capture_output=True, text=True, check=False,
                          env={**__import__("os").environ, "NO_COLOR": "1"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert shown in done.stdout


def test_piped_output_has_no_trailing_spaces() -> None:
    result = runner.invoke(app, ["calc", "2.8 million t / 3.7 million t == roughly 70%"],
                           env={"NO_COLOR": "1"})
    assert result.output and all(line == line.rstrip() for line in result.output.splitlines())


@pytest.mark.parametrize(("text", "hint"), [
    ("100 t / (0 t to 1 t)", "write a range with the unit once, at the end: '0 to 1 t'"),
    ("30 °C", "claimcheck does not read temperatures"),
    ("about 3.7 million tons.", "a sentence's punctuation is not part of the figure"),
])
def test_hints_that_say_what_to_write(text: str, hint: str) -> None:
    (d,) = calculate(text).diagnostics
    assert d.hint is not None and hint in d.hint


@pytest.mark.parametrize(("text", "value", "unit"), [
    # a rate times the people it is per: a count of what the rate counts, base folded in
    ("31 deaths per 100,000 residents * 5 million residents", 1550, "deaths"),
    ("31 per 100,000 residents * 5 million residents", 1550, ""),
    ("5 million residents * 31 deaths per 100,000 residents", 1550, "deaths"),
    ("2 deaths per 1,000 births * 5,000 births", 10, "deaths"),
    # a plain multiple of a rate is a rate of the same; with no people named it stays one
    ("2 * 31 per 100,000 residents", 62, "per 100,000 residents"),
    ("31 per 100,000 * 5 million", 155_000_000, "per 100,000"),
    ("$5 per person * 2", 10, "USD per person"),
    # shown in another unit, the base is gone from the value and from the words
    ("31 per 100,000 in %", Fraction(31, 1000), "%"),
    ("31 deaths per 100,000 residents in %", Fraction(31, 1000), "%"),
    ("31 per 100,000 residents in per 1,000 residents", Fraction(31, 100),
     "per 1,000 residents"),
])
def test_rates_per_a_round_base_show_their_true_value(text: str, value: object,
                                                      unit: str) -> None:
    shown = calculate(text).value
    assert shown is not None
    assert (shown.central, shown.unit) == (value, unit)


@pytest.mark.parametrize(("text", "verdict"), [
    # a stated side as printed, read as under `figures:` (written down before running)
    ("613 == > 612.5", "consistent"),
    ("612 == > 612.5", "inconsistent"),
    ("0.2% == 1/500th", "consistent"),
    ("0.3% == 1/500th", "inconsistent"),
    ("0.0001% == 1 in a million", "consistent"),
    ("1 == 1 in a million", "inconsistent"),
    ("95% == 99 in 100", "inconsistent"),
    ("102% == about nine out of ten", "inconsistent"),
    ("3 t == a few hundred t", "inconsistent"),
    ("exactly 400 ships == several hundred ships", "consistent"),
    ("300 ships == several hundred ships", "within_rounding"),  # 295 to 305: part of it
    ("US $240 == 240 USD", "consistent"),
    ("AU$240 == 240 AUD", "consistent"),
])
def test_stated_sides_as_printed(text: str, verdict: str) -> None:
    result = calculate(text)
    assert result.diagnostics == ()
    assert result.verdict == verdict


def test_dollars_under_a_chosen_convention_say_so() -> None:
    result = calculate("240 dollars", {"dollar": "CAD"})
    assert result.value is not None and result.value.unit == "CAD"
    assert "'dollars' read as CAD" in result.notes


@pytest.mark.parametrize(("text", "shown"), [
    # an exact value that ends within 15 digits is shown in full: read back, it is itself
    ("exactly 1 mile in m", "= 1,609.344 m"),
    ("exactly 1 gallon in mL", "= 3,785.411784 mL"),
    ("exactly 1 acre in m^2", "= 4,046.8564224 m²"),
    # one that does not end is shown as the verdict needs; read back, it still holds it
    ("exactly 1 hp in W", "= 746 W"),
    ("exactly 12 / exactly 23 in %", "= 52.2%"),
])
def test_an_exact_value_is_shown_in_full_when_it_ends(text: str, shown: str) -> None:
    assert shown in _rendered(text).splitlines()


@pytest.mark.parametrize(("text", "shown"), [
    # units of the oil and gas press as printed; M is a thousand in US usage, so a lone
    # 'Mb/d' or 'Mbbl' is refused (below), while MM, mb/d and mbpd are millions
    ("exactly 5 MMb/d", "= 5 million bbl/day"),
    ("exactly 3 MMbbl", "= 3 million bbl"),
    ("exactly 1.2 mbpd", "= 1.2 million bbl/day"),
    ("exactly 5 kbpd", "= 5 thousand bbl/day"),
    ("exactly 5 kboe/d", "= 5 thousand boe/day"),
    ("exactly 1.2 million tonnes per annum", "= 1.2 million t/year"),
    ("exactly 1 troy oz in g", "= 31.1034768 g"),
    ("exactly 10 ft3 in L", "= 283.16846592 L"),
    # pint's long names never reach the screen
    ("exactly 1 toe", "= 1 toe"),
    ("exactly 1 Btu", "= 1 Btu"),
])
def test_trade_press_units_as_printed(text: str, shown: str) -> None:
    assert shown in _rendered(text).splitlines()


@pytest.mark.parametrize(("text", "hint"), [
    ("5 Mb/d", "'Mb/d' is a thousand barrels a day in US usage"),
    ("3 Mbbl", "'Mbbl' is a thousand barrels in US usage"),
])
def test_thousand_or_million_m_is_refused_with_the_choices(text: str, hint: str) -> None:
    result = calculate(text)
    assert [d.code for d in result.diagnostics] == ["ambiguous-unit"]
    assert (result.diagnostics[0].hint or "").startswith(hint)


@pytest.mark.parametrize(("text", "verdict", "read_as"), [
    # 'doubled' beside a percentage: the ratio (200%) or the change (+100%), whichever the
    # figures support (verdicts written down before running)
    ("pct_change(100, 197) == doubled", "consistent", "+100%"),
    ("-50% == halved", "consistent", "-50%"),
    ("pct_change(100, 330) == more than tripled", "consistent", "+200%"),
    ("197% == doubled", "consistent", None),  # as a ratio
    ("pct_change(100, 160) == doubled", "inconsistent", None),
])
def test_a_percentage_beside_a_multiple_word_is_read_both_ways(
        text: str, verdict: str, read_as: str | None) -> None:
    result = calculate(text)
    assert result.verdict == verdict
    assert any("is a ratio, new / old" in n for n in result.notes)
    changed = f"(read as a change of {read_as})" in (result.stated_text or "")
    assert changed == (read_as is not None)
    assert not any("is a ratio" in n for n in calculate("197 / 100 == doubled").notes)


@pytest.mark.parametrize(("text", "verdict"), [
    # an exact stated value inside the recomputed rounding: consistent (written down first)
    ("4999 * 37% == exactly 1849", "consistent"),
    ("4999 * 37% == exactly 1880", "inconsistent"),  # outside 1,824.6 to 1,874.6, no hedge
    ("exactly 4999 * exactly 37% == exactly 1849", "inconsistent"),  # 1,849.63 is exact
])
def test_an_exact_stated_value_within_the_recomputed_rounding(text: str, verdict: str) -> None:
    assert calculate(text).verdict == verdict


@pytest.mark.parametrize(("text", "shown"), [
    # a share's counted noun, in calc as under `figures:`
    ("one in three adults", "= 33.3%"),
    ("nine out of ten doctors", "= 90%"),
    ("one in six U.S. adults", "= 16.7%"),
])
def test_a_share_of_a_counted_noun_reads_in_an_expression(text: str, shown: str) -> None:
    assert shown in _rendered(text).splitlines()
