"""The command line: options in, one library call, one renderer, one exit code.

Heavy modules (pint, pydantic, yaml, rich) are imported inside the commands so
that ``claimcheck --help`` stays fast.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import __version__

if TYPE_CHECKING:
    from rich.console import Console

    from .report import Report

app = typer.Typer(
    name="claimcheck",
    help="Check the arithmetic of news claims: figures as stated, with units, rounding "
         "and hedges, recomputed with honest intervals.",
    no_args_is_help=True,
    rich_markup_mode="rich",
    add_completion=False,
)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    markdown = "markdown"


class FailOn(StrEnum):
    inconsistent = "inconsistent"
    hedge = "hedge"
    rounding = "rounding"
    never = "never"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
) -> None:
    """Check the arithmetic of news claims."""


def default_paths() -> list[Path]:
    """./claims when it exists, else the claim files bundled with claimcheck."""
    local = Path("claims")
    if local.is_dir():
        return [local]
    from importlib import resources

    bundled = Path(str(resources.files("claimcheck").joinpath("claims")))
    if not bundled.is_dir():  # an editable install: the claims sit beside src/
        bundled = Path(__file__).resolve().parents[2] / "claims"
    return [bundled]


@app.command()
def verify(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Claim files or folders (searched for *.yaml / *.yml); '-' reads a claim file "
             "from standard input. Default: ./claims, or the bundled claims.",
        show_default=False)] = None,
    output_format: Annotated[list[ReportFormat] | None, typer.Option(
        "--format", "-f", help="text for people, json for scripts, github for workflow "
        "annotations, markdown for a pull-request comment. Repeatable, paired in order with "
        "--output.", show_default=False)] = None,
    output: Annotated[list[str] | None, typer.Option(
        "--output", "-o", help="Write the matching --format here (atomically) instead of to "
        "standard output. Repeatable.", show_default=False)] = None,
    fail_on: Annotated[FailOn | None, typer.Option(
        "--fail-on", help="The mildest verdict that fails the run: inconsistent (also "
        "error), hedge, rounding, or never. Default: claimcheck.toml or [tool.claimcheck] "
        "in pyproject.toml, else inconsistent.", show_default=False)] = None,
    strict: Annotated[bool | None, typer.Option(
        "--strict/--no-strict", help="Lint warnings (no quote, units read by default "
        "conventions, ...) fail the run too.", show_default=False)] = None,
) -> None:
    """Recompute every check in the claim files and give each a verdict.

    Exit codes: 0 nothing fails under --fail-on; 1 some check fails under --fail-on, is in
    error or is not the verdict it expects; 2 usage error or a file that cannot be read or
    parsed.
    """
    from .config import ConfigError, load
    from .outputs import write

    try:
        settings = load()
    except ConfigError as err:
        typer.echo(f"error[config]: {err}", err=True)
        raise typer.Exit(2) from None
    formats = [f.value for f in output_format or [ReportFormat.text]]
    outputs = output or []
    if len(outputs) > len(formats):
        raise typer.BadParameter("each --output needs a --format before it",
                                 param_hint="--output")
    be_strict = settings.strict if strict is None else strict
    targets = paths or default_paths()
    report = _check(targets, lint=be_strict)
    if not report.files:
        shown = ", ".join(p.as_posix() for p in targets)
        typer.echo(f"error[no-claim-files]: no *.yaml or *.yml files under {shown}", err=True)
        raise typer.Exit(2)
    write(report, formats, outputs)
    threshold = fail_on.value if fail_on is not None else settings.fail_on
    raise typer.Exit(int(report.status(threshold, be_strict)))


@app.command()
def explain(
    path: Annotated[Path, typer.Argument(help="A claim file.", show_default=False)],
    check_ids: Annotated[list[str] | None, typer.Argument(
        help="Checks to explain (default: all).", show_default=False)] = None,
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="text for people, json for scripts.")] = OutputFormat.text,
) -> None:
    """Show the work: each check's derivation as a tree, which inputs' rounding and hedges
    drive the result's width, and what would make a check that is not consistent true.

    Exit codes: 0 explained; 2 the file cannot be read or parsed, or an unknown check id.
    """
    from .diagnostics import did_you_mean
    from .engine import analyse_text, read_claim_file
    from .explain import explain_env
    from .report import FileResult

    text = read_claim_file(path)
    result, env = (text, None) if isinstance(text, FileResult) else analyse_text(
        path.as_posix(), text)
    known = [c.id for c in result.checks]
    for wanted in check_ids or []:
        if wanted not in known:
            hint = did_you_mean(wanted, known) or f"checks in this file: {', '.join(known)}"
            typer.echo(f"error[unknown-check]: no check '{wanted}' in {path.as_posix()}; "
                       f"{hint}", err=True)
            raise typer.Exit(2)
    explanations = explain_env(env, result.checks, check_ids) if env is not None else ()
    if output_format is OutputFormat.json:
        import json

        doc = {"path": result.path, "checks": [e.to_dict() for e in explanations],
               "derived": [d.to_dict() for d in result.derived],
               "diagnostics": [d.to_dict() for d in result.all_diagnostics]}
        sys.stdout.write(json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    else:
        from .render.text_explain import render as render_explain

        render_explain(result, explanations, _console())
    raise typer.Exit(2 if not result.readable else 0)


@app.command()
def extract(
    article: Annotated[Path, typer.Argument(
        help="An article: plain text, HTML, or a WordPress REST export (JSON).",
        show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the draft here (atomically) instead of printing it.",
        show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Draft a claim file from an article: one figure per numeric mention, with the
    sentence it comes from as the quote and the source filled from the article. Unit
    words claimcheck cannot read are kept with a TODO.
    """
    from .extract import find_mentions, load_article, render_draft
    from .scaffold import schema_reference

    try:
        raw = article.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError as err:
        typer.echo(f"error[file-unreadable]: cannot read {article}: {err.strerror}", err=True)
        raise typer.Exit(2) from None
    draft = find_mentions(load_article(raw))
    text = render_draft(draft, schema_reference(output) if output else None)
    if output is None:
        sys.stdout.write(text)
        return
    _create(output, text, force)
    typer.echo(f"wrote {output}: {len(draft.mentions)} figures; check them against the "
               f"article, then run 'claimcheck lint {output}'")


