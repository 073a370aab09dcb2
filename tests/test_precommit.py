"""The pre-commit hooks in .pre-commit-hooks.yaml, run by pre-commit itself.

A newsroom adopts claimcheck by listing this repository in its .pre-commit-config.yaml,
so what matters is what pre-commit does with the manifest, not what the manifest says:
it must validate, install the project into pre-commit's own virtualenv, pass the changed
claim files under claims/ (and nothing else) to `claimcheck lint` / `claimcheck verify`,
and turn their exit codes into Passed / Failed.  Each test builds a throwaway newsroom
repository in tmp_path and runs pre-commit in it.

pre-commit installs hooks from a commit, and `pre-commit try-repo` only carries over
tracked files (staged, or modified with `git add -u`): an uncommitted new manifest is not
seen.  So the module first commits a snapshot of this working tree (tracked and untracked
files, minus ignored ones) to a temporary repository and points pre-commit at that.  The
newsroom repositories name the snapshot in a .pre-commit-config.yaml and share one
PRE_COMMIT_HOME, so the hook environment is built once per run; one test also goes
through `pre-commit try-repo`, which always builds a fresh environment in a store of its
own.  pre-commit pip-installs the project from the package registry.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CASES, ROOT

PRE_COMMIT = str(Path(sys.executable).parent / "pre-commit")
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
HOOKS = ("claimcheck-lint", "claimcheck-verify")

GOOD = (CASES / "verdicts" / "within-hedge.yaml").read_text(encoding="utf-8")  # verify: 0
SOURCE = """\
source: {publisher: Example Wire, title: Test story, url: https://example.org/story,
         published: 2024-01-02}
"""
INCONSISTENT = SOURCE + """\
figures:
  total:
    stated: 1,000 people
    quote: "Of the 1,000 people asked,"
  part:
    stated: 800 people
    quote: "800 said yes,"
  share:
    stated: 20%
    quote: "that is 20% of them."
checks:
  - id: share-of-total
    claim: that is 20% of them
    assert: part / total == share
"""
NO_SOURCE = """\
figures:
  total:
    stated: 1,000 people
"""
# a YAML file that is not a claim file: both commands reject it (exit 2)
WORKFLOW = "on: push\njobs: {}\n"

IDENTITY = {
    "GIT_AUTHOR_NAME": "claimcheck tests",
    "GIT_AUTHOR_EMAIL": "tests@example.org",
    "GIT_COMMITTER_NAME": "claimcheck tests",
    "GIT_COMMITTER_EMAIL": "tests@example.org",
}
IGNORED = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", "*.pyc", "*.egg-info", "build", "dist", ".*_cache",
    ".hypothesis",
)


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment for git and pre-commit: a shared PRE_COMMIT_HOME, a commit
    identity, no colour, and none of the GIT_* variables of a calling git hook."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") and k != "SKIP"}
    return base | IDENTITY | {
        "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home")),
        "NO_COLOR": "1",
    }


def git(cwd: Path, env: dict[str, str], *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          check=True)
    return done.stdout.strip()


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> tuple[Path, str]:
    """This working tree committed to a temporary repository: (path, commit)."""
    dest = tmp_path_factory.mktemp("claimcheck-snapshot") / "claimcheck"
    if (ROOT / ".git").exists():
        listed = git(ROOT, env, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
        for name in filter(None, listed.split("\0")):
            src = ROOT / name
            if src.is_file():  # a tracked file may have been deleted in the working tree
                (dest / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, dest / name)
    else:  # an unpacked sdist
        shutil.copytree(ROOT, dest, ignore=IGNORED)
    git(dest, env, "init", "-q")
    git(dest, env, "add", "-A")
    git(dest, env, "commit", "-q", "--no-verify", "-m", "snapshot for the pre-commit tests")
    return dest, git(dest, env, "rev-parse", "HEAD")


def newsroom(tmp_path: Path, env: dict[str, str], files: dict[str, str]) -> Path:
    """A newsroom repository holding `files` (path: text), all staged."""
    repo = tmp_path / "newsroom"
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    git(repo, env, "init", "-q")
    git(repo, env, "add", "-A")
    return repo


def run_hooks(repo: Path, env: dict[str, str], snapshot: tuple[Path, str],
              *hooks: str) -> subprocess.CompletedProcess[str]:
    """`pre-commit run --all-files` with the snapshot's `hooks` in .pre-commit-config.yaml."""
    path, rev = snapshot
    listed = "".join(f"      - id: {hook}\n" for hook in hooks or HOOKS)
    config = repo / ".pre-commit-config.yaml"
    config.write_text(f"repos:\n  - repo: {path}\n    rev: {rev}\n    hooks:\n{listed}",
                      encoding="utf-8")
    return subprocess.run([PRE_COMMIT, "run", "--all-files", "--color=never", "--config",
                           str(config)], cwd=repo, env=env, capture_output=True, text=True,
                          timeout=600, check=False)


