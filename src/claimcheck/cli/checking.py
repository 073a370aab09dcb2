"""verify, lint and lock: the commands CI runs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .app import FailOn, Only, ReportFormat, app, console, default_paths

if TYPE_CHECKING:
    from ..checking.report import FileResult, Policy, Report


_FORMATS_HELP = ("text for people, json for scripts, github for workflow annotations, "
                 "markdown for a pull-request comment, junit for test reports, sarif for "
                 "code scanning. Repeatable, paired in order with --output.")


# Shared by verify and lint: the same formats, paired with outputs the same way
FormatsOption = Annotated[list[ReportFormat] | None, typer.Option(
    "--format", "-f", help=_FORMATS_HELP, show_default=False)]
OutputsOption = Annotated[list[str] | None, typer.Option(
    "--output", "-o", help="Write the matching --format here (atomically) instead of to "
    "standard output. Repeatable.", show_default=False)]


def _against_lock(report: Report, targets: list[Path], lock_file: Path) -> Report:
    """The report with every difference from the lock; a lock that cannot be read is an
    unreadable file of the run (exit code 2), so the outputs are still written."""
    from ..checking import lock
    from ..checking.engine import display_path
    from ..checking.report import FileResult, Report
    from ..diagnostics import Diagnostic, Span
    from ..sanitize import safe

    base, name = lock_file.parent, display_path(lock_file)
    try:
        snapshot = lock.load(lock_file)
    except lock.LockError as err:
        problem = Diagnostic("lock-unreadable", safe(str(err)), Span(name, 1, 1),
                             "run `claimcheck lock` to write it")
        return Report((*report.files, FileResult(name, diagnostics=(problem,),
                                                 readable=False, is_lock=True)))
    scope = [lock.relative(display_path(t), base) for t in targets if t.as_posix() != "-"]
    report = lock.compare(report, snapshot, base, name)
    return lock.with_removed_files(report, snapshot, base, scope, name)


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
            typer.echo(f"error[output-unwritable]: {out} is one of the claim files checked: "
                       "not overwritten; name another --output", err=True)
            raise typer.Exit(2)
    try:
        write(report, formats, outputs, policy, lint=lint, only_problems=only_problems)
    except OutputError as err:
        typer.echo(f"error[output-unwritable]: {err}", err=True)
        raise typer.Exit(2) from None


def _formats(chosen: list[ReportFormat] | None, output: list[str] | None) -> tuple[
        list[str], list[str]]:
    formats = [f.value for f in chosen or [ReportFormat.text]]
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


def _no_files(targets: list[Path]) -> typer.Exit:
    from ..checking.engine import display_path

    shown = ", ".join(display_path(p) for p in targets)
    typer.echo(f"error[no-claim-files]: no *.yaml or *.yml files under {shown}", err=True)
    return typer.Exit(2)


@app.command()
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
        "--lock-file", help="The lock file for --locked.")] = Path("claims.lock"),
    only: Annotated[Only, typer.Option(
        "--only", help="problems: the text report shows only the checks that do not "
        "plainly hold (and every diagnostic), problems first; all: every check and "
        "figure. Other formats are always whole.")] = Only.all,
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
        typer.echo(f"error[config]: {err}", err=True)
        raise typer.Exit(2) from None
    formats, outputs = _formats(output_format, output)
    policy = Policy(fail_on.value if fail_on is not None else settings.fail_on,
                    settings.strict if strict is None else strict)
    targets = paths or _default_paths()
    report = _check(targets, lint=policy.strict)
    if not report.files:
        raise _no_files(targets)
    if locked:
        report = _against_lock(report, targets, lock_file)
    _write(report, formats, outputs, policy, only_problems=only is Only.problems)
    raise typer.Exit(int(report.status_under(policy)))


@app.command()
def lint(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Claim files or folders. Default: ./claims, or the bundled claims.",
        show_default=False)] = None,
    output_format: FormatsOption = None,
    output: OutputsOption = None,
) -> None:
    """Find what to fix in claim files: everything verify reports as an error, plus
    warnings (no quote, unused figures, checks of no stated figure, units read by default
    conventions, '$' or 'billion' where the source's country makes them ambiguous).

    Exit codes: 0 no errors (warnings allowed); 1 errors; 2 usage error or a file that
    cannot be read or parsed.
    """
    formats, outputs = _formats(output_format, output)
    targets = paths or _default_paths()
    report = _check(targets, lint=True)
    if not report.files:
        raise _no_files(targets)
    _write(report, formats, outputs, lint=True)
    findings = report.findings_only()
    raise typer.Exit(int(findings.status()))


@app.command(name="lock")
def lock_command(
    paths: Annotated[list[Path] | None, typer.Argument(
        help="Claim files or folders. Default: ./claims.",
        show_default=False)] = None,
    lock_file: Annotated[Path, typer.Option(
        "--lock-file", help="The lock file to write.")] = Path("claims.lock"),
) -> None:
    """Write the lock file: every derived figure's central value and intervals and every
    check's verdict, so that 'claimcheck verify --locked' notices when an edit moves one.
    Files not named keep their entries; commit the file and review its diffs.

    Exit codes: 0 written or already up to date; 2 usage error, a claim file that cannot
    be read or parsed, or (when paths are named) a lock file that cannot be read: nothing
    is written.
    """
    from ..checking import lock
    from ..checking.engine import display_path
    from ..checking.report import Report
    from ..claimfile.safe_io import UnsafePath, read_bounded, write_atomically
    from ..quantities.formatting import plural
    from ..sanitize import safe

    if not paths and not Path("claims").is_dir():
        typer.echo("error[no-claim-files]: no ./claims folder here: name the claim files "
                   "or folders to lock", err=True)
        raise typer.Exit(2)
    targets = paths or default_paths()
    if any(t.as_posix() == "-" for t in targets):
        raise typer.BadParameter("a lock needs claim files on disk, not '-'",
                                 param_hint="PATHS")
    report = _check(targets)
    if not report.files:
        raise _no_files(targets)
    unreadable = [f for f in report.files if not f.readable]
    if unreadable:
        from ..render.text import render_diagnostics

        render_diagnostics(Report(tuple(unreadable)), console(stderr=True))
        typer.echo(f"error: {lock_file} not written: fix the files above first", err=True)
        raise typer.Exit(2)
    base = lock_file.parent
    old: lock.Snapshot = {}
    if lock_file.exists():
        try:
            old = lock.load(lock_file)
        except lock.LockError as err:
            if paths:  # its other files' entries would be lost: not without being asked
                typer.echo(f"error[lock-unreadable]: {safe(str(err))}; run `claimcheck lock` "
                           "with no paths (or on all the claim files) to write it anew",
                           err=True)
                raise typer.Exit(2) from None
            typer.echo(f"warning: {safe(str(err))}; writing it anew", err=True)
    scope = [lock.relative(display_path(t), base) for t in targets]
    text = lock.dumps(lock.merge(old, lock.snapshot(report, base), scope))
    counts = (f"{plural(len(report.files), 'file')}, "
              f"{plural(sum(len(f.derived) for f in report.files), 'derived figure')}, "
              f"{plural(sum(len(f.checks) for f in report.files), 'check')}")
    try:
        current = None
        if lock_file.exists():
            try:
                current = read_bounded(lock_file, lock.MAX_LOCK_BYTES)
            except UnsafePath:
                current = None  # written anew below (or refused there, for a symlink)
        if current == text.encode("utf-8"):
            typer.echo(f"{lock_file} is up to date ({counts})")
            return
        write_atomically(lock_file, text, force=True)
    except OSError as err:
        typer.echo(f"error[output-unwritable]: cannot write {lock_file}: "
                   f"{err.strerror or err}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"wrote {lock_file}: {counts}")


def _unreadable(name: str, err: OSError) -> FileResult:
    from ..checking.report import FileResult
    from ..diagnostics import Diagnostic, Span

    hint = getattr(err, "hint", None)
    return FileResult(name, diagnostics=(Diagnostic(
        getattr(err, "code", "file-unreadable"), str(err), Span(name, 1, 1), hint),),
        readable=False)


def _check(targets: list[Path], lint: bool = False) -> Report:
    """Check the targets in the order given; '-' is a claim file read from standard input.
    With ``lint``, each file also gets lint's warnings."""
    from ..authoring.lint import lint_text
    from ..checking.engine import (
        check_text,
        decode_claim_bytes,
        display_path,
        find_claim_files,
        read_claim_file,
    )
    from ..checking.report import FileResult, Report
    from ..claimfile.loader import MAX_BYTES
    from ..claimfile.safe_io import UnsafePath, read_stdin_bounded
    from .progress import LateProgress

    check = lint_text if lint else check_text
    files = []
    found: list[tuple[Path, Path | None]] = []
    stdin_named = False
    for target in targets:
        if target.as_posix() == "-":
            if not stdin_named:  # '- -' reads standard input once
                found.append((target, None))
            stdin_named = True
        else:
            found.extend(find_claim_files([target]))
    with LateProgress(len(found)) as progress:
        for path, root in found:
            if path.as_posix() == "-":
                try:
                    text = decode_claim_bytes("<stdin>", read_stdin_bounded(MAX_BYTES))
                except UnsafePath as err:
                    text = _unreadable("<stdin>", err)
                files.append(text if isinstance(text, FileResult) else check("<stdin>", text))
            else:
                text = read_claim_file(path, root)
                files.append(text if isinstance(text, FileResult)
                             else check(display_path(path), text))
            progress.advance(display_path(path))
    unique = {f.path: f for f in files}  # a file named twice is reported once
    return Report(tuple(unique.values()))
