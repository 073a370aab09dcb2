"""Docs users can trust: generated parts are fresh, examples run, every verdict and
exit code is documented."""

from __future__ import annotations

import re
import subprocess
import sys

from claimcheck.checking.engine import check_text
from claimcheck.checking.report import VERDICTS, ExitStatus

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
FORMAT = (ROOT / "docs" / "claim-format.md").read_text(encoding="utf-8")


def test_generated_docs_are_fresh() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_docs.py"), "--check"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_readme_quick_start_has_exactly_the_two_commands() -> None:
    commands = [c.strip() for c in re.findall(r"```sh\n(.*?)\n *```", README, re.S)]
    assert len(commands) == 2
    assert commands[0].endswith("claimcheck verify")
    assert "pip install -e '.[test]'" in commands[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci  # CI runs the README's test command verbatim


def test_every_verdict_and_exit_code_is_documented() -> None:
    for verdict in VERDICTS:
        assert f"`{verdict}`" in README
    for status in ExitStatus:
        assert f"| {int(status)} |" in README


def test_claim_format_first_example_is_a_clean_claim_file() -> None:
    example = re.findall(r"```yaml\n(.*?)```", FORMAT, re.S)[0]
    result = check_text("docs/claim-format.md", example)
    assert result.readable and result.all_diagnostics == []
    assert result.checks and all(c.verdict == c.expected for c in result.checks
                                 if c.expected)
    # the sentence the doc shows under the example is the one verify prints
    shown = re.search(r"explains the check in one sentence:\n\n```\n(.*?)\n```", FORMAT, re.S)
    assert shown is not None
    first = result.checks[0]
    assert " ".join(shown.group(1).split()) == f"1. {first.id}: {first.explanation}"


DIAGNOSTICS = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
_CODE_PATTERNS = (
    r'(?:fail|Diagnostic|TextError|self\.error|error)\(\s*"([a-z][a-z-]+)"',
    r'code\s*=\s*"([a-z][a-z-]+)"',
    r'"((?:yaml|file)-[a-z-]+)"',
    r"error\[([a-z-]+)\]",
    r'code, problem = "([a-z-]+)"',
    r'code: str = "([a-z-]+)"',
)


def _codes_in_source() -> set[str]:
    codes: set[str] = set()
    for path in (ROOT / "src" / "claimcheck").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for pattern in _CODE_PATTERNS:
            codes.update(re.findall(pattern, text))
    return codes - {"code"}  # the placeholder in "error[code]" in a docstring


def test_every_diagnostic_code_is_documented() -> None:
    documented = set(re.findall(r"^### `([a-z-]+)`", DIAGNOSTICS, re.M))
    codes = _codes_in_source()
    assert len(codes) > 20
    assert codes <= documented, sorted(codes - documented)


def test_every_golden_case_code_is_documented() -> None:
    documented = set(re.findall(r"^### `([a-z-]+)`", DIAGNOSTICS, re.M))
    for golden in (ROOT / "tests" / "cases").glob("*/*.txt"):
        for code in re.findall(r"(?:error|warning)\[([a-z-]+)\]", golden.read_text("utf-8")):
            assert code in documented, (golden.name, code)


def _doc_error_blocks() -> list[list[str]]:
    lines = FORMAT.splitlines()
    blocks, i = [], 0
    while i < len(lines):
        if lines[i] == "```":
            j = lines.index("```", i + 1)
            if re.match(r"[\w.-]+\.yaml:\d+:\d+: error\[", lines[i + 1]):
                blocks.append(lines[i + 1 : j])
            i = j + 1
        else:
            i += 1
    return blocks


def test_claim_format_error_examples_are_real() -> None:
    """Every error shown under "Common mistakes" is what verify prints for the example
    file kept in tests/fixtures/claim-format/."""
    from claimcheck.render.text import diagnostic_text

    blocks = _doc_error_blocks()
    assert len(blocks) >= 8
    folder = ROOT / "tests" / "fixtures" / "claim-format"
    for block in blocks:
        name = block[0].split(":")[0]
        text = (folder / name).read_text(encoding="utf-8")
        result = check_text(name, text)
        rendered = [str(diagnostic_text(d, dict(result.excerpts)))
                    for d in result.all_diagnostics]
        expected = "\n".join(line.rstrip() for line in block)
        assert expected in rendered, (name, rendered)
