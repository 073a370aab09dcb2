"""The results cache, parallel workers and streamed output (issue 12): each gives the same
report, byte for byte, as a plain run, and the cache is invalidated by everything a
result depends on."""

from __future__ import annotations

import io
import itertools
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.api import Target, check_paths, find_targets, iter_results
from claimcheck.checking import cache as cache_module
from claimcheck.checking.cache import ResultCache
from claimcheck.checking.codec import decode, encode
from claimcheck.checking.report import CheckResult, FileResult, Policy, Report
from claimcheck.cli import app
from claimcheck.diagnostics import Diagnostic, Severity
from claimcheck.outcomes import ExitStatus, Verdict
from claimcheck.quantities.units import ConventionNote
from claimcheck.render import json as json_render
from claimcheck.render import text_console, text_stream

from .conftest import ROOT

CLAIMS = ROOT / "claims"
runner = CliRunner()


@pytest.fixture
def claims(tmp_path: Path) -> Path:
    folder = tmp_path / "claims"
    shutil.copytree(CLAIMS, folder)
    return folder


def _run(folder: Path, cache: ResultCache | None, lint: bool = False) -> Report:
    return Report(tuple(iter_results(find_targets([folder]), cache=cache, lint=lint, jobs=1)))


def test_a_second_run_takes_every_result_from_the_cache_and_is_the_same(
        claims: Path, tmp_path: Path) -> None:
    plain = _run(claims, None)
    first = ResultCache(tmp_path / "cache")
    assert _run(claims, first) == plain
    assert first.hits == 0
    second = ResultCache(tmp_path / "cache")
    assert _run(claims, second) == plain
    assert second.hits == len(plain.files) > 0


def test_an_edited_file_misses_and_the_others_hit(claims: Path, tmp_path: Path) -> None:
    _run(claims, ResultCache(tmp_path / "cache"))
    edited = next(claims.rglob("*.yaml"))
    edited.write_text(edited.read_text(encoding="utf-8").replace("checks:", "checks:\n"
                      "  - {id: added, claim: x, assert: '1 t == 2 t'}", 1), encoding="utf-8")
    again = ResultCache(tmp_path / "cache")
    report = _run(claims, again)
    assert again.hits == len(report.files) - 1
    assert "added" in {c.id for f in report.files for c in f.checks}
    assert report == _run(claims, None)


def test_lint_and_verify_and_another_name_are_separate_entries(
        claims: Path, tmp_path: Path) -> None:
    _run(claims, ResultCache(tmp_path / "cache"))
    linted = ResultCache(tmp_path / "cache")
    assert _run(claims, linted, lint=True) == _run(claims, None, lint=True)
    assert linted.hits == 0
    moved = claims.parent / "moved"
    claims.rename(moved)
    renamed = ResultCache(tmp_path / "cache")
    assert [f.path for f in _run(moved, renamed).files] == [
        f.path for f in _run(moved, None).files]
    assert renamed.hits == 0


