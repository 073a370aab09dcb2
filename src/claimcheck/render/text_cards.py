"""The text report as cards, one per check or figure: for terminals under 100 columns and
for pipes and CI logs, where a five-column table would break ids and numbers mid-word.

A card is a heading line (mark, verdict, check id, where it is) and labelled lines below
it; labels never wrap, and ids and URLs are never broken (a long one runs past the edge).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement, measure_renderables
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from ..checking.report import CheckResult, DerivedView, FigureView, FileResult, Shown
from ..quantities import formatting as fmt
from . import plain
from .wrap import wrap_cell, wrappable

MARKS = {"consistent": "✓", "within_rounding": "~", "within_hedge": "~",
         "inconsistent": "✗", "error": "!"}


def _unbroken(text: str, style: str = "") -> Text:
    """An id, a path or a URL: never broken across lines."""
    return Text(text, style=style, no_wrap=True, overflow="ignore")


#: the label column's width: "recomputed"
LABEL_WIDTH = 10


class _Lines:
    """Labelled lines: each label dim in a column of its own, its value wrapped beside
    it under a hanging indent.  What a two-column ``Table.grid`` draws (the tests hold
    them to the same text), for a fraction of its cost: rich measures and lays out a
    grid cell by cell, and a file's cards hold dozens of them."""

    def __init__(self, rows: list[tuple[str, Text]]) -> None:
        # a grid would widen its column for a longer label, and crop it when narrow
        if any(len(label) > LABEL_WIDTH for label, _ in rows):
            raise ValueError(f"a card's labels are at most {LABEL_WIDTH} characters")
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        # as a grid cell: left-justified, a word wider than the column cut with an ellipsis
        width = options.max_width - LABEL_WIDTH - 2
        dim = console.get_style("dim")
        gap, indent = Segment("  "), Segment(" " * (LABEL_WIDTH + 2))
        for label, value in self.rows:
            if width < 1:  # no room for values: the labels alone, as a grid draws them
                yield Segment(label, dim)
                yield Segment.line()
                continue
            head = [Segment(f"{label:<{LABEL_WIDTH}}", dim), gap]
            yield from _wrapped(console, value, width, head, indent)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        widest = max((Measurement.get(console, options, value).maximum
                      for _, value in self.rows), default=0)
        return Measurement(LABEL_WIDTH + 3, LABEL_WIDTH + 2 + widest)


def _wrapped(console: Console, value: Text, width: int, head: list[Segment],
             indent: Segment) -> RenderResult:
    """``value`` wrapped at ``width``, its first line after ``head``, the others after
    ``indent``."""
    null = Style.null()
    text = value.plain
    if (not value.spans and value.justify in (None, "left") and not value.no_wrap
            and value.overflow in (None, "ellipsis") and wrappable(text)):
        style = console.get_style(value.style, default=null)
        for i, cut in enumerate(wrap_cell(text, width)):
            yield from ([indent] if i else head)
            yield Segment(cut, style)
            yield Segment.line()
        return
    lines = value.wrap(console, width, justify=value.justify or "left",
                       overflow=value.overflow or "ellipsis")
    for i, line in enumerate(lines):
        yield from ([indent] if i else head)
        if line.spans:  # its own style is the base the spans' styles combine with
            yield from line.render(console)
        else:  # Text.render draws a line without spans in no style at all
            yield Segment(line.plain, console.get_style(line.style, default=null))
        yield Segment.line()


def _lines(rows: list[tuple[str, Text]]) -> _Lines:
    return _Lines(rows)


class Stack:
    """Parts drawn one under another, as a ``Group`` draws them, but with each one-line
    text (a card's heading and place, a section's title, the blank line between cards)
    drawn straight as its segments: rich lays every text out as a paragraph (split,
    wrap, justify, join: tens of microseconds), and a file's cards hold a hundred of
    them.  Anything else goes to rich as it is; the tests hold the two to the same
    text and styles."""

    def __init__(self, parts: list[RenderableType]) -> None:
        self.parts = parts

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width < 1:  # as Console.render: no room, nothing drawn
            return
        pending = self.parts[::-1]  # stacks within stacks drawn from this one level
        while pending:
            part = pending.pop()
            if isinstance(part, Stack):
                pending += part.parts[::-1]
            elif isinstance(part, _Lines):
                yield from part.__rich_console__(console, options)
            elif isinstance(part, Text) and _one_line(part, options):
                yield from _segments(console, part)
            else:
                yield part

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return measure_renderables(console, options, self.parts)


def _one_line(text: Text, options: ConsoleOptions) -> bool:
    """Whether rich would draw ``text`` as the one line it is: no break or tab in it,
    not justified (which pads), and either never wrapped or short enough not to be."""
    plain = text.plain
    if "\n" in plain or "\t" in plain or text.justify not in (None, "default") or (
            options.justify not in (None, "default")):
        return False
    # rich trims a wrapped line's trailing spaces past the width counted in characters,
    # not cells: a line with a combining mark can fit in cells and still be trimmed
    width = options.max_width
    return (text.overflow or options.overflow) == "ignore" or (
        len(plain) <= width and cell_len(plain) <= width)


