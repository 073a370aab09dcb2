"""Regenerate the parts of the docs that come from the code (the CLI reference and the
hedge table), like `cog`: `python scripts/gen_docs.py` rewrites them, `--check` fails
when they are stale.  tests/test_docs.py runs the check."""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.reading.hedges import DEFAULT_HEDGES, HedgeRule

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = ([], ["verify"], ["explain"], ["calc"], ["extract"], ["new"], ["lint"],
            ["schema"])


def cli_reference() -> str:
    runner = CliRunner()
    parts = ["# CLI reference", "",
             "Generated from the code by `python scripts/gen_docs.py`; "
             "tests fail when it is stale.", ""]
    for args in COMMANDS:
        result = runner.invoke(app, [*args, "--help"], env={"COLUMNS": "90", "NO_COLOR": "1",
                                                            "TERM": "dumb"})
        title = " ".join(["claimcheck", *args])
        text = "\n".join(line.rstrip() for line in result.output.strip("\n").splitlines())
        parts += [f"## `{title}`", "", "```text", text.strip("\n"), "```", ""]
    return "\n".join(parts)


def hedge_table() -> str:
    groups: dict[HedgeRule, list[str]] = defaultdict(list)
    for words, rule in DEFAULT_HEDGES.items():
        groups[rule].append(words)
    rows = ["| hedge words | kind | what it does to the stated interval |",
            "| --- | --- | --- |"]
    for rule, words in groups.items():
        rows.append(f"| {', '.join(f'`{w}`' for w in words)} | `{rule.kind.value}` | "
                    f"{rule.describe()} |")
    return "\n".join(rows)


def unit_list() -> str:
    """docs/units.md: every unit word claimcheck reads, what it means exactly, and where
    that definition comes from."""
    from claimcheck.quantities import unit_catalogue

    own = unit_catalogue.newsroom_definitions()
    rows = ["# Units claimcheck reads", "",
            "Generated from the code by `python scripts/gen_docs.py` (a test fails when it is "
            "stale). Each word is read case-insensitively and in the plural unless marked "
            "*case matters*; the factor is exact, in SI base units. A definition comes from "
            "pint's default registry (itself from NIST SP 811 and the SI brochure) unless "
            "the source column names claimcheck's own `newsroom_units.txt`, whose comment "
            "is quoted.", "",
            "Deliberate differences from pint and GNU units: `ton` is the metric tonne "
            "and `barrel` the 42-gallon oil barrel unless `conventions:` say otherwise; "
            "`acre` is the international acre, not the US survey acre; `decade` is ten "
            "years, not a logarithmic ratio; `year` is the Julian year of 365.25 days (as "
            "in pint; numbat and GNU units use the tropical year); `points` are percentage "
            "points unless `conventions:` say index points. The output notes the readings of "
            "`ton`, `barrel` and `points` where they apply (a reader could mean another); "
            "`acre`, `decade` and `year` are read without a note, as the definitions a "
            "newsroom means (the differences are listed in tests/conformance).", "",
            "| written as | read as | in SI base units | source |", "| --- | --- | --- | --- |"]
    for written, meaning, base, source in unit_catalogue.unit_catalogue(own):
        rows.append(f"| {written} | {meaning} | {base} | {source} |")
    return "\n".join(rows) + "\n"


def _render(draw: object) -> list[str]:
    import io
    import os

    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, width=100, no_color=True, color_system=None,
                      highlight=False, force_terminal=False)
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        draw(console)  # type: ignore[operator]
    finally:
        os.chdir(cwd)
    return [line.rstrip() for line in buffer.getvalue().splitlines()]


def explain_excerpt() -> str:
    """`claimcheck explain` on the transshipment share, without the implied-figures table."""
    from claimcheck.checking.engine import analyse_text
    from claimcheck.checking.explain import explain_env
    from claimcheck.render.text_explain import render

    path = "claims/asiapress-2020-04-30-state-smuggling.yaml"
    result, env = analyse_text(path, (ROOT / path).read_text(encoding="utf-8"))
    assert env is not None
    chosen = explain_env(env, result.checks, ["transshipment-share"])
    lines = _render(lambda console: render(result, chosen, console))
    lines = lines[: lines.index("Implied figures")] if "Implied figures" in lines else lines
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(["```text", f"$ claimcheck explain {path} transshipment-share",
                      *lines, "```"])


