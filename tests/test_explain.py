"""`claimcheck explain`: derivation trees, sensitivity, the solver and honest wordings."""

from __future__ import annotations

import io
import json
from fractions import Fraction

import pytest
from rich.console import Console
from typer.testing import CliRunner

from claimcheck.checking.engine import analyse_text
from claimcheck.checking.explain import Explanation, explain_env
from claimcheck.cli import app
from claimcheck.render.text_explain import render

from .conftest import CASES, ROOT
from .golden import compare

runner = CliRunner()
BUNDLED = ROOT / "claims" / "asiapress-2020-04-30-state-smuggling.yaml"
EXPLAIN_GOLDEN = CASES / "explain" / "asiapress.txt"
ERRORS_GOLDEN = CASES / "explain" / "errors.txt"
MARKDOWN_GOLDEN = ROOT / "tests" / "golden" / "explain" / "asiapress.md"
GOLDENS = [EXPLAIN_GOLDEN, ERRORS_GOLDEN, MARKDOWN_GOLDEN]
HEADER = "source: {publisher: Wire, title: T, url: https://example.org, published: 2024-01-02}\n"


def explain(body: str, header: str = HEADER) -> dict[str, Explanation]:
    result, env = analyse_text("t.yaml", header + body)
    assert env is not None and result.all_diagnostics == [], result.all_diagnostics
    return {e.check.id: e for e in explain_env(env, result.checks)}


def bundled() -> dict[str, Explanation]:
    return explain(BUNDLED.read_text(encoding="utf-8"), header="")


