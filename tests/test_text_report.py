"""The text report people scan: a pipe, an 80-column terminal and a wide one all read well;
the problems-first view; the summary names the checks; progress only where it helps."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from typer.testing import CliRunner

from claimcheck.api import check_paths
from claimcheck.cli import app
from claimcheck.cli import progress as progress_module
from claimcheck.render.text_stream import render

from .conftest import ROOT
from .golden import compare

runner = CliRunner()
GOLDEN = ROOT / "tests" / "golden" / "text"
PIPE_GOLDEN = GOLDEN / "verify-pipe.txt"
NARROW_GOLDEN = GOLDEN / "verify-80-columns.txt"
PROBLEMS_GOLDEN = GOLDEN / "verify-only-problems.txt"
GOLDENS = [PIPE_GOLDEN, NARROW_GOLDEN, PROBLEMS_GOLDEN]
BUNDLED = "claims"
SOURCE = "source: {publisher: Wire, title: T, url: https://example.org, published: 2024}\n"

# what may run past the edge rather than break: a path, a URL, or a diagnostic line
_UNBREAKABLE = re.compile(r"(https?://|\.ya?ml(:\d+)?\b|\[[a-z-]+\]: )")


def _ids() -> list[str]:
    return [c.id for f in check_paths([ROOT / BUNDLED]).files for c in f.checks]


def _pipe(*args: str) -> str:
    result = runner.invoke(app, ["verify", *args], env={"NO_COLOR": "1"})
    assert result.exit_code == 0, result.output
    return result.output


def _terminal(width: int, only_problems: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, force_terminal=True, no_color=True,
                      color_system=None, highlight=False)
    render(check_paths([Path(BUNDLED)]), console, only_problems=only_problems)
    return buffer.getvalue()


def _assert_readable(text: str, width: int) -> None:
    ids = _ids()
    for line in text.splitlines():
        assert len(line) <= width or _UNBREAKABLE.search(line), f"too long: {line!r}"
    for check_id in ids:  # every id whole, on a line of its own card or row
        assert re.search(rf"(^|\s){re.escape(check_id)}(\s|,|$)", text, re.M), check_id


@pytest.fixture(autouse=True)
def _in_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("COLUMNS", raising=False)


def test_a_pipe_gets_cards_without_padding(update_goldens: bool) -> None:
    out = _pipe(BUNDLED)
    assert not [line for line in out.splitlines() if line != line.rstrip()]
    assert "Check and claim" not in out  # no table
    assert "✗ INCONSISTENT  voyages-for-transshipped-coal" in out
    _assert_readable(out, 100)
    compare(out, PIPE_GOLDEN, update_goldens)


def test_an_80_column_terminal_gets_cards(update_goldens: bool) -> None:
    out = _terminal(80)
    assert "Check and claim" not in out
    _assert_readable(out, 80)
    compare("\n".join(line.rstrip() for line in out.splitlines()) + "\n", NARROW_GOLDEN,
            update_goldens)


def test_a_wide_terminal_gets_the_table_with_ids_whole() -> None:
    out = _terminal(120)
    assert "Check and claim" in out
    _assert_readable(out, 120)


def test_columns_chooses_the_layout_of_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "140")
    assert "Check and claim" in _pipe(BUNDLED)
    monkeypatch.setenv("COLUMNS", "70")
    out = _pipe(BUNDLED)
    assert "Check and claim" not in out
    _assert_readable(out, 70)


def test_only_problems(update_goldens: bool) -> None:
    out = _pipe("--only", "problems", BUNDLED)
    report = check_paths([Path(BUNDLED)])
    for f in report.files:
        for c in f.checks:
            card = f"  {c.id}\n"
            assert (card in out) == (c.verdict != "consistent"), c.id
    assert "Figures as stated" not in out and "Implied figures" not in out
    compare(out, PROBLEMS_GOLDEN, update_goldens)


def test_only_problems_leaves_out_files_without_problems(tmp_path: Path) -> None:
    clean = tmp_path / "clean.yaml"
    clean.write_text(SOURCE + """figures:
  a: {stated: 10 t}
  b: {stated: 5 t}
checks:
  - {id: sum, claim: x, assert: a + b == 15 t}
