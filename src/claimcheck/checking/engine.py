"""One claim file at a time: load -> validate -> read figures -> evaluate -> verdicts.

A failing figure, derived figure or check becomes a located diagnostic on that item; it
never hides the results of the others, and one bad file never hides other files.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .. import expressions as ex
from ..claimfile import loader
from ..claimfile.model import validate
from ..claimfile.safe_io import display_path
from ..diagnostics import ClaimcheckError, Diagnostic, Severity, Span
from ..expressions.tightening import Evaluator, inputs_of, tighten
from ..outcomes import Verdict
from ..quantities import formatting as fmt
from ..quantities.quantity import Quantity
from ..reading.figures import Reading
from .comparison import Comparison, StatedSide, compare
from .environment import Env, build, located
from .report import CheckResult, FileResult


def _check(env: Env, index: int) -> CheckResult:
    spec = env.model.checks[index]
    checks_node = env.root.get("checks")
    assert isinstance(checks_node, loader.Sequence)
    item = checks_node.items[index]
    assert isinstance(item, loader.Mapping)
    assert_node = item.get("assert")
    span = item.span

    def failed(diagnostic: Diagnostic) -> CheckResult:
        return CheckResult(id=spec.id, claim=spec.claim, assertion=spec.assert_,
                           verdict=Verdict.ERROR, explanation=f"cannot be evaluated: "
                           f"{diagnostic.message}", span=span, expected=spec.expect,
                           diagnostics=(diagnostic,))

    try:
        assertion = env.assertion(spec.assert_)
        result = compare_check(env, assertion)
        coarse = _coarse_note(env, assertion, result)
        stated = _stated_side(env, assertion)
        input_hedges = env.hedges_of(assertion.left.root)
    except ClaimcheckError as err:
        return failed(located(err, assert_node))
    diagnostics: tuple[Diagnostic, ...] = ()
    if spec.expect is not None and spec.expect != result.verdict:
        expect_node = item.get("expect")
        diagnostics = (Diagnostic(
            "unexpected-verdict",
            f"check '{spec.id}' expected {spec.expect}, got {result.verdict}",
            getattr(expect_node, "span", span),
            "if the new verdict is right, update `expect:`; otherwise look at what changed"),)
    notes = tuple(dict.fromkeys(
        [n for name in _names_in(assertion) for n in _entry_notes(env, name)]
        + [*_literal_notes(assertion), *ex.notes_of(assertion.left.root),
           *ex.notes_of(assertion.right.root), *result.notes, *coarse]))
    g = result.gap
    return CheckResult(
        id=spec.id, claim=spec.claim, assertion=spec.assert_, verdict=result.verdict,
        explanation=result.explanation, span=span, relation=assertion.relation,
        computed_text=assertion.left.text, computed=result.computed,
        stated_text=result.stated_text, stated=result.stated,
        gap=g.value if g else None, gap_unit=g.unit if g else None,
        hedges=tuple(dict.fromkeys(stated.hedges + input_hedges)), notes=notes,
        expected=spec.expect, diagnostics=diagnostics, stated_meaning=result.stated_meaning,
        verdict_notes=(*result.notes, *coarse))


def compare_check(env: Env, assertion: ex.Assertion,
                  overrides: dict[str, Quantity] | None = None, *,
                  coarse: bool = False, verdict_only: bool = False) -> Comparison:
    """A check's comparison; with ``overrides``, some figures replaced by other values
    (derived figures recomputed from them), with ``coarse`` an inline stated figure
    read to one significant figure, and with ``verdict_only`` no sentence (see
    ``compare``).  Raises ClaimcheckError when it cannot be evaluated."""
    left_root = assertion.left.root
    if overrides is None:
        left = env.evaluate(assertion.left)
    else:
        left = tighten(env, left_root, Evaluator(env, overrides).evaluate(left_root),
                       overrides)
    left_text = assertion.left.text
    if not verdict_only and not isinstance(left_root, ex.Name):
        with_values = assertion.left.substituted(env.central_text)
        if with_values != left_text:  # "a / b = 2.8 million t / 3.7 million t"
            left_text += f" = {with_values}"
    return compare(assertion, left, _stated_value(env, assertion, overrides, coarse),
                   computed_text=left_text, stated=_stated_side(env, assertion),
                   input_hedges=env.hedges_of(left_root), verdict_only=verdict_only)


def _stated_value(env: Env, assertion: ex.Assertion,
                  overrides: dict[str, Quantity] | None = None,
                  coarse: bool = False) -> Quantity:
    """The stated side's value: an inline figure is read as a stated figure, exactly as
    the same text under `figures:` would be."""
    root = assertion.right.root
    if isinstance(root, ex.Literal):
        return (root.reading.coarse if coarse else None) or root.reading.quantity
    if overrides is None:
        return env.evaluate(assertion.right)
    return tighten(env, root, Evaluator(env, overrides).evaluate(root), overrides)


def _stated_side(env: Env, assertion: ex.Assertion) -> StatedSide:
    root = assertion.right.root
    reading = None
    if isinstance(root, ex.Literal):
        reading = root.reading
    elif isinstance(root, ex.Name):
        reading = env.stated_reading(root.name)
    return StatedSide(text=reading.text if reading else assertion.right.text,
                      reading=reading, hedges=env.hedges_of(root))


def _coarse_note(env: Env, assertion: ex.Assertion, result: Comparison) -> tuple[str, ...]:
    """Rule of two significant figures: say so when the coarser one-figure reading of the
    round numbers involved ("10,000" as 5,000 to 15,000) would give another verdict.  It
    never sets the verdict."""
    names = sorted({*inputs_of(env, assertion.left.root), *inputs_of(env, assertion.right.root)})
    overrides: dict[str, Quantity] = {}
    changed: list[Reading] = []
    for name in names:
        reading = env.entries[name].reading
        if reading is not None and reading.coarse is not None:
            overrides[name] = reading.coarse
            changed.append(reading)
    root = assertion.right.root
    if isinstance(root, ex.Literal) and root.reading.coarse is not None:
        changed.append(root.reading)
    if not changed:
        return ()
    try:
        coarse = compare_check(env, assertion, overrides, coarse=True, verdict_only=True)
    except ClaimcheckError:
        return ()
    if coarse.verdict == result.verdict:
        return ()
    readings = ", ".join(
        f"'{r.text}' as {fmt.interval(r.coarse.rounding, r.unit_text)}"  # type: ignore[union-attr]
        for r in changed)
    return (f"read to one significant figure ({readings}), this check would be "
            f"{coarse.verdict.replace('_', ' ')}, not {result.verdict.replace('_', ' ')}; "
            "claimcheck reads round numbers to two significant figures",)


def _literal_notes(assertion: ex.Assertion) -> list[str]:
    return [n for side in (assertion.left, assertion.right) for node in ex.walk(side.root)
            if isinstance(node, ex.Literal) for n in node.reading.notes]


def _names_in(assertion: ex.Assertion) -> list[str]:
    return sorted({n.name for side in (assertion.left, assertion.right)
                   for n in ex.walk(side.root) if isinstance(n, ex.Name)})


def _entry_notes(env: Env, name: str) -> tuple[str, ...]:
    entry = env.entries.get(name)
    if entry is None:
        return ()
    if entry.reading is not None:
        return entry.reading.notes
    return entry.notes


def check_text(path: str, text: str) -> FileResult:
    """Check one claim file given its text (``path`` is used for locations only)."""
    return analyse_text(path, text)[0]


def analyse_text(path: str, text: str) -> tuple[FileResult, Env | None]:
    """The file's results, and the environment they were computed in (for `explain`)."""
    result, env = _check_text(path, text)
    lines = text.splitlines()
    wanted = sorted({d.span.line for d in result.all_diagnostics
                     if d.span and 0 < d.span.line <= len(lines)})
    return replace(result, excerpts=tuple((n, lines[n - 1]) for n in wanted)), env


