"""Measure what users wait for: start-up and checking speed.  Not run by the tests.

    python scripts/bench.py            # cold --help, verify on the bundled claims, N copies
    python scripts/bench.py --copies 1000
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLAIM = ROOT / "claims" / "asiapress-2020-04-30-state-smuggling.yaml"


def timed(args: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, capture_output=True, check=False)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--copies", type=int, default=200)
    opts = parser.parse_args()
    py = sys.executable
    print(f"python -c pass          {timed([py, '-c', 'pass'], opts.runs) * 1000:8.0f} ms")
    help_time = timed([py, "-m", "claimcheck", "--help"], opts.runs)
    print(f"claimcheck --help       {help_time * 1000:8.0f} ms")
    one = timed([py, "-m", "claimcheck", "verify", str(CLAIM)], opts.runs)
    print(f"verify (1 file)         {one * 1000:8.0f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(opts.copies):
            shutil.copy(CLAIM, Path(tmp) / f"claim-{i:05d}.yaml")
        many = timed([py, "-m", "claimcheck", "verify", "-f", "json", tmp], 1)
    per_file = (many - one) / max(1, opts.copies - 1)
    print(f"verify ({opts.copies} files)     {many * 1000:8.0f} ms  "
          f"(~{per_file * 1000:.1f} ms per extra file)")


if __name__ == "__main__":
    main()
