"""The text report's drawing, with rich: a file's part (its checks as a table or as
cards, its figures, its diagnostics), the lines that end the report, and the
diagnostics alone (what `lint` prints).  ``text_stream`` decides what is drawn and
when; this module lays it out."""

from __future__ import annotations

from rich import box
from rich.console import Console, RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..checking.report import (
    CheckResult,
    ExitStatus,
    FileResult,
    Report,
    Shown,
    Tally,
)
from ..checking.tally import NAMED_VERDICTS
from ..diagnostics import Diagnostic, Severity
from ..quantities import formatting as fmt
from ..quantities.formatting import plural
from ..quantities.units import ConventionNote
from ..sanitize import safe
from . import plain, text_cards
from .text_console import is_problem

EXCERPT = 100  # characters of a source line shown under a diagnostic

VERDICT_STYLES = {"consistent": "green", "within_rounding": "yellow", "within_hedge": "yellow",
                  "inconsistent": "bold red", "error": "bold magenta"}
VERDICT_LABELS = {"consistent": "consistent", "within_rounding": "within rounding",
                  "within_hedge": "within hedge", "inconsistent": "INCONSISTENT",
                  "error": "ERROR"}
_SHORT_REASONS = {"consistent": "holds", "within_rounding": "only at the edge of rounding",
                  "within_hedge": "only through the hedges", "inconsistent": "no overlap",
                  "error": "cannot be evaluated"}


def _value(v: Shown | None, hedged: bool = True) -> Text:
    if v is None:
        return Text("—")
    digits = plain.digits(v, hedged)
    text = Text(fmt.with_unit(fmt.number(v.central, digits), v.unit))
    if v.rounding.lo != v.rounding.hi:
        text.append(f"\n{fmt.interval(v.rounding, v.unit, digits)}", style="dim")
    if hedged and v.hedged != v.rounding:
        text.append(f"\nhedged: {fmt.interval(v.hedged, v.unit, digits)}", style="dim")
    return text


def _reason(c: CheckResult) -> str:
    if c.verdict == "error":
        return c.diagnostics[0].message if c.diagnostics else "cannot be evaluated"
    reason = _SHORT_REASONS[c.verdict]
    if c.verdict == "within_hedge" and c.hedges:
        reason = "only through " + ", ".join(f"'{h}'" for h in c.hedges)
    apart = plain.gap(c)
    if apart:
        reason += f"; {apart}"
    if c.matches_expected is False:
        reason += f" (expected {c.expected})"
    elif c.matches_expected and c.verdict != "consistent":
        reason += " (expected)"
    return reason


def _checks_table(f: FileResult, chosen: list[CheckResult]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_lines=True, expand=True, title_justify="left",
                  title="Checks")
    # a fixed width, that of the longest id: an id is never broken mid-word (rich lets a
    # ratio override a column's min_width)
    longest = max((len(c.id) for c in chosen), default=0)
    table.add_column("Check and claim", width=max(24, longest), overflow="fold")
    table.add_column("Stated", ratio=3, min_width=14)
    table.add_column("Recomputed", ratio=3, min_width=14)
    table.add_column("Verdict", no_wrap=True)
    table.add_column("Why", ratio=3, min_width=14)
    for c in chosen:
        check = Text(c.id, style="bold")
        check.append(f"\n{c.claim}", style="dim")
        table.add_row(check, stated_cell(c), recomputed_cell(c),
                      Text(VERDICT_LABELS[c.verdict], style=VERDICT_STYLES[c.verdict]),
                      escape(_reason(c)))
    return table


def shows_hedged(c: CheckResult) -> bool:
    """The hedged ranges matter to a reader only when the verdict reaches them."""
    return c.verdict in ("within_hedge", "inconsistent")


def stated_cell(c: CheckResult) -> Text:
    """The stated figure as quoted, then what it means: a bound's region, or its range."""
    stated = Text(f"'{c.stated_text}'") if c.stated_text else Text("—")
    if c.stated_meaning:
        stated.append(f"\n{c.stated_meaning}", style="dim")
    elif c.stated is not None:
        hedged = shows_hedged(c)
        digits = plain.digits(c.stated, hedged)
        stated.append(f"\n{fmt.interval(c.stated.rounding, c.stated.unit, digits)}", style="dim")
        if hedged and c.stated.hedged != c.stated.rounding:
            stated.append(f"\nhedged: {fmt.interval(c.stated.hedged, c.stated.unit, digits)}",
                          style="dim")
    return stated


def recomputed_cell(c: CheckResult) -> Text:
    return _value(c.computed, shows_hedged(c))


