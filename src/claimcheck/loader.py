"""Claim-file text -> YAML nodes with spans.

ruamel.yaml composes the node graph (YAML 1.2, so ``NO`` stays a string) and we turn it
into our own immutable nodes.  Every scalar keeps its *source text*: "3.70" stays
"3.70", so precision comes from what the fact-checker wrote, never from a float a loader
made.  Aliases are refused (no use in a claim file, and the root of alias bombs),
duplicate keys are an error naming both lines, and size and depth are bounded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .diagnostics import ClaimcheckError, Diagnostic, Span, fail

MAX_BYTES = 1_000_000
MAX_DEPTH = 32


@dataclass(frozen=True)
class Scalar:
    text: str
    span: Span
    null: bool = False
    exact_columns: bool = False  # each character of text sits at a known column
    quote_width: int = 0  # 1 for a quoted scalar: its text starts after the quote

    def sub_span(self, start: int, end: int) -> Span:
        """The span of text[start:end], or the whole scalar when columns cannot be mapped."""
        if self.exact_columns:
            return self.span.shifted(start + self.quote_width, end + self.quote_width)
        return self.span


@dataclass(frozen=True)
class Mapping:
    items: tuple[tuple[Scalar, Node], ...]
    span: Span

    def get(self, key: str) -> Node | None:
        return next((v for k, v in self.items if k.text == key), None)

    def key(self, key: str) -> Scalar | None:
        return next((k for k, _ in self.items if k.text == key), None)


@dataclass(frozen=True)
class Sequence:
    items: tuple[Node, ...]
    span: Span


Node = Scalar | Mapping | Sequence


def to_plain(node: Node) -> Any:
    """Plain data for schema validation: every scalar is its source text (or None)."""
    if isinstance(node, Scalar):
        return None if node.null else node.text
    if isinstance(node, Sequence):
        return [to_plain(n) for n in node.items]
    return {k.text: to_plain(v) for k, v in node.items}


def find(node: Node, path: tuple[str | int, ...]) -> tuple[Node, bool]:
    """The node at ``path`` (as deep as it exists), and whether the whole path was found."""
    for i, part in enumerate(path):
        child: Node | None = None
        if isinstance(node, Mapping) and isinstance(part, str):
            child = node.get(part)
        elif isinstance(node, Sequence) and isinstance(part, int) and part < len(node.items):
            child = node.items[part]
        if child is None:
            del i
            return node, False
        node = child
    return node, True


def _yaml() -> Any:
    # A fresh object per file: ruamel's YAML keeps parser state (depth counters) after
    # an error, so one bad file would poison the next.
    from ruamel.yaml import YAML
    from ruamel.yaml.composer import Composer, ComposerError
    from ruamel.yaml.events import AliasEvent

    class NoAliasComposer(Composer):
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.parser.check_event(AliasEvent):
                event = self.parser.peek_event()
                raise ComposerError(None, None, f"aliases (*{event.anchor}) are not allowed",
                                    event.start_mark)
            return super().compose_node(parent, index)

    yaml = YAML(typ="safe", pure=True)  # composing only: rt mode costs ~60% more
    yaml.Composer = NoAliasComposer
    yaml.max_depth = MAX_DEPTH + 8
    return yaml


def _span(path: str, node: Any) -> Span:
    s, e = node.start_mark, node.end_mark
    return Span(path, s.line + 1, s.column + 1, e.line + 1, e.column + 1)


class _Builder:
    def __init__(self, path: str, lines: list[str]) -> None:
        self.path, self.lines = path, lines

    def build(self, node: Any, depth: int = 0) -> Node:
        from ruamel.yaml.nodes import MappingNode, SequenceNode

        span = _span(self.path, node)
        if depth > MAX_DEPTH:
            raise fail("yaml-too-deep", f"the file nests deeper than {MAX_DEPTH} levels", span)
        if getattr(node, "anchor", None):
            raise fail("yaml-alias", f"anchors (&{node.anchor}) are not allowed in claim files",
                       span, hint="write each value out; claim files have no use for aliases")
        if isinstance(node, MappingNode):
            return self.mapping(node, span, depth)
        if isinstance(node, SequenceNode):
            return Sequence(tuple(self.build(n, depth + 1) for n in node.value), span)
        return self.scalar(node, span)

    def scalar(self, node: Any, span: Span) -> Scalar:
        tag = str(getattr(node.tag, "value", node.tag))
        text = str(node.value)
        if node.style == ">":
            text = text.replace("\a", " ")  # ruamel marks the folds of '>' scalars with \a
        null = tag.endswith(":null") and node.style is None
        exact = False
        if node.style in (None, '"', "'") and span.line == span.end_line:
            col = span.column - 1 + (1 if node.style else 0)
            line = self.lines[span.line - 1] if span.line <= len(self.lines) else ""
            exact = line[col : col + len(text)] == text
        return Scalar(text, span, null, exact, 1 if node.style else 0)

    def mapping(self, node: Any, span: Span, depth: int) -> Mapping:
        items: list[tuple[Scalar, Node]] = []
        seen: dict[str, Scalar] = {}
        for key_node, value_node in node.value:
            key = self.build(key_node, depth + 1)
            if not isinstance(key, Scalar):
                raise fail("yaml-syntax", "a key must be a plain word", key.span)
            if key.text in seen:
                first = seen[key.text].span
                raise fail("yaml-duplicate-key",
                           f"duplicate key '{key.text}' (first on line {first.line}, "
                           f"again on line {key.span.line})", key.span,
                           hint="remove one of them or give it another name")
            seen[key.text] = key
            items.append((key, self.build(value_node, depth + 1)))
        return Mapping(tuple(items), span)


def load(path: str, text: str) -> Node:
    """Parse claim-file text into nodes; raises ClaimcheckError with a located diagnostic."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise fail("file-too-large", f"the file is larger than {MAX_BYTES:,} bytes",
                   Span(path, 1, 1), hint="split it into several claim files")
    if not text.strip():
        raise fail("file-empty", "the file is empty", Span(path, 1, 1),
                   hint="a claim file needs at least `source:` and `figures:`; "
                        "see docs/claim-format.md")
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        root = _yaml().compose(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        span = Span(path, mark.line + 1, mark.column + 1) if mark else Span(path, 1, 1)
        problem = err.problem or err.context or "invalid YAML"
        code = "yaml-alias" if "alias" in str(problem) else "yaml-syntax"
        if "maximum depth" in str(problem):
            code, problem = "yaml-too-deep", f"the file nests deeper than {MAX_DEPTH} levels"
        hint = ("write each value out; claim files have no use for aliases" if code == "yaml-alias"
                else "check indentation and quoting on this line or the one before")
        raise ClaimcheckError(Diagnostic(code, str(problem), span, hint)) from None
    except (YAMLError, RecursionError) as err:
        code = "yaml-too-deep" if "depth" in type(err).__name__.lower() or isinstance(
            err, RecursionError) else "yaml-syntax"
        raise fail(code, f"invalid YAML: {err}", Span(path, 1, 1)) from None
    if root is None:
        raise fail("file-empty", "the file has no content", Span(path, 1, 1))
    return _Builder(path, text.splitlines()).build(root)
