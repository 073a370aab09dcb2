"""report: the page an editor reads, and ClaimReview for a fact-checking site."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..outcomes import ExitStatus
from .app import app, bad_input, default_paths, finish


class PageFormat(StrEnum):
    html = "html"
    claimreview = "claimreview"


@app.command(short_help="Write a report for editors: quotes, badges, plots.")
def report(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Claim files or folders. Default: ./claims, or the bundled claims.",
        show_default=False)] = None,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="FILE",
        help="Where to write it (atomically); '-' for standard output. "
        "Default: report.html for html, standard output for claimreview.",
        show_default=False)] = None,
    page_format: Annotated[PageFormat, typer.Option(
        "--format", "-f", help="html: one self-contained page (inline CSS and SVG, no "
        "scripts); claimreview: the schema.org ClaimReview of every check, as JSON.")
    ] = PageFormat.html,
    reviewer: Annotated[str | None, typer.Option(
        "--reviewer", metavar="NAME",
        help="Who publishes the reviews (ClaimReview's author). Default: "
        "`reviewer` in claimcheck.toml or [tool.claimcheck].", show_default=False)] = None,
    date: Annotated[str | None, typer.Option(
        "--date", metavar="YYYY-MM-DD",
        help="The reviews' publication date, YYYY-MM-DD (none by default: the "
        "same input gives the same bytes).", show_default=False)] = None,
    url: Annotated[str | None, typer.Option(
        "--url", metavar="URL",
        help="Where the page will be published: each review's url is this with "
        "the check's id as its fragment.", show_default=False)] = None,
) -> None:
    """Write a report an editor would rather look at: per claim file its source, per
    check the quoted sentence with its figures marked, the verdict as a badge, an interval
    plot and the work shown; ClaimReview embedded per check.

    Exit codes: 0 written; 2 usage error, or a claim file that cannot be read (the page is
    still written and says which).
    """
    from ..api import explain_paths
    from ..checking.report import Policy
    from ..claimfile.config import ConfigError, load
    from ..claimfile.safe_io import atomic_writer, same_file

    try:
        settings = load()
    except ConfigError as err:
        bad_input(f"error[config]: {err}")
    if date is not None and not _is_date(date):
        raise typer.BadParameter(f"{date!r} is not a date: write YYYY-MM-DD",
                                 param_hint="--date")
    if url is not None and not url.startswith(("http://", "https://")):
        raise typer.BadParameter("the page's address starts with https:// or http://",
                                 param_hint="--url")
    targets = paths or default_paths()
    result, explanations = explain_paths(targets)
    if not result.files:
        bad_input("error[no-claim-files]: no *.yaml or *.yml files under "
                  + ", ".join(p.as_posix() for p in targets))
    author = reviewer or settings.reviewer
    if page_format is PageFormat.claimreview:
        from ..render.claimreview import render as render_reviews

        text = render_reviews(result, author=author, date=date, url=url)
    else:
        from ..render.html import render as render_html

        text = render_html(result, explanations, Policy(settings.fail_on, settings.strict),
                           author=author, date=date, url=url)
    target = output or ("report.html" if page_format is PageFormat.html else "-")
    if target == "-":
        sys.stdout.write(text)
    else:
        inputs = [Path(f.path) for f in result.files if f.path != "<stdin>"]
        if any(same_file(Path(target), source) for source in inputs):
            bad_input(f"error[output-unwritable]: {target} is one of the claim files: "
                      "not overwritten; name another --output")
        try:
            with atomic_writer(Path(target)) as handle:
                handle.write(text)
        except OSError as err:
            reason = getattr(err, "message", None) or err.strerror or err
            bad_input(f"error[output-unwritable]: cannot write {target}: {reason}")
        checks = sum(len(f.checks) for f in result.files)
        typer.echo(f"wrote {target}: {len(result.files)} claim file"
                   f"{'' if len(result.files) == 1 else 's'}, {checks} checks", err=True)
    finish(ExitStatus.BAD_INPUT if any(not f.readable for f in result.files)
           else ExitStatus.OK)


def _is_date(text: str) -> bool:
    import datetime
    import re

    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        datetime.date.fromisoformat(text)
    except ValueError:
        return False
    return True
