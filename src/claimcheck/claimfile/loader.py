"""Claim-file text -> YAML nodes with spans.

libyaml (through PyYAML's event API) parses; we build our own immutable nodes from the
events in one pass.  Every scalar keeps its *source text*: "3.70" stays
"3.70", so precision comes from what the fact-checker wrote, never from a float a loader
made.  Aliases are refused (no use in a claim file, and the root of alias bombs),
duplicate keys are an error naming both lines, and size and depth are bounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..diagnostics import ClaimcheckError, Diagnostic, Span, fail
from .safe_io import MAX_BYTES

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


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


def _span(path: str, event: Any, end: Any | None = None) -> Span:
    s, e = event.start_mark, (end or event).end_mark
    return Span(path, s.line + 1, s.column + 1, e.line + 1, e.column + 1)


class _Builder:
    """Builds our nodes straight from libyaml's event stream, one pass, no recursion.

    Only events are used, never PyYAML's constructors: every scalar stays its source
    text, so YAML 1.1 typing ("NO" -> False, 1:30 -> 90) can never apply.
    """

    def __init__(self, path: str, lines: list[str]) -> None:
        self.path, self.lines = path, lines

    def scalar(self, event: Any) -> Scalar:
        span = _span(self.path, event)
        text = str(event.value)
        plain = not event.style  # libyaml says '' for plain scalars, pure PyYAML None
        null = plain and bool(event.implicit[0]) and text in _NULLS
        exact = False
        if (plain or event.style in ('"', "'")) and span.line == span.end_line:
            col = span.column - 1 + (0 if plain else 1)
            line = self.lines[span.line - 1] if span.line <= len(self.lines) else ""
            exact = line[col : col + len(text)] == text
        return Scalar(text, span, null, exact, 0 if plain else 1)

    def refuse_anchor(self, event: Any) -> None:
        if getattr(event, "anchor", None):
            raise fail("yaml-alias", f"anchors (&{event.anchor}) are not allowed in claim files",
                       _span(self.path, event),
                       hint="write each value out; claim files have no use for aliases")

    def build(self, events: Any) -> Node | None:
        import yaml

        # Each open container: (start event, items so far, pending key for mappings).
        stack: list[tuple[Any, list[Any], list[Scalar | None]]] = []
        root: Node | None = None
        for event in events:
            if isinstance(event, yaml.AliasEvent):
                raise fail("yaml-alias", f"aliases (*{event.anchor}) are not allowed",
                           _span(self.path, event),
                           hint="write each value out; claim files have no use for aliases")
            if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                self.refuse_anchor(event)
                if len(stack) >= MAX_DEPTH:
                    raise fail("yaml-too-deep", f"the file nests deeper than {MAX_DEPTH} levels",
                               _span(self.path, event))
                stack.append((event, [], [None]))
                continue
            if isinstance(event, yaml.ScalarEvent):
                self.refuse_anchor(event)
                node: Node = self.scalar(event)
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                start, items, _ = stack.pop()
                span = _span(self.path, start, event)
                if isinstance(event, yaml.SequenceEndEvent):
                    node = Sequence(tuple(items), span)
                else:
                    node = self.mapping(items, span)
            else:
                continue  # stream and document boundaries
            if not stack:
                root = node
                continue
            _, items, pending = stack[-1]
            if isinstance(stack[-1][0], yaml.SequenceStartEvent):
                items.append(node)
            elif pending[0] is None:
                if not isinstance(node, Scalar):
                    raise fail("yaml-syntax", "a key must be a plain word", node.span)
                pending[0] = node
            else:
                items.append((pending[0], node))
                pending[0] = None
        return root

    def mapping(self, items: list[tuple[Scalar, Node]], span: Span) -> Mapping:
        seen: dict[str, Scalar] = {}
        for key, _ in items:
            if key.text in seen:
                first = seen[key.text].span
                raise fail("yaml-duplicate-key",
                           f"duplicate key '{key.text}' (first on line {first.line}, "
                           f"again on line {key.span.line})", key.span,
                           hint="remove one of them or give it another name")
            seen[key.text] = key
        return Mapping(tuple(items), span)


def load(path: str, text: str) -> Node:
    """Parse claim-file text into nodes; raises ClaimcheckError with a located diagnostic."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise fail("file-too-large", f"the file is larger than {MAX_BYTES:,} bytes",
                   Span(path, 1, 1), hint="split it into several claim files")
    lone = re.search("[\ud800-\udfff]", text)
    if lone:  # no file can hold one; a caller's string can (check_text is a library API)
        at = lone.start()
        span = Span(path, text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at))
        raise fail("file-unreadable", "the text holds a lone surrogate, which is not "
                   "Unicode text", span, hint="save the file as UTF-8")
    if not text.strip():
        raise fail("file-empty", "the file is empty", Span(path, 1, 1),
                   hint="a claim file needs at least `source:` and `figures:`; "
                        "see docs/claim-format.md")
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when the wheel has it
    try:
        root = _Builder(path, text.splitlines()).build(yaml.parse(text, Loader=loader))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        span = Span(path, mark.line + 1, mark.column + 1) if mark else Span(path, 1, 1)
        problem = str(err.problem or err.context or "invalid YAML")
        if "nesting depth" in problem:  # libyaml's own limit, met before ours
            raise fail("yaml-too-deep", f"the file nests deeper than {MAX_DEPTH} levels",
                       span) from None
        lines = text.splitlines()
        line = lines[span.line - 1] if 0 < span.line <= len(lines) else ""
        hint = ("YAML does not allow tabs for indentation: use spaces" if "\t" in line
                else "check indentation and quoting on this line or the one before")
        raise ClaimcheckError(Diagnostic("yaml-syntax", problem, span, hint)) from None
    except yaml.reader.ReaderError as err:
        # a character YAML refuses (a raw control character): point at it
        before = text[:err.position]
        row, col = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        raise fail("yaml-syntax", f"character U+{err.character:04X} is not allowed in YAML",
                   Span(path, row, col, row, col + 1),
                   hint="remove it, or write it as an escape in a double-quoted string "
                        f"(\"\\x{err.character:02x}\")") from None
    except yaml.YAMLError as err:
        raise fail("yaml-syntax", f"invalid YAML: {err}", Span(path, 1, 1)) from None
    if root is None:
        raise fail("file-empty", "the file has no content", Span(path, 1, 1))
    return root
