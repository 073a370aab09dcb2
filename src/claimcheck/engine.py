"""One claim file at a time: load -> validate -> read figures -> evaluate -> verdicts.

A failing figure, derived figure or check becomes a located diagnostic on that item; it
never hides the results of the others, and one bad file never hides other files.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path

from . import expressions as ex
from . import loader, units
from .diagnostics import ClaimcheckError, Diagnostic, Span
from .hedges import DEFAULT_HEDGES, HedgeKind, HedgeRule
from .lexer import TextError
from .model import ClaimFile, validate
from .quantity import Quantity
from .reading import ReadContext, Reading, read_figure
from .report import CheckResult, DerivedView, FigureView, FileResult, Report, Shown
from .unit_phrases import read_unit
from .verdicts import explain, gap, judge

CLAIM_SUFFIXES = (".yaml", ".yml")


def located(err: ClaimcheckError, scalar: loader.Node | None) -> Diagnostic:
    """Place an error from inside one YAML scalar at its exact characters."""
    d = err.diagnostic
    if isinstance(err, TextError) and isinstance(scalar, loader.Scalar):
        return d.at(scalar.sub_span(err.start, err.end))
    return d.at(getattr(scalar, "span", None))


def _shown(q: Quantity, unit_text: str) -> Shown:
    return Shown(q.central, q.rounding, q.hedged, unit_text)


def _percentage(text: str) -> Fraction:
    value = read_figure(text, ReadContext()).quantity
    return value.central / 100 if units.format_unit(value.unit) == "%" else value.central


def _hedge_table(model: ClaimFile) -> dict[str, HedgeRule]:
    table = dict(DEFAULT_HEDGES)
    for words, o in model.hedges.items():
        table[words.lower()] = HedgeRule(
            o.kind,
            widen=_percentage(o.widen) if o.widen else Fraction(1, 10),
            low=Fraction(o.low) if o.low else Fraction(0),
            high=Fraction(o.high) if o.high else Fraction(0),
        )
    return table


@dataclass
class _Entry:
    kind: str  # figure | assumption | derived
    node: loader.Mapping | loader.Scalar
    key: loader.Scalar
    reading: Reading | None = None
    value: Quantity | None = None
    unit_text: str = ""
    error: Diagnostic | None = None
    hedges: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass
class _Env:
    path: str
    model: ClaimFile
    root: loader.Mapping
    ctx: ReadContext = field(default_factory=ReadContext)
    entries: dict[str, _Entry] = field(default_factory=dict)
    visiting: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def section(self, name: str) -> loader.Mapping:
        node = self.root.get(name)
        return node if isinstance(node, loader.Mapping) else loader.Mapping((), self.root.span)

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self.entries)

    # -- lookups used by expressions -----------------------------------------------------
    def lookup(self, name: str) -> Quantity | None:
        entry = self.entries.get(name)
        if entry is None:
            return None
        if entry.kind == "derived" and entry.value is None and entry.error is None:
            self.evaluate_derived(name)
        if entry.value is None:
            what = "derived figure" if entry.kind == "derived" else entry.kind
            raise ClaimcheckError(Diagnostic(
                "broken-reference", f"{what} '{name}' has an error of its own",
                hint=f"fix '{name}' first (line {entry.key.span.line})"))
        return entry.value

    def hedges_of(self, node: ex.Node) -> tuple[str, ...]:
        found: list[str] = []
        stack = [node]
        while stack:
            n = stack.pop()
            if isinstance(n, ex.Name) and n.name in self.entries:
                found.extend(self.entries[n.name].hedges)
            elif isinstance(n, ex.Literal):
                found.extend(_widening(n.reading))
            for child in ("operand", "left", "right", "base"):
                if hasattr(n, child):
                    stack.append(getattr(n, child))
            if isinstance(n, ex.Call):
                stack.extend(n.args)
        return tuple(dict.fromkeys(sorted(found)))

    def evaluate(self, expr: ex.Expression, scalar: loader.Node | None) -> Quantity:
        return ex.evaluate(expr.root, self.lookup, self.ctx, self.names)

    # -- derived figures, evaluated on first use --------------------------------------
    def evaluate_derived(self, name: str) -> None:
        entry = self.entries[name]
        expr_node = entry.node.get("expr") if isinstance(entry.node, loader.Mapping) else entry.node
        if name in self.visiting:
            cycle = " -> ".join([*self.visiting[self.visiting.index(name):], name])
            entry.error = Diagnostic("cycle", f"derived figures refer to each other: {cycle}",
                                     entry.key.span, "a derived figure cannot depend on itself")
            return
        self.visiting.append(name)
        try:
            text = expr_node.text if isinstance(expr_node, loader.Scalar) else ""
            expr = ex.parse_expression(text, self.ctx)
            value = self.evaluate(expr, expr_node)
            unit_node = entry.node.get("unit") if isinstance(entry.node, loader.Mapping) else None
            display = expr.display
            if isinstance(unit_node, loader.Scalar):
                try:
                    display = read_unit(unit_node.text, self.ctx.for_units())
                except ClaimcheckError as err:
                    raise _Relocated(located(err, unit_node)) from None
            if display is not None:
                value = value.to(display.unit, f"'{name}'").with_label(display.label or value.label)
                entry.notes = display.notes
            entry.value = value
            entry.unit_text = units.format_unit(value.unit, value.label)
            entry.hedges = self.hedges_of(expr.root)
        except _Relocated as err:
            if entry.error is None:
                entry.error = err.diagnostic
        except ClaimcheckError as err:
            if entry.error is None:
                entry.error = located(err, expr_node)
        finally:
            self.visiting.pop()


def _widening(reading: Reading) -> tuple[str, ...]:
    """The hedge of a figure when it widens its interval ('exactly' narrows it)."""
    hedge = reading.hedge
    return (hedge.words,) if hedge and hedge.rule.kind is not HedgeKind.EXACT else ()


class _Relocated(ClaimcheckError):
    """An error already located elsewhere than the expression (e.g. in ``unit:``)."""


def _collect_names(env: _Env) -> None:
    sections = (("figures", "figure"), ("assumptions", "assumption"), ("derived", "derived"))
    for section, kind in sections:
        for key, node in env.section(section).items:
            if key.text in env.entries:
                first = env.entries[key.text].key.span
                env.diagnostics.append(Diagnostic(
                    "duplicate-name", f"'{key.text}' is already defined on line {first.line}",
                    key.span, "names are shared by figures, assumptions and derived figures"))
                continue
            if isinstance(node, loader.Mapping | loader.Scalar):
                env.entries[key.text] = _Entry(kind, node, key)
    counts_node = env.root.get("counts")
    for i, noun in enumerate(env.model.counts):
        if units.resolve_known(noun, env.model.conventions.as_dict(), frozenset()) and not (
                units.is_count(noun)):
            item = counts_node.items[i] if isinstance(counts_node, loader.Sequence) else None
            env.diagnostics.append(Diagnostic(
                "schema", f"counts: '{noun}' is a unit, not a count noun",
                item.span if item is not None else env.root.span,
                "list only nouns for counted things (ships, raids), never units"))
    reserved = env.names | ex.RESERVED
    env.ctx = ReadContext(env.model.conventions.as_dict(), frozenset(
        c.lower() for c in env.model.counts), _hedge_table(env.model), reserved)


def _read_inputs(env: _Env) -> list[FigureView]:
    views: list[FigureView] = []
    read_ctx = ReadContext(env.ctx.conventions, env.ctx.counts, env.ctx.hedges)
    for name, entry in env.entries.items():
        if entry.kind == "derived" or not isinstance(entry.node, loader.Mapping):
            continue
        is_figure = entry.kind == "figure"
        text_node = entry.node.get("stated" if is_figure else "value")
        spec = env.model.figures.get(name) if is_figure else env.model.assumptions.get(name)
        assert spec is not None and isinstance(text_node, loader.Scalar)
        try:
            reading = read_figure(text_node.text, read_ctx, spec.precision)
        except ClaimcheckError as err:
            entry.error = located(err, text_node)
            views.append(FigureView(name, entry.kind, text_node.text, entry.key.span,
                                    quote=getattr(spec, "quote", None),
                                    source=getattr(spec, "source", None),
                                    url=getattr(spec, "url", None), diagnostics=(entry.error,)))
            continue
        entry.reading, entry.value = reading, reading.quantity
        entry.unit_text = reading.unit_text
        entry.hedges = _widening(reading)
        period = reading.period
        views.append(FigureView(
            name, entry.kind, text_node.text, entry.key.span,
            _shown(reading.quantity, reading.unit_text),
            quote=getattr(spec, "quote", None), precision=reading.precision,
            hedge=reading.hedge.words if reading.hedge else None,
            hedge_rule=reading.hedge.rule.describe() if reading.hedge else None,
            notes=reading.notes,
            source=getattr(spec, "source", None), url=getattr(spec, "url", None),
            period=(period.start.isoformat(), period.end.isoformat()) if period else None,
        ))
    return views


def _derived_views(env: _Env) -> list[DerivedView]:
    views = []
    for name, entry in env.entries.items():
        if entry.kind != "derived":
            continue
        if entry.value is None and entry.error is None:
            env.evaluate_derived(name)
        spec = env.model.derived[name]
        views.append(DerivedView(
            name, spec.expr, entry.key.span,
            _shown(entry.value, entry.unit_text) if entry.value is not None else None,
            spec.description, entry.notes, (entry.error,) if entry.error else ()))
    return views


def _check(env: _Env, index: int) -> CheckResult:
    spec = env.model.checks[index]
    checks_node = env.root.get("checks")
    assert isinstance(checks_node, loader.Sequence)
    item = checks_node.items[index]
    assert isinstance(item, loader.Mapping)
    assert_node = item.get("assert")
    span = item.span

    def failed(diagnostic: Diagnostic) -> CheckResult:
        return CheckResult(spec.id, spec.claim, spec.assert_, "error",
                           f"cannot be evaluated: {diagnostic.message}", span,
                           expected=spec.expect, diagnostics=(diagnostic,))

    try:
        assertion = ex.parse_assertion(spec.assert_, env.ctx)
        left = env.evaluate(assertion.left, assert_node)
        right = env.evaluate(assertion.right, assert_node)
        stated_entry = None
        if isinstance(assertion.right.root, ex.Name):
            stated_entry = env.entries.get(assertion.right.root.name)
        unit, label = right.unit, right.label
        if assertion.right.display is not None:
            unit, label = assertion.right.display.unit, assertion.right.display.label or label
            right = right.to(unit, "the stated side")
        if assertion.left.display is not None and assertion.right.display is None:
            unit, label = assertion.left.display.unit, assertion.left.display.label or label
            right = right.to(unit, "the stated side")
        try:
            left = left.to(unit)
        except ClaimcheckError:
            raise TextError(
                "dimension-mismatch",
                f"the two sides measure different things: {ex._describe(left)} vs "
                f"{ex._describe(right)}", 0, len(spec.assert_),
                "compare like with like, e.g. a share with a percentage") from None
    except ClaimcheckError as err:
        return failed(located(err, assert_node))
    unit_text = units.format_unit(unit, label or left.label)
    computed, stated = _shown(left, unit_text), _shown(right, unit_text)
    reading = stated_entry.reading if stated_entry else None
    is_bound = bool(reading and reading.hedge and reading.hedge.rule.is_bound)
    stated_is_figure = reading is not None
    stated_text = reading.text if reading else assertion.right.text
    stated_hedges = env.hedges_of(assertion.right.root)
    verdict = judge(assertion.relation, computed, stated, is_bound)
    sentence = explain(verdict, assertion.relation, assertion.left.text, computed, stated_text,
                       stated, stated_hedges, env.hedges_of(assertion.left.root),
                       stated_is_figure)
    g = gap(computed, stated)
    diagnostics: tuple[Diagnostic, ...] = ()
    if spec.expect is not None and spec.expect != verdict:
        expect_node = item.get("expect")
        diagnostics = (Diagnostic(
            "unexpected-verdict", f"check '{spec.id}' expected {spec.expect}, got {verdict}",
            getattr(expect_node, "span", span),
            "if the new verdict is right, update `expect:`; otherwise look at what changed"),)
    notes = tuple(dict.fromkeys(
        n for name in _names_in(assertion) for n in _entry_notes(env, name)))
    return CheckResult(
        spec.id, spec.claim, spec.assert_, verdict, sentence, span, assertion.relation,
        assertion.left.text, computed, stated_text, stated, g.value if g else None,
        g.unit if g else None, tuple(dict.fromkeys(stated_hedges + env.hedges_of(
            assertion.left.root))), notes, spec.expect, diagnostics)


def _names_in(assertion: ex.Assertion) -> list[str]:
    names: list[str] = []
    stack: list[ex.Node] = [assertion.left.root, assertion.right.root]
    while stack:
        n = stack.pop()
        if isinstance(n, ex.Name):
            names.append(n.name)
        stack.extend(getattr(n, c) for c in ("operand", "left", "right", "base") if hasattr(n, c))
        if isinstance(n, ex.Call):
            stack.extend(n.args)
    return sorted(set(names))


def _entry_notes(env: _Env, name: str) -> tuple[str, ...]:
    entry = env.entries.get(name)
    if entry is None:
        return ()
    if entry.reading is not None:
        return entry.reading.notes
    return entry.notes


def check_text(path: str, text: str) -> FileResult:
    """Check one claim file given its text (``path`` is used for locations only)."""
    result = _check_text(path, text)
    lines = text.splitlines()
    wanted = sorted({d.span.line for d in result.all_diagnostics
                     if d.span and 0 < d.span.line <= len(lines)})
    return replace(result, excerpts=tuple((n, lines[n - 1]) for n in wanted))


def _check_text(path: str, text: str) -> FileResult:
    try:
        root = loader.load(path, text)
    except ClaimcheckError as err:
        return FileResult(path, diagnostics=(err.diagnostic,), readable=False)
    model, problems = validate(root)
    if model is None or not isinstance(root, loader.Mapping):
        return FileResult(path, diagnostics=tuple(problems), readable=False)
    env = _Env(path, model, root)
    _collect_names(env)
    figures = _read_inputs(env)
    derived = _derived_views(env)
    checks = tuple(_check(env, i) for i in range(len(model.checks)))
    seen_ids: dict[str, Span | None] = {}
    for c in checks:
        if c.id in seen_ids:
            env.diagnostics.append(Diagnostic("duplicate-id", f"check id '{c.id}' is used twice",
                                              c.span, "give each check its own id"))
        seen_ids[c.id] = c.span
    src = model.source
    return FileResult(path, src.title, src.publisher, src.published, src.url, tuple(figures),
                      tuple(derived), checks, tuple(env.diagnostics))


def check_file(path: Path, display: str | None = None) -> FileResult:
    shown_path = display or path.as_posix()
    try:
        data = path.read_bytes()
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return FileResult(shown_path, diagnostics=(Diagnostic(
            "file-unreadable", f"the file is not UTF-8 text (byte {err.start})",
            Span(shown_path, 1, 1), "save it as UTF-8"),), readable=False)
    except OSError as err:
        reason = err.strerror or type(err).__name__
        return FileResult(shown_path, diagnostics=(Diagnostic(
            "file-unreadable", f"cannot read the file: {reason}", Span(shown_path, 1, 1),
            "check the path and the file's permissions"),), readable=False)
    return check_text(shown_path, text)


def claim_files(paths: Iterable[Path]) -> list[Path]:
    """The claim files named or found (recursively, sorted) under the given paths."""
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            found.extend(sorted(f for f in p.rglob("*") if f.suffix in CLAIM_SUFFIXES
                                and f.is_file() and not any(
                                    part.startswith(".") for part in f.relative_to(p).parts)))
        else:
            found.append(p)
    return list(dict.fromkeys(found))


def check_paths(paths: Iterable[Path | str]) -> Report:
    """Check every claim file under ``paths``: the library's front door. Never prints."""
    files = claim_files(Path(p) for p in paths)
    return Report(tuple(check_file(f) for f in files))