def hook_line(out: str, name: str) -> str:
    return next(line for line in out.splitlines() if line.startswith(name + "."))


def test_manifest_is_valid(env: dict[str, str]) -> None:
    done = subprocess.run([PRE_COMMIT, "validate-manifest", str(MANIFEST)], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_good_claims_pass_both_hooks(tmp_path: Path, env: dict[str, str],
                                     snapshot: tuple[Path, str]) -> None:
    repo = newsroom(tmp_path, env, {"claims/good.yaml": GOOD})
    done = run_hooks(repo, env, snapshot)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert hook_line(out, "claimcheck lint").endswith("Passed")
    assert hook_line(out, "claimcheck verify").endswith("Passed")


def test_schema_error_fails_lint_with_file_and_code(tmp_path: Path, env: dict[str, str],
                                                   snapshot: tuple[Path, str]) -> None:
    repo = newsroom(tmp_path, env, {"claims/good.yaml": GOOD, "claims/bad.yaml": NO_SOURCE})
    done = run_hooks(repo, env, snapshot, "claimcheck-lint")
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert hook_line(out, "claimcheck lint").endswith("Failed")
    assert "- exit code: 2" in out  # lint: a file that cannot be read
    assert "claims/bad.yaml:1:1: error[missing-key]: missing key 'source'" in out
    assert "claims/good.yaml:3:3: warning[no-quote]" in out  # both files in one run


def test_inconsistent_check_passes_lint_but_fails_verify(tmp_path: Path, env: dict[str, str],
                                                         snapshot: tuple[Path, str]) -> None:
    repo = newsroom(tmp_path, env, {"claims/good.yaml": GOOD,
                                    "claims/share.yml": INCONSISTENT})
    done = run_hooks(repo, env, snapshot)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert hook_line(out, "claimcheck lint").endswith("Passed")  # lint checks no verdicts
    assert hook_line(out, "claimcheck verify").endswith("Failed")
    assert "- exit code: 1" in out
    assert "claims/share.yml" in out and "claims/good.yaml" in out  # one run, both files
    assert "share-of-total" in out and "INCONSISTENT" in out
    assert "2 files, 3 checks: 2 within hedge (2 expected), 1 inconsistent" in out


def test_yaml_outside_claims_is_not_passed(tmp_path: Path, env: dict[str, str],
                                           snapshot: tuple[Path, str]) -> None:
    repo = newsroom(tmp_path, env, {"claims/good.yaml": GOOD,
                                    ".github/workflows/x.yml": WORKFLOW,
                                    "docs/config.yaml": WORKFLOW})
    done = run_hooks(repo, env, snapshot)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    assert "x.yml" not in out and "docs/config.yaml" not in out


def test_no_claim_files_skips_the_hooks(tmp_path: Path, env: dict[str, str],
                                        snapshot: tuple[Path, str]) -> None:
    # run with no file names, `claimcheck verify` would check ./claims or the bundled
    # claims (which fail on purpose): pre-commit must not run it at all
    repo = newsroom(tmp_path, env, {".github/workflows/x.yml": WORKFLOW})
    done = run_hooks(repo, env, snapshot)
    out = done.stdout + done.stderr
    assert done.returncode == 0, out
    for name in ("claimcheck lint", "claimcheck verify"):
        assert hook_line(out, name).endswith("(no files to check)Skipped")


def test_try_repo(tmp_path: Path, env: dict[str, str], snapshot: tuple[Path, str]) -> None:
    # what a newsroom runs before adopting the hooks; every hook in the manifest, in a
    # fresh environment of try-repo's own
    repo = newsroom(tmp_path, env, {"claims/good.yaml": GOOD, "claims/bad.yaml": INCONSISTENT,
                                    ".github/workflows/x.yml": WORKFLOW})
    done = subprocess.run([PRE_COMMIT, "try-repo", str(snapshot[0]), "--all-files",
                           "--color=never"], cwd=repo, env=env, capture_output=True, text=True,
                          timeout=600, check=False)
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert f"rev: {snapshot[1]}" in out
    assert all(f"id: {hook}" in out for hook in HOOKS)  # its generated config
    assert hook_line(out, "claimcheck lint").endswith("Passed")
    assert hook_line(out, "claimcheck verify").endswith("Failed")
    assert "claims/bad.yaml" in out and "x.yml" not in out


def test_recorded_findings_pass_and_the_lock_holds(tmp_path: Path, env: dict[str, str],
                                                  snapshot: tuple[Path, str]) -> None:
    # the setup docs/ci.md gives, on this repository's own claims, whose inconsistent
    # checks are recorded with `expect: inconsistent`
    name = "claims/asiapress-2020-04-30-state-smuggling.yaml"
    repo = newsroom(tmp_path, env, {name: (ROOT / name).read_text(encoding="utf-8")})
    claimcheck = Path(sys.executable).parent / "claimcheck"
    subprocess.run([str(claimcheck), "lock"], cwd=repo, env=env, check=True,
                   capture_output=True)
    path, rev = snapshot
    config = repo / ".pre-commit-config.yaml"
    config.write_text(f"repos:\n  - repo: {path}\n    rev: {rev}\n    hooks:\n"
                      "      - id: claimcheck-lint\n      - id: claimcheck-verify\n"
                      "      - id: claimcheck-locked\n", encoding="utf-8")
    git(repo, env, "add", "-A")

    def run() -> tuple[int, str]:
        done = subprocess.run([PRE_COMMIT, "run", "--all-files", "--color=never"], cwd=repo,
                              env=env, capture_output=True, text=True, timeout=600,
                              check=False)
        return done.returncode, done.stdout + done.stderr

    code, out = run()
    assert code == 0, out
    assert hook_line(out, "claimcheck verify --locked").endswith("Passed")
    claims = repo / name
    original = claims.read_text(encoding="utf-8")
    claims.write_text(original.replace("stated: an estimated $370 million",
                                       "stated: an estimated $440 million"), encoding="utf-8")
    code, out = run()
    assert code == 1, out
    assert hook_line(out, "claimcheck verify --locked").endswith("Failed")
    assert hook_line(out, "claimcheck verify.").endswith("Passed")  # no lock: still fine
    assert "error[lock-changed]" in out and "coal_price" in out
    # a hand edit of the lock alone is caught too
    claims.write_text(original, encoding="utf-8")
    lock = repo / "claims.lock"
    lock.write_text(lock.read_text(encoding="utf-8").replace("value = 100.0", "value = 90.0"),
                    encoding="utf-8")
    code, out = run()
    assert code == 1, out
    assert "derived figure coal_price: value moved from 90 USD/t" in " ".join(out.split())