def test_another_version_of_claimcheck_never_reads_the_entries_and_removes_them(
        claims: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _run(claims, ResultCache(tmp_path / "cache"))
    old = ResultCache(tmp_path / "cache").folder
    assert any(old.iterdir())
    monkeypatch.setattr(cache_module, "fingerprint", lambda: "f" * 64)
    upgraded = ResultCache(tmp_path / "cache")
    assert _run(claims, upgraded) == _run(claims, None)
    assert upgraded.hits == 0
    assert not old.exists()


def test_a_broken_or_hostile_entry_is_a_miss_never_code(claims: Path, tmp_path: Path) -> None:
    store = ResultCache(tmp_path / "cache")
    _run(claims, store)
    entries = sorted(store.folder.glob("*.json"))
    key = json.loads(entries[1].read_text(encoding="utf-8").split("\n", 1)[0])["key"]
    hostile = json.dumps({"~": "system", "command": "touch pwned"})
    slims = [hostile, "[]", '["a", true, false, [], [[1, "error", null, []]]]',
             '["a", true, false, [["code", "fatal"]], []]',
             '["a", "yes", false, [], []]', '["a", true, false, [], [["c", "wrong", null, []]]]',
             '["a", true, false, [], [["c", "error", 5, []]]]', '"slim"']
    for json_only, slim in itertools.product((False, True), slims):
        entries[0].write_text("{not json", encoding="utf-8")
        entries[1].write_text(f'{{"format": {cache_module.FORMAT}, "key": "{key}", '
                              f'"slim": {slim}}}\n{{}}', encoding="utf-8")
        entries[1].with_suffix(".full").write_text(hostile, encoding="utf-8")
        again = ResultCache(tmp_path / "cache")
        got = Report(tuple(iter_results(find_targets([claims]), cache=again, jobs=1,
                                        json_only=json_only)))
        assert [f.slim() for f in got.files] == [f.slim() for f in _run(claims, None).files]
        assert again.hits == len(entries) - 2
    assert not Path("pwned").exists()


def test_a_json_only_run_copies_the_stored_entries_through(claims: Path,
                                                          tmp_path: Path) -> None:
    """A warm JSON-only run decodes only each file's slim result and writes the JSON
    entry stored beside it: the same bytes and the same exit code as a cold run."""
    store = ResultCache(tmp_path / "cache")
    cold, warm = io.StringIO(), io.StringIO()
    report = json_render.stream(iter_results(find_targets([claims]), cache=store, jobs=1),
                                cold.write)
    again = ResultCache(tmp_path / "cache")
    rendered = list(iter_results(find_targets([claims]), cache=again, jobs=1, json_only=True))
    assert again.hits == len(rendered) and all(f.figures == () for f in rendered)
    assert all(type(f).__name__ == "RenderedResult" for f in rendered)
    warm_report = json_render.stream(iter(rendered), warm.write)
    assert warm.getvalue() == cold.getvalue()
    assert warm_report.summary_dict() == report.summary_dict()


def test_a_file_outside_its_folder_is_never_cached(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    shutil.copy(next(CLAIMS.glob("*.yaml")), outside)
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "link.yaml").symlink_to(outside)
    for _ in range(2):
        store = ResultCache(tmp_path / "cache")
        (result,) = _run(folder, store).files
        assert [d.code for d in result.diagnostics] == ["file-outside"]
        assert store.hits == 0
    assert not any((tmp_path / "cache").rglob("*.json"))


def test_results_round_trip_exactly_with_their_convention_notes() -> None:
    report = check_paths([CLAIMS, ROOT / "tests" / "cases"], jobs=1)
    for f in report.files:
        back = decode(json.loads(json.dumps(encode(f))))
        assert back == f
        notes = [(type(n), n) for v in f.figures for n in v.notes]
        assert [(type(n), n) for v in back.figures for n in v.notes] == notes
    assert any(isinstance(n, ConventionNote) for f in report.files for v in f.figures
               for n in v.notes)


def _cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True,
                          text=True, env=env, check=False)


def test_the_cli_output_is_the_same_bytes_cold_warm_and_without_cache(
        claims: Path, tmp_path: Path) -> None:
    import os

    env = {**os.environ, "CLAIMCHECK_CACHE": "on", "CLAIMCHECK_CACHE_DIR": str(tmp_path / "c")}
    outputs = [_cli(["verify", str(claims), *extra], env) for extra in (
        ["-f", "json"], ["-f", "json"], ["-f", "json", "--no-cache"])]
    assert outputs[0].stdout == outputs[1].stdout == outputs[2].stdout
    assert {o.returncode for o in outputs} == {0}  # every finding is expected
    assert any((tmp_path / "c").rglob("*.json"))
    off = {**env, "CLAIMCHECK_CACHE": "off", "CLAIMCHECK_CACHE_DIR": str(tmp_path / "off")}
    _cli(["verify", str(claims)], off)
    assert not (tmp_path / "off").exists()


def _bundled_copies(folder: Path, times: int) -> Path:
    """``folder`` with the bundled claim files copied ``times`` times over."""
    folder.mkdir()
    for i in range(times):
        for source in CLAIMS.rglob("*.yaml"):
            shutil.copy(source, folder / f"{i:02d}-{source.name}")
    return folder