""", encoding="utf-8")
    out = _pipe("--only", "problems", str(clean), BUNDLED)
    assert "clean.yaml" not in out.split("1 file without problems")[0]
    assert "1 file without problems not shown (--only all shows them)" in out


def test_the_summary_names_the_checks_behind_each_verdict() -> None:
    lines = _pipe(BUNDLED).rstrip().splitlines()
    named = " ".join(line.strip() for line in lines[-6:])
    assert ("inconsistent: voyages-for-transshipped-coal, transshipped-mass-restated, "
            "added-rates, share-of-budget, parts-sum, possible-share, grim") in " ".join(
        named.split())
    assert "within hedge: transshipment-share" in " ".join(named.split())
    assert lines[-1].startswith("2 files, 23 checks") or lines[-2].startswith("2 files")


def test_the_summary_says_which_check_failed_and_what_it_expected(tmp_path: Path) -> None:
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(SOURCE + """figures:
  a: {stated: 10 t}
checks:
  - {id: too-big, claim: x, assert: a == 20 t, expect: consistent}
""", encoding="utf-8")
    result = runner.invoke(app, ["verify", str(wrong)], env={"NO_COLOR": "1"})
    assert result.exit_code == 1
    assert "  inconsistent: too-big (expected consistent)\n" in result.output


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_on_a_terminal_after_a_second(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stderr", _Tty())
    monkeypatch.setattr(progress_module, "DELAY", 0.0)
    with progress_module.LateProgress(3) as bar:
        bar.advance("a.yaml")
        assert bar._bar is not None and bar._bar.live.is_started
        bar.advance("b.yaml")
    assert not bar._bar.live.is_started  # transient: gone when the run ends


@pytest.mark.parametrize(("tty", "delay", "total"), [
    (False, 0.0, 3),   # not a terminal: silent
    (True, 60.0, 3),   # a quick run: silent
    (True, 0.0, 1),    # one file: nothing to count
])
def test_progress_stays_silent(monkeypatch: pytest.MonkeyPatch, tty: bool, delay: float,
                               total: int) -> None:
    monkeypatch.setattr(sys, "stderr", _Tty() if tty else io.StringIO())
    monkeypatch.setattr(progress_module, "DELAY", delay)
    with progress_module.LateProgress(total) as bar:
        for name in ("a", "b", "c")[:total]:
            bar.advance(name)
        assert bar._bar is None


def test_verify_output_stays_clean_of_progress() -> None:
    """CliRunner's stderr is not a terminal: nothing but the report."""
    result = runner.invoke(app, ["verify", BUNDLED], env={"NO_COLOR": "1"})
    assert "━" not in result.output and "checking" not in result.output


