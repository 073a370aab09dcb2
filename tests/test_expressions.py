"""The expression grammar: parsing, evaluation, located errors, and no eval()."""

from __future__ import annotations

import builtins
from fractions import Fraction as F

import pytest

from claimcheck.diagnostics import ClaimcheckError
from claimcheck.expressions import (
    Binary,
    Call,
    Literal,
    Literals,
    Name,
    Power,
    Unary,
    evaluate,
    parse_assertion,
    parse_expression,
)
from claimcheck.quantities import unit_math, units
from claimcheck.quantities.intervals import INF, Interval
from claimcheck.quantities.quantity import Quantity
from claimcheck.reading.figures import ReadContext, read_figure
from claimcheck.reading.lexer import TextError

CTX = ReadContext()

LOOKUP = {
    "a": Quantity.exact(F(2)),
    "b": Quantity.exact(F(3)),
    "c": Quantity.exact(F(-5)),
    "tons": read_figure("3.7 million tons", CTX).quantity,
    "cost": read_figure("about $370 million", CTX).quantity,
    "cap": read_figure("up to 5 t", CTX).quantity,
    "zero": Quantity.exact(F(0)),
    # a stated range that straddles zero: "-1 to 3"
    "swing": Quantity(F(1), Interval(F(-1), F(3)), Interval(F(-1), F(3)), units.dimensionless()),
}
NAMES = frozenset(LOOKUP)


def ev(text: str, literals: Literals = Literals.EXACT) -> Quantity:
    expr = parse_expression(text, CTX)
    return evaluate(expr.root, LOOKUP.get, CTX, NAMES, literals)


def value(text: str) -> F:
    result = ev(text)
    assert result.rounding.lo == result.rounding.hi == result.central, text
    return result.central


# --- exact arithmetic on plain numbers and names ----------------------------------------

ARITH = [
    ("1 + 2 * 3", 7),
    ("(1 + 2) * 3", 9),
    ("2 * 3 + 1", 7),
    ("10 - 4 - 3", 3),           # left associative
    ("8 / 2 / 2", 2),            # left associative
    ("8 / (2 / 2)", 8),
    ("1 / 3", F(1, 3)),
    ("0.1 + 0.2", F(3, 10)),     # exact, no float noise
    ("-2 + 5", 3),
    ("-(2 + 5)", -7),
    ("--2", 2),
    ("+2", 2),
    ("-2^2", -4),                # power binds tighter than unary minus
    ("(-2)^2", 4),
    ("2^3", 8),
    ("2**3", 8),
    ("2 ^ 10", 1024),
    ("2^12", 4096),
    ("2^-1", F(1, 2)),
    ("2 ** -2", F(1, 4)),
    ("2^0", 1),
    ("3 * 2^2", 12),
    ("a * b", 6),
    ("-a + b", 1),
    ("a - b - 1", -2),
    ("min(a, b)", 2),
    ("max(a, b)", 3),
    ("max(a, b, 10)", 10),
    ("min(a, b, c)", -5),
    ("abs(c)", 5),
    ("abs(-5)", 5),
    ("abs(a - b)", 1),
    ("2 * (3 + (4 - 1))", 12),
    ("1e3", 1000),
    ("370", 370),
    ("10000", 10000),
    ("10_000", 10000),
    ("3.70", F(37, 10)),
    ("2 × 3 − 1", 5),            # unicode operators
    ("6 ÷ 4", F(3, 2)),
]


@pytest.mark.parametrize(("text", "want"), ARITH, ids=[t for t, _ in ARITH])
def test_arithmetic(text, want):
    assert value(text) == want


def test_plain_numbers_are_exact_constants():
    r = ev("370")
    assert r.hedged == r.rounding
    assert r.rounding.width == 0
    assert unit_math.is_dimensionless(r.unit)


def test_tree_shape_and_offsets():
    root = parse_expression("1 + 2 * 3", CTX).root
    assert isinstance(root, Binary)
    assert root.op == "+"
    assert (root.start, root.end) == (0, 9)
    assert isinstance(root.left, Literal)
    assert isinstance(root.right, Binary)
    assert root.right.op == "*"
    assert (root.right.start, root.right.end) == (4, 9)

    root = parse_expression("(a + b)", CTX).root
    assert isinstance(root, Binary)
    assert (root.start, root.end) == (0, 7)   # parentheses widen the span
    assert isinstance(root.left, Name)
    assert (root.left.start, root.left.end) == (1, 2)

    root = parse_expression("-x^2", CTX).root
    assert isinstance(root, Unary)
    assert isinstance(root.operand, Power)
    assert root.operand.exponent == 2

    root = parse_expression("max(a, b)", CTX).root
    assert isinstance(root, Call)
    assert root.func == "max"
    assert len(root.args) == 2