def _check_text(path: str, text: str) -> tuple[FileResult, Env | None]:
    try:
        root = loader.load(path, text)
    except ClaimcheckError as err:
        return FileResult(path=path, diagnostics=(err.diagnostic,), readable=False), None
    model, problems = validate(root)
    if model is None or not isinstance(root, loader.Mapping):
        return FileResult(path=path, diagnostics=tuple(problems), readable=False), None
    built = build(model, root)
    env, figures, derived = built.env, built.figures, built.derived
    checks = tuple(_check(env, i) for i in range(len(model.checks)))
    seen_ids: dict[str, Span | None] = {}
    for c in checks:
        if c.id in seen_ids:
            env.diagnostics.append(Diagnostic("duplicate-id", f"check id '{c.id}' is used twice",
                                              c.span, "give each check its own id"))
        seen_ids[c.id] = c.span
    src = model.source
    return FileResult(path=path, title=src.title, publisher=src.publisher,
                      published=src.published, url=src.url, figures=figures,
                      derived=derived, checks=checks,
                      diagnostics=tuple(env.diagnostics)), env


def read_claim_file(path: Path, root: Path | None = None) -> str | FileResult:
    """The file's text, or an unreadable FileResult that says why.  ``root``: the folder
    it was found in by walking, which its real path must not leave."""
    from ..claimfile.safe_io import MAX_BYTES, UnsafePath, read_bounded

    shown_path = display_path(path)
    try:
        data = read_bounded(path, MAX_BYTES, root)
    except UnsafePath as err:
        # a file that leads out of its folder is skipped with a warning (the run goes on,
        # failing only under --strict); one that cannot be read safely is an error
        outside = err.code == "file-outside"
        return FileResult(path=shown_path, diagnostics=(Diagnostic(
            err.code, err.message, Span(shown_path, 1, 1), err.hint,
            Severity.WARNING if outside else Severity.ERROR),), readable=outside)
    except OSError as err:
        reason = err.strerror or type(err).__name__
        return FileResult(path=shown_path, diagnostics=(Diagnostic(
            "file-unreadable", f"cannot read the file: {reason}", Span(shown_path, 1, 1),
            "check the path and the file's permissions"),), readable=False)
    return decode_claim_bytes(shown_path, data)


def decode_claim_bytes(shown_path: str, data: bytes) -> str | FileResult:
    """UTF-8 text (a byte-order mark is dropped), or an unreadable FileResult: the same for
    a file on disk and for standard input."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return FileResult(path=shown_path, diagnostics=(Diagnostic(
            "file-unreadable", f"the file is not UTF-8 text (byte {err.start})",
            Span(shown_path, 1, 1), "save it as UTF-8"),), readable=False)
