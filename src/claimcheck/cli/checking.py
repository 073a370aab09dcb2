"""verify, lint and lock: the commands CI runs."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from ..outcomes import ExitStatus, FailOn, ReportFormat
from .app import Only, app, bad_input, console, default_paths, finish

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..checking.cache import ResultCache
    from ..checking.report import FileResult, Policy, Report, Tally
    from ..render.prerender import Prerender
    from ..render.text_console import Canvas

    #: the text report's canvas, its layout key, and where drawn files are kept
    _TextView = tuple[Canvas | None, str | None, ResultCache | None]


_FORMATS_HELP = ("text for people, json for scripts, github for workflow annotations, "
                 "markdown for a pull-request comment, junit for test reports, sarif for "
                 "code scanning. Repeatable, paired in order with --output.")


# Shared by verify and lint: the same formats, paired with outputs the same way
FormatsOption = Annotated[list[ReportFormat] | None, typer.Option(
    "--format", "-f", help=_FORMATS_HELP, show_default=False)]
OutputsOption = Annotated[list[str] | None, typer.Option(
    "--output", "-o", metavar="FILE",
    help="Write the matching --format here (atomically) instead of to "
    "standard output. Repeatable.", show_default=False)]
CacheOption = Annotated[bool, typer.Option(
    "--cache/--no-cache", help="Take the results of claim files that have not changed "
    "from the results cache (keyed by content and claimcheck's version; "
    "CLAIMCHECK_CACHE=off turns it off too).")]
JobsOption = Annotated[int | None, typer.Option(
    "--jobs", "-j", min=1, metavar="N",
    help="Worker processes. Default: one per CPU (at most 8) for "
    "16 files or more, else 1. The output is the same for any number.",
    show_default=False)]


def _default_paths() -> list[Path]:
    paths = default_paths()
    if paths != [Path("claims")]:
        # a CI job in the wrong folder must not pass on claimcheck's own examples unseen
        typer.echo("note: no ./claims folder here: checking the examples bundled with "
                   "claimcheck", err=True)
    return paths


def _write(report: Report, formats: list[str], outputs: list[str],
           policy: Policy | None = None, lint: bool = False,
           only_problems: bool = False) -> None:
    from ..claimfile.safe_io import same_file
    from ..render.outputs import OutputError, write

    inputs = [Path(f.path) for f in report.files if f.path != "<stdin>"]
    for out in outputs:
        if out != "-" and any(same_file(Path(out), source) for source in inputs):
            bad_input(f"error[output-unwritable]: {out} is one of the claim files checked: "
                      "not overwritten; name another --output")
    try:
        write(report, formats, outputs, policy, lint=lint, only_problems=only_problems)
    except OutputError as err:
        bad_input(f"error[output-unwritable]: {err}")


def _formats(chosen: list[ReportFormat] | None, output: list[str] | None) -> tuple[
        list[str], list[str]]:
    formats = [f.value for f in chosen or [ReportFormat.TEXT]]
    outputs = output or []
    if len(outputs) > len(formats):
        raise typer.BadParameter(
            f"{len(outputs)} --output for {len(formats)} --format: the Nth --output is for "
            "the Nth --format ('-' for standard output)", param_hint="--output")
    files = [o for o in outputs if o != "-"]
    if len(set(files)) < len(files):
        raise typer.BadParameter("two formats to one --output file: one would overwrite "
                                 "the other", param_hint="--output")
    to_stdout = [f for i, f in enumerate(formats) if i >= len(outputs) or outputs[i] == "-"]
    documents = [f for f in to_stdout if f in ("json", "sarif", "junit", "markdown")]
    if documents and len(to_stdout) > 1:
        raise typer.BadParameter(
            f"{', '.join(to_stdout)} would all go to standard output, where {documents[0]} "
            "must stand alone: give the others an --output", param_hint="--output")
    return formats, outputs


def _no_files(targets: list[Path]) -> NoReturn:
    from ..claimfile.safe_io import display_path

    shown = ", ".join(display_path(p) for p in targets)
    bad_input(f"error[no-claim-files]: no *.yaml or *.yml files under {shown}")


@app.command(short_help="Recompute every check and give each a verdict.")
def verify(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Claim files or folders (searched for *.yaml / *.yml); '-' reads a claim file "
             "from standard input. Default: ./claims, or the bundled claims.",
        show_default=False)] = None,
    output_format: FormatsOption = None,
    output: OutputsOption = None,
    fail_on: Annotated[FailOn | None, typer.Option(
        "--fail-on", help="The mildest verdict that fails the run: inconsistent (also "
        "error), hedge, rounding, or never. Default: claimcheck.toml or [tool.claimcheck] "
        "in pyproject.toml, else inconsistent.", show_default=False)] = None,
    strict: Annotated[bool | None, typer.Option(
        "--strict/--no-strict", help="Lint warnings (no quote, units read by default "
        "conventions, ...) fail the run too.", show_default=False)] = None,
    locked: Annotated[bool, typer.Option(
        "--locked", help="Fail when a derived figure or a verdict differs from the lock "
        "file (see 'claimcheck lock'); each difference is reported where it is.")] = False,
    lock_file: Annotated[Path, typer.Option(
        "--lock-file", metavar="FILE", help="The lock file for --locked.")] = Path("claims.lock"),
    only: Annotated[Only, typer.Option(
        "--only", help="problems: the text report shows only the checks that do not "
        "plainly hold (and every diagnostic), problems first; all: every check and "
        "figure. Other formats are always whole.")] = Only.all,
    use_cache: CacheOption = True,
    jobs: JobsOption = None,
) -> None:
    """Recompute every check in the claim files and give each a verdict.

    Exit codes: 0 nothing fails under --fail-on; 1 some check fails under --fail-on, is in
    error or is not the verdict it expects, or (with --locked) differs from the lock;
    2 usage error, or a claim file or the lock file that cannot be read or parsed.
    """
    from ..checking.report import Policy
    from ..claimfile.config import ConfigError, load

    try:
        settings = load()
    except ConfigError as err:
        bad_input(f"error[config]: {err}")
    formats, outputs = _formats(output_format, output)
    policy = Policy(fail_on if fail_on is not None else settings.fail_on,
                    settings.strict if strict is None else strict)
    targets = paths or _default_paths()
    if locked:  # the lock is compared with the whole report
        from ..checking.locking import against_lock

        report = _check(targets, lint=policy.strict, use_cache=use_cache, jobs=jobs)
        if not report.files:
            _no_files(targets)
        report = against_lock(report, targets, lock_file)
        _write(report, formats, outputs, policy, only_problems=only is Only.problems)
        finish(report.status_under(policy))
    # streamed: a text or JSON report of ten thousand files in flat memory
    tally = _check_and_write(targets, formats, outputs, policy, use_cache=use_cache,
                             jobs=jobs, only_problems=only is Only.problems)
    finish(tally.status)


@app.command(short_help="Find what to fix in claim files.")
def lint(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Claim files or folders. Default: ./claims, or the bundled claims.",
        show_default=False)] = None,
    output_format: FormatsOption = None,
    output: OutputsOption = None,
    use_cache: CacheOption = True,
    jobs: JobsOption = None,
) -> None:
    """Find what to fix in claim files: everything verify reports as an error, plus
    warnings (no quote, unused figures, checks of no stated figure, units read by default
    conventions, '$' or 'billion' where the source's country makes them ambiguous).

    Exit codes: 0 no errors (warnings allowed); 1 errors; 2 usage error or a file that
    cannot be read or parsed.
    """
    formats, outputs = _formats(output_format, output)
    targets = paths or _default_paths()
    report = _check(targets, lint=True, use_cache=use_cache, jobs=jobs)
    if not report.files:
        _no_files(targets)
    _write(report, formats, outputs, lint=True)
    finish(report.findings_only().status())


@app.command(name="lock", short_help="Write the lock file of figures and verdicts.")
def lock_command(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Claim files or folders. Default: ./claims.",
        show_default=False)] = None,
    lock_file: Annotated[Path, typer.Option(
        "--lock-file", metavar="FILE", help="The lock file to write.")] = Path("claims.lock"),
) -> None:
    """Write the lock file: every derived figure's central value and intervals and every
    check's verdict, so that 'claimcheck verify --locked' notices when an edit moves one.
    Files not named keep their entries; commit the file and review its diffs.

    Exit codes: 0 written or already up to date; 2 usage error, a claim file that cannot
    be read or parsed, or (when paths are named) a lock file that cannot be read: nothing
    is written.
    """
    from ..checking.locking import LockRefused, update_lock
    from ..checking.report import Report
    from ..claimfile.safe_io import write_atomically

    if not paths and not Path("claims").is_dir():
        bad_input("error[no-claim-files]: no ./claims folder here: name the claim files "
                  "or folders to lock")
    targets = paths or default_paths()
    if any(t.as_posix() == "-" for t in targets):
        raise typer.BadParameter("a lock needs claim files on disk, not '-'",
                                 param_hint="PATHS")
    report = _check(targets)
    if not report.files:
        _no_files(targets)
    try:
        update = update_lock(report, targets, lock_file, named=bool(paths))
    except LockRefused as err:
        unreadable = [f for f in report.files if not f.readable]
        if unreadable:
            from ..render.text import render_diagnostics

            render_diagnostics(Report(tuple(unreadable)), console(stderr=True))
            bad_input(f"error: {err}")
        bad_input(f"error[lock-unreadable]: {err}")
    if update.warning:
        typer.echo(f"warning: {update.warning}", err=True)
    if update.unchanged:
        typer.echo(f"{lock_file} is up to date ({update.counts})")
        finish(ExitStatus.OK)
    try:
        write_atomically(lock_file, update.text, force=True)
    except OSError as err:
        bad_input(f"error[output-unwritable]: cannot write {lock_file}: "
                  f"{err.strerror or err}")
    typer.echo(f"wrote {lock_file}: {update.counts}")


def _cache(use_cache: bool) -> ResultCache | None:
    from ..checking import cache

    return cache.ResultCache() if use_cache and cache.enabled() else None


def _check(targets: list[Path], lint: bool = False, *, use_cache: bool = False,
           jobs: int | None = None) -> Report:
    """Check the targets in the order given, with a progress bar when it takes a while;
    '-' is a claim file read from standard input.  With ``lint``, lint's warnings too."""
    from ..api import check_targets, find_targets
    from .progress import LateProgress

    found = find_targets(targets)
    with LateProgress(len(found)) as progress:
        return check_targets(found, lint=lint, progress=progress, jobs=jobs,
                             cache=_cache(use_cache))


def _check_and_write(targets: list[Path], formats: list[str], outputs: list[str],
                     policy: Policy, *, use_cache: bool, jobs: int | None,
                     only_problems: bool) -> Tally:
    """verify's run: results rendered as they arrive (see render.outputs.write_stream)."""
    from ..api import find_targets, iter_results
    from ..claimfile.safe_io import same_file
    from .progress import LateProgress

    found = find_targets(targets)
    if not found:
        _no_files(targets)
    inputs = [t.path for t in found if not t.is_stdin]
    for out in outputs:
        if out != "-" and any(same_file(Path(out), source) for source in inputs):
            bad_input(f"error[output-unwritable]: {out} is one of the claim files checked: "
                      "not overwritten; name another --output")
    terminal = formats == ["text"] and not outputs and sys.stdout.isatty()
    cache = _cache(use_cache)
    view, prerender = _view(formats, outputs, only_problems, cache)
    with LateProgress(len(found)) as progress:
        results = iter_results(found, lint=policy.strict, progress=progress, jobs=jobs,
                               cache=cache, json_only=formats == ["json"],
                               text_layout=view[1], prepare=prerender)
        if terminal and progress.enabled:  # the bar ends before the report starts
            results = iter(list(results))
        else:
            return _write_stream(results, formats, outputs, policy, only_problems, view)
    return _write_stream(results, formats, outputs, policy, only_problems, view)


def _view(formats: list[str], outputs: list[str], only_problems: bool,
          cache: ResultCache | None) -> tuple[_TextView, Prerender | None]:
    """The text report's canvas, its layout key and where drawn files are kept; and
    what the workers render for the run's one streamed report (JSON, or text to a pipe
    or a file), if any."""
    from ..render.prerender import Prerender

    keep = cache is not None
    if formats == ["json"]:
        return (None, None, None), Prerender(keep, json_entry=True)
    if formats != ["text"]:
        return (None, None, None), None
    # the layout is known before the first file: a cached file drawn in it before is
    # written as it was, without rich laying it out again
    from ..render.outputs import canvas_for

    canvas = canvas_for(outputs)
    layout = canvas.layout(only_problems)
    view = (canvas, layout if keep else None, cache if keep else None)
    if canvas.pipe and layout is not None:
        return view, Prerender(keep, drawing=(canvas.width, canvas.cards, only_problems))
    return view, None  # a terminal's colours and width: drawn here


def _write_stream(results: Iterator[FileResult], formats: list[str], outputs: list[str],
                  policy: Policy, only_problems: bool, view: _TextView) -> Tally:
    from ..render.outputs import OutputError, write_stream

    drawn_on, layout, cache = view
    try:
        return write_stream(results, formats, outputs, policy, only_problems=only_problems,
                            canvas=drawn_on, texts=cache if layout is not None else None)
    except OutputError as err:
        bad_input(f"error[output-unwritable]: {err}")
