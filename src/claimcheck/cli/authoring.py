"""extract, new and schema: writing claim files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .app import app, bad_input, create_file


@app.command(short_help="Draft a claim file from an article.")
def extract(
    article: Annotated[Path, typer.Argument(
        help="An article: plain text, HTML, or a WordPress REST export (JSON).",
        show_default=False)],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", metavar="FILE",
        help="Write the draft here (atomically) instead of printing it.",
        show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Draft a claim file from an article: one figure per numeric mention, with the
    sentence it comes from as the quote and the source filled from the article. Unit
    words claimcheck cannot read are kept with a TODO.
    """
    from ..authoring.drafting import render_draft
    from ..authoring.extract import MAX_ARTICLE_BYTES, find_mentions, load_article
    from ..authoring.scaffold import schema_reference
    from ..claimfile.safe_io import UnsafePath, read_bounded
    from ..quantities.formatting import plural

    try:
        raw = read_bounded(article, MAX_ARTICLE_BYTES).decode("utf-8-sig", errors="replace")
    except UnsafePath as err:
        bad_input(f"error[{err.code}]: cannot read {article}: {err.message}")
    except OSError as err:
        bad_input(f"error[file-unreadable]: cannot read {article}: {err.strerror}")
    draft = find_mentions(load_article(raw))
    text = render_draft(draft, schema_reference(output) if output else None)
    if output is None:
        sys.stdout.write(text)
        return
    create_file(output, text, force)
    typer.echo(f"wrote {output}: {plural(len(draft.mentions), 'figure')}; check them against the "
               f"article, then run 'claimcheck lint {output}'")


@app.command(short_help="Start a claim file, its format explained in comments.")
def new(
    output: Annotated[Path, typer.Argument(help="The claim file to create.",
                                           show_default=False)],
    url: Annotated[str | None, typer.Option(metavar="URL", help="The report's address.")] = None,
    title: Annotated[str | None, typer.Option(metavar="TEXT", help="The report's title.")] = None,
    publisher: Annotated[str | None, typer.Option(metavar="NAME", help="Who published it.")] = None,
    published: Annotated[str | None, typer.Option(
        metavar="DATE", help="Publication date, YYYY-MM-DD (or YYYY-MM, or YYYY).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Start a claim file: the source block filled in, the format explained in comments,
    and the editor modeline for the schema. Asks for what is missing when run in a
    terminal.
    """
    import re

    from ..authoring.scaffold import SourceInfo, schema_reference, skeleton
    from ..claimfile.model import real_date

    def ask(value: str | None, label: str) -> str:
        if value:
            return value
        if not sys.stdin.isatty():
            raise typer.BadParameter(f"give --{label} (no terminal to ask on)",
                                     param_hint=f"--{label}")
        return str(typer.prompt(label.capitalize()))

    info = SourceInfo(ask(publisher, "publisher"), ask(title, "title"), ask(url, "url"),
                      ask(published, "published"))
    # the claim file's own rule: YYYY-MM-DD, or YYYY-MM or YYYY when that is all a page gives
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", info.published):
        raise typer.BadParameter("write the date as YYYY-MM-DD (or YYYY-MM, or YYYY)",
                                 param_hint="--published")
    try:
        real_date(info.published)
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="--published") from None
    create_file(output, skeleton(info, schema_reference(output)), force)
    typer.echo(f"wrote {output}: add the report's figures, then run "
               f"'claimcheck lint {output}'")


@app.command(short_help="Print the JSON Schema of the claim-file format.")
def schema() -> None:
    """Print the JSON Schema of the claim-file format (draft-07), for editors.

    Point an editor at it with a first line such as
    '# yaml-language-server: $schema=../docs/claim-schema.json'.
    """
    from ..claimfile.schema import render

    sys.stdout.write(render())