def test_workers_give_the_same_report_in_the_same_order(tmp_path: Path) -> None:
    folder = _bundled_copies(tmp_path / "many", 20)
    serial = check_paths([folder], jobs=1)
    assert check_paths([folder], jobs=2) == serial
    assert check_paths([folder]) == serial  # the default: workers for 16 files or more
    one = runner.invoke(app, ["verify", str(folder), "-f", "json", "-j", "1"]).output
    two = runner.invoke(app, ["verify", str(folder), "-f", "json", "-j", "2"]).output
    assert one == two


@pytest.mark.parametrize("policy", [None, Policy("hedge", True)])
def test_streamed_json_and_text_are_the_bytes_of_the_whole_report(policy: Policy | None) -> None:
    report = check_paths([CLAIMS, ROOT / "tests" / "cases"], jobs=1)
    buffer = io.StringIO()
    tally = json_render.stream(iter(report.files), buffer.write, policy)
    assert buffer.getvalue() == json_render.render(report, policy)
    assert tally.status == report.status_under(policy or Policy())
    assert tally == report.tally(policy)  # the summary alone: no file's result is held
    buffer = io.StringIO()
    canvas = text_console.pipe_canvas(buffer)
    text_stream.render_stream(iter(report.files), canvas, policy)
    canvas.file.flush()
    assert buffer.getvalue() == text_stream.to_string(report, policy=policy)


def test_standard_input_is_read_by_the_main_process_among_workers(tmp_path: Path) -> None:
    source = next(CLAIMS.glob("*.yaml"))
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(17):
        shutil.copy(source, folder / f"{i:02d}.yaml")
    done = runner.invoke(app, ["verify", str(folder), "-", "-f", "json", "-j", "2"],
                         input=source.read_text(encoding="utf-8"))
    paths = [f["path"] for f in json.loads(done.output)["files"]]
    assert paths[-1] == "<stdin>" and len(paths) == 18


def test_the_benchmark_runs_on_a_tiny_corpus() -> None:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick"],
                          capture_output=True, text=True, check=False, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "| `verify` one file, unchanged (cache hit) |" in done.stdout
    assert "warm (results cache)" in done.stdout


def test_a_target_is_what_the_cache_protocol_asks_for() -> None:
    target = Target(CLAIMS / "x.yaml")
    assert (target.path, target.root, target.shown) == (CLAIMS / "x.yaml", None,
                                                         (CLAIMS / "x.yaml").as_posix())


HIT = """\
import contextlib, io, sys
from claimcheck.cli import main
sys.argv = ["claimcheck", "verify", sys.argv[1]]
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    main()
print(sorted(m for m in sys.modules if m == "pint" or m.startswith(
    ("pint.", "claimcheck.checking.engine", "claimcheck.expressions", "claimcheck.reading"))))
"""


def test_a_cache_hit_imports_neither_pint_nor_the_engine(claims: Path, tmp_path: Path) -> None:
    import os

    env = {**os.environ, "CLAIMCHECK_CACHE": "on", "CLAIMCHECK_CACHE_DIR": str(tmp_path / "c")}
    cold = subprocess.run([sys.executable, "-c", HIT, str(claims)], capture_output=True,
                          text=True, env=env, check=True)
    assert "claimcheck.checking.engine" in cold.stdout  # a miss checks the files
    warm = subprocess.run([sys.executable, "-c", HIT, str(claims)], capture_output=True,
                          text=True, env=env, check=True)
    assert warm.stdout.strip() == "[]"
    # the text report to a pipe, every part of it kept as drawn: rich is not loaded
    text_hit = HIT.replace('m == "pint"', 'm in ("pint", "rich")')
    found = subprocess.run([sys.executable, "-c", text_hit, str(claims)],
                           capture_output=True, text=True, env=env, check=True)
    assert found.stdout.strip() == "[]"
    # a JSON-only hit copies its entry through: no unit tables, intervals, YAML or rich
    json_hit = HIT.replace('"verify", sys.argv[1]', '"verify", "-f", "json", sys.argv[1]'
                           ).replace('m == "pint"', 'm in ("pint", "yaml", "rich")').replace(
        '"claimcheck.reading"))', '"claimcheck.reading", "claimcheck.quantities.units", '
        '"claimcheck.quantities.intervals", "claimcheck.checking.codec"))')
    found = subprocess.run([sys.executable, "-c", json_hit, str(claims)],
                           capture_output=True, text=True, env=env, check=True)
    assert found.stdout.strip() == "[]"


