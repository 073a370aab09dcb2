"""explain and calc: showing the work."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from ..outcomes import ExitStatus
from .app import ExplainFormat, OutputFormat, app, bad_input, console, finish


def _check_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for check ids: those in the claim file already on the line."""
    from ..claimfile import loader

    path = ctx.params.get("path")
    if isinstance(path, str):  # typer before 0.29 hands completion the raw string
        path = Path(path)
    if not isinstance(path, Path) or not path.is_file():
        return []
    try:
        checks = loader.to_plain(loader.load(str(path), path.read_text(encoding="utf-8")))
    except Exception:  # a completion must never break the user's shell
        return []
    ids = [c.get("id") for c in (checks or {}).get("checks") or [] if isinstance(c, dict)]
    return [i for i in ids if isinstance(i, str) and i.startswith(incomplete)]


@app.command(short_help="Show the work behind each check.")
def explain(
    path: Annotated[Path, typer.Argument(help="A claim file.", show_default=False)],
    check_ids: Annotated[list[str] | None, typer.Argument(
        help="Checks to explain (default: all).", show_default=False,
        autocompletion=_check_ids)] = None,
    output_format: Annotated[ExplainFormat, typer.Option(
        "--format", "-f", help="text for people, json for scripts, markdown for an "
        "editor's notes or a pull-request comment.")] = ExplainFormat.text,
) -> None:
    """Show the work: each check's derivation as a tree, which inputs' rounding and hedges
    drive the result's width, and what would make a check that is not consistent true.

    Exit codes: 0 explained; 2 the file cannot be read or parsed, or an unknown check id.
    """
    from ..checking.engine import analyse_text, read_claim_file
    from ..checking.explain import explain_env
    from ..checking.report import FileResult
    from ..claimfile.safe_io import display_path
    from ..diagnostics import did_you_mean

    text = read_claim_file(path)
    result, env = (text, None) if isinstance(text, FileResult) else analyse_text(
        display_path(path), text)
    known = [c.id for c in result.checks]
    for wanted in check_ids or []:
        if wanted not in known:
            hint = did_you_mean(wanted, known) or f"checks in this file: {', '.join(known)}"
            bad_input(f"error[unknown-check]: no check '{wanted}' in {display_path(path)}; "
                      f"{hint}")
    explanations = explain_env(env, result.checks, check_ids) if env is not None else ()
    if output_format is ExplainFormat.markdown:
        from ..render.markdown_explain import render as render_markdown

        sys.stdout.write(render_markdown(result, explanations))
    elif output_format is ExplainFormat.json:
        from ..sanitize import json_document

        doc = {"path": result.path, "checks": [e.to_dict() for e in explanations],
               "derived": [d.to_dict() for d in result.derived],
               "diagnostics": [d.to_dict() for d in result.all_diagnostics]}
        sys.stdout.write(json_document(doc))
    else:
        from ..render.text_explain import render as render_explain

        render_explain(result, explanations, console())
    finish(ExitStatus.OK if result.readable else ExitStatus.BAD_INPUT)


def _conventions(values: list[str]) -> dict[str, str]:
    from ..quantities.vocabulary import CONVENTIONS

    chosen: dict[str, str] = {}
    for value in values:
        key, _, choice = value.partition("=")
        if key not in CONVENTIONS or choice not in CONVENTIONS[key]:
            options = "; ".join(f"{k}={'|'.join(v)}" for k, v in CONVENTIONS.items())
            raise typer.BadParameter(f"{value!r}: expected one of {options}",
                                     param_hint="--convention")
        chosen[key] = choice
    return chosen


@app.command(short_help="Work out one figure, or judge one comparison.")
def calc(
    expression: Annotated[str, typer.Argument(
        help="An expression ('about $370 million / 3.7 million tons in USD/tonne') or a "
             "comparison ('2.8 million t / 3.7 million t == roughly 70%').",
        show_default=False)],
    output_format: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="text for people, json for scripts.")] = OutputFormat.text,
    convention: Annotated[list[str] | None, typer.Option(
        "--convention", "-c", metavar="WORD=CHOICE",
        help="A unit convention, as in a claim file: ton=short_ton, "
        "barrel=us_liquid_barrel, dollar=CAD. Repeatable.", show_default=False)] = None,
) -> None:
    """Work out one figure with the same reading of numbers, rounding, hedges and units as a
    claim file; a comparison gets a verdict.

    Exit codes: 0 worked out; 1 a comparison that is inconsistent; 2 the expression
    cannot be worked out (the error says where and why).
    """
    from ..checking.calc import calculate

    # main() prefixes a space to an expression that starts with a minus: not an option
    result = calculate(expression.strip(), _conventions(convention or []))
    if output_format is OutputFormat.json:
        from ..sanitize import json_document

        sys.stdout.write(json_document(result.to_dict()))
    else:
        from ..render.text_calc import render as render_calc

        render_calc(result, console())
    finish(result.exit_status)
