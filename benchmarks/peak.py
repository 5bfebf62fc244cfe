"""Runs one command and prints, as JSON, its wall and CPU seconds and the peak RSS of its process tree.

Usage: python -m benchmarks.peak COMMAND...

A process of its own because getrusage(RUSAGE_CHILDREN) keeps the largest RSS of every child ever waited for: in
benchmarks/run.py that would be the largest of all earlier measurements. ru_maxrss is the largest single process of
the tree (a build and any PDF or translation process it waits for), not their sum.
"""

import json
import resource
import subprocess
import sys
import time


def measure(command: list[str]) -> dict:
    start = time.perf_counter()
    result = subprocess.run(command, stdout=sys.stderr, check=False)  # stdout is for the JSON only
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"returncode": result.returncode, "wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
            "max_rss_kb": usage.ru_maxrss}


if __name__ == "__main__":
    outcome = measure(sys.argv[1:])
    print(json.dumps(outcome))
    sys.exit(outcome["returncode"])
