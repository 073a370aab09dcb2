"""Expressions: our own whitelist grammar, parsed to a tree with character offsets.

    assertion  := expr (('==' | '<' | '<=' | '>' | '>=') expr)?
    expr       := sum ('in' unit)?
    sum        := product (('+' | '-') product)*
    product    := unary (('*' | '/') unary)*
    unary      := '-' unary | power
    power      := atom (('^' | '**') '-'? INTEGER)?
    atom       := quantity literal | NAME | FUNC '(' expr (',' expr)* ')' | '(' expr ')'

A quantity literal is read exactly like a stated figure ("about $370 million",
"10000 t"); a bare number (2, 100, 0.5) is an exact constant.  Nothing is ever handed
to ``eval``: the only operations are the ones below.  Length, nesting depth and
exponents are bounded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fractions import Fraction

from . import quantity as q
from . import units
from .diagnostics import ClaimcheckError, did_you_mean
from .hedges import match_hedge
from .lexer import Kind, TextError, Token, tokenize
from .periods import MONTH_WORDS, read_period
from .reading import ReadContext, Reading, read_figure, read_literal
from .unit_phrases import UnitPhrase, UnitReader, read_unit_tokens

MAX_DEPTH = 32
EXPONENT_HINT = "powers beyond 12 are never newsroom arithmetic; check the expression"
RELATIONS = ("==", "<", "<=", ">", ">=")
FUNCTIONS = {"min": 2, "max": 2, "abs": 1}  # name -> minimum number of arguments
RESERVED = frozenset({"in", *FUNCTIONS})


@dataclass(frozen=True)
class Node:
    start: int
    end: int


@dataclass(frozen=True)
class Literal(Node):
    reading: Reading


@dataclass(frozen=True)
class Name(Node):
    name: str


@dataclass(frozen=True)
class Unary(Node):
    operand: Node


@dataclass(frozen=True)
class Binary(Node):
    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Power(Node):
    base: Node
    exponent: int


@dataclass(frozen=True)
class Call(Node):
    func: str
    args: tuple[Node, ...]


@dataclass(frozen=True)
class Expression:
    text: str
    root: Node
    display: UnitPhrase | None = None  # from a trailing 'in UNIT'
    display_text: str | None = None
    start: int = 0  # offset of ``text`` in the text that was parsed

    def substituted(self, values: Callable[[str], str | None]) -> str:
        """The expression with each name replaced by ``values(name)``, where it has one:
        'coal_value / coal_total' -> '370 million USD / 3.7 million t'."""
        text = self.text
        names = sorted((n for n in walk(self.root) if isinstance(n, Name)),
                       key=lambda n: n.start, reverse=True)
        for n in names:
            value = values(n.name)
            if value is not None:
                text = text[: n.start - self.start] + value + text[n.end - self.start :]
        return text


@dataclass(frozen=True)
class Assertion:
    text: str
    relation: str
    left: Expression
    right: Expression


def _merge_grouping(text: str, toks: list[Token]) -> list[Token]:
    """Read '10,000' as ten thousand, except inside a function call, where the comma
    separates arguments: max(5,100) is never 5100."""
    out: list[Token] = []
    parens: list[bool] = []  # True for a call's parentheses
    for t in toks:
        if t.text == "(":
            parens.append(bool(out) and out[-1].kind is Kind.WORD and out[-1].text in FUNCTIONS)
        elif t.text == ")" and parens:
            parens.pop()
        if (t.kind is Kind.NUM and len(out) >= 2
                and out[-1].text == "," and not out[-1].spaced and not t.spaced
                and out[-2].kind is Kind.NUM and _GROUP_TAIL.fullmatch(t.text)
                and _GROUP_HEAD.fullmatch(out[-2].text)):
            if any(parens):
                raise TextError("expression-syntax", "a thousands comma inside a function's "
                                "parentheses", out[-1].start, out[-1].end,
                                "put a space after a comma between arguments (max(5, 100)); "
                                "write a number as 10000 or 10_000")
            head = out.pop(-2)
            out.pop()
            out.append(Token(Kind.NUM, text[head.start : t.end], head.start, t.end, head.spaced))
            continue
        out.append(t)
    return out


_GROUP_HEAD = re.compile(r"\d{1,3}(,\d{3})*")
_GROUP_TAIL = re.compile(r"\d{3}(\.\d+)?")


class _Parser:
    def __init__(self, text: str, ctx: ReadContext) -> None:
        self.text, self.ctx = text, ctx
        self.toks: list[Token] = _merge_grouping(text, tokenize(text, grouping=False))
        self.pos = 0
        self.depth = 0

    @property
    def tok(self) -> Token:
        return self.toks[self.pos]

    def take(self) -> Token:
        t = self.tok
        self.pos = min(self.pos + 1, len(self.toks) - 1)
        return t

    def error(self, message: str, tok: Token, hint: str | None = None,
              code: str = "expression-syntax") -> TextError:
        return TextError(code, message, tok.start, max(tok.end, tok.start + 1), hint)

    def expect(self, text: str) -> Token:
        if self.tok.text != text:
            found = self.tok.text or "the end of the expression"
            raise self.error(f"expected '{text}', found {found!r}", self.tok)
        return self.take()

    def expression(self, start_pos: int | None = None) -> Expression:
        first = self.tok
        root = self.sum()
        display = display_text = None
        if self.tok.kind is Kind.WORD and self.tok.text == "in":
            self.take()
            unit_start = self.tok.start
            reader = UnitReader(self.text, self.toks, self.ctx.for_units(), embedded=False,
                                pos=self.pos)
            display = read_unit_tokens(reader)
            self.pos = reader.pos
            display_text = self.text[unit_start : self.toks[self.pos - 1].end]
        end = self.toks[self.pos - 1].end if self.pos else first.end
        return Expression(self.text[first.start : end], root, display, display_text,
                          first.start)

    def stray_word(self) -> None:
        """A word right after a complete term is a unit claimcheck does not know."""
        t = self.tok
        if t.kind is Kind.WORD and t.text not in self.ctx.reserved and self.pos and (
                self.toks[self.pos - 1].kind in (Kind.NUM, Kind.WORD)):
            raise self.error(f"unknown unit '{t.text}'", t,
                             units.unknown_unit_hint(t.text, self.ctx.counts),
                             code="unknown-unit")

    def finish(self) -> None:
        if self.tok.kind is not Kind.END:
            self.stray_word()
            t = self.tok
            hint = None
            if t.text == "," and self.pos and self.toks[self.pos - 1].kind is Kind.NUM:
                hint = "write 10000 or 10_000 in expressions: commas separate arguments"
            elif t.text == "=":
                hint = "write '==' for 'is consistent with'"
            elif t.kind is Kind.WORD:
                hint = "an operator (+ - * / ^) or 'in UNIT' must come between two terms"
            raise self.error(f"unexpected {t.text!r}", t, hint)

    def sum(self) -> Node:
        node = self.product()
        while self.tok.text in ("+", "-"):
            op = self.take().text
            right = self.product()
            node = Binary(node.start, right.end, op, node, right)
        return node

    def product(self) -> Node:
        node = self.unary()
        while self.tok.text in ("*", "/"):
            op = self.take().text
            right = self.unary()
            node = Binary(node.start, right.end, op, node, right)
        return node

    def unary(self) -> Node:
        if self.tok.text == "-":
            minus = self.take()
            operand = self.nested(self.unary)
            return Unary(minus.start, operand.end, operand)
        if self.tok.text == "+":
            self.take()
        return self.power()

    def nested(self, parse: Callable[[], Node]) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.error(f"the expression nests deeper than {MAX_DEPTH} levels", self.tok,
                             code="too-deep",
                             hint="name parts of it as derived figures and use the names")
        try:
            return parse()
        finally:
            self.depth -= 1

    def power(self) -> Node:
        base = self.atom()
        if self.tok.text not in ("^", "**"):
            return base
        op = self.take()
        negative = self.tok.text == "-"
        if negative:
            self.take()
        t = self.tok
        if t.kind is not Kind.NUM or not t.text.isdigit():
            raise self.error("an exponent must be a whole number written in digits", op,
                             hint="write x^2 or x^-1")
        self.take()
        n = -int(t.text) if negative else int(t.text)
        if abs(n) > q.MAX_EXPONENT:
            raise self.error(f"exponent {n} is outside -{q.MAX_EXPONENT}..{q.MAX_EXPONENT}", t,
                             code="exponent-too-large", hint=EXPONENT_HINT)
        if self.tok.text in ("^", "**"):
            raise self.error("a power of a power is ambiguous", self.tok,
                             hint="use parentheses: (x^2)^3")
        return Power(base.start, t.end, base, n)

    def _period(self) -> Node | None:
        """'January to August 2019' inside an expression: the longest run of tokens from
        a month name that reads as a calendar period."""
        t = self.tok
        if t.kind is not Kind.WORD or t.lower.rstrip(".") not in MONTH_WORDS:
            return None
        for end in range(min(len(self.toks) - 1, self.pos + 8), self.pos, -1):
            text = self.text[t.start : self.toks[end - 1].end]
            if read_period(text) is not None:
                reading = read_figure(text, self.ctx)
                self.pos = end
                return Literal(t.start, self.toks[end - 1].end, reading)
        return None

    def _starts_literal(self) -> bool:
        t = self.tok
        if t.kind is Kind.NUM or (t.kind is Kind.SYM and t.text != "%"):
            return True
        if t.kind is not Kind.WORD or t.text in self.ctx.reserved:
            return False
        words = [x.lower for x in self.toks[self.pos : self.pos + 4] if x.kind is Kind.WORD]
        if match_hedge(words, self.ctx.hedges):
            return True
        nxt = self.toks[self.pos + 1]
        return (t.text in units.CURRENCIES and nxt.kind is Kind.NUM) or (
            nxt.text == "$" and not nxt.spaced)

    def atom(self) -> Node:
        t = self.tok
        if t.text == "(":
            self.take()
            inner = self.nested(self.sum)
            close = self.expect(")")
            return _with_span(inner, t.start, close.end)
        period = self._period()
        if period is not None:
            return period
        if self._starts_literal():
            reading, self.pos = read_literal(self.text, self.toks, self.pos, self.ctx)
            return Literal(t.start, self.toks[self.pos - 1].end, reading)
        if t.kind is Kind.WORD:
            self.take()
            if self.tok.text == "(":
                return self.call(t)
            return Name(t.start, t.end, t.text)
        found = t.text or "the end of the expression"
        raise self.error(f"expected a number, a name or '(', found {found!r}", t)

    def call(self, name: Token) -> Node:
        if name.text not in FUNCTIONS:
            hint = did_you_mean(name.text, FUNCTIONS) or f"functions: {', '.join(FUNCTIONS)}"
            raise self.error(f"unknown function '{name.text}'", name, hint, code="unknown-name")
        self.expect("(")
        args = [self.nested(self.sum)]
        while self.tok.text == ",":
            self.take()
            args.append(self.nested(self.sum))
        close = self.expect(")")
        need = FUNCTIONS[name.text]
        if len(args) < need or (name.text == "abs" and len(args) != 1):
            raise self.error(f"{name.text}() takes {'one argument' if need == 1 else 'two or more'}"
                             f", not {len(args)}", name)
        return Call(name.start, close.end, name.text, tuple(args))


def _with_span(node: Node, start: int, end: int) -> Node:
    # Parentheses widen the span so that errors underline "(a + b)", not just "a + b".
    fields = {k: getattr(node, k) for k in node.__dataclass_fields__}
    fields.update(start=start, end=end)
    return type(node)(**fields)


def _context(ctx: ReadContext) -> ReadContext:
    return ReadContext(ctx.conventions, ctx.counts, ctx.hedges, ctx.reserved | RESERVED)


def parse_expression(text: str, ctx: ReadContext) -> Expression:
    parser = _Parser(text, _context(ctx))
    expr = parser.expression()
    parser.finish()
    return expr


def parse_assertion(text: str, ctx: ReadContext) -> Assertion:
    parser = _Parser(text, _context(ctx))
    left = parser.expression()
    parser.stray_word()
    rel = parser.tok
    if rel.text not in RELATIONS:
        hint = "write a relation such as 'a / b == c' ('==' means 'consistent with')"
        if rel.text == "=":
            hint = "write '==' for 'is consistent with'"
        elif rel.text == "," and parser.pos and parser.toks[parser.pos - 1].kind is Kind.NUM:
            hint = "write 10000 or 10_000 in expressions: commas separate arguments"
        found = rel.text or "the end of the assertion"
        raise parser.error(f"expected a relation (==, <, <=, >, >=), found {found!r}", rel, hint)
    parser.take()
    right = parser.expression()
    parser.finish()
    return Assertion(text, rel.text, left, right)


def walk(node: Node) -> Iterator[Node]:
    """Every node of a tree, parents before children."""
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        if isinstance(n, Unary):
            stack.append(n.operand)
        elif isinstance(n, Binary):
            stack.extend((n.right, n.left))
        elif isinstance(n, Power):
            stack.append(n.base)
        elif isinstance(n, Call):
            stack.extend(reversed(n.args))


# --- evaluation ------------------------------------------------------------------------

Lookup = Callable[[str], "q.Quantity | None"]


def evaluate(node: Node, lookup: Lookup, ctx: ReadContext, names: frozenset[str]) -> q.Quantity:
    """Evaluate ``node``; every failure becomes a TextError located at the failing node."""
    try:
        return _eval(node, lookup, ctx, names)
    except TextError:
        raise
    except ClaimcheckError as err:
        d = err.diagnostic
        raise TextError(d.code, d.message, node.start, node.end, d.hint) from None


def _eval(node: Node, lookup: Lookup, ctx: ReadContext, names: frozenset[str]) -> q.Quantity:
    def sub(n: Node) -> q.Quantity:
        return evaluate(n, lookup, ctx, names)

    if isinstance(node, Literal):
        r = node.reading
        return q.Quantity.exact(r.quantity.central) if r.plain else r.quantity
    if isinstance(node, Name):
        return _name(node, lookup, ctx, names)
    if isinstance(node, Unary):
        return q.negate(sub(node.operand))
    if isinstance(node, Power):
        return q.power(sub(node.base), node.exponent)
    if isinstance(node, Call):
        args = [sub(a) for a in node.args]
        if node.func == "abs":
            return q.absolute(args[0])
        return q.extreme(args, largest=node.func == "max")
    assert isinstance(node, Binary)
    left, right = sub(node.left), sub(node.right)
    try:
        if node.op == "+":
            return q.add(left, right)
        if node.op == "-":
            return q.add(left, right, sign=-1)
        if node.op == "*":
            return q.multiply(left, right)
        return q.divide(left, right)
    except ClaimcheckError as err:
        d = err.diagnostic
        where = node.right if d.code == "division-by-zero" else node
        message: str = d.message
        labels: tuple[tuple[int, int, str], ...] = ()
        if d.code == "dimension-mismatch":
            message = (f"cannot {'add' if node.op == '+' else 'subtract'} "
                       f"{describe(left)} and {describe(right)}")
            labels = ((node.left.start, node.left.end, describe(left)),
                      (node.right.start, node.right.end, describe(right)))
        raise TextError(d.code, message, where.start, where.end, d.hint, labels) from None


def describe(x: q.Quantity) -> str:
    return q.describe(x.unit, x.label)


def _name(node: Name, lookup: Lookup, ctx: ReadContext, names: frozenset[str]) -> q.Quantity:
    found = lookup(node.name)
    if found is not None:
        return found
    try:
        resolved = units.resolve_word(node.name, ctx.conventions, ctx.counts)
    except ClaimcheckError as err:  # an ambiguous unit word: say so, not "unknown name"
        d = err.diagnostic
        raise TextError(d.code, d.message, node.start, node.end, d.hint) from None
    if resolved is not None:
        return q.Quantity.exact(Fraction(1), resolved.unit).with_label(resolved.label)
    hint = did_you_mean(node.name, names)
    if hint is None and names:
        hint = f"names in this file: {', '.join(sorted(names))}"
    elif hint is None:
        hint = units.unknown_unit_hint(node.name, ctx.counts)
    raise TextError("unknown-name", f"unknown name or unit '{node.name}'", node.start,
                    node.end, hint)