def test_an_entry_without_its_whole_result_serves_json_only(claims: Path,
                                                           tmp_path: Path) -> None:
    """KEY.json alone (its KEY.full lost): a JSON-only run still copies the entry through;
    a run that needs the whole result checks the file again, the same report."""
    store = ResultCache(tmp_path / "cache")
    cold = _run(claims, store)
    for whole in store.folder.glob("*.full"):
        whole.unlink()
    again = ResultCache(tmp_path / "cache")
    rendered = list(iter_results(find_targets([claims]), cache=again, jobs=1, json_only=True))
    assert again.hits == len(rendered)
    text = ResultCache(tmp_path / "cache")
    assert _run(claims, text) == cold and text.hits == 0


# --- the text report's drawings ---------------------------------------------------------

def _text(claims: Path, env: dict[str, str], *extra: str) -> str:
    result = _cli(["verify", str(claims), *extra], env)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_text_run_draws_each_file_once_per_layout(claims: Path, tmp_path: Path) -> None:
    """The second text run writes each file's part as it was drawn: the same bytes as a
    run without cache, for each layout (width, view), and a layout of its own each."""
    import os

    env = {**os.environ, "CLAIMCHECK_CACHE": "on", "CLAIMCHECK_CACHE_DIR": str(tmp_path / "c")}
    files = len(list(claims.rglob("*.yaml")))
    for view in ([], ["--only", "problems"], ["--format", "text"]):
        for columns in ("100", "140"):
            wide = {**env, "COLUMNS": columns}
            fresh = _text(claims, wide, "--no-cache", *view)
            assert _text(claims, wide, *view) == fresh  # drawn and kept
            assert _text(claims, wide, *view) == fresh  # written as kept
    # two widths x (whole, problems only); --format text is the default's layout
    assert len(list((tmp_path / "c").rglob("*.txt"))) == 4 * files


