"""Run the fuzz harness (tests/fuzz/) for a while, with fresh seeds each round.

    python scripts/fuzz.py --minutes 15

Each round runs every property with many examples (CLAIMCHECK_FUZZ_EXAMPLES, 2,000 by
default) and a new random seed; the run stops at the first failure and prints
hypothesis's minimal example.  Turn a finding into a case in tests/hostile/cases.yaml,
fix it at its root, and run again (docs/testing.md).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=15.0, help="how long to run")
    parser.add_argument("--examples", type=int, default=2000,
                        help="examples per property per round")
    args = parser.parse_args(argv)
    deadline = time.monotonic() + args.minutes * 60
    rounds = 0
    while time.monotonic() < deadline:
        seed = random.SystemRandom().randrange(2**32)
        rounds += 1
        print(f"round {rounds}: seed {seed}", flush=True)
        env = {**os.environ, "CLAIMCHECK_FUZZ_EXAMPLES": str(args.examples)}
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
             f"--hypothesis-seed={seed}", str(ROOT / "tests" / "fuzz")],
            cwd=ROOT, env=env, check=False)
        if done.returncode != 0:
            print(f"finding in round {rounds} (seed {seed}): see the example above")
            return 1
    print(f"{rounds} rounds, no finding")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
