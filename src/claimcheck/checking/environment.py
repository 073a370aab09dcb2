"""Everything one claim file names: figures, assumptions and derived figures, read and
evaluated on demand, each failure kept as a located diagnostic on its own entry."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from fractions import Fraction

from .. import expressions as ex
from ..claimfile import loader
from ..claimfile.model import ClaimFile, FigureSource
from ..diagnostics import ClaimcheckError, Diagnostic, Label, Span
from ..quantities import formatting as fmt
from ..quantities import unit_math, units
from ..quantities.quantity import Quantity
from ..reading.figures import ReadContext, Reading, read_figure
from ..reading.hedges import DEFAULT_HEDGES, HedgeRule
from ..reading.lexer import TextError
from ..reading.unit_phrases import UnitPhrase, read_unit
from .report import DerivedView, FigureView, Shown


def located(err: ClaimcheckError, scalar: loader.Node | None) -> Diagnostic:
    """Place an error from inside one YAML scalar at its exact characters."""
    d = err.diagnostic
    if isinstance(err, TextError) and isinstance(scalar, loader.Scalar):
        labels = tuple(Label(scalar.sub_span(s, e), text) for s, e, text in err.labels)
        if not scalar.exact_columns:
            labels = ()  # no way to place them inside a folded or escaped scalar
        return d.at(scalar.sub_span(err.start, err.end), labels)
    return d.at(getattr(scalar, "span", None))


def _source(spec: object) -> str | None:
    """An assumption's source (with its date), or where a figure comes from when it is
    not the report itself."""
    source = getattr(spec, "source", None)
    if isinstance(source, FigureSource):
        return source.describe()
    date = getattr(spec, "date", None)
    return f"{source} ({date})" if source and date else source


def _cited(spec: object) -> tuple[tuple[str, str], ...]:
    """A figure's `source:` in parts (publisher, title, date), for the JSON report."""
    source = getattr(spec, "source", None)
    if not isinstance(source, FigureSource):
        return ()
    return tuple((k, v) for k, v in (("publisher", source.publisher), ("title", source.title),
                                     ("date", source.date)) if v is not None)


def _url(spec: object) -> str | None:
    source = getattr(spec, "source", None)
    return source.url if isinstance(source, FigureSource) else getattr(spec, "url", None)


def shown(q: Quantity, unit_text: str) -> Shown:
    return Shown(q.central, q.rounding, q.hedged, unit_text)


def _hedge_table(model: ClaimFile) -> dict[str, HedgeRule]:
    table = dict(DEFAULT_HEDGES)
    for words, o in model.hedges.items():
        table[words.lower()] = HedgeRule(
            o.kind,
            widen=Fraction(o.widen.rstrip("% ")) / 100 if o.widen else Fraction(1, 10),
            low=Fraction(o.low) if o.low else Fraction(0),
            high=Fraction(o.high) if o.high else Fraction(0),
        )
    return table


@dataclass
class Entry:
    kind: str  # figure | assumption | derived
    node: loader.Mapping | loader.Scalar
    key: loader.Scalar
    reading: Reading | None = None
    value: Quantity | None = None
    unit_text: str = ""
    error: Diagnostic | None = None
    hedges: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    expr: ex.Expression | None = None  # a derived figure's parsed expression
    display: UnitPhrase | None = None  # ... and the unit it is shown in