def test_a_kept_drawing_is_written_without_rich_laying_it_out(
        claims: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def report(store: ResultCache, layout: str | None) -> str:
        out = io.StringIO()
        canvas = text_console.pipe_canvas(out)
        results = iter_results(find_targets([claims]), cache=store, jobs=1,
                               text_layout=layout)
        text_stream.render_stream(results, canvas,
                                  texts=store if layout is not None else None)
        canvas.file.flush()
        return out.getvalue()

    layout = text_console.pipe_canvas(io.StringIO()).layout(False)
    assert layout is not None
    cold = report(ResultCache(tmp_path / "cache"), layout)

    def never(*args: object) -> None:
        raise AssertionError("drawn again")

    monkeypatch.setattr(text_stream, "_draw_file", never)
    monkeypatch.setattr(text_stream, "_draw_tail", never)
    warm = ResultCache(tmp_path / "cache")
    assert report(warm, layout) == cold
    assert warm.hits == len(list(claims.rglob("*.yaml")))
    monkeypatch.undo()
    # another layout draws again; without a store nothing is kept
    assert report(ResultCache(tmp_path / "cache"), None) == cold


def test_another_rich_or_a_tampered_drawing(claims: Path, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """An upgrade of rich is another layout; a drawing whose bytes are not UTF-8 is
    written with U+FFFD (a cache file is at worst a wrong report, never a crash)."""
    console, cards = text_console.pipe_console(io.StringIO())
    before = text_console.layout_key(console, cards, False)
    monkeypatch.setattr(text_console, "_rich_files", lambda: (("console.py", 1, 2),))
    assert text_console.layout_key(console, cards, False) != before
    monkeypatch.undo()
    import os

    env = {**os.environ, "CLAIMCHECK_CACHE": "on", "CLAIMCHECK_CACHE_DIR": str(tmp_path / "c")}
    fresh = _text(claims, env)
    drawn = sorted((tmp_path / "c").rglob("*.txt"))
    assert drawn
    drawn[0].write_bytes(b"tampered \xff\n")
    assert "tampered \N{REPLACEMENT CHARACTER}" in _text(claims, env)
    drawn[0].unlink()
    assert _text(claims, env) == fresh  # a lost drawing is drawn again


def test_a_run_that_draws_no_text_holds_no_key_for_drawings(claims: Path,
                                                            tmp_path: Path) -> None:
    """Flat memory: a JSON run keeps nothing per file for drawings it will never make;
    a problems-only text run keeps an empty drawing for each file it hides."""
    store = ResultCache(tmp_path / "cache")
    list(iter_results(find_targets([claims]), cache=store, jobs=1, json_only=True))
    assert store._text_keys == {}
    canvas = text_console.pipe_canvas(io.StringIO())
    layout = canvas.layout(True)
    assert layout is not None
    drawing = ResultCache(tmp_path / "cache")
    text_stream.render_stream(
        iter_results(find_targets([claims]), cache=drawing, jobs=1, text_layout=layout),
        canvas, only_problems=True, texts=drawing)
    assert drawing._text_keys == {}
    kept = sorted(drawing.folder.glob(f"*.{layout}.txt"))
    assert len(kept) == len(list(claims.rglob("*.yaml")))


@pytest.mark.parametrize("columns", [None, "60", "100", "119", "120", "140"])
@pytest.mark.parametrize("only_problems", [False, True])
def test_a_pipe_knows_its_layout_without_asking_rich(
        columns: str | None, only_problems: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """The layout key a pipe canvas gives before rich is loaded is the one its rich
    console gives: a warm run finds what a cold run kept."""
    import rich.console

    # as on Windows, where rich may take a pipe for a legacy console
    monkeypatch.setattr(rich.console, "detect_legacy_windows", lambda: True)
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    for width in (None, 90, 150):
        canvas = text_console.pipe_canvas(io.StringIO(), width)
        known = canvas.layout(only_problems)
        assert known == text_console.layout_key(canvas.console, canvas.cards, only_problems)
        assert known == canvas.layout(only_problems)  # the console built, the same key
        console, cards = text_console.pipe_console(io.StringIO(), width)
        assert (console.width, cards) == (canvas.width, canvas.cards)
        # the same on every platform: never taken for a legacy Windows console
        assert not console.legacy_windows and console.color_system is None


def test_the_lines_that_end_the_report_are_kept_per_layout_and_counts(
        claims: Path, tmp_path: Path) -> None:
    """The summary is kept like a file's part, under the key of what it says: another
    policy, another count or a tampered key draws it again, the bytes of a run without
    cache."""
    import os

    env = {**os.environ, "CLAIMCHECK_CACHE": "on", "CLAIMCHECK_CACHE_DIR": str(tmp_path / "c"),
           "COLUMNS": "100"}

    def same_as_fresh(*extra: str) -> str:
        result = _cli(["verify", str(claims), *extra], env)
        fresh = _cli(["verify", str(claims), "--no-cache", *extra], env)
        assert result.stdout == fresh.stdout
        assert result.returncode == fresh.returncode
        return result.stdout

    hedged = (ROOT / "tests" / "cases" / "verdicts" / "hedged-divisor.yaml").read_text(
        encoding="utf-8")
    (claims / "hedged.yaml").write_text(hedged.replace("expect: within_hedge", ""),
                                        encoding="utf-8")
    plain = same_as_fresh()
    assert same_as_fresh() == plain  # drawn before: kept
    tails = sorted((tmp_path / "c").rglob("*.tail"))
    assert len(tails) == 1
    failing = same_as_fresh("--fail-on", "hedge")
    assert "the run fails (--fail-on hedge)" in failing
    assert failing != plain
    assert same_as_fresh() == plain  # the default's lines drawn again, not the last ones
    # one claim file fewer: other counts
    (claims / "hedged.yaml").unlink()
    fewer = same_as_fresh()
    assert "3 files, 24 checks" in " ".join(plain.split())
    assert "2 files, 23 checks" in " ".join(fewer.split())
    # a kept tail whose key is not this run's is not written
    key = tails[0].read_text(encoding="utf-8").split("\n", 1)[0]
    tails[0].write_text(f"{key[::-1]}\nforged summary\n", encoding="utf-8")
    assert "forged" not in same_as_fresh()
    assert len(list((tmp_path / "c").rglob("*.tail"))) == 1  # one per layout


@pytest.mark.parametrize("policy", [None, Policy("hedge", True), Policy("never")])
def test_a_tally_counts_what_the_report_holds(policy: Policy | None) -> None:
    """The summary gathered a file at a time, from whole or slim results, against the
    same counts taken from the whole report by hand."""
    report = check_paths([CLAIMS, ROOT / "tests" / "cases"], jobs=1)
    checks = [c for f in report.files for c in f.checks]
    chosen = policy or Policy()
    for files in (report.files, [f.slim() for f in report.files]):
        tally = Report(tuple(files)).tally(policy)
        assert tally.checks == len(checks)
        assert tally.counts == {v.value: sum(c.verdict == v for c in checks) for v in Verdict}
        assert tally.unexpected == sum(c.matches_expected is False for c in checks)
        assert tally.expected == {v: n for v in Verdict if v != "consistent" and (
            n := sum(bool(c.matches_expected) and c.verdict == v for c in checks))}
        assert tally.file_errors == sum(
            d.severity is Severity.ERROR and not d.code.startswith("lock-")
            for f in report.files if f.readable and not f.is_lock
            for d in f.outside_diagnostics)
        assert tally.lock_differences == sum(
            d.code in ("lock-changed", "lock-missing") for f in report.files
            for d in (*f.outside_diagnostics, *(d for c in f.checks for d in c.diagnostics)))
        for verdict in ("error", "inconsistent", "within_hedge", "within_rounding"):
            ids = [c.id for c in checks if c.verdict == verdict]
            assert tally.named_total.get(verdict, 0) == len(ids)
            assert [n.id for n in tally.named.get(verdict, [])] == ids[:8]
        failing = any(_fails_by_hand(chosen, c) for c in checks) or any(
            _failing_severity(chosen, d) for f in report.files for d in f.outside_diagnostics)
        assert tally.status is (
            ExitStatus.BAD_INPUT if not all(f.readable for f in report.files)
            else ExitStatus.FAILED if failing else ExitStatus.OK)
        assert tally._failing == failing
        assert tally.file_errors > 0 and tally.unexpected > 0  # the cases have both
    # and file by file, where one failing check does not decide for all the others
    lock = Diagnostic("lock-changed", "", None, None, Severity.ERROR)
    wrong = Diagnostic("unknown-unit", "", None, None, Severity.ERROR)
    warning = Diagnostic("lint-x", "", None, None, Severity.WARNING)
    made = [*(FileResult(path=f"made-{i}.yaml", checks=(check,)) for i, check in enumerate((
        CheckResult.brief("a", Verdict.CONSISTENT, None, (wrong,)),
        CheckResult.brief("b", Verdict.ERROR, "error", (wrong,)),
        CheckResult.brief("c", Verdict.ERROR, "error", (wrong, lock)),
        CheckResult.brief("d", Verdict.CONSISTENT, None, (warning,)),
        CheckResult.brief("e", Verdict.WITHIN_HEDGE, None, ()),
        CheckResult.brief("f", Verdict.WITHIN_ROUNDING, "within_rounding", ())))),
        FileResult(path="made-file.yaml", diagnostics=(warning,))]
    outcomes = set()
    for f in [*report.files, *made]:
        tally = Report((f,)).tally(policy)
        by_hand = any(_fails_by_hand(chosen, c) for c in f.checks) or any(
            _failing_severity(chosen, d) for d in f.outside_diagnostics)
        assert tally._failing == by_hand, f.path
        outcomes.add(by_hand)
        if f in made:
            assert tally.lock_differences == (f.path == "made-2.yaml")
    assert outcomes == {True, False}


#: the verdicts each ``--fail-on`` fails on, written out (not looked up as Policy does)
_FAILING_VERDICTS = {
    "inconsistent": {"inconsistent", "error"},
    "hedge": {"inconsistent", "error", "within_hedge"},
    "rounding": {"inconsistent", "error", "within_hedge", "within_rounding"},
    "never": set()}


def _failing_severity(policy: Policy, d: Diagnostic) -> bool:
    return d.severity is Severity.ERROR or (policy.strict and d.severity is Severity.WARNING)


def _fails_by_hand(policy: Policy, c: CheckResult) -> bool:
    """docs/exit codes, read plainly: a check not what it expects fails, one that is
    does not; else its verdict against --fail-on; and a failing diagnostic of its own,
    unless the check expects the error it is in (a lock difference still fails)."""
    if c.expected is not None:
        verdict_fails = c.expected != c.verdict
    else:
        verdict_fails = c.verdict in _FAILING_VERDICTS[str(policy.fail_on)]
    expects_error = c.expected == "error" == c.verdict
    return verdict_fails or any(
        _failing_severity(policy, d) and not (expects_error and not d.about_lock)
        for d in c.diagnostics)


def test_a_brief_check_is_the_constructor_s() -> None:
    diagnostic = Diagnostic("x-code", "", None, None, Severity.ERROR)
    for verdict in Verdict:
        for expected in (None, "consistent", "inconsistent"):
            made = CheckResult(id="id", claim="", assertion="", verdict=verdict,
                               explanation="", span=None, expected=expected,
                               diagnostics=(diagnostic,))
            brief = CheckResult.brief("id", verdict, expected, (diagnostic,))
            assert brief == made and hash(brief) == hash(made) and repr(brief) == repr(made)
            assert brief.matches_expected == made.matches_expected


@pytest.mark.parametrize("jobs", [1, 2])
def test_workers_render_what_the_main_process_would(tmp_path: Path, jobs: int) -> None:
    """With a ``Prerender``, each fresh file comes drawn (and with its JSON entry) from the
    process that checked it, and is kept so: the report is the bytes of one drawn here,
    and the next run's hits carry the very same parts."""
    from claimcheck.checking.report import RenderedResult
    from claimcheck.render.prerender import Prerender

    folder = _bundled_copies(tmp_path / "many", 9)
    whole = check_paths([folder], jobs=1)
    for only_problems in (False, True):
        canvas = text_console.pipe_canvas(io.StringIO())
        layout = canvas.layout(only_problems)
        drawing = Prerender(True, drawing=(canvas.width, canvas.cards, only_problems))
        store = ResultCache(tmp_path / f"cache-{only_problems}")
        cold = list(iter_results(find_targets([folder]), cache=store, jobs=jobs,
                                 text_layout=layout, prepare=drawing))
        assert all(isinstance(r, RenderedResult) and r.text is not None for r in cold)
        out = io.StringIO()
        text_stream.render_stream(iter(cold), text_console.pipe_canvas(out),
                                  only_problems=only_problems)
        assert out.getvalue() == text_stream.to_string(whole, only_problems=only_problems)
        warm = list(iter_results(find_targets([folder]), cache=ResultCache(
            tmp_path / f"cache-{only_problems}"), jobs=jobs, text_layout=layout))
        assert [r.text for r in warm] == [r.text for r in cold]  # type: ignore[attr-defined]
    # JSON: the entries the workers wrote are the report's
    entries = Prerender(False, json_entry=True)
    prepared = list(iter_results(find_targets([folder]), jobs=jobs, prepare=entries))
    out = io.StringIO()
    json_render.stream(iter(prepared), out.write)
    assert out.getvalue() == json_render.render(whole)
