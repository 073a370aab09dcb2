"""Score a random sample of mutmut's mutants per module, when a full run would take
hours (a mutant of the comparison or the figure reader reaches every test).

Run it in a checkout where ``mutmut run`` has generated ``mutants/`` (it may be stopped
once mutation testing starts: only the generated source is needed), from the venv that
runs mutmut (docs/testing.md):

    python scripts/mutation_sample.py --per-module 50 --seed 14 \\
        claimcheck.reading.figures claimcheck.checking.comparison

Each sampled mutant is run against the fast test subset (``[tool.mutmut]`` tests_dir) in
its own process, ``-x`` so that a killed mutant stops at the first failing test; two at a
time.  Prints, per module, how many of the sample were killed and lists each survivor
with the changed lines, for the reasons in docs/testing.md.
"""

from __future__ import annotations

import argparse
import difflib
import os
import random
import re
import subprocess
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

KEY = re.compile(r"\['(x[^']*__mutmut_\d+)'\] = ")


def mutants_of(module: str) -> list[str]:
    path = Path("mutants/src", *module.split(".")).with_suffix(".py")
    return [f"{module}.{key}" for key in KEY.findall(path.read_text(encoding="utf-8"))]


def run(name: str, tests: list[str], timeout: int) -> tuple[str, str]:
    env = {**os.environ, "MUTANT_UNDER_TEST": name, "PYTHONPATH": "src",
           "HYPOTHESIS_PROFILE": "mutation"}
    try:
        done = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p",
                               "no:cacheprovider", *tests], cwd="mutants", env=env,
                              capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return name, "timeout"
    return name, "survived" if done.returncode == 0 else "killed"


def diff(name: str) -> str:
    """The lines a mutant changes, from the generated source."""
    module, key = name.rsplit(".", 1)
    text = Path("mutants/src", *module.split(".")).with_suffix(".py").read_text("utf-8")
    function = key.rsplit("__mutmut_", 1)[0]

    def body(suffix: str) -> list[str]:
        start = rf"^(?:    )?def {re.escape(function)}__mutmut_{suffix}\("
        found = re.search(start + r".*?(?=^\S|^    def |\Z)", text, re.S | re.M)
        return found.group(0).splitlines()[1:] if found else []

    lines = difflib.unified_diff(body("orig"), body(key.rsplit("_", 1)[1]), lineterm="", n=0)
    return "\n".join(f"    {line}" for line in lines if line[:1] in "+-" and line[:3] not in
                     ("+++", "---"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="+", help="dotted module names")
    parser.add_argument("--per-module", type=int, default=50)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--timeout", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=2)
    opts = parser.parse_args()
    config = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))
    tests = config["tool"]["mutmut"]["tests_dir"]
    rng = random.Random(opts.seed)
    for module in opts.modules:
        names = mutants_of(module)
        sample = sorted(rng.sample(names, min(opts.per_module, len(names))))
        with ThreadPoolExecutor(opts.jobs) as pool:
            results = dict(pool.map(lambda n: run(n, tests, opts.timeout), sample))
        killed = sum(r != "survived" for r in results.values())
        print(f"{module}: {len(names)} mutants, sample {len(sample)}, killed {killed} "
              f"({100 * killed / len(sample):.0f}%)", flush=True)
        for name, result in results.items():
            if result == "survived":
                print(f"  survived {name}\n{diff(name)}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
