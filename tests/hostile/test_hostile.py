"""Every class of failure fuzzing found (issue 10), kept fixed: each reproducer runs as its
own `claimcheck` process in a fresh folder, within 2 seconds and 200 MB, with the exit
status and output it must give.  The cases are data: tests/hostile/cases.yaml."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CASES = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))
SECONDS = 2.0
MEGABYTES = 200
# The run reports its own peak memory at exit: VmHWM belongs to the process's address
# space, which exec starts afresh.  ru_maxrss (RUSAGE_CHILDREN, or wait4's) would carry
# the test session's own peak into every child, since fork copies it.
_PEAK = ("import atexit, os\n"
         "def _peak():\n"
         "    if 'CLAIMCHECK_TEST_PEAK' in os.environ:\n"
         "        line = next(l for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
         "        open(os.environ['CLAIMCHECK_TEST_PEAK'], 'w').write(line.split()[1])\n"
         "atexit.register(_peak)\n"
         "from claimcheck.cli import main\n"
         "main()\n")
COMMAND = [sys.executable, "-c", _PEAK]


@pytest.fixture(scope="module")
def startup() -> float:
    """The time a trivial run takes here (Python, pint, rich: some 0.4 s, more on a loaded
    CI machine): the 2 seconds are each case's own work on top of it."""
    times = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([*COMMAND, "calc", "1 t"], capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return min(times)


def _chain(n: int) -> str:
    lines = ["source: {publisher: W, url: https://e.org, published: 2024}", "figures:",
             "  d0: {stated: 1 t}", "derived:"]
    lines += [f"  d{i}: {{expr: d{i - 1} + d{i - 1}}}" if i <= 24 else
              f"  d{i}: {{expr: d{i - 1} * 1}}" for i in range(1, n + 1)]
    return "\n".join([*lines, "checks:", f"  - {{id: c, claim: x, assert: d{n} > 0 t}}"]) + "\n"


def _sum(n: int) -> str:
    lines = ["source: {publisher: W, url: https://e.org, published: 2024}", "figures:"]
    lines += [f"  a{i}: {{stated: {i + 1} t}}" for i in range(n)]
    total = ", ".join(f"a{i}" for i in range(n))
    return "\n".join([*lines, "  total: {stated: 1000 t}", "checks:",
                      f"  - {{id: c, claim: x, assert: 'sum({total}) == total'}}"]) + "\n"


def _content(spec: Any) -> bytes:
    if isinstance(spec, str):
        return spec.encode("utf-8", "surrogatepass")
    if "copy" in spec:
        return (ROOT / spec["copy"]).read_bytes()
    if "repeat" in spec:
        body = spec.get("before", "") + spec["repeat"] * spec["times"] + spec.get("after", "")
        return body.encode("utf-8")
    if "chain" in spec:
        return _chain(spec["chain"]).encode("utf-8")
    if "sum" in spec:
        return _sum(spec["sum"]).encode("utf-8")
    raise ValueError(f"unknown file spec {spec!r}")


def _make(folder: Path, files: dict[str, Any]) -> None:
    for name, spec in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(spec, dict) and "symlink" in spec:
            path.symlink_to(spec["symlink"])
        elif isinstance(spec, dict) and spec.get("fifo"):
            os.mkfifo(path)
        elif isinstance(spec, dict) and spec.get("folder"):
            path.mkdir()
        else:
            path.write_bytes(_content(spec))


def _lookup(doc: Any, dotted: str) -> Any:
    for key in dotted.split("."):
        doc = doc[key]
    return doc


def _run(args: list[str], cwd: Path, stdin: bytes,
         env: dict[str, str]) -> tuple[int, str, float, float]:
    """Run one case; return its exit status, output, seconds and the peak memory (MB) of
    that process alone (see _PEAK)."""
    peak_file = Path(tempfile.mkdtemp()) / "peak"
    env = {**env, "CLAIMCHECK_TEST_PEAK": str(peak_file)}
    with tempfile.TemporaryFile() as given, tempfile.TemporaryFile() as output:
        given.write(stdin)
        given.seek(0)
        started = time.perf_counter()
        process = subprocess.Popen([*COMMAND, *args], cwd=cwd, stdin=given, stdout=output,
                                   stderr=subprocess.STDOUT, env=env)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - started > 60:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.01)
        elapsed = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait again
        output.seek(0)
        out = output.read().decode("utf-8", "replace")
    peak = int(peak_file.read_text()) / 1024 if peak_file.exists() else 0.0  # kB
    del usage
    return process.returncode, out, elapsed, peak


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_hostile_input(case: dict[str, Any], tmp_path: Path, startup: float) -> None:
    _make(tmp_path, case.get("files", {}))
    before = {name: (tmp_path / name).read_bytes() for name in case.get("unchanged", [])}
    stdin = _content(case["stdin"]) if "stdin" in case else b""
    env = {**os.environ, "NO_COLOR": "1", **case.get("env", {})}
    env.pop("COLUMNS", None)
    status, out, elapsed, peak = _run(case["run"], tmp_path, stdin, env)
    assert "Traceback" not in out, out
    assert status == case["exit"], out
    for text in case.get("out_has", []):
        assert text in out, (text, out)
    for text in case.get("out_lacks", []):
        assert text not in out, (text, out)
    for name, texts in case.get("file_lacks", {}).items():
        written = (tmp_path / name).read_text(encoding="utf-8")
        for text in texts:
            assert text not in written, (name, text)
    for name, content in before.items():
        assert (tmp_path / name).read_bytes() == content, f"{name} was changed"
    for name, expected in case.get("valid_yaml", {}).items():
        doc = yaml.safe_load((tmp_path / name).read_text(encoding="utf-8"))
        for dotted, value in expected.items():
            assert _lookup(doc, dotted) == value, (dotted, _lookup(doc, dotted))
    assert elapsed - startup < SECONDS, f"took {elapsed:.1f} s ({startup:.1f} s to start)"
    assert peak < MEGABYTES, f"a run reached {peak:.0f} MB"