def _figures_table(f: FileResult) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title="Figures as stated", title_justify="left")
    table.add_column("Name", no_wrap=True)
    table.add_column("As stated", ratio=2)
    table.add_column("Read as", ratio=2)
    table.add_column("Precision and hedge", ratio=2)
    table.add_column("Notes", ratio=3)
    for v in f.figures:
        if v.kind != "figure":
            continue
        allowance = v.precision or ""
        if v.hedge:
            allowance += f"\nhedge '{v.hedge}': {v.hedge_rule}"
        notes = [*v.notes, *(f"error: {d.message}" for d in v.diagnostics)]
        if v.source:  # a figure from another outlet or document than the report
            notes.append(f"source: {v.source}" + (f" {v.url}" if v.url else ""))
        table.add_row(v.name, escape(v.stated), _value(v.value), escape(allowance),
                      escape("\n".join(notes)))
    return table


def _assumptions_table(f: FileResult) -> Table | None:
    rows = [v for v in f.figures if v.kind == "assumption"]
    if not rows:
        return None
    table = Table(box=box.SIMPLE_HEAD, title="Assumptions the verdicts rest on",
                  title_justify="left")
    table.add_column("Name", no_wrap=True)
    table.add_column("Value", ratio=2)
    table.add_column("Source", ratio=3)
    for v in rows:
        source = (v.source or "") + (f"\n{v.url}" if v.url else "")
        source += "".join(f"\nerror: {d.message}" for d in v.diagnostics)
        table.add_row(v.name, _value(v.value), escape(source))
    return table


def _derived_table(f: FileResult) -> Table | None:
    if not f.derived:
        return None
    table = Table(box=box.SIMPLE_HEAD, title="Implied figures", title_justify="left")
    table.add_column("Name", no_wrap=True)
    table.add_column("Expression", ratio=2)
    table.add_column("Value", ratio=2)
    table.add_column("About", ratio=3)
    for d in f.derived:
        about = d.description or ""
        if d.diagnostics:
            about = d.diagnostics[0].message
        table.add_row(d.name, escape(d.expr), _value(d.value), escape(about))
    return table