# --- quantities ------------------------------------------------------------------------


def test_literals_in_claim_files_are_exact_but_keep_their_hedge():
    # rule 7: in `expr:`/`assert:` the digits are the arithmetic's own constants
    r = ev("about $370 million / 3.7 million tons")
    assert r.central == 100
    assert unit_math.format_unit(r.unit) == "USD/t"
    assert (r.rounding.lo, r.rounding.hi) == (100, 100)
    # 'about' written there still widens by 10%: 333 / 3.7 = 90, 407 / 3.7 = 110
    assert (r.hedged.lo, r.hedged.hi) == (90, 110)
    assert ev("1 year").rounding.width == 0
    assert ev("100%").rounding.width == 0


def test_price_per_ton_from_stated_literals():
    # calc reads typed numbers as stated figures, rounding and all
    r = ev("about $370 million / 3.7 million tons", Literals.STATED)
    assert r.central == 100
    assert r.rounding.lo == F(365, 375) * 100
    assert r.rounding.hi == F(375, 365) * 100
    # 'about' widens the numerator by 10% beyond its rounding
    assert r.hedged.lo == F(3285, 3750) * 100
    assert r.hedged.hi == F(4125, 3650) * 100
    assert r.hedged.lo < r.rounding.lo < 100 < r.rounding.hi < r.hedged.hi


def test_names_and_stated_literals_agree():
    by_literal = ev("about $370 million / 3.7 million tons", Literals.STATED)
    by_name = ev("cost / tons")
    assert (by_literal.central, by_literal.rounding, by_literal.hedged) == (
        by_name.central, by_name.rounding, by_name.hedged)


def test_literal_with_unit():
    assert (ev("10000 t").rounding.lo, ev("10000 t").rounding.hi) == (10000, 10000)
    r = ev("10000 t", Literals.STATED)
    assert r.central == 10000
    assert (r.rounding.lo, r.rounding.hi) == (9500, 10500)  # two significant figures
    assert unit_math.format_unit(r.unit) == "t"


def test_hedged_literal_in_expression():
    r = ev("nearly 5 * 2")
    assert r.central == 10
    assert (r.rounding.lo, r.rounding.hi) == (10, 10)
    assert (r.hedged.lo, r.hedged.hi) == (9, 10)  # nearly 5: 4.5 to 5
    r = ev("nearly 5 * 2", Literals.STATED)
    assert (r.rounding.lo, r.rounding.hi) == (9, 11)
    assert (r.hedged.lo, r.hedged.hi) == (F(81, 10), 11)


def test_several_times_literal():
    r = ev("2 * several times")
    assert r.central == 6
    assert (r.hedged.lo, r.hedged.hi) == (6, 18)  # several: 3 to 9


def test_division_by_a_hedged_divisor_is_unbounded_not_an_error():
    # rule 5: "up to 5 t" is 5 t at face value; with its hedge it reaches 0
    r = ev("a / cap")
    assert r.central == F(2, 5)
    assert (r.rounding.lo, r.rounding.hi) == (F(2, 5), F(2, 5))
    assert (r.hedged.lo, r.hedged.hi) == (F(2, 5), INF)
    r = ev("cost / up to 5 t")  # cost: $365 to $375 million by its rounding
    assert (r.rounding.lo, r.rounding.hi) == (73_000_000, 75_000_000)
    assert (r.hedged.lo, r.hedged.hi) == (65_700_000, INF)  # 'about': 328.5 / 5


def test_currency_addition():
    r = ev("$5 + $6")
    assert r.central == 11
    assert unit_math.format_unit(r.unit) == "USD"


def test_unit_name_as_factor():
    r = ev("2 * tonnes")
    assert r.central == 2
    assert unit_math.format_unit(r.unit) == "t"