CALC_EXAMPLES = ("about $370 million / 3.7 million tons in USD/tonne",
                 "2.8 million t / 3.7 million t == roughly 70%")


def verify_excerpt() -> str:
    """The problems-first view of the bundled claims: the first file's problems, then the
    checks named by verdict and the counts."""
    from claimcheck.api import check_paths
    from claimcheck.render.text_stream import render

    lines = _render(lambda console: render(check_paths([Path("claims")]), console,
                                           only_problems=True))
    second = next(i for i, line in enumerate(lines) if line.startswith("claims/examples/"))
    tail = next(i for i, line in enumerate(lines) if line.startswith("  inconsistent:"))
    return "\n".join(["```text", "$ claimcheck verify --only problems", *lines[:second],
                      "...", "", *lines[tail:], "```"])


def calc_excerpt() -> str:
    from claimcheck.checking.calc import calculate
    from claimcheck.render.text_calc import render

    blocks = ["```text"]
    for i, expression in enumerate(CALC_EXAMPLES):
        blocks += [""] if i else []
        blocks += [f"$ claimcheck calc {expression!r}",
                   *_render(lambda console, e=expression: render(calculate(e), console))]
    return "\n".join([*blocks, "```"])


def diagnostic_examples() -> str:
    """For each documented code, the diagnostic as verify, lint or calc renders it for a
    tiny claim file under tests/cases/."""
    import re as _re

    from claimcheck.authoring.lint import lint_text
    from claimcheck.checking.engine import check_text
    from claimcheck.render.text import diagnostic_text

    page = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    page = page.split("\n## Examples", 1)[0]
    codes = _re.findall(r"^### `([a-z-]+)`", page, _re.M)
    rendered: dict[str, tuple[str, str]] = {}
    for case in sorted((ROOT / "tests" / "cases").glob("*/*.yaml")):
        source = case.relative_to(ROOT).as_posix()
        text = case.read_text(encoding="utf-8")
        check = lint_text if case.parent.name == "lint" else check_text
        result = check(source, text)
        for d in result.all_diagnostics:
            if d.code not in rendered:
                shown = str(diagnostic_text(d, dict(result.excerpts)))
                rendered[d.code] = (source, "\n".join(x.rstrip() for x in shown.splitlines()))
    blocks = []
    for code in codes:
        blocks += [f"### `{code}`", ""]
        if code in rendered:
            source, shown = rendered[code]
            blocks += [f"From `{source}`:", "", "```text", shown, "```", ""]
        else:
            blocks += ["(shown by the command-line tests, not by a claim file)", ""]
    return "\n".join(blocks).rstrip()


def _replace_block(text: str, name: str, body: str) -> str:
    pattern = re.compile(rf"(<!-- BEGIN {name} -->\n).*?(<!-- END {name} -->)", re.S)
    return pattern.sub(lambda m: m.group(1) + body + "\n" + m.group(2), text)


def main(check: bool) -> int:
    from claimcheck.claimfile.schema import render as render_schema

    diagnostics = ROOT / "docs" / "diagnostics.md"
    targets = {
        diagnostics: _replace_block(diagnostics.read_text(encoding="utf-8"), "EXAMPLES",
                                    diagnostic_examples()),
        ROOT / "docs" / "cli.md": cli_reference() + "\n",
        ROOT / "docs" / "claim-schema.json": render_schema(),
    }
    claim_format = ROOT / "docs" / "claim-format.md"
    targets[claim_format] = _replace_block(claim_format.read_text(encoding="utf-8"), "HEDGES",
                                           hedge_table())
    targets[ROOT / "docs" / "units.md"] = unit_list()
    readme = ROOT / "README.md"
    text = _replace_block(readme.read_text(encoding="utf-8"), "HEDGES", hedge_table())
    text = _replace_block(text, "VERIFY", verify_excerpt())
    text = _replace_block(text, "EXPLAIN", explain_excerpt())
    targets[readme] = _replace_block(text, "CALC", calc_excerpt())
    stale = [p for p, new in targets.items()
             if not p.exists() or p.read_text(encoding="utf-8") != new]
    if check:
        for p in stale:
            print(f"stale: {p.relative_to(ROOT)} (run python scripts/gen_docs.py)")
        return 1 if stale else 0
    for p in stale:
        p.write_text(targets[p], encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv))
