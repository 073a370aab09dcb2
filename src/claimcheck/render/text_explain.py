"""`claimcheck explain` drawn for people: a derivation tree per check."""

from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from ..checking.explain import Explanation, Node, bar, percent
from ..checking.report import FileResult, Shown
from . import plain
from .text import VERDICT_LABELS, VERDICT_STYLES, _derived_table, diagnostic_text


def _value(v: Shown | None) -> str:
    return "(cannot be evaluated)" if v is None else plain.value(v)


def _label(node: Node, role: str | None = None) -> Text:
    out = Text()
    if role:
        out.append(f"{role}  ", style="bold")
    out.append(f"{node.heading} = ", style="bold" if node.kind != "operation" else "")
    out.append(_value(node.value))
    if node.details:
        out.append("\n" + " · ".join(node.details), style="dim")
    if node.quote:
        label = "source" if node.kind == "assumption" else "quote"
        out.append(f"\n{label}: “{' '.join(node.quote.split())}”", style="dim italic")
    for note in node.notes:
        out.append(f"\n{note}", style="dim")
    return out


def _tree_notes(node: Node | None) -> set[str]:
    if node is None:
        return set()
    return set(node.notes).union(*(_tree_notes(c) for c in node.children))


def _grow(branch: Tree, node: Node) -> None:
    for child in node.children:
        _grow(branch.add(_label(child)), child)


def _check(e: Explanation) -> Group:
    c = e.check
    title = Text(f"{c.id}  ", style="bold")
    title.append(VERDICT_LABELS[c.verdict], style=VERDICT_STYLES[c.verdict])
    title.append(f"\n{c.claim}", style="dim")
    title.append(f"\n{c.assertion}")
    tree = Tree(title)
    for role, node in (("recomputed", e.computed), ("stated", e.stated)):
        if node is not None:
            _grow(tree.add(_label(node, role)), node)
    parts: list[Tree | Text | Table] = [tree, Text(c.explanation)]
    shown = _tree_notes(e.computed) | _tree_notes(e.stated)
    for note in c.notes:  # what the verdict rests on beyond the inputs' own notes
        if note not in shown:
            parts.append(Text(f"note: {note}", style="italic"))
    if e.sensitivity:
        table = Table.grid(padding=(0, 2))
        for s in e.sensitivity:
            hedged = ("no upper limit without it" if s.unbounds
                      else f"with hedges {percent(s.hedged)}" if s.hedged is not None else "")
            table.add_row(s.name, percent(s.rounding), Text(bar(s.rounding), style="cyan"),
                          Text(hedged, style="dim"))
        parts += [Text("What drives the width (each input's share of the recomputed range):",
                       style="bold"), table]
    if e.solutions:
        parts.append(Text("What would make it true (one input at a time, the others as "
                          "stated):", style="bold"))
        table = Table.grid(padding=(0, 1))
        for solution in e.solutions:
            if solution.value_text is None:
                table.add_row("", Text(solution.message, style="dim"), "")
                continue
            consistent = plain.solution_note(solution)
            table.add_row(f"  {solution.name} =", solution.value_text,
                          Text(consistent, style="dim"))
        parts.append(table)
        if e.unsolved:
            parts.append(Text(f"  ({e.unsolved} more inputs, which move the result less, "
                              "not solved for)", style="dim"))
        if e.summary:
            parts.append(Text(f"  → {e.summary}", style="bold"))
    if e.wordings:
        parts.append(Text("Honest wording for the recomputed figure: "
                          + ", ".join(f"“{w}”" for w in e.wordings), style="bold"))
    return Group(*parts)


def render(result: FileResult, explanations: tuple[Explanation, ...], console: Console) -> None:
    result, explanations = plain.printable((result, explanations))
    header = Text(result.path, style="bold underline")
    if result.title:  # the source as verify shows it: title, publisher and date, address
        header.append(f"\n{result.title}", style="bold")
        header.append(f"\n{result.publisher}, {result.published}", style="dim")
    console.print(header)
    if result.title and result.url:
        console.print(Text(result.url, style="dim", no_wrap=True, overflow="ignore"),
                      crop=False)
    excerpts = dict(result.excerpts)
    for d in result.all_diagnostics:
        console.print(diagnostic_text(d, excerpts), soft_wrap=True)
    for e in explanations:
        console.print()
        console.print(_check(e))
    derived = _derived_table(result)
    if derived is not None:
        console.print()
        console.print(derived)