@app.command()
def lint(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Claim files or folders. Default: ./claims, or the bundled claims.",
        show_default=False)] = None,
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="text for people, json for scripts.")] = OutputFormat.text,
) -> None:
    """Find what to fix in claim files: everything verify reports as an error, plus
    warnings (no quote, unused figures, checks of no stated figure, units read by default
    conventions, '$' or 'billion' where the source's country makes them ambiguous).

    Exit codes: 0 no errors (warnings allowed); 1 errors; 2 usage error or a file that
    cannot be read or parsed.
    """
    from .engine import claim_files, read_claim_file
    from .lint import lint_text
    from .report import FileResult, Report

    files = []
    for path in claim_files(paths or default_paths()):
        text = read_claim_file(path)
        files.append(text if isinstance(text, FileResult) else lint_text(path.as_posix(), text))
    report = Report(tuple(files))
    if not files:
        typer.echo("error[no-claim-files]: no *.yaml or *.yml files found", err=True)
        raise typer.Exit(2)
    if output_format is OutputFormat.json:
        import json

        doc = {"files": [{"path": f.path, "diagnostics": [d.to_dict() for d in
                                                          f.all_diagnostics]}
                         for f in report.files]}
        sys.stdout.write(json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    else:
        from .render.text import render_diagnostics

        render_diagnostics(report, _console())
    errors = any(d.severity.value == "error" for f in report.files for d in f.all_diagnostics)
    raise typer.Exit(2 if any(not f.readable for f in files) else 1 if errors else 0)


@app.command()
def new(
    output: Annotated[Path, typer.Argument(help="The claim file to create.",
                                           show_default=False)],
    url: Annotated[str | None, typer.Option(help="The report's address.")] = None,
    title: Annotated[str | None, typer.Option(help="The report's title.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Who published it.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Start a claim file: the source block filled in, the format explained in comments,
    and the editor modeline for the schema. Asks for what is missing when run in a
    terminal.
    """
    import re
    from datetime import date

    from .scaffold import SourceInfo, schema_reference, skeleton

    def ask(value: str | None, label: str) -> str:
        if value:
            return value
        if not sys.stdin.isatty():
            raise typer.BadParameter(f"give --{label} (no terminal to ask on)",
                                     param_hint=f"--{label}")
        return str(typer.prompt(label.capitalize()))

    info = SourceInfo(ask(publisher, "publisher"), ask(title, "title"), ask(url, "url"),
                      ask(published, "published"))
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", info.published):
        raise typer.BadParameter("write the date as YYYY-MM-DD", param_hint="--published")
    try:
        date.fromisoformat(info.published)
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="--published") from None
    _create(output, skeleton(info, schema_reference(output)), force)
    typer.echo(f"wrote {output}: add the report's figures, then run "
               f"'claimcheck lint {output}'")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the claim-file format (draft-07), for editors.

    Point an editor at it with a first line such as
    '# yaml-language-server: $schema=../docs/claim-schema.json'.
    """
    from .schema import render

    sys.stdout.write(render())


def _create(output: Path, text: str, force: bool) -> None:
    """Write a new file atomically; an existing one only with --force (exit 2 otherwise)."""
    from .scaffold import write_atomically

    try:
        write_atomically(output, text, force)
    except FileExistsError:
        typer.echo(f"error: {output} exists; use --force to replace it", err=True)
        raise typer.Exit(2) from None


def _conventions(values: list[str]) -> dict[str, str]:
    from .units import CONVENTIONS

    chosen: dict[str, str] = {}
    for value in values:
        key, _, choice = value.partition("=")
        if key not in CONVENTIONS or choice not in CONVENTIONS[key]:
            options = "; ".join(f"{k}={'|'.join(v)}" for k, v in CONVENTIONS.items())
            raise typer.BadParameter(f"{value!r}: expected one of {options}",
                                     param_hint="--convention")
        chosen[key] = choice
    return chosen


@app.command()
def calc(
    expression: Annotated[str, typer.Argument(
        help="An expression ('about $370 million / 3.7 million tons in USD/tonne') or a "
             "comparison ('2.8 million t / 3.7 million t == roughly 70%').",
        show_default=False)],
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="text for people, json for scripts.")] = OutputFormat.text,
    convention: Annotated[list[str] | None, typer.Option(
        "--convention", "-c", help="A unit convention, as in a claim file: ton=short_ton, "
        "barrel=us_liquid_barrel, dollar=CAD. Repeatable.", show_default=False)] = None,
) -> None:
    """Work out one figure with the same reading of numbers, rounding, hedges and units as a
    claim file; a comparison gets a verdict.

    Exit codes: 0 worked out; 1 a comparison that is inconsistent; 2 the expression
    cannot be worked out (the error says where and why).
    """
    from .calc import calculate

    result = calculate(expression, _conventions(convention or []))
    if output_format is OutputFormat.json:
        import json

        sys.stdout.write(json.dumps(result.to_dict(), indent=2, sort_keys=True,
                                    ensure_ascii=False) + "\n")
    else:
        from .render.text_calc import render as render_calc

        render_calc(result, _console())
    raise typer.Exit(result.exit_status)


def _console() -> Console:
    from rich.console import Console

    # rich falls back to 80 columns when piped; tables read better wider, and an
    # explicit COLUMNS still wins.
    piped = not sys.stdout.isatty() and "COLUMNS" not in os.environ
    return Console(width=120 if piped else None, highlight=False)


def _check(targets: list[Path], lint: bool = False) -> Report:
    """Check the targets in the order given; '-' is a claim file read from standard input.
    With ``lint``, each file also gets lint's warnings."""
    from .engine import check_text, claim_files, read_claim_file
    from .lint import lint_text
    from .report import FileResult, Report

    check = lint_text if lint else check_text
    files = []
    for target in targets:
        if target.as_posix() == "-":
            files.append(check("<stdin>", sys.stdin.read()))
            continue
        for path in claim_files([target]):
            text = read_claim_file(path)
            files.append(text if isinstance(text, FileResult) else check(path.as_posix(), text))
    unique = {f.path: f for f in files}  # a file named twice is reported once
    return Report(tuple(unique.values()))


def main() -> None:
    app()