def test_explain_output_matches_golden(update_goldens: bool,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result, env = analyse_text("claims/" + BUNDLED.name, BUNDLED.read_text(encoding="utf-8"))
    assert env is not None
    buffer = io.StringIO()
    render(result, explain_env(env, result.checks),
           Console(file=buffer, width=120, no_color=True, color_system=None, highlight=False))
    text = "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"
    compare(text, EXPLAIN_GOLDEN, update_goldens)


def test_tree_shows_every_input_as_stated() -> None:
    e = bundled()["transshipment-share"]
    assert e.computed is not None and e.stated is not None
    assert e.computed.value == e.check.computed  # the root is in the compared unit (%)
    leaves = {c.name: c for c in e.computed.children}
    total = leaves["coal_total"]
    assert total.stated == "about 3.7 million tons" and total.hedge == "about"
    assert total.quote is not None and "3.7 million tons of coal" in total.quote
    assert any("metric tonnes" in n for n in total.notes)
    assert e.stated.name == "transshipped_share" and e.stated.stated == "roughly 70%"


def test_derived_figures_expand_into_their_expressions() -> None:
    body = """figures:
  value: {stated: $370 million}
  mass: {stated: 3.7 million tonnes}
derived:
  price: value / mass in USD/t
checks:
  - {id: price, claim: x, assert: price == 100 USD/t}
"""
    e = explain(body)["price"]
    assert e.computed is not None and e.computed.kind == "derived"
    (inner,) = e.computed.children
    assert inner.expr == "value / mass"
    assert [c.name for c in inner.children] == ["value", "mass"]


def test_sensitivity_finds_the_dominant_input() -> None:
    shares = {s.name: s for s in bundled()["voyages-for-all-coal"].sensitivity}
    # 10,000 t is ±5% (two significant figures), 3.7 million t ±1.35%: the ship dominates
    ship = shares["ship_size"].rounding
    assert ship is not None and ship > Fraction(3, 4)
    assert sum(s.rounding or 0 for s in shares.values()) == 1


def test_sensitivity_reports_inputs_that_leave_a_range_unbounded() -> None:
    body = """figures:
  value: {stated: $22 million}
  mass: {stated: at least 1 million tonnes}
checks:
  - {id: price, claim: x, assert: value / mass <= 30 USD/t}
"""
    shares = {s.name: s for s in explain(body)["price"].sensitivity}
    # a bound is its stated number at face value: its width is all in the hedge tier
    assert shares["mass"].rounding == 0
    assert shares["mass"].hedged is not None and shares["mass"].hedged > Fraction(1, 2)


def test_solver_matches_the_reported_example() -> None:
    e = bundled()["transshipment-share"]
    solved = {s.name: s for s in e.solutions}
    assert float(solved["coal_transshipped"].value or 0) == pytest.approx(2.59e6, rel=1e-9)
    assert float(solved["coal_total"].value or 0) == pytest.approx(4e6, rel=1e-9)
    # the shortest value that, rerun, makes the check consistent; the exact meeting value
    # is 2.59 million t
    assert solved["coal_transshipped"].value_text == "2.6 million t"
    low, high = solved["coal_total"].low, solved["coal_total"].high
    assert low is not None and high is not None
    # consistent while 2.8 million / total stays within 69.5% to 70.5%
    assert float(low) == pytest.approx(2.8e6 / 0.705)
    assert float(high) == pytest.approx(2.8e6 / 0.695)
    assert e.summary == ("coal_transshipped = 2.6 million t, or coal_total = 4 million t, "
                         "would make the check consistent")


def test_solver_values_are_shown_to_the_digits_that_make_them_true() -> None:
    """The regression: '3.64 trillion would make $11,121 per person exact', though 3.64
    trillion gives 11,159, outside its own 'consistent from' range."""
    body = (CASES / "verdicts" / "display-digits.yaml").read_text(encoding="utf-8")
    e = explain(body, header="")["gdp-per-person"]
    solved = {s.name: s for s in e.solutions}
    assert solved["gdp"].value_text == "3.6277 trillion USD"
    assert solved["gdp"].range_text == "3.6276 trillion USD to 3.6278 trillion USD"
    assert solved["per_person"].role == "stated"
    assert solved["per_person"].value_text == "11,159 USD per person"
    assert e.summary is not None and e.summary.endswith("would make the check consistent")


def test_solver_for_a_stated_bound_finds_where_the_whole_range_is_inside() -> None:
    body = """figures:
  yes: {stated: "7,800 votes"}
  total: {stated: "10,000 votes"}
  share: {stated: more than 80%}
checks:
  - {id: share, claim: x, assert: yes / total == share}
"""
    solved = {s.name: s for s in explain(body)["share"].solutions}
    # 10,000 is 9,500 to 10,500: more than 80% throughout needs yes > 8,400
    assert (solved["yes"].value_text, solved["yes"].range_text) == (
        "8,410 votes", "8,410 votes or more")
    # 7,800 is 7,750 to 7,850: total < 7,750 / 0.8 = 9,687.5
    assert solved["total"].range_text == "9,680 votes or less"


def test_solver_for_checks_that_move_in_jumps_gives_the_nearest_working_values() -> None:
    e = explain((ROOT / "claims" / "examples" / "newsroom-arithmetic.yaml").read_text(
        encoding="utf-8"), header="")
    grim = {s.name: s for s in e["grim"].solutions}["survey_mean"]
    assert grim.nearest == ("5.18", "5.21") and grim.role == "both"
    share = {s.name: s for s in e["possible-share"].solutions}["panel_share"]
    assert share.nearest == ("48%", "52%")


def test_solver_with_an_input_that_enters_twice() -> None:
    body = """figures:
  part: {stated: exactly 2.8 t}
  rest: {stated: exactly 0.9 t}
  share: {stated: 60%}
checks:
  - {id: share, claim: x, assert: part / (part + rest) == share}
"""
    solved = {s.name: s for s in explain(body)["share"].solutions}
    # part / (part + 0.9) = 0.6  ->  part = 1.35;  2.8 / (2.8 + rest) = 0.6  ->  rest = 1.8667
    assert float(solved["part"].value or 0) == pytest.approx(1.35, rel=1e-9)
    assert float(solved["rest"].value or 0) == pytest.approx(2.8 / 0.6 - 2.8, rel=1e-9)


def test_solver_says_when_no_value_can_make_it_true() -> None:
    body = """figures:
  part: {stated: exactly 2.8 t}
  rest: {stated: exactly 0.9 t}
  share: {stated: 150%}
checks:
  - {id: share, claim: x, assert: part / (part + rest) == share}
"""
    e = explain(body)["share"]
    part = next(s for s in e.solutions if s.name == "part")
    assert part.value is None and part.message.startswith("no value of part alone")
    # the range searched, each end with its unit
    assert part.message.endswith("(searched from a thousandth to a thousand times its "
                                 "value: 0.0028 t to 2,800 t)"), part.message
    assert e.check.verdict == "inconsistent"


def test_honest_wordings() -> None:
    assert bundled()["transshipment-share"].wordings == ("about 76%", "roughly three-quarters")
    assert bundled()["voyages-for-transshipped-coal"].wordings == ("about 280 voyages",)
    assert bundled()["voyages-for-all-coal"].wordings == ()  # consistent: nothing to reword


def test_every_bundled_check_is_explained() -> None:
    explained = bundled()
    assert len(explained) == 6
    for e in explained.values():
        assert e.computed is not None and e.stated is not None
        assert e.sensitivity


def test_cli_text_json_and_errors() -> None:
    path = str(BUNDLED)
    text = runner.invoke(app, ["explain", path, "transshipment-share"])
    assert text.exit_code == 0 and "roughly three-quarters" in text.output
    doc = json.loads(runner.invoke(app, ["explain", path, "-f", "json"]).output)
    assert [c["id"] for c in doc["checks"]][:1] == ["transshipment-share"]
    assert doc["checks"][0]["computed"]["children"][0]["name"] == "coal_transshipped"
    assert doc["derived"] and doc["diagnostics"] == []
    unknown = runner.invoke(app, ["explain", path, "transhipment-share"])
    assert unknown.exit_code == 2 and "did you mean 'transshipment-share'" in unknown.output
    missing = runner.invoke(app, ["explain", "no/such.yaml"])
    assert missing.exit_code == 2 and "error[file-unreadable]" in missing.output


def test_checks_in_error_are_explained_without_crashing() -> None:
    body = """figures:
  a: {stated: 3 t}
  b: {stated: $5}
checks:
  - {id: bad, claim: x, assert: a + b == a}
"""
    result, env = analyse_text("t.yaml", HEADER + body)
    assert env is not None
    (e,) = explain_env(env, result.checks)
    assert e.check.verdict == "error" and e.solutions == ()


def test_explain_error_case_matches_golden(update_goldens: bool) -> None:
    case = CASES / "verdicts" / "unexpected-verdict.yaml"
    bad = CASES / "expressions" / "dimension-mismatch.yaml"
    out = []
    for path in (case, bad):
        result = runner.invoke(app, ["explain", str(path.relative_to(ROOT))],
                               env={"COLUMNS": "110", "NO_COLOR": "1"})
        out.append(f"$ claimcheck explain {path.relative_to(ROOT)}\n"
                   f"exit status: {result.exit_code}\n"
                   + "\n".join(line.rstrip() for line in result.output.splitlines()))
    compare("\n\n".join(out) + "\n", ERRORS_GOLDEN, update_goldens)


def test_json_fields_are_the_documented_ones() -> None:
    doc = json.loads(runner.invoke(app, ["explain", str(BUNDLED), "-f", "json"]).output)
    check = doc["checks"][0]
    assert set(check) == {"id", "claim", "verdict", "explanation", "notes", "computed", "stated",
                          "sensitivity", "solutions", "would_make_it_true", "honest_wordings",
                          "unsolved_inputs"}
    assert set(check["computed"]) == {"expr", "kind", "name", "value", "stated", "quote",
                                      "precision", "hedge", "hedge_rule", "notes", "children"}
    assert set(check["sensitivity"][0]) == {"name", "rounding", "hedged", "unbounds"}
    assert set(check["solutions"][0]) == {"name", "value", "value_text", "low", "high",
                                          "range_text", "message", "role", "nearest"}
    page = (ROOT / "docs" / "show-the-work.md").read_text(encoding="utf-8")
    for key in ("would_make_it_true", "honest_wordings", "unbounds", "range_text"):
        assert f"`{key}`" in page


def test_markdown_for_an_editors_notes(update_goldens: bool,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["explain", str(BUNDLED.relative_to(ROOT)), "-f", "markdown"])
    assert result.exit_code == 0
    assert "### <code>transshipment-share</code>: ⚠️ within hedge" in result.output
    assert "| <code>coal_transshipped</code> | 57% | 51% |" in result.output
    compare(result.output, MARKDOWN_GOLDEN, update_goldens)


def test_markdown_escapes_what_a_claim_file_says() -> None:
    body = """figures:
  part: {stated: 2.8 t, quote: "see [this](https://evil.example) @editor <b>now</b>"}
  total: {stated: 3.7 t}
  share: {stated: 60%}
checks:
  - {id: share, claim: "*all* of it `x`", assert: part / total == share}
"""
    from claimcheck.render.markdown_explain import render as render_markdown

    result, env = analyse_text("t.yaml", HEADER + body)
    assert env is not None
    out = render_markdown(result, explain_env(env, result.checks))
    assert "[this](" not in out and "\\[this\\]" in out
    assert "@editor" not in out and "&#64;editor" in out
    assert "<b>" not in out and "&lt;b&gt;" in out
    assert "\\*all\\*" in out and "\\`x\\`" in out


def test_a_number_in_an_expression_is_shown_as_exact_and_a_fall_worded_as_one() -> None:
    body = """figures:
  old: {stated: 1000 t}
  new: {stated: 940 t}
  fall: {stated: down 12%}
checks:
  - {id: fall, claim: x, assert: "pct_change(old, new) * 1 == fall"}
"""
    e = explain(body)["fall"]
    assert e.computed is not None
    literal = e.computed.children[1]
    assert (literal.expr, literal.precision) == ("1", "exact (a number in an expression)")
    assert e.wordings == ("down about 6%",)
