"""The typer application and what every command shares: the option enums, the console,
default paths and atomic file creation.  The command modules import it; it imports
none of them (cli/__init__ registers them)."""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from .. import __version__
from ..outcomes import ExitStatus

if TYPE_CHECKING:
    from rich.console import Console

app = typer.Typer(
    name="claimcheck",
    help="Check the arithmetic of news claims: figures as stated, with units, rounding "
         "and hedges, recomputed with honest intervals.",
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=True,
    pretty_exceptions_enable=False,  # main() reports a bug in one line; --debug shows it
)

#: set by --debug: an internal error shows its traceback
_RUN = {"debug": False}


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


class ExplainFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


class Only(StrEnum):
    all = "all"
    problems = "problems"


def finish(status: ExitStatus) -> NoReturn:
    """Every command ends here, with one of the documented exit codes."""
    raise typer.Exit(int(status))


def bad_input(message: str) -> NoReturn:
    """A usage error or input that cannot be used: the message on stderr, exit code 2."""
    typer.echo(message, err=True)
    finish(ExitStatus.BAD_INPUT)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        finish(ExitStatus.OK)


@app.callback()
def main_options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Show the version and exit.")] = False,
    debug: Annotated[bool, typer.Option(
        "--debug", help="On an internal error (exit code 3), show its traceback.")] = False,
) -> None:
    """Check the arithmetic of news claims."""
    _RUN["debug"] = debug


def default_paths() -> list[Path]:
    """./claims when it exists, else the claim files bundled with claimcheck."""
    local = Path("claims")
    if local.is_dir():
        return [local]
    from importlib import resources

    bundled = Path(str(resources.files("claimcheck").joinpath("claims")))
    if not bundled.is_dir():  # an editable install: the claims sit beside src/
        bundled = Path(__file__).resolve().parents[3] / "claims"
    return [bundled]


def create_file(output: Path, text: str, force: bool) -> None:
    """Write a new file atomically; an existing one only with --force (exit 2 otherwise)."""
    from ..claimfile.safe_io import write_atomically

    try:
        write_atomically(output, text, force)
    except FileExistsError:
        bad_input(f"error: {output} exists; use --force to replace it")
    except OSError as err:  # a folder, a symlink, a path that cannot be written
        reason = getattr(err, "message", None) or err.strerror or str(err)
        bad_input(f"error[output-unwritable]: cannot write {output}: {reason}")



def console(stderr: bool = False) -> Console:
    from rich.console import Console

    # rich falls back to 80 columns when piped; trees and tables read better wider, and
    # an explicit COLUMNS still wins.  Piped lines carry no trailing padding.
    stream = sys.stderr if stderr else sys.stdout
    if stream.isatty():
        return Console(highlight=False, stderr=stderr)
    from ..render.text_console import Trimmed

    width = None if "COLUMNS" in os.environ else 120
    return Console(file=Trimmed(stream), width=width, highlight=False)  # type: ignore[arg-type]
