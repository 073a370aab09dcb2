"""The expression tree: nodes with character offsets, and a walk over them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..reading.figures import Reading
from ..reading.unit_phrases import UnitPhrase
from .functions import ARITY

MAX_DEPTH = 32
EXPONENT_HINT = "powers beyond 12 are never newsroom arithmetic; check the expression"
RELATIONS = ("==", "<", "<=", ">", ">=")
RESERVED = frozenset({"in", *ARITY})


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