def diagnostic_text(d: Diagnostic, excerpts: dict[int, str]) -> Text:
    """Compiler-style: 'path:line:col: error[code]: message', the line, carets, help.
    Never wrapped (print it with soft_wrap=True): the terminal wraps it, and a pipe keeps
    one diagnostic a line for grep and editors."""
    style = "bold red" if d.severity is Severity.ERROR else "bold yellow"
    out = Text(no_wrap=True, overflow="ignore")
    if d.span:
        out.append(f"{d.span.path}:{d.span.line}:{d.span.column}: ", style="bold")
    out.append(f"{d.severity.value}[{d.code}]", style=style)
    out.append(f": {d.message}")
    line = excerpts.get(d.span.line) if d.span else None
    if d.span and line is not None:
        gutter = str(d.span.line)
        column = d.span.column
        width = max(1, (d.span.end_column - column) if d.span.end_line == d.span.line
                    else 1 if not d.span.end_line else len(line) - column + 1)
        if len(line) > EXCERPT:  # a window around the caret, not 40 KB of one line
            start = max(0, min(column - 1 - EXCERPT // 2, len(line) - EXCERPT))
            line = ("…" if start else "") + line[start : start + EXCERPT] + "…"
            column = column - start + (1 if start else 0)
            width = min(width, EXCERPT)
        out.append(f"\n {gutter} | {line}")
        out.append(f"\n {' ' * len(gutter)} | {' ' * (column - 1)}")
        out.append("^" * max(1, width), style=style)
        shift = column - d.span.column
        for label in d.labels:
            if label.span.line != d.span.line:
                continue
            start = label.span.column + shift
            if not 0 < start <= len(line):
                continue
            width = max(1, min(label.span.end_column - label.span.column, len(line) - start + 1))
            out.append(f"\n {' ' * len(gutter)} | {' ' * (start - 1)}")
            out.append("-" * width + " " + label.text, style="cyan")
    if d.hint:
        out.append(f"\n  = help: {d.hint}", style="cyan")
    return out


def _summary(tally: Tally) -> Text:
    expected = tally.expected
    parts = [f"{n} {VERDICT_LABELS[v].lower()}"
             + (f" ({expected[v]} expected)" if v in expected else "")
             for v, n in tally.counts.items() if n]
    claims, total = tally.claim_files, tally.checks
    text = Text(f"{claims} file{'s' if claims != 1 else ''}, "
                f"{total} check{'s' if total != 1 else ''}: ", style="bold")
    text.append(", ".join(parts) if parts else "nothing to check")
    # errors of a file, a figure or a derived figure (a check's are its verdict): they
    # fail the run too, and the summary should say so rather than leave it to --fail-on
    errors = tally.file_errors
    if errors:
        text.append(f"; {errors} error{'s' if errors != 1 else ''} in the claim "
                    f"file{'s' if claims != 1 else ''}", style="bold red")
    unreadable = tally.unreadable_claim_files
    if unreadable:
        text.append(f"; {unreadable} file{'s' if unreadable != 1 else ''} could not be read",
                    style="bold red")
    if tally.unexpected:
        text.append(f"; {tally.unexpected} not as expected", style="bold red")
    if tally.lock_unreadable:
        text.append("; the lock file could not be read", style="bold red")
    locked = tally.lock_differences
    if locked:
        text.append(f"; {locked} difference{'s' if locked != 1 else ''} from the lock file",
                    style="bold red")
    policy = tally.policy
    if policy is not None and tally.status is ExitStatus.FAILED:
        strict = ", --strict" if policy.strict else ""
        text.append(f"; the run fails (--fail-on {policy.fail_on}{strict})", style="bold red")
    return text


_CONVENTION_HINT = ("Units read by claimcheck's conventions are noted beside each figure; "
                    "a claim file can choose others under `conventions:` "
                    "(e.g. ton: short_ton for a US source).")


def _explanations(f: FileResult, chosen: list[CheckResult]) -> Text:
    why = Text()
    for i, c in enumerate(chosen, 1):
        why.append(f"{i}. {c.id}: ", style="bold")
        why.append(c.explanation)
        for note in c.verdict_notes:
            why.append(f"\n   note: {note}", style="italic")
        why.append("\n" if i < len(chosen) else "")
    return why


def _file(f: FileResult, cards: bool, only_problems: bool) -> list[RenderableType]:
    header = Text()
    header.append_text(Text(f.path, style="bold underline"))
    if f.title:
        header.append(f"\n{f.title}", style="bold")
        header.append(f"\n{f.publisher}, {f.published}", style="dim")
    parts: list[RenderableType] = [header]
    if f.title and f.url:
        parts.append(Text(f.url, style="dim", no_wrap=True, overflow="ignore"))
    chosen = [c for c in f.checks if is_problem(c)] if only_problems else list(f.checks)
    if f.readable and chosen:
        if cards:
            reasons = {c.id: _reason(c) for c in chosen}
            parts += text_cards.checks(f, chosen, VERDICT_STYLES, VERDICT_LABELS, reasons)
        else:
            parts += [_checks_table(f, chosen), _explanations(f, chosen)]
    if f.readable and not only_problems:
        if cards:
            parts += text_cards.inputs(f)
        else:
            parts += [t for t in (_derived_table(f), _figures_table(f), _assumptions_table(f))
                      if t is not None]
        if any(isinstance(n, ConventionNote) and n.default and n.key != "dollar"
               for v in f.figures for n in v.notes):
            parts.append(Text(_CONVENTION_HINT, style="dim"))
    return parts


def draw_file(f: FileResult, console: Console, cards: bool, only_problems: bool) -> None:
    """One file's part of the text report: its checks, figures and diagnostics."""
    # crop=False: an id, path or URL longer than the screen runs past it, unbroken
    console.print(text_cards.Stack(_file(f, cards, only_problems)), crop=False)
    excerpts = dict(f.excerpts)
    for d in sorted(f.all_diagnostics, key=Diagnostic.sort_key):
        console.print(diagnostic_text(d, excerpts), soft_wrap=True)
    console.print()


def draw_tail(tally: Tally, hidden: int, console: Console) -> None:
    """The lines that end the text report: how many files the problems-first view hid,
    the checks behind the counts, then the counts (last, as pytest does)."""
    if hidden:
        console.print(Text(f"{plural(hidden, 'file')} without problems not shown "
                           "(--only all shows them)", style="dim"))
    named = _named(tally)
    if named is not None:
        console.print(named)
    console.print(_summary(tally))


def _named(tally: Tally) -> Table | None:
    """Below the counts, the checks behind them: 'inconsistent  id, id, ...'; the ids
    that fail the run in bold, with their expectation when it was another verdict."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for verdict in NAMED_VERDICTS:
        found = tally.named.get(verdict)
        if not found:
            continue
        ids = Text()
        for i, c in enumerate(found):
            if i:
                ids.append(", ")
            ids.append(safe(c.id), style="bold" if c.fails else "")
            if c.expected is not None:
                ids.append(f" (expected {VERDICT_LABELS[c.expected].lower()})",
                           style="bold red")
        if (more := tally.named_total[verdict] - len(found)) > 0:
            ids.append(f", and {more} more")
        grid.add_row(Text(f"  {VERDICT_LABELS[verdict].lower()}:",
                          style=VERDICT_STYLES[verdict]), ids)
    return grid if grid.row_count else None


def render_diagnostics(report: Report, console: Console) -> None:
    """Only the diagnostics, file by file, and a count: what `lint` prints."""
    report = plain.printable(report)
    errors = warnings = 0
    for f in report.files:
        excerpts = dict(f.excerpts)
        for d in sorted(f.all_diagnostics, key=Diagnostic.sort_key):
            console.print(diagnostic_text(d, excerpts), soft_wrap=True)
            errors += d.severity is Severity.ERROR
            warnings += d.severity is Severity.WARNING
    n = len(report.files)
    console.print(Text(f"{n} file{'s' if n != 1 else ''}: {errors} error"
                       f"{'s' if errors != 1 else ''}, {warnings} warning"
                       f"{'s' if warnings != 1 else ''}", style="bold"))