def _segments(console: Console, text: Text) -> RenderResult:
    # what Text.__rich_console__ yields for one line: the line joined into a text whose
    # own style is a span, so a line without spans keeps its style (Text.render alone
    # would draw it in none)
    if text.spans:
        yield from text.render(console, end=text.end)
        return
    if text.plain:  # an empty line is its end alone, as rich draws it
        yield Segment(text.plain, console.get_style(text.style, default=Style.null()))
    if text.end:
        yield Segment(text.end)


def _range(v: Shown, digits: int, hedged: bool) -> str:
    text = fmt.with_unit(fmt.number(v.central, digits), v.unit)
    if v.rounding.lo != v.rounding.hi:
        text += f" ({fmt.interval(v.rounding, v.unit, digits)})"
    if hedged and v.hedged != v.rounding:
        text += f"; hedged: {fmt.interval(v.hedged, v.unit, digits)}"
    return text


def check_card(c: CheckResult, styles: dict[str, str], labels: dict[str, str],
               reason: str) -> Stack:
    head = Text(f"{MARKS[c.verdict]} ", style=styles[c.verdict])
    head.append(labels[c.verdict], style=styles[c.verdict])
    head.append("  ")
    head.append(c.id, style="bold")
    head.no_wrap, head.overflow = True, "ignore"
    # a grid cell would crop a long path: it gets a line of its own, aligned as a row
    where = Text(f"{'where':<{LABEL_WIDTH}}  ", style="dim", no_wrap=True, overflow="ignore")
    where.append(f"{c.span.path}:{c.span.line}" if c.span else "")
    rows: list[tuple[str, Text]] = [("claim", Text(" ".join(c.claim.split())))]
    hedged = c.verdict in ("within_hedge", "inconsistent")
    if c.stated is not None:
        quoted = f"'{c.stated_text}': " if c.stated_text else ""
        digits = plain.digits(c.stated, hedged)
        meaning = c.stated_meaning or _range(c.stated, digits, hedged)
        rows.append(("stated", Text(quoted + meaning)))
    if c.computed is not None:
        rows.append(("recomputed", Text(_range(c.computed, plain.digits(c.computed, hedged),
                                               hedged))))
    rows.append(("verdict", Text(reason)))
    if c.verdict != "error":
        rows.append(("why", Text(c.explanation)))
    rows.extend(("note", Text(note, style="italic")) for note in c.verdict_notes)
    return Stack([head, where, _lines(rows)] if c.span else [head, _lines(rows)])


def checks(f: FileResult, chosen: list[CheckResult], styles: dict[str, str],
           labels: dict[str, str], reasons: dict[str, str]) -> list[RenderableType]:
    out: list[RenderableType] = [Text("Checks", style="bold")]
    for c in chosen:
        out += [check_card(c, styles, labels, reasons[c.id]), Text()]
    return [Stack(out)]


def _figure(v: FigureView) -> Stack:
    head = _unbroken(v.name, "bold")
    rows: list[tuple[str, Text]] = [("stated", Text(f"'{v.stated}'"))]
    if v.value is not None:
        rows.append(("read as", Text(plain.value(v.value))))
    if v.precision:
        rows.append(("precision", Text(v.precision)))
    if v.hedge:
        rows.append(("hedge", Text(f"'{v.hedge}': {v.hedge_rule}")))
    rows.extend(("note", Text(n)) for n in v.notes)
    if v.source:  # a figure from another outlet or document than the report
        rows.append(("source", Text(v.source)))
    rows.extend(("error", Text(d.message, style="bold red")) for d in v.diagnostics)
    url = [_unbroken(f"{'url':<{LABEL_WIDTH}}  {v.url}", "dim")] if v.source and v.url else []
    return Stack([head, _lines(rows), *url])


def _assumption(v: FigureView) -> Stack:
    rows: list[tuple[str, Text]] = [("value", Text(plain.value(v.value)))]
    if v.source:
        rows.append(("source", Text(v.source)))
    rows.extend(("error", Text(d.message, style="bold red")) for d in v.diagnostics)
    # a grid cell would crop a long URL: it gets a line of its own, aligned as a row
    url = [_unbroken(f"{'url':<{LABEL_WIDTH}}  {v.url}", "dim")] if v.url else []
    return Stack([_unbroken(v.name, "bold"), *url, _lines(rows)])


def _derived(d: DerivedView) -> Stack:
    rows: list[tuple[str, Text]] = [("expr", Text(d.expr))]
    if d.value is not None:
        rows.append(("value", Text(plain.value(d.value))))
    if d.description:
        rows.append(("about", Text(d.description)))
    rows.extend(("error", Text(x.message, style="bold red")) for x in d.diagnostics)
    return Stack([_unbroken(d.name, "bold"), _lines(rows)])


def inputs(f: FileResult) -> list[RenderableType]:
    """Implied figures, figures as stated and assumptions, as cards."""
    out: list[RenderableType] = []
    sections: list[tuple[str, list[Stack]]] = [
        ("Implied figures", [_derived(d) for d in f.derived]),
        ("Figures as stated", [_figure(v) for v in f.figures if v.kind == "figure"]),
        ("Assumptions the verdicts rest on",
         [_assumption(v) for v in f.figures if v.kind == "assumption"]),
    ]
    for title, cards in sections:
        if cards:
            out.append(Text(title, style="bold"))
            for card in cards:
                out += [card, Text()]
    return [Stack(out)] if out else []
