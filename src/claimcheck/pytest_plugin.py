"""A pytest plugin: claim files collected as tests, one test per check.

Opt in with the ini setting ``claimcheck_paths = claims`` (files or folders, relative to
the ini file) or ``pytest --claimcheck claims``.  A plain ``pytest`` run then collects
those paths too, beside ``testpaths``.  A check fails as it fails ``claimcheck verify``
(``claimcheck_fail_on``, else claimcheck.toml or [tool.claimcheck], else inconsistent),
with the full explanation as the report and the check's YAML line as the location; a
check whose failing verdict is the one its ``expect:`` names is an expected failure
(xfail): the claim file records that finding of the report.  A file that cannot be read,
or whose figures have errors, is one failing test named after the file.

Loaded by every pytest run where claimcheck is installed, so it imports nothing heavy
until a claim file is collected.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .checking.report import CheckResult, FileResult, Policy
    from .diagnostics import Diagnostic

_ROOTS = pytest.StashKey[list[Path]]()
_POLICY: pytest.StashKey[Policy] = pytest.StashKey()
_SUFFIXES = (".yaml", ".yml")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("claimcheck", "claim files as tests")
    group.addoption("--claimcheck", action="append", default=[], metavar="PATH",
                    dest="claimcheck_paths",
                    help="collect the claim files under PATH as tests, one per check "
                         "(repeatable; adds to the claimcheck_paths ini setting)")
    parser.addini("claimcheck_paths", type="paths", default=[],
                  help="claim files or folders to collect as tests, one per check")
    parser.addini("claimcheck_fail_on", default="",
                  help="the mildest verdict that fails a check's test: inconsistent "
                       "(default), hedge, rounding or never")


def pytest_configure(config: pytest.Config) -> None:
    from_ini = [Path(p).resolve() for p in config.getini("claimcheck_paths")]
    from_option = [Path(p).resolve() for p in config.getoption("claimcheck_paths") or []]
    config.stash[_ROOTS] = from_ini + from_option
    if not config.stash[_ROOTS]:
        return
    from .checking.report import Policy
    from .claimfile.config import FAIL_ON, ConfigError, load

    fail_on = str(config.getini("claimcheck_fail_on") or "")
    try:
        settings = load(config.rootpath)
    except ConfigError as err:
        raise pytest.UsageError(f"claimcheck: {err}") from None
    if fail_on and fail_on not in FAIL_ON:
        raise pytest.UsageError(f"claimcheck_fail_on must be one of {', '.join(FAIL_ON)}, "
                                f"not {fail_on!r}")
    config.stash[_POLICY] = Policy(fail_on or settings.fail_on, settings.strict)
    # --claimcheck PATH is asked for on this command line: always collected.  The ini's
    # paths join a plain `pytest` (beside testpaths), not a run of named tests.
    wanted = from_option + (from_ini if config.args_source is not
                            pytest.Config.ArgsSource.ARGS else [])
    given = [Path(a).resolve() for a in config.args]
    config.args.extend(str(r) for r in dict.fromkeys(wanted)
                       if not any(r == g or g in r.parents for g in given))


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.File | None:
    roots = parent.config.stash.get(_ROOTS, [])
    if file_path.suffix not in _SUFFIXES or not roots:
        return None
    resolved = file_path.resolve()
    if any(resolved == r or r in resolved.parents for r in roots):
        return ClaimFile.from_parent(parent, path=file_path)
    return None


class ClaimFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        from .api import check_file
        from .claimfile.safe_io import display_path

        try:
            shown = display_path(self.path.relative_to(self.config.rootpath))
        except ValueError:
            shown = display_path(self.path)
        policy = self.config.stash[_POLICY]
        # strict: lint warnings fail too
        result = check_file(self.path, lint=policy.strict, shown=shown)
        outside = result.outside_diagnostics
        if not result.readable or any(policy.fails_diagnostic(d) for d in outside):
            yield FileErrorItem.from_parent(self, name=self.path.name, result=result,
                                            diagnostics=outside)
        for c in result.checks:
            yield CheckItem.from_parent(self, name=c.id, result=result, check=c)


class ClaimCheckFailed(Exception):
    """A check or a file that fails; its text is the whole report."""


class _ClaimItem(pytest.Item):
    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException],
                     style: Any = None) -> str:
        if isinstance(excinfo.value, ClaimCheckFailed):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo, style=style))


class CheckItem(_ClaimItem):
    def __init__(self, *, result: FileResult, check: CheckResult, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.result = result
        self.check = check

    def runtest(self) -> None:
        from .render import plain
        from .sanitize import safe

        policy = self.config.stash[_POLICY]
        check = plain.printable(self.check)  # a claim file's text never drives the terminal
        if not policy.check_fails(check):
            if policy.acknowledged(check):  # a finding the claim file records
                pytest.xfail(f"{plain.headline(check)}: {check.explanation}")
            return
        raise ClaimCheckFailed(plain.check_details(safe(self.result.path), check))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        line = self.check.span.line - 1 if self.check.span else None
        return self.path, line, f"claim check {self.check.id}"


class FileErrorItem(_ClaimItem):
    def __init__(self, *, result: FileResult, diagnostics: list[Diagnostic],
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.result = result
        self.diagnostics = diagnostics

    def runtest(self) -> None:
        from .render import plain
        from .sanitize import safe

        lines = [plain.diagnostic_line(plain.printable(d)) for d in self.diagnostics]
        raise ClaimCheckFailed("\n".join([f"{safe(self.result.path)}: cannot be "
                                          "checked", *lines]))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, 0, f"claim file {self.result.path}"
