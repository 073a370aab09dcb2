"""The library's front door: which claim files a run names, and checking them into one
Report.  `verify`, `lint`, `lock`, the pytest plugin and `claimcheck.check_paths` all go
through here, so a file named twice, standard input, a symlink out of its folder and
the lint variant are handled once.  Never prints.

    from claimcheck import check_paths
    report = check_paths(["claims/"], lint=True)
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from .checking.report import FileResult, Report
from .claimfile.safe_io import display_path
from .diagnostics import Diagnostic, Span

if TYPE_CHECKING:
    from .checking.cache import Prepared, ResultCache
    from .checking.explain import Explanation

T = TypeVar("T")

__all__ = [
    "CLAIM_SUFFIXES",
    "Progress",
    "Target",
    "check_file",
    "check_paths",
    "check_target",
    "check_targets",
    "check_text",
    "claim_files",
    "find_targets",
    "iter_results",
    "read_target",
]

CLAIM_SUFFIXES = (".yaml", ".yml")
STDIN = "<stdin>"


@dataclass(frozen=True)
class Target:
    """One claim file of a run: ``path`` ('-' for standard input) and ``root``, the
    folder it was found in by walking (its real path must not leave it), or None for a
    file named on its own."""

    path: Path
    root: Path | None = None

    @property
    def is_stdin(self) -> bool:
        return self.path.as_posix() == "-"

    @property
    def shown(self) -> str:
        return STDIN if self.is_stdin else display_path(self.path)


class Progress(Protocol):
    """Told of each file as it is done (the CLI's progress bar); never required."""

    def advance(self, name: str) -> None: ...


def find_targets(paths: Iterable[Path | str]) -> list[Target]:
    """The claim files named or found under ``paths``, in the order given: a folder is
    searched recursively (sorted; hidden folders skipped) for *.yaml and *.yml; '-' is
    standard input, read once however often it is named; a file is listed once."""
    found: dict[Path, Target] = {}
    for given in paths:
        path = Path(given)
        if path.as_posix() == "-" or not path.is_dir():
            found.setdefault(path, Target(path))
            continue
        for f in _claim_files_under(path):
            found.setdefault(f, Target(f, path))
    return list(found.values())


def _claim_files_under(folder: Path) -> list[Path]:
    """The claim files under ``folder``, sorted: hidden files and folders skipped and
    never entered (a repository's .git can hold more files than its claims), a linked
    folder not entered (as pathlib's rglob), a linked file taken as the file it names
    (its containment is checked when it is read).  os.scandir: a folder's entries say
    whether each is a file without a stat of its own."""
    found: list[Path] = []
    pending = [str(folder)]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    if entry.name.startswith("."):
                        continue
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(entry.path)
                    elif entry.name.endswith(CLAIM_SUFFIXES) and entry.is_file():
                        found.append(Path(entry.path))
        except OSError:  # a folder that cannot be listed holds nothing to check
            continue
    return sorted(found)


def claim_files(paths: Iterable[Path | str]) -> list[Path]:
    """The claim files named or found under ``paths`` (standard input aside)."""
    return [t.path for t in find_targets(paths) if not t.is_stdin]


def _checker(lint: bool) -> Callable[[str, str], FileResult]:
    if lint:  # lint's warnings as well as verify's findings
        from .authoring.lint import lint_text

        return lint_text
    from .checking.engine import check_text

    return check_text


def check_text(path: str, text: str) -> FileResult:
    """One claim file given as text (``path`` names it in locations only)."""
    return _checker(False)(path, text)


def read_target(target: Target, shown: str | None = None) -> str | FileResult:
    """The claim file's text, read bounded and safely (standard input once, a file only
    inside its folder), or an unreadable FileResult saying why."""
    from .checking.engine import decode_claim_bytes, read_claim_file
    from .claimfile.safe_io import MAX_BYTES, UnsafePath, read_stdin_bounded

    name = shown or target.shown
    if not target.is_stdin:
        return read_claim_file(target.path, target.root)
    try:
        return decode_claim_bytes(name, read_stdin_bounded(MAX_BYTES))
    except UnsafePath as err:
        return FileResult(path=name, diagnostics=(Diagnostic(
            err.code, err.message, Span(name, 1, 1), err.hint),), readable=False)


def check_target(target: Target, *, lint: bool = False,
                 shown: str | None = None) -> FileResult:
    """One claim file read (``read_target``) and checked.  ``shown``: the name reports
    give it."""
    text = read_target(target, shown)
    if isinstance(text, FileResult):
        return text
    return _checker(lint)(shown or target.shown, text)


def check_file(path: Path | str, *, lint: bool = False, shown: str | None = None,
               root: Path | None = None) -> FileResult:
    """One claim file on disk, checked."""
    return check_target(Target(Path(path), root), lint=lint, shown=shown)


#: below this many files a run stays in one process: starting workers costs more
PARALLEL_MIN_FILES = 16


def default_jobs(files: int) -> int:
    """Worker processes for ``files`` claim files: one per CPU (at most 8), none for few."""
    if files < PARALLEL_MIN_FILES:
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def _check_one(args: tuple[Target, bool]) -> FileResult:
    return check_target(args[0], lint=args[1])


def _prepare_one(args: tuple[Target, bool, Callable[[FileResult], Prepared]]) -> Prepared:
    return args[2](check_target(args[0], lint=args[1]))


def iter_results(targets: Iterable[Target], *, lint: bool = False,
                 progress: Progress | None = None, jobs: int | None = None,
                 cache: ResultCache | None = None,
                 json_only: bool = False, text_layout: str | None = None,
                 prepare: Callable[[FileResult], Prepared] | None = None,
                 ) -> Iterator[FileResult]:
    """Each target's result, in order, as soon as it and those before it are checked.

    ``jobs``: worker processes (default: ``default_jobs``); the results and their order
    are the same for any number.  Standard input is read here, never by a worker.
    ``cache``: results of unchanged files are taken from it, new ones stored in it.
    ``json_only``: the caller renders nothing but the JSON report, so a cached file may
    come as a ``RenderedResult`` (its slim result and its JSON entry, not decoded).
    ``text_layout``: the caller renders nothing but the text report, drawn in this
    layout (``render.text_console.layout_key``): a cached file drawn so before comes as a
    ``RenderedResult`` with its text (see ``ResultCache.get``).
    ``prepare``: what the process that checks a file makes of its result for the run's
    one streamed report (``render.prerender.Prerender``): each fresh file then comes as
    that ``Prepared`` result's ``RenderedResult``, stored in the cache as prepared, and
    the workers, not the main process, render it."""
    targets = list(targets)
    cached: set[int] = set()  # hits are decoded when their turn comes, not held
    todo = []
    for i, target in enumerate(targets):
        if cache is not None and not target.is_stdin and cache.has(target, lint):
            cached.add(i)
        elif not target.is_stdin:
            todo.append(i)
    workers = default_jobs(len(todo)) if jobs is None else max(1, jobs)
    workers = workers if len(todo) > 1 else 1
    # from the workers, in order: Prepared results when ``prepare`` is given
    fresh = (_run(_prepare_one, ((targets[i], lint, prepare) for i in todo), workers)
             if prepare is not None else
             _run(_check_one, ((targets[i], lint) for i in todo), workers))
    for i, target in enumerate(targets):
        result = (cache.get(target, lint, rendered=json_only, layout=text_layout)
                  if cache is not None and i in cached else None)
        if result is None and prepare is not None:
            here = target.is_stdin or i in cached  # read here; the rest came from workers
            prepared = prepare(check_target(target, lint=lint)) if here else next(fresh)
            if cache is not None:
                cache.put_prepared(target, lint, prepared, text_layout)
            result = prepared.rendered
        elif result is None:  # standard input or a broken entry here; the rest in workers
            result = (check_target(target, lint=lint) if target.is_stdin or i in cached
                      else next(fresh))
            # standard input has no key, so is never stored
            stored = (cache.put(target, lint, result, drawn=text_layout is not None)
                      if cache is not None else None)
            if json_only and stored is not None:
                result = stored  # its JSON entry is written once, for both
        if progress is not None:
            progress.advance(target.shown)
        yield result


def _run(one: Callable[[T], FileResult | Prepared], work: Iterable[T],
         workers: int) -> Iterator[Any]:
    if workers == 1:
        yield from map(one, work)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork where there is one: the workers start with pint's registry already loaded
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        # a window of work in flight, not the whole run: results wait for their turn
        # in memory only as far as the window reaches
        chunks = _chunks(work, CHUNK)
        window = deque(pool.submit(_each, one, c) for c in islice(chunks, workers * 4))
        while window:
            done = window.popleft().result()
            window.extend(pool.submit(_each, one, c) for c in islice(chunks, 1))
            yield from done


#: files a worker checks per task
CHUNK = 4


def _chunks(work: Iterable[T], size: int) -> Iterator[list[T]]:
    items = iter(work)
    while chunk := list(islice(items, size)):
        yield chunk


def _each(one: Callable[[T], FileResult | Prepared], chunk: list[T]) -> list[Any]:
    return [one(item) for item in chunk]


def check_paths(paths: Iterable[Path | str], *, lint: bool = False,
                progress: Progress | None = None, jobs: int | None = None,
                cache: ResultCache | None = None) -> Report:
    """Check every claim file under ``paths`` into one Report (a file reached twice is
    reported once).  ``lint``: each file also gets lint's warnings."""
    return check_targets(find_targets(paths), lint=lint, progress=progress, jobs=jobs,
                         cache=cache)


def check_targets(targets: Iterable[Target], *, lint: bool = False,
                  progress: Progress | None = None, jobs: int | None = None,
                  cache: ResultCache | None = None) -> Report:
    """The targets of ``find_targets`` checked into one Report."""
    unique = {r.path: r for r in iter_results(targets, lint=lint, progress=progress,
                                              jobs=jobs, cache=cache)}
    return Report(tuple(unique.values()))


def explain_target(target: Target) -> tuple[FileResult, tuple[Explanation, ...]]:
    """One claim file checked, with the work shown for each check (what `explain` and the
    HTML report draw)."""
    from .checking.engine import analyse_text
    from .checking.explain import explain_env

    text = read_target(target)
    if isinstance(text, FileResult):
        return text, ()
    result, env = analyse_text(target.shown, text)
    return result, explain_env(env, result.checks) if env is not None else ()


def explain_paths(paths: Iterable[Path | str]) -> tuple[Report, dict[str, tuple[Explanation, ...]]]:
    """Every claim file under ``paths`` checked and explained: the report, and each
    file's explanations by its path."""
    results: dict[str, FileResult] = {}
    explanations: dict[str, tuple[Explanation, ...]] = {}
    for target in find_targets(paths):
        result, explained = explain_target(target)
        results.setdefault(result.path, result)
        explanations.setdefault(result.path, explained)
    return Report(tuple(results.values())), explanations