def test_in_unit_display():
    expr = parse_expression("cost / tons in USD/kg", CTX)
    assert expr.display_text == "USD/kg"
    assert expr.display is not None
    assert unit_math.format_unit(expr.display.unit) == "USD/kg"
    assert expr.text == "cost / tons in USD/kg"
    no_display = parse_expression("cost / tons", CTX)
    assert no_display.display is None
    assert no_display.display_text is None


def test_in_unit_display_bad_unit_is_located():
    with pytest.raises(TextError) as err:
        parse_expression("x in tonns", CTX)
    assert err.value.diagnostic.code == "unknown-unit"
    assert (err.value.start, err.value.end) == (5, 10)
    assert "tonne" in err.value.diagnostic.hint


# --- assertions -------------------------------------------------------------------------


@pytest.mark.parametrize("rel", ["==", "<", "<=", ">", ">="])
def test_assertion_relations(rel):
    a = parse_assertion(f"cost / tons {rel} 100", CTX)
    assert a.relation == rel
    assert a.left.text == "cost / tons"
    assert a.right.text == "100"


def test_assertion_with_display_units():
    a = parse_assertion("cost / tons in USD/t == 100 USD/t", CTX)
    assert a.left.display_text == "USD/t"
    assert a.right.text == "100 USD/t"


def test_assertion_without_relation():
    with pytest.raises(TextError) as err:
        parse_assertion("cost / tons", CTX)
    assert err.value.diagnostic.code == "expression-syntax"
    assert err.value.start == len("cost / tons")
    assert "==" in err.value.diagnostic.hint


def test_assertion_chained_relation():
    with pytest.raises(TextError) as err:
        parse_assertion("a == b == c", CTX)
    assert err.value.start == 7


def test_single_equals_is_rejected_at_its_offset():
    with pytest.raises(ClaimcheckError) as err:
        parse_assertion("a / b = c", CTX)
    assert isinstance(err.value, TextError)
    assert (err.value.start, err.value.end) == (6, 7)


def test_single_equals_hints_double_equals():
    for f in (parse_assertion, parse_expression):
        with pytest.raises(TextError) as err:
            f("a / b = c", CTX)
        assert err.value.diagnostic.code == "expression-syntax"
        assert err.value.diagnostic.hint is not None
        assert "'=='" in err.value.diagnostic.hint


# --- errors ------------------------------------------------------------------------------

PARSE_ERRORS = [
    # text, code, start, end
    ("2^13", "exponent-too-large", 2, 4),
    ("a ^ -13", "exponent-too-large", 5, 7),
    ("a ** 100", "exponent-too-large", 5, 8),
    ("2^1.5", "expression-syntax", 1, 2),
    ("2^x", "expression-syntax", 1, 2),
    ("2^3^2", "expression-syntax", 3, 4),
    ("foo(1)", "unknown-name", 0, 3),
    ("mxa(1, 2)", "unknown-name", 0, 3),
    ("abs(1, 2)", "expression-syntax", 0, 3),
    ("min(1)", "expression-syntax", 0, 3),
    ("(1 + 2", "expression-syntax", 6, 7),
    ("1 +", "expression-syntax", 3, 4),
    ("a b", "unknown-unit", 2, 3),  # no names in scope: a word after a term is a unit
    ("max(5,100)", "expression-syntax", 5, 6),
    ("(" * 33 + "1" + ")" * 33, "too-deep", 33, 34),
    ("-" * 40 + "1", "too-deep", 33, 34),
    ("1" + " + 1" * 200, "too-long", 500, 801),
    ("a = b", "expression-syntax", 2, 3),
    ("a; b", "unexpected-character", 1, 2),
]


@pytest.mark.parametrize(("text", "code", "start", "end"), PARSE_ERRORS,
                         ids=[e[0][:20] for e in PARSE_ERRORS])
def test_parse_errors(text, code, start, end):
    with pytest.raises(TextError) as err:
        parse_expression(text, CTX)
    assert err.value.diagnostic.code == code
    assert (err.value.start, err.value.end) == (start, end)


def test_nesting_limit_is_exactly_32():
    assert value("(" * 32 + "1" + ")" * 32) == 1
    with pytest.raises(TextError):
        parse_expression("(" * 33 + "1" + ")" * 33, CTX)


def test_exponent_limit_is_exactly_12():
    assert value("2^12") == 4096
    assert value("2^-12") == F(1, 4096)