def test_shell_completion_is_typers_and_completes_check_ids() -> None:
    help_text = runner.invoke(app, ["--help"], env={"NO_COLOR": "1"}).output
    assert "--install-completion" in help_text and "--show-completion" in help_text
    words = "claimcheck explain claims/asiapress-2020-04-30-state-smuggling.yaml voy"
    result = runner.invoke(app, [], prog_name="claimcheck", env={
        "_CLAIMCHECK_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "3"})
    assert result.output.split() == ["voyages-for-all-coal", "voyages-for-transshipped-coal"]
    result = runner.invoke(app, [], prog_name="claimcheck", env={
        "_CLAIMCHECK_COMPLETE": "complete_bash", "COMP_WORDS": "claimcheck verify --only ",
        "COMP_CWORD": "3"})
    assert result.output.split() == ["all", "problems"]


def test_check_id_completion_survives_a_broken_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("checks: [", encoding="utf-8")
    result = runner.invoke(app, [], prog_name="claimcheck", env={
        "_CLAIMCHECK_COMPLETE": "complete_bash",
        "COMP_WORDS": f"claimcheck explain {broken} x", "COMP_CWORD": "3"})
    assert result.exit_code == 0 and result.output.strip() == ""


_LABELS = ["claim", "stated", "recomputed", "verdict", "why", "note", "read as", "url"]
_WORDS = st.text(alphabet="abcdé–✓ 0123456789.,'%$", min_size=0, max_size=40)


@given(rows=st.lists(st.tuples(st.sampled_from(_LABELS), st.lists(_WORDS, max_size=12)),
                     min_size=1, max_size=5),
       width=st.integers(min_value=4, max_value=140),
       style=st.sampled_from(["", "italic", "bold red"]))
@settings(max_examples=300, deadline=None)
def test_a_card_s_lines_draw_as_a_two_column_grid(rows: list[tuple[str, list[str]]],
                                                  width: int, style: str) -> None:
    """The cards' labelled lines are drawn without rich's grid, which was most of a text
    report's cost; they must read exactly as the grid drew them (what a pipe gets: lines
    without their trailing spaces)."""
    from rich.style import Style
    from rich.table import Table
    from rich.text import Text

    from claimcheck.render import text_cards

    def drawn(renderable: object) -> str:
        console = Console(file=io.StringIO(), width=width, color_system=None)
        with console.capture() as captured:
            console.print(renderable)
        return "\n".join(line.rstrip() for line in captured.get().split("\n"))

    def styled(renderable: object) -> list[list[tuple[str, Style]]]:
        """What a colour terminal shows: each character that is not a space, in its style."""
        console = Console(file=io.StringIO(), width=width, color_system="standard",
                          force_terminal=True, no_color=False)
        lines = console.render_lines(renderable, pad=False)  # type: ignore[arg-type]
        shown = [[(ch, seg.style or Style.null()) for seg in line if not seg.control
                  for ch in seg.text if not ch.isspace()] for line in lines]
        while shown and not shown[-1]:
            shown.pop()
        return shown

    texts = [(label, Text(" ".join(words), style=style)) for label, words in rows]
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True, min_width=text_cards.LABEL_WIDTH)
    grid.add_column()
    for label, value in texts:
        grid.add_row(label, value.copy())
    assert drawn(text_cards._lines(texts)) == drawn(grid)
    assert styled(text_cards._lines(texts)) == styled(grid)


def test_a_card_on_a_colour_terminal_keeps_its_styles() -> None:
    """An error line of a figure card is red and a note italic on a colour terminal (the
    faster card lines once drew a line without marks of its own in no style at all)."""
    cases = ROOT / "tests" / "cases"
    report = check_paths([cases / "figures" / "unknown-unit.yaml",
                          cases / "verdicts" / "hedged-divisor.yaml"])
    console = Console(file=io.StringIO(), width=100, force_terminal=True,
                      color_system="standard", no_color=False)  # whatever NO_COLOR says
    with console.capture() as captured:
        render(report, console)
    drawn = captured.get()
    assert "\x1b[1;31munknown unit 'tonns'" in drawn
    assert "\x1b[3m" in drawn  # a note, in italics


def test_what_a_claim_file_says_is_drawn_without_its_control_characters() -> None:
    """A claim file's strings reach a terminal made safe, however deep in the report they
    are; the parts with nothing to make safe are handed on as they are, not copied."""
    from claimcheck.api import check_text
    from claimcheck.checking.report import Report
    from claimcheck.render.plain import printable

    text = ('source: {publisher: "X\\x07", title: "T\\x1b[2J", url: https://example.org/a, '
            'published: 2024-01-02}\nfigures:\n  a: {stated: 2 people, quote: "q\\x1b[31m"}\n'
            '  b: {stated: 3 people, quote: "plain"}\n'
            'checks:\n  - id: fine\n    claim: "b is three"\n    assert: b == 3 people\n'
            '  - id: odd\n    claim: "\\u202eevil\\x1b]8;;x\\x07\\u2066"\n'
            '    assert: a == 2 people\n')
    report = Report((check_text("odd.yaml", text),))
    console = Console(file=io.StringIO(), width=100, color_system=None)
    with console.capture() as captured:
        render(report, console)
    drawn = captured.get()
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", drawn)
    assert "T\ufffd[2J" in drawn and "\ufffdevil" in drawn
    safe = printable(report.files[0])
    fine = next(c for c in report.files[0].checks if c.id == "fine")
    assert next(c for c in safe.checks if c.id == "fine") is fine
    assert safe.title == "T\ufffd[2J" and report.files[0].title == "T\x1b[2J"


def test_a_named_tuple_made_safe_keeps_its_type() -> None:
    from typing import NamedTuple

    from claimcheck.render.plain import printable

    class Pair(NamedTuple):
        left: str
        right: str

    made = printable(Pair("a\x1b[31m", "b"))
    assert type(made) is Pair and made == Pair("a\ufffd[31m", "b")
    fine = Pair("a", "b")
    assert printable(fine) is fine


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_safe_text_is_what_the_patterns_make_of_it(text: str) -> None:
    """``safe`` hands printable text back untouched without running its patterns (the
    common case, in C): that shortcut must agree with the patterns on every text."""
    from claimcheck import sanitize

    by_patterns = sanitize._UNSAFE.sub("\ufffd", sanitize._BREAKS.sub(" ", text))
    made = sanitize.safe(text)
    assert made == by_patterns
    if made == text:
        assert sanitize.safe(text) is text


def test_a_convention_note_made_safe_keeps_its_data() -> None:
    from claimcheck.quantities.units import ConventionNote
    from claimcheck.render.plain import printable

    note = ConventionNote("'tons\x1b[2J' read as metric tonnes", word="tons", key="ton",
                          choice="tonne", default=True)
    made = printable((note, 3, None))
    assert made[0] == "'tons\ufffd[2J' read as metric tonnes"
    assert isinstance(made[0], ConventionNote) and made[0].key == "ton" and made[0].default
    fine = ConventionNote("'tons' read as metric tonnes", word="tons", key="ton",
                          choice="tonne", default=True)
    kept = (fine, 3, None)
    assert printable(kept) is kept


#: one cell, two cells (你), none (a combining acute), a tab and a break
_ONE_LINE = st.text(alphabet="abcdé–✓ 0123456789.,'%$\t\n你\u0301", min_size=0,
                    max_size=50)


@st.composite
def _stack_parts(draw: st.DrawFn) -> list[object]:
    """Texts of every kind a card holds (one line or several, wrapped or never, styled,
    with spans or not, justified or not) and labelled lines, nested as the cards nest."""
    from rich.text import Text

    from claimcheck.render import text_cards

    parts: list[object] = []
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        kind = draw(st.sampled_from(["text", "text", "lines", "stack"]))
        if kind == "lines":
            rows = draw(st.lists(st.tuples(st.sampled_from(_LABELS), _WORDS), min_size=1,
                                 max_size=3))
            parts.append(text_cards._lines([(label, Text(words)) for label, words in rows]))
            continue
        if kind == "stack":
            parts.append(text_cards.Stack([Text(draw(_WORDS), style="bold"), Text()]))
            continue
        text = Text(draw(_ONE_LINE), style=draw(st.sampled_from(["", "bold", "dim"])),
                    no_wrap=draw(st.sampled_from([None, True])),
                    overflow=draw(st.sampled_from([None, "ignore", "ellipsis", "crop"])),
                    justify=draw(st.sampled_from([None, "default", "left", "right"])),
                    end=draw(st.sampled_from(["\n", "\n", "", " "])))
        if text.plain and draw(st.booleans()):
            end = draw(st.integers(min_value=1, max_value=len(text.plain)))
            text.stylize("italic red", 0, end)
        parts.append(text)
    return parts


@given(parts=_stack_parts(), width=st.integers(min_value=0, max_value=100),
       justify=st.sampled_from([None, "left", "center"]),
       overflow=st.sampled_from([None, "ignore", "ellipsis"]),
       no_wrap=st.sampled_from([None, True]))
@settings(max_examples=500, deadline=None)
def test_a_stack_draws_as_a_group(parts: list[object], width: int, justify: str | None,
                                  overflow: str | None, no_wrap: bool | None) -> None:
    """``Stack`` draws one-line texts as their segments, without rich's paragraph
    layout: the text and each character's style must be what a ``Group`` draws."""
    from rich.console import Group
    from rich.style import Style

    from claimcheck.render import text_cards

    def drawn(renderable: object, color: bool) -> list[tuple[str, Style]] | str:
        console = Console(file=io.StringIO(), width=max(width, 1), color_system=(
            "standard" if color else None), force_terminal=color, no_color=not color)
        options = console.options.update_width(width).update(  # 0: no room, nothing drawn
            justify=justify, overflow=overflow, no_wrap=no_wrap)
        if not color:
            return "".join(s.text for s in console.render(renderable, options))
        return [(ch, s.style or Style.null())
                for s in console.render(renderable, options) if not s.control for ch in s.text]

    copies = [p.copy() if hasattr(p, "copy") else p for p in parts]
    for color in (False, True):
        assert drawn(text_cards.Stack(list(parts)), color) == drawn(Group(*copies), color)


def test_a_heading_that_fits_in_cells_but_not_in_characters_is_trimmed_as_rich_trims_it(
        ) -> None:
    """A path with combining marks ('é' written as e and U+0301) fits a narrow terminal in
    cells but not in characters: rich trims its trailing space, and so must a Stack."""
    from rich.console import Group
    from rich.text import Text

    from claimcheck.render import text_cards

    def drawn(renderable: object) -> str:
        console = Console(file=io.StringIO(), width=12, color_system="standard",
                          force_terminal=True, no_color=False)
        with console.capture() as captured:
            console.print(renderable, crop=False)
        return captured.get()

    path = "e\u0301" * 6 + ".yaml "
    heading = Text(path, style="bold underline")
    assert drawn(text_cards.Stack([heading])) == drawn(Group(heading.copy()))
