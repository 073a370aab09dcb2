"""docs/ci.md uses only what is tested: its workflow YAML validates against the GitHub
and GitLab schemas (SchemaStore copies under tests/fixtures/schemas/), its pre-commit
config against pre-commit itself, its TOML against claimcheck and pytest, and every
`claimcheck` command in it runs on a copy of the bundled claims."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from claimcheck.claimfile.config import load
from claimcheck.cli import app

from .conftest import ROOT

DOC = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
SCHEMAS = ROOT / "tests" / "fixtures" / "schemas"
runner = CliRunner()


def _blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", DOC, re.S | re.M)


def _section(heading: str, language: str) -> str:
    part = DOC.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(rf"^```{language}\n(.*?)^```", part, re.S | re.M)
    return str(block)


def _yaml(text: str) -> Any:
    data = yaml.safe_load(text)
    if isinstance(data, dict) and True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def _validator(name: str) -> jsonschema.Draft7Validator:
    schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return jsonschema.Draft7Validator(schema)


def _commands() -> list[str]:
    found = []
    for block in _blocks("yaml") + _blocks("sh"):
        for line in block.splitlines():
            m = re.search(r"(?:run: |- |^)(claimcheck .*)$", line.strip())
            if m:
                found.append(m.group(1))
    return found


@pytest.fixture
def newsroom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "400")
    assert runner.invoke(app, ["lock"]).exit_code == 0
    return tmp_path


def test_github_workflow_is_valid() -> None:
    workflow = _yaml(_section("GitHub Actions", "yaml"))
    _validator("github-workflow.json").validate(workflow)
    steps = workflow["jobs"]["claimcheck"]["steps"]
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)


def test_gitlab_ci_is_valid() -> None:
    pipeline = _yaml(_section("GitLab CI", "yaml"))
    _validator("gitlab-ci.json").validate(pipeline)
    assert pipeline["claimcheck"]["artifacts"]["reports"]["junit"] == "claimcheck.xml"


def test_every_command_runs_on_the_bundled_claims(newsroom: Path) -> None:
    commands = _commands()
    assert len(commands) >= 5
    for command in commands:
        args = shlex.split(command)[1:]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (command, result.output)
        for i, arg in enumerate(args):
            if arg in ("-o", "--output"):
                assert (newsroom / args[i + 1]).stat().st_size > 0, command


def test_the_shell_script_runs(newsroom: Path) -> None:
    script = _section("A plain shell", "sh")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}"
                                 f"{os.environ.get('PATH', '')}"}
    done = subprocess.run(["sh", "-c", script], cwd=newsroom, env=env, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads((newsroom / "claimcheck.json").read_text(encoding="utf-8"))[
        "summary"]["exit_code"] == 0


def test_the_lock_example_is_what_verify_prints(newsroom: Path) -> None:
    example = _section("The lock: arithmetic that stays put", "text").splitlines()[0]
    claims = newsroom / "claims" / "asiapress-2020-04-30-state-smuggling.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace(
        "stated: an estimated $370 million", "stated: an estimated $440 million"),
        encoding="utf-8")
    result = runner.invoke(app, ["verify", "--locked", str(claims.relative_to(newsroom))])
    assert result.exit_code == 1
    assert example in result.output


def test_toml_blocks(tmp_path: Path) -> None:
    settings, pytest_ini = (tomllib.loads(b) for b in _blocks("toml"))
    (tmp_path / "claimcheck.toml").write_text(_blocks("toml")[0], encoding="utf-8")
    assert load(tmp_path).fail_on == settings["fail-on"] == "inconsistent"
    assert pytest_ini["tool"]["pytest"]["ini_options"]["claimcheck_paths"] == ["claims"]


def test_pre_commit_config_is_valid(tmp_path: Path) -> None:
    config = tmp_path / ".pre-commit-config.yaml"
    config.write_text(_section("pre-commit", "yaml"), encoding="utf-8")
    pre_commit = Path(sys.executable).parent / "pre-commit"
    done = subprocess.run([str(pre_commit), "validate-config", str(config)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    named = {h["id"] for r in yaml.safe_load(config.read_text())["repos"] for h in r["hooks"]}
    assert named <= {h["id"] for h in hooks}
