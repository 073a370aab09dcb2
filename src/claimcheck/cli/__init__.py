"""The command line: options in, one library call, one renderer, one exit code.

Heavy modules (pint, pydantic, yaml, rich) are imported inside the commands so
that ``claimcheck --help`` stays fast.  The commands live in three modules by job:
``checking`` (verify, lint, lock), ``working`` (explain, calc) and ``authoring``
(extract, new, schema); importing them registers them on ``app.app``, in the order of
``--help``.
"""

from __future__ import annotations

import re
import sys

from . import authoring, checking, publishing, working
from .app import _RUN, app

__all__ = ["app", "main"]

# Importing a command module registers its commands; --help lists them by job.
_COMMANDS = (checking, working, publishing, authoring)
_ORDER = ("verify", "lint", "lock", "explain", "calc", "report", "extract", "new", "schema")
app.registered_commands.sort(key=lambda info: _ORDER.index(
    info.name or getattr(info.callback, "__name__", "")))


_NEGATIVE = re.compile(r"-[\d.]")


def _negative_expressions(argv: list[str]) -> None:
    """'claimcheck calc "-6% == down 6%"': an expression starting with a minus would be
    read as options (click reads '-6 every 40 seconds' as -6, -e, ... and '-c onds'); a
    leading space makes it an argument, and calc strips it."""
    if "calc" not in argv[1:3] or "--" in argv:
        return
    for i, arg in enumerate(argv[2:], start=2):
        if _NEGATIVE.match(arg) and argv[i - 1] not in ("--convention", "--format", "-f"):
            argv[i] = " " + arg


def main() -> None:
    """The command: a bug in claimcheck exits 3 with one line saying so (the traceback with
    --debug), so that CI never takes a crash for an inconsistent check (exit 1)."""
    _negative_expressions(sys.argv)
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as err:  # every error a user can cause has a diagnostic of its own
        if _RUN["debug"] or "--debug" in sys.argv[1:2]:
            raise
        print(f"claimcheck: internal error: {type(err).__name__}: {str(err)[:200]}\n"
              "  This is a bug in claimcheck, not a verdict on your claim file. Please "
              "report it to claimcheck's issue tracker with the command and the file; "
              "'claimcheck --debug ...' shows where it happened.", file=sys.stderr)
        sys.exit(3)


def _one_line_paragraphs() -> None:
    # typer's rich help keeps a docstring's line breaks after its first paragraph, which
    # breaks "Exit codes: ..." mid-sentence at any terminal width; join each paragraph
    import inspect

    for info in app.registered_commands:
        doc = inspect.getdoc(info.callback) if info.callback else None
        if info.help is None and doc:
            info.help = "\n\n".join(" ".join(p.split()) for p in doc.split("\n\n"))


_one_line_paragraphs()
