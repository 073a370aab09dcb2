"""Docs users can trust: generated parts are fresh, examples run, every verdict and
exit code is documented."""

from __future__ import annotations

import re
import subprocess
import sys

from claimcheck.engine import check_text
from claimcheck.report import VERDICTS, ExitStatus

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
