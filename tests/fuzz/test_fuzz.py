"""The fuzz harness: what strangers send never crashes claimcheck, every failure is a
located diagnostic, every output stays well formed, and equivalent encodings of one claim
get one verdict.

In the suite each property runs a few dozen examples; `python scripts/fuzz.py --minutes
15` runs them for as long as asked, with fresh seeds.  A finding becomes a case in
tests/hostile/cases.yaml (see docs/testing.md).
"""

from __future__ import annotations

import io
import json
import os
import re
from fractions import Fraction
from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rich.console import Console

from claimcheck.authoring.drafting import render_draft
from claimcheck.authoring.extract import find_mentions, load_article
from claimcheck.authoring.lint import lint_text
from claimcheck.checking import lock
from claimcheck.checking.calc import calculate
from claimcheck.checking.engine import analyse_text, check_text
from claimcheck.checking.explain import explain_env
from claimcheck.checking.report import Report
from claimcheck.claimfile import config
from claimcheck.diagnostics import ClaimcheckError
from claimcheck.expressions import evaluate, parse_expression
from claimcheck.quantities.quantity import Quantity
from claimcheck.quantities.units import pint_unit
from claimcheck.reading.figures import ReadContext, read_figure
from claimcheck.render import text_calc
from claimcheck.render.outputs import render

from .strategies import articles, claim_files, configs, expressions, figure_texts, locks

#: examples per property: a few dozen in the suite, thousands under scripts/fuzz.py
EXAMPLES = int(os.environ.get("CLAIMCHECK_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                       HealthCheck.data_too_large])
_RAW_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@FUZZ
@given(st.one_of(figure_texts(), st.text(max_size=60)))
def test_figures_read_or_say_why(text: str) -> None:
    try:
        reading = read_figure(text, ReadContext())
    except ClaimcheckError:
        return
    q = reading.quantity
    assert q.rounding.contains(q.central)
    assert q.hedged.lo <= q.rounding.lo and q.rounding.hi <= q.hedged.hi


ENV = {"a": Quantity.exact(Fraction(3), pint_unit("metric_ton")),
       "b": Quantity.exact(Fraction(2)), "c": Quantity.exact(Fraction(5, 100)),
       "total": Quantity.exact(Fraction(7), pint_unit("metric_ton")),
       "share": Quantity.exact(Fraction(40), pint_unit("percent"))}


@FUZZ
@given(st.one_of(expressions(), st.text(max_size=60)))
def test_expressions_evaluate_or_say_where(text: str) -> None:
    ctx = ReadContext(reserved=frozenset(ENV))
    try:
        root = parse_expression(text, ctx).root
        evaluate(root, ENV.get, ctx, frozenset(ENV))
    except ClaimcheckError as err:
        assert err.diagnostic.message


@FUZZ
@given(expressions(), st.sampled_from(["==", "<=", ">"]), figure_texts())
def test_calc_always_answers_and_renders(left: str, relation: str, right: str) -> None:
    for text in (left, f"{left} {relation} {right}"):
        result = calculate(text.replace("a", "1 t").replace("b", "2"))
        console = Console(file=io.StringIO(), width=100, no_color=True)
        text_calc.render(result, console)
        json.dumps(result.to_dict())
        assert result.exit_status in (0, 1, 2)


@FUZZ
@given(claim_files())
def test_claim_files_never_crash_and_every_output_is_well_formed(text: str) -> None:
    result = check_text("f.yaml", text)
    for d in result.all_diagnostics:
        assert d.span is not None and d.span.line >= 1
    report = Report((result,))
    for fmt in ("text", "json", "github", "markdown", "junit", "sarif"):
        out = render(report, fmt)
        if fmt in ("json", "sarif", "junit"):
            assert not _RAW_CONTROLS.search(out), fmt
    json.loads(render(report, "json"))
    lint_text("f.yaml", text)


@FUZZ
@given(claim_files())
def test_explain_never_crashes(text: str) -> None:
    result, env = analyse_text("f.yaml", text)
    if env is None:
        return
    for e in explain_env(env, result.checks):
        json.dumps(e.to_dict())


@FUZZ
@given(articles())
def test_extract_drafts_valid_yaml(raw: str) -> None:
    draft = find_mentions(load_article(raw))
    text = render_draft(draft)
    doc = yaml.safe_load(text)
    assert isinstance(doc, dict) and "source" in doc


@FUZZ
@given(locks())
def test_locks_load_or_say_why(text: str) -> None:
    try:
        lock.load_text(text)
    except lock.LockError as err:
        assert str(err)


@FUZZ
@given(configs())
def test_configs_load_or_say_why(found: tuple[str, str]) -> None:
    import tempfile

    name, text = found
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, name).write_text(text, encoding="utf-8")
        try:
            settings_ = config.load(Path(folder))
        except config.ConfigError as err:
            assert str(err)
            return
    assert settings_.fail_on in config.FAIL_ON and isinstance(settings_.strict, bool)


# --- equivalent encodings, one verdict --------------------------------------------------

HEADER = "source: {publisher: Wire, url: 'https://example.org/a', published: 2024}\n"


def _verdicts(text: str) -> list[str]:
    return [c.verdict for c in check_text("f.yaml", text).checks]


@FUZZ
@given(figure_texts(), figure_texts(), st.sampled_from(["==", "<=", ">="]))
def test_a_named_figure_and_the_same_text_inline_get_one_verdict(
        computed: str, stated: str, relation: str) -> None:
    assume("\n" not in stated and '"' not in stated and "#" not in stated)
    figure = json.dumps(computed, ensure_ascii=False)
    named = (f"{HEADER}figures:\n  x: {{stated: {figure}}}\n"
             f"  s: {{stated: {json.dumps(stated, ensure_ascii=False)}}}\n"
             f"checks:\n  - {{id: c, claim: y, assert: 'x {relation} s'}}\n")
    inline = (f"{HEADER}figures:\n  x: {{stated: {figure}}}\n"
              f"checks:\n  - {{id: c, claim: y, assert: {json.dumps(f'x {relation} {stated}')}}}\n")
    named_v, inline_v = _verdicts(named), _verdicts(inline)
    assume(named_v and inline_v and "error" not in named_v + inline_v)
    assert named_v == inline_v


@FUZZ
@given(figure_texts(), figure_texts())
def test_flow_and_block_yaml_get_one_verdict(a: str, b: str) -> None:
    quoted_a, quoted_b = (json.dumps(t, ensure_ascii=False) for t in (a, b))
    flow = (f"{HEADER}figures:\n  a: {{stated: {quoted_a}}}\n  b: {{stated: {quoted_b}}}\n"
            "checks:\n  - {id: c, claim: y, assert: 'a == b'}\n")
    block = (f"{HEADER}figures:\n  a:\n    stated: {quoted_a}\n  b:\n    stated: {quoted_b}\n"
             "checks:\n  - id: c\n    claim: y\n    assert: a == b\n")
    assert _verdicts(flow) == _verdicts(block)


@FUZZ
@given(st.sampled_from(["3.7", "12", "0.5", "10,000"]),
       st.sampled_from(["USD/t", "USD per tonne", "USD a tonne", "dollars a tonne"]),
       st.sampled_from(["USD/t", "USD per tonne", "dollars per metric ton"]))
def test_spellings_of_one_unit_get_one_verdict(number: str, unit_a: str, unit_b: str) -> None:
    result = calculate(f"exactly {number} {unit_a} == exactly {number} {unit_b}")
    assert not result.diagnostics, result.diagnostics
    assert result.verdict == "consistent"