@dataclass
class Env:
    model: ClaimFile
    root: loader.Mapping
    ctx: ReadContext = field(default_factory=ReadContext)
    entries: dict[str, Entry] = field(default_factory=dict)
    visiting: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    _parsed: dict[str, ex.Assertion | ClaimcheckError] = field(default_factory=dict)
    _refs: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def derived_refs(self, name: str) -> tuple[str, ...]:
        """The derived figures a derived figure's expression names directly (parsed once;
        none when it does not parse: evaluating it reports that)."""
        if name not in self._refs:
            entry = self.entries[name]
            node = entry.node.get("expr") if isinstance(entry.node, loader.Mapping) else entry.node
            found: tuple[str, ...] = ()
            if isinstance(node, loader.Scalar):
                try:
                    root = ex.parse_expression(node.text, self.ctx).root
                    found = tuple(dict.fromkeys(
                        n.name for n in ex.walk(root) if isinstance(n, ex.Name)
                        and n.name in self.entries and self.entries[n.name].kind == "derived"))
                except ClaimcheckError:
                    pass
            self._refs[name] = found
        return self._refs[name]

    def derived_order(self, names: Iterable[str]) -> list[str]:
        """The derived figures ``names`` rest on (themselves included), each after those it
        names: evaluating them in this order never recurses, however long the chain (200
        derived figures, each naming the last, would exhaust Python's stack).  A cycle is
        left for evaluate_derived to report."""
        order: list[str] = []
        done: set[str] = set()
        for start in names:
            if start in done or self.entries.get(start) is None or (
                    self.entries[start].kind != "derived"):
                continue
            stack, on_path = [(start, iter(self.derived_refs(start)))], {start}
            while stack:
                name, pending = stack[-1]
                nxt = next((r for r in pending if r not in done and r not in on_path), None)
                if nxt is None:
                    stack.pop()
                    on_path.discard(name)
                    done.add(name)
                    order.append(name)
                else:
                    on_path.add(nxt)
                    stack.append((nxt, iter(self.derived_refs(nxt))))
        return order

    def assertion(self, text: str) -> ex.Assertion:
        """A check's assertion, parsed once for verify, explain and lint alike; raises the
        same ClaimcheckError each time when it does not parse."""
        if text not in self._parsed:
            try:
                self._parsed[text] = ex.parse_assertion(text, self.ctx)
            except ClaimcheckError as err:
                self._parsed[text] = err
        found = self._parsed[text]
        if isinstance(found, ClaimcheckError):
            raise found
        return found

    def parsed_checks(self) -> list[tuple[ex.Assertion, Span | None] | None]:
        """Each check's parsed assertion and the check's span (None where it does not
        parse: the check reports that itself)."""
        node = self.root.get("checks")
        items = node.items if isinstance(node, loader.Sequence) else []
        found: list[tuple[ex.Assertion, Span | None] | None] = []
        for check, item in zip(self.model.checks, items, strict=False):
            try:
                found.append((self.assertion(check.assert_), getattr(item, "span", None)))
            except ClaimcheckError:
                found.append(None)
        return found

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
            if name in self.visiting:
                self.evaluate_derived(name)  # a cycle: this reports it
            for dependency in self.derived_order([name]):  # deepest first: no recursion
                dep = self.entries[dependency]
                if dep.value is None and dep.error is None and dependency not in self.visiting:
                    self.evaluate_derived(dependency)
        if entry.value is None:
            what = "derived figure" if entry.kind == "derived" else entry.kind
            raise ClaimcheckError(Diagnostic(
                "broken-reference", f"{what} '{name}' has an error of its own",
                hint=f"fix '{name}' first (line {entry.key.span.line})"))
        return entry.value

    def central_text(self, name: str) -> str | None:
        """A name's central value as the report would write it: '2.8 million t'."""
        entry = self.entries.get(name)
        if entry is None or entry.value is None:
            return None
        value = entry.value
        return fmt.with_unit(fmt.number(value.central, fmt.digits_for([value.central])),
                             entry.unit_text)

    def hedges_of(self, node: ex.Node) -> tuple[str, ...]:
        """The widening hedges an expression's inputs carry, through derived figures."""
        found: list[str] = []
        for n in ex.walk(node):
            if isinstance(n, ex.Name) and n.name in self.entries:
                found.extend(self.entries[n.name].hedges)
            elif isinstance(n, ex.Literal):
                found.extend(widening(n.reading))
        return tuple(dict.fromkeys(sorted(found)))

    def stated_reading(self, name: str, depth: int = 0) -> Reading | None:
        """The stated figure a name stands for: a figure's or assumption's reading, or the
        one a derived figure merely renames (``bb: b``)."""
        entry = self.entries.get(name)
        if entry is None or depth > 8:
            return None
        if entry.reading is not None:
            return entry.reading
        if entry.kind == "derived" and entry.value is None and entry.error is None:
            self.evaluate_derived(name)
        if entry.expr is not None and entry.display is None and isinstance(entry.expr.root,
                                                                           ex.Name):
            return self.stated_reading(entry.expr.root.name, depth + 1)
        return None

    def evaluate(self, expr: ex.Expression) -> Quantity:
        from ..expressions.tightening import tighten

        naive = ex.evaluate(expr.root, self.lookup, self.ctx, self.names)
        return tighten(self, expr.root, naive)

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
            value = self.evaluate(expr)
            unit_node = entry.node.get("unit") if isinstance(entry.node, loader.Mapping) else None
            display = expr.display
            if isinstance(unit_node, loader.Scalar):
                try:
                    display = read_unit(unit_node.text, self.ctx.for_units())
                except ClaimcheckError as err:
                    raise Relocated(located(err, unit_node)) from None
            if display is not None:
                value = value.shown_in(display.unit, display.label, f"'{name}'")
                entry.notes = display.notes
            entry.expr, entry.display = expr, display
            entry.notes = entry.notes + ex.notes_of(expr.root)
            entry.value = value
            entry.unit_text = unit_math.format_unit(value.unit, value.label)
            entry.hedges = self.hedges_of(expr.root)
        except Relocated as err:
            if entry.error is None:
                entry.error = err.diagnostic
        except ClaimcheckError as err:
            if entry.error is None:
                entry.error = located(err, expr_node)
        finally:
            self.visiting.pop()


def widening(reading: Reading) -> tuple[str, ...]:
    """The hedge of a figure when it widens its interval ('exactly' narrows it)."""
    hedge = reading.hedge
    return (hedge.words,) if hedge and hedge.widens else ()


class Relocated(ClaimcheckError):
    """An error already located elsewhere than the expression (e.g. in ``unit:``)."""


