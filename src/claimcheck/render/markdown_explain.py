"""`claimcheck explain --format markdown`: the work shown, for pasting into an editor's
notes or a pull-request comment.  Plain text, never through rich; claim-file text is
escaped so that it cannot become links, emphasis, HTML or @mentions."""

from __future__ import annotations

from ..checking.explain import Explanation, Node, percent
from ..checking.report import FileResult
from . import plain
from .markdown import _ICONS, _code, _text


def _node(node: Node, depth: int, role: str | None = None) -> list[str]:
    value = "(cannot be evaluated)" if node.value is None else plain.value(node.value)
    label = f"**{role}** " if role else ""
    line = f"{'  ' * depth}- {label}{_code(node.heading)} = {_text(value)}"
    if node.details:
        line += " · " + _text(" · ".join(node.details))
    lines = [line]
    if node.quote:
        source = "source" if node.kind == "assumption" else "quote"
        lines.append(f"{'  ' * (depth + 1)}- {source}: “{_text(node.quote)}”")
    lines += [f"{'  ' * (depth + 1)}- {_text(n)}" for n in node.notes]
    for child in node.children:
        lines += _node(child, depth + 1)
    return lines


def _check(e: Explanation) -> list[str]:
    c = e.check
    lines = [f"### {_code(c.id)}: {_ICONS[c.verdict]}", "", f"> {_text(c.claim)}", "",
             f"{_code(c.assertion)}", ""]
    for role, node in (("recomputed", e.computed), ("stated", e.stated)):
        if node is not None:
            lines += _node(node, 0, role)
    lines += ["", _text(c.explanation), ""]
    shown = {n for node in (e.computed, e.stated) if node is not None for n in _notes(node)}
    lines += [f"*Note:* {_text(n)}" for n in c.notes if n not in shown]
    if e.sensitivity:
        lines += ["", "What drives the width (each input's share of the recomputed range):", "",
                  "| input | rounding | with hedges |", "|---|---|---|"]
        for share in e.sensitivity:
            hedged = ("no upper limit without it" if share.unbounds
                      else percent(share.hedged) if share.hedged is not None else "")
            lines.append(f"| {_code(share.name)} | {percent(share.rounding)} | {hedged} |")
    if e.solutions:
        lines += ["", "What would make it true (one input at a time, the others as stated):",
                  ""]
        for solution in e.solutions:
            if solution.value_text is None:
                lines.append(f"- {_code(solution.name)}: {_text(solution.message)}")
            else:
                note = plain.solution_note(solution)
                lines.append(f"- {_code(solution.name)} = {_text(solution.value_text)}"
                             + (f" {_text(note)}" if note else ""))
        if e.summary:
            lines += ["", f"**{_text(e.summary)}**"]
    if e.wordings:
        lines += ["", "Honest wording for the recomputed figure: "
                  + ", ".join(f"“{_text(w)}”" for w in e.wordings)]
    return [*lines, ""]


def _notes(node: Node) -> set[str]:
    return set(node.notes).union(*(_notes(c) for c in node.children))


def render(result: FileResult, explanations: tuple[Explanation, ...]) -> str:
    lines = [f"## {_code(result.path)}"]
    if result.title:
        lines += ["", f"**{_text(result.title)}**", ""]
        source = _text(f"{result.publisher}, {result.published}")
        if result.url:
            safe_link = (result.url.startswith(("http://", "https://"))
                         and not any(ch in result.url for ch in " <>"))
            source += " — " + (f"<{result.url}>" if safe_link else _text(result.url))
        lines.append(source)
    lines.append("")
    for d in result.all_diagnostics:
        lines += [f"- {_text(plain.diagnostic_line(d))}"]
    if result.all_diagnostics:
        lines.append("")
    for e in explanations:
        lines += _check(e)
    return "\n".join(lines).rstrip("\n") + "\n"
