"""`claimcheck calc` drawn for people."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..checking.calc import CalcResult
from ..checking.report import Shown
from ..quantities import formatting as fmt
from . import plain
from .text import VERDICT_LABELS, VERDICT_STYLES, diagnostic_text


def _rows(table: Table, shown: Shown, hedges: tuple[str, ...]) -> None:
    digits = plain.digits(shown)
    if shown.rounding.lo != shown.rounding.hi:
        table.add_row("rounding", fmt.interval(shown.rounding, shown.unit, digits))
    if shown.hedged != shown.rounding:
        words = ", ".join(f"'{h}'" for h in hedges)
        table.add_row("with hedges", fmt.interval(shown.hedged, shown.unit, digits)
                      + (f"  ({words})" if words else ""))


def _value(shown: Shown) -> str:
    digits = plain.digits(shown, hedged=False)
    return fmt.with_unit(fmt.number(shown.central, digits), shown.unit)


def render(result: CalcResult, console: Console) -> None:
    result = plain.printable(result)  # what was typed may hold escape sequences
    if result.diagnostics:
        for d in result.diagnostics:
            console.print(diagnostic_text(d, {1: result.text}), soft_wrap=True)
        return
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    if result.value is not None and result.stated_meaning:  # a bound: the region it states
        console.print(Text(result.text, style="bold"))
        console.print(Text(f"means {result.stated_meaning}", style="bold"))
    elif result.value is not None:
        console.print(Text(result.text, style="bold"))
        console.print(Text(f"= {_value(result.value)}", style="bold"))
        _rows(table, result.value, result.hedges)
    elif result.computed is not None and result.stated is not None and result.verdict:
        console.print(Text(result.text, style="bold"))
        table.add_row("recomputed", f"{result.computed_text} = {_value(result.computed)}")
        _rows(table, result.computed, tuple(h for h in result.hedges
                                            if h not in result.stated_hedges))
        if result.stated_meaning:  # a bound: the region it states, not a value
            table.add_row("stated", f"{result.stated_text}, meaning {result.stated_meaning}")
        else:
            table.add_row("stated", f"{result.stated_text} = {_value(result.stated)}")
            _rows(table, result.stated, result.stated_hedges)
        table.add_row("verdict", Text(VERDICT_LABELS[result.verdict],
                                      style=VERDICT_STYLES[result.verdict]))
        table.add_row("why", result.explanation or "")
    for i, note in enumerate(result.notes):
        table.add_row("notes" if i == 0 else "", note)
    console.print(table)