def _collect_names(env: Env) -> None:
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
                env.entries[key.text] = Entry(kind, node, key)
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
        c.lower() for c in env.model.counts), _hedge_table(env.model), reserved,
        precision=env.model.precision)


def _read_inputs(env: Env) -> list[FigureView]:
    views: list[FigureView] = []
    read_ctx = env.ctx.for_figures()
    for name, entry in env.entries.items():
        if entry.kind == "derived" or not isinstance(entry.node, loader.Mapping):
            continue
        is_figure = entry.kind == "figure"
        text_node = entry.node.get("stated" if is_figure else "value")
        spec = env.model.figures.get(name) if is_figure else env.model.assumptions.get(name)
        assert spec is not None and isinstance(text_node, loader.Scalar)
        own = getattr(spec, "conventions", None)
        ctx = read_ctx if own is None else replace(read_ctx, conventions={
            **read_ctx.conventions, **own.as_dict()})
        try:
            reading = read_figure(text_node.text, ctx, spec.precision)
            unit_node = entry.node.get("unit")
            if isinstance(unit_node, loader.Scalar):
                reading = _with_unit(reading, unit_node, ctx)
        except Relocated as err:
            entry.error = err.diagnostic
            views.append(FigureView(
                name=name, kind=entry.kind, stated=text_node.text, span=entry.key.span,
                quote=getattr(spec, "quote", None), source=_source(spec), url=_url(spec),
                cited=_cited(spec),
                diagnostics=(entry.error,)))
            continue
        except ClaimcheckError as err:
            entry.error = located(err, text_node)
            views.append(FigureView(
                name=name, kind=entry.kind, stated=text_node.text, span=entry.key.span,
                quote=getattr(spec, "quote", None), source=_source(spec), url=_url(spec),
                cited=_cited(spec),
                diagnostics=(entry.error,)))
            continue
        entry.reading, entry.value = reading, reading.quantity
        entry.unit_text = reading.unit_text
        entry.hedges = widening(reading)
        period = reading.period
        views.append(FigureView(
            name=name, kind=entry.kind, stated=text_node.text, span=entry.key.span,
            value=shown(reading.quantity, reading.unit_text),
            quote=getattr(spec, "quote", None), precision=reading.precision,
            hedge=reading.hedge.words if reading.hedge else None,
            hedge_rule=reading.hedge.rule.describe(reading.fall) if reading.hedge else None,
            notes=reading.notes,
            source=_source(spec), url=_url(spec), cited=_cited(spec),
            period=(period.start.isoformat(), period.end.isoformat()) if period else None,
        ))
    return views


def _with_unit(reading: Reading, node: loader.Scalar, ctx: ReadContext) -> Reading:
    """A bare figure given the unit its sentence states once for several figures."""
    q = reading.quantity
    if not unit_math.is_pure_count(q.unit):
        raise Relocated(Diagnostic(
            "schema", f"`unit:` is for a figure printed without one; '{reading.text}' is "
                      f"already in {reading.unit_text}", node.span,
            "remove `unit:`, or the unit from `stated:`"))
    try:
        phrase = read_unit(node.text, ctx.for_units())
    except ClaimcheckError as err:
        raise Relocated(located(err, node)) from None
    label = phrase.label
    moved = Quantity(q.central, q.rounding, q.hedged, phrase.unit, label)
    coarse = reading.coarse
    if coarse is not None:
        coarse = Quantity(coarse.central, coarse.rounding, coarse.hedged, phrase.unit, label)
    note = f"unit '{node.text}' from `unit:`: the report gives it once for several figures"
    return replace(reading, quantity=moved, coarse=coarse,
                   unit_text=unit_math.format_unit(phrase.unit, label),
                   notes=(*reading.notes, *phrase.notes, note))


def _derived_views(env: Env) -> list[DerivedView]:
    views = []
    for name, entry in env.entries.items():
        if entry.kind != "derived":
            continue
        if entry.value is None and entry.error is None:
            env.evaluate_derived(name)
        spec = env.model.derived[name]
        views.append(DerivedView(
            name=name, expr=spec.expr, span=entry.key.span,
            value=shown(entry.value, entry.unit_text) if entry.value is not None else None,
            description=spec.description, notes=entry.notes,
            diagnostics=(entry.error,) if entry.error else ()))
    return views


@dataclass(frozen=True)
class Built:
    """One claim file's environment, fully read, with what the report shows of it."""

    env: Env
    figures: tuple[FigureView, ...]
    derived: tuple[DerivedView, ...]


def build(model: ClaimFile, root: loader.Mapping) -> Built:
    """The environment of one claim file in one step: names collected (and the reading
    context that knows them), figures and assumptions read, derived figures evaluated.
    The order these steps need is kept here, not by each caller."""
    env = Env(model, root)
    _collect_names(env)
    figures = _read_inputs(env)
    return Built(env, tuple(figures), tuple(_derived_views(env)))