def test_length_limit_is_exactly_500():
    ok = "1" + " " * 497 + "+1"
    assert len(ok) == 500
    assert value(ok) == 2
    with pytest.raises(TextError) as err:
        parse_expression(ok + " ", CTX)
    assert err.value.diagnostic.code == "too-long"


def test_unknown_function_hint():
    with pytest.raises(TextError) as err:
        parse_expression("abss(1)", CTX)
    assert err.value.diagnostic.hint == "did you mean 'abs'?"
    with pytest.raises(TextError) as err:
        parse_expression("foo(1)", CTX)
    assert err.value.diagnostic.hint.startswith("functions: abs, annualize, cagr")


def test_comma_in_number_hint():
    # outside a call, 10,000 is ten thousand; inside one the comma is ambiguous
    assert value("10,000") == 10000
    with pytest.raises(TextError) as err:
        parse_expression("min(1,000)", CTX)
    assert "10_000" in err.value.diagnostic.hint


EVAL_ERRORS = [
    # text, code, start, end
    ("tonz", "unknown-name", 0, 4),
    ("1 + cots", "unknown-name", 4, 8),
    ("cost + tons", "dimension-mismatch", 0, 11),
    ("cost - 5 t", "dimension-mismatch", 0, 10),
    ("max(cost, tons)", "dimension-mismatch", 0, 15),
    ("1 / 0", "division-by-zero", 4, 5),
    ("a / (b - 3)", "division-by-zero", 4, 11),
    ("a / zero", "division-by-zero", 4, 8),
    ("a / swing", "division-by-zero", 4, 9),
    ("zero ^ -1", "division-by-zero", 0, 9),
]


@pytest.mark.parametrize(("text", "code", "start", "end"), EVAL_ERRORS,
                         ids=[e[0] for e in EVAL_ERRORS])
def test_evaluation_errors(text, code, start, end):
    with pytest.raises(TextError) as err:
        ev(text)
    assert err.value.diagnostic.code == code
    assert (err.value.start, err.value.end) == (start, end)


def test_unknown_name_did_you_mean():
    with pytest.raises(TextError) as err:
        ev("tonz")
    assert err.value.diagnostic.hint == "did you mean 'tons'?"
    with pytest.raises(TextError) as err:
        ev("1 + cots")
    assert err.value.diagnostic.hint == "did you mean 'cost'?"


def test_dimension_mismatch_message():
    with pytest.raises(TextError) as err:
        ev("cost + tons")
    msg = err.value.diagnostic.message
    assert msg.startswith("cannot add")
    assert "USD (money)" in msg
    assert "t (mass)" in msg
    # a label under each operand says what it measures
    assert [text for _, _, text in err.value.labels] == ["USD (money)", "t (mass)"]
    with pytest.raises(TextError) as err:
        ev("cost - tons")
    assert err.value.diagnostic.message.startswith("cannot subtract")


def test_division_by_a_rounding_that_reaches_zero_explains():
    with pytest.raises(TextError) as err:
        ev("a / swing")
    assert "within its rounding" in err.value.diagnostic.message
    assert "-1 to 3" in err.value.diagnostic.message
    assert "does not include zero" in err.value.diagnostic.hint


# --- no eval/exec ------------------------------------------------------------------------

HOSTILE = [
    "__import__('os')",
    "__import__(os)",
    "__import__(os).system(1)",
    "open(1)",
    "eval(1)",
    "exec(1)",
    "a.__class__",
    "[1, 2]",
    "lambda: 1",
    "a if b else c",
    "'x' * 3",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_executes(text, monkeypatch):
    calls = []

    def trap(name):
        def fn(*args, **kwargs):
            calls.append(name)
            raise AssertionError(f"{name} called")
        return fn

    for name in ("eval", "exec", "compile"):
        monkeypatch.setattr(builtins, name, trap(name))
    with pytest.raises(ClaimcheckError):
        expr = parse_expression(text, CTX)
        evaluate(expr.root, LOOKUP.get, CTX, NAMES)
    assert calls == []


def test_source_uses_no_eval():
    import inspect

    import claimcheck.expressions as mod

    src = inspect.getsource(mod)
    src = src.replace("evaluate(", "").replace("_eval(", "").replace("re.compile(", "")
    for word in ("eval(", "exec(", "compile(", "__import__"):
        assert word not in src
