"""Parsing expressions and assertions with our own whitelist grammar (see expressions.py
for the grammar).  Nothing is ever handed to eval."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..diagnostics import ClaimcheckError, did_you_mean
from ..quantities import quantity as q
from ..quantities import units
from ..reading.changes import starts_change
from ..reading.figures import ReadContext, read_figure, read_literal, starts_framed
from ..reading.hedges import match_hedge
from ..reading.lexer import Kind, TextError, Token, tokenize
from ..reading.numbers import article_before_unit
from ..reading.periods import MONTH_WORDS, read_period
from ..reading.unit_phrases import UnitReader, read_unit_tokens
from ..reading.words import read_words
from .functions import ARITY, SIGNATURES, arity_text
from .syntax import (
    EXPONENT_HINT,
    MAX_DEPTH,
    RELATIONS,
    RESERVED,
    Assertion,
    Binary,
    Call,
    Expression,
    Literal,
    Name,
    Node,
    Power,
    Unary,
)


def _merge_grouping(text: str, toks: list[Token]) -> list[Token]:
    """Read '10,000' as ten thousand, except inside a function call, where the comma
    separates arguments: max(5,100) is never 5100."""
    out: list[Token] = []
    parens: list[bool] = []  # True for a call's parentheses
    for t in toks:
        if t.text == "(":
            parens.append(bool(out) and out[-1].kind is Kind.WORD and out[-1].text in ARITY)
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
        if (t.kind is Kind.NUM and out and out[-1].kind is Kind.NUM and t.spaced
                and _SPACE_HEAD.fullmatch(out[-1].text) and _SPACE_TAIL.fullmatch(t.text)
                and text[out[-1].end : t.start] in _GROUP_SPACES):
            head = out.pop()  # "48 000": thousands grouped with a space
            out.append(Token(Kind.NUM, text[head.start : t.end], head.start, t.end, head.spaced))
            continue
        out.append(t)
    return out


_YEAR = re.compile(r"(18|19|20)\d\d")
_GROUP_HEAD = re.compile(r"\d{1,3}(,\d{3})*")
_SPACE_HEAD = re.compile(r"\d{1,3}(?:[ \u2009\u202f\xa0]\d{3})*")
_SPACE_TAIL = re.compile(r"\d{3}")
_GROUP_SPACES = (" ", "\u2009", "\u202f", "\xa0")
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
            self.stray_word()
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
            if t.lower == "of":
                raise self.error("'of' after a figure", t,
                                 "in an expression, 'of' follows a percentage (25% of x); "
                                 "describe the figure in the claim file instead",
                                 code="expression-syntax")
            if units.resolve_known(t.text, self.ctx.conventions, self.ctx.counts):
                raise self.error(f"unexpected unit '{t.text}' here", t,
                                 "join units with 'per' or '/', e.g. 'USD per tonne'",
                                 code="expression-syntax")
            raise self.error(f"unknown unit '{t.text}'", t,
                             units.unknown_unit_hint(t.text, self.ctx.counts),
                             code="unknown-unit")

    def finish(self) -> None:
        if self.tok.kind is not Kind.END:
            self.stray_word()
            t = self.tok
            hint = None
            nxt = self.toks[self.pos + 1] if self.pos + 1 < len(self.toks) else t
            if (t.text == "," and self.pos and self.toks[self.pos - 1].kind is Kind.NUM
                    and nxt.kind is Kind.NUM and len(nxt.text.split(".")[0]) != 3):
                hint = "write decimals with a point (3.7, not 3,7)"
            elif t.text == "," and self.pos and self.toks[self.pos - 1].kind is Kind.NUM:
                hint = "a comma separates a function's arguments: write 10000 or 10_000"
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
        nxt, after = self.toks[self.pos + 1 : self.pos + 3] if len(self.toks) > self.pos + 2 \
            else (self.tok, self.tok)
        if self.tok.text == "-" and nxt.kind is Kind.NUM and after.lower == "to":
            start = self.tok  # "-2 to 3%": the minus is the range's lower end's, not the range's
            reading, self.pos = read_literal(self.text, self.toks, self.pos, self.ctx)
            return Literal(start.start, self.toks[self.pos - 1].end, reading)
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

    def _year_span(self) -> bool:
        """'2015 to 2019', '2015-2019': whole years, not a subtraction or a range."""
        a, sep, b = self.toks[self.pos : self.pos + 3] if len(self.toks) > self.pos + 3 else (
            self.tok, self.tok, self.tok)
        if not (a.kind is Kind.NUM and b.kind is Kind.NUM and _YEAR.fullmatch(a.text)
                and _YEAR.fullmatch(b.text)):
            return False
        if sep.text in ("to", "–", "—"):
            return True
        return sep.text == "-" and not sep.spaced and not b.spaced

    def _period(self) -> Node | None:
        """'January to August 2019' inside an expression: the longest run of tokens from
        a month name that reads as a calendar period."""
        t = self.tok
        if self._year_span():
            end = self.pos + 3
            text = self.text[t.start : self.toks[end - 1].end]
            self.pos = end
            return Literal(t.start, self.toks[end - 1].end, read_figure(text, self.ctx))
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
        if t.text in ("~", "≈") and self.toks[self.pos + 1].kind is Kind.NUM:
            return True  # "~40%"
        if t.kind is Kind.NUM or (t.kind is Kind.SYM and t.text != "%"):
            return True
        if t.kind is Kind.OP and t.text in _SIGNS and self.pos == 0 and self.toks[
                self.pos + 1].kind in (Kind.NUM, Kind.SYM):
            return True  # "> 612.5" alone: a bound as printed
        if t.kind is not Kind.WORD or t.text in self.ctx.reserved:
            return False
        if t.lower == "between" and self.toks[self.pos + 1].kind is Kind.NUM:
            return True  # "between 2 and 3 million tonnes"
        words = [x.lower for x in self.toks[self.pos : self.pos + 4] if x.kind is Kind.WORD]
        if match_hedge(words, self.ctx.hedges) or starts_change(self.toks, self.pos):
            return True
        ahead = [x.lower if x.kind is Kind.WORD else x.text
                 for x in self.toks[self.pos : self.pos + 4] if x.kind is not Kind.END]
        if read_words(ahead) is not None or article_before_unit(self.toks, self.pos, self.ctx):
            return True  # "a third", "twice", "two", "a decade"
        if starts_framed(self.text, self.toks, self.pos, self.ctx):
            return True  # "a record 4.2 million", "a 12-month high of 4.5%"
        nxt = self.toks[self.pos + 1]
        currency = units.currency_word(t.text, self.ctx.conventions) is not None
        return (currency and (nxt.kind is Kind.NUM or nxt.text == "$")) or (
            nxt.text == "$" and (not nxt.spaced or t.text == "US"))  # "US $240" as printed

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
            literal = Literal(t.start, self.toks[self.pos - 1].end, reading)
            if self.tok.lower == "of" and reading.unit_text == "%" and not reading.plain:
                self.take()  # "25% of 3.7 million tons"
                whole = self.nested(self.unary)
                return Call(literal.start, whole.end, "percent_of", (literal, whole))
            return literal
        if t.kind is Kind.WORD:
            self.take()
            if self.tok.text == "(":
                return self.call(t)
            return Name(t.start, t.end, t.text)
        found = t.text or "the end of the expression"
        raise self.error(f"expected a number, a name or '(', found {found!r}", t)

    def call(self, name: Token) -> Node:
        if name.text not in ARITY:
            hint = did_you_mean(name.text, ARITY) or f"functions: {', '.join(sorted(ARITY))}"
            raise self.error(f"unknown function '{name.text}'", name, hint, code="unknown-name")
        self.expect("(")
        args = [self.nested(self.sum)]
        while self.tok.text == "," or (self.tok.text == "@" and len(args) == 1):
            self.take()  # "inflate(USD 100 million @ 2019, 2024)": '@' dates the amount
            args.append(self.nested(self.sum))
        close = self.expect(")")
        low, high = ARITY[name.text]
        if len(args) < low or (high is not None and len(args) > high):
            raise self.error(f"{name.text}() takes {arity_text(name.text)}, not {len(args)}",
                             name, hint=f"{name.text}{SIGNATURES[name.text]}")
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
            hint = "a comma separates a function's arguments: write 10000 or 10_000"
        elif rel.text in ctx.reserved and parser.pos and parser.toks[
                parser.pos - 1].kind is Kind.NUM:
            hint = (f"'{rel.text}' names a figure: write "
                    f"'{parser.toks[parser.pos - 1].text} * {rel.text}' to multiply by it")
        found = rel.text or "the end of the assertion"
        raise parser.error(f"expected a relation (==, <, <=, >, >=), found {found!r}", rel, hint)
    parser.take()
    if parser.tok.text in _SIGNS:  # '== > 612.5', '== ~40%': a sign before a stated figure
        right = _signed_figure(text, parser.tok.start, ctx)
        if right is not None:
            return Assertion(text, rel.text, left, right)
    right = _stated_figure(parser.expression(), ctx)
    parser.finish()
    return Assertion(text, rel.text, left, right)


#: the signs a report may print before a figure, read as the words they stand for
_SIGNS = frozenset({">", ">=", "<", "<=", "~", "≈"})


def _signed_figure(text: str, start: int, ctx: ReadContext) -> Expression | None:
    """The rest of the assertion read as one stated figure ('> 612.5' as 'more than
    612.5'), exactly as under `figures:`; None when it does not read as one."""
    rest = text[start:].rstrip()
    try:
        reading = read_figure(rest, ctx.for_figures())
    except ClaimcheckError:
        return None
    return Expression(rest, Literal(start, start + len(rest), reading), start=start)


def _stated_figure(side: Expression, ctx: ReadContext) -> Expression:
    """On the stated side, text that names nothing and reads as one figure is that figure,
    read as the same text under `figures:` is: '== 1/4' is 'a quarter' (23.6% to 26.8%),
    not an exact 0.25; '== under $1/4' is below a quarter dollar, not 'under $1' divided
    by 4.  Anything with a name, a function or 'in UNIT' stays an expression."""
    root = side.root
    if isinstance(root, Literal) or side.display is not None or any(
            isinstance(n, Call) or (isinstance(n, Name) and n.name in ctx.reserved)
            for n in _walk(root)):
        return side  # a name not reserved is a unit's ('more than 1 USD/t'), not a figure's
    text = side.text.strip()
    try:
        reading = read_figure(text, ctx.for_figures())
    except ClaimcheckError:
        return side
    start = side.start + len(side.text) - len(side.text.lstrip())
    return replace(side, root=Literal(start, start + len(text), reading))


def _walk(node: Node) -> list[Node]:
    found = [node]
    for child in (getattr(node, name, None) for name in ("left", "right", "operand", "base")):
        if isinstance(child, Node):
            found += _walk(child)
    for arg in getattr(node, "args", ()):
        found += _walk(arg)
    return found
