"""No input makes claimcheck crash: every failure is a located ClaimcheckError."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.diagnostics import ClaimcheckError
from claimcheck.engine import check_text
from claimcheck.expressions import evaluate, parse_assertion, parse_expression
from claimcheck.quantity import Quantity
from claimcheck.reading import ReadContext, read_figure
from claimcheck.units import pint_unit

WORDS = ["about", "at", "least", "up", "to", "nearly", "several", "times", "million", "bn",
         "k", "m", "tons", "tonnes", "t", "barrels", "per", "a", "year", "of", "coal", "$",
         "US$", "€", "%", "percent", "USD", "voyages", "January", "to", "August", "2019",
         "±", "-", "–", "in", "exactly", "km", "km²", "bpd", "pc", "Mt", "lakh", "crore",
         "3.7", "370", "10,000", "0", "1e6", "2.5", ",", ".", "x", "(", ")", "/", "*", "^",
         "==", "<=", ">", "min", "max", "abs", "a", "b", "**", "12", "99", "=", "#", "'"]
phrases = st.lists(st.sampled_from(WORDS), max_size=9).map(" ".join)
glued = st.lists(st.sampled_from(WORDS), max_size=6).map("".join)
texts = st.one_of(phrases, glued, st.text(max_size=40))
# Example counts come from the profile (tests/conftest.py): HYPOTHESIS_PROFILE=fuzz for
# a long local run.
FAST = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(texts)
def test_read_figure_never_crashes(text: str) -> None:
    try:
        reading = read_figure(text, ReadContext())
    except ClaimcheckError:
        return
    q = reading.quantity
    assert q.rounding.contains(q.central)
    assert q.hedged.lo <= q.rounding.lo and q.rounding.hi <= q.hedged.hi


ENV = {"a": Quantity.exact(Fraction(3), pint_unit("metric_ton")),
       "b": Quantity.exact(Fraction(2))}


@FAST
@given(texts)
def test_expressions_never_crash(text: str) -> None:
    ctx = ReadContext(reserved=frozenset(ENV))
    for parse in (parse_expression, parse_assertion):
        try:
            tree = parse(text, ctx)
            root = tree.root if hasattr(tree, "root") else tree.left.root  # type: ignore[union-attr]
            evaluate(root, ENV.get, ctx, frozenset(ENV))
        except ClaimcheckError:
            pass


YAML_BITS = ["source:", " {publisher: P, title: T, url: u, published: 2024-01-02}", "\n",
             "figures:", "  a:", " {stated: ", "3.7 million tons", "}", "checks:", "  - ",
             "{id: c, claim: x, assert: ", "a == a", "a / b", "&x", "*x", "[", "]", "{", "}",
             ":", "- ", "'", '"', "\t", "#", "derived:", "  b: a * 2", "  a: b", "~", "null"]


@FAST
@given(st.lists(st.sampled_from(YAML_BITS), max_size=20).map("".join))
def test_claim_files_never_crash(text: str) -> None:
    result = check_text("f.yaml", text)
    for d in result.all_diagnostics:
        assert d.span is not None and d.span.line >= 1
