"""Times `load_handbook` in this process and reports its peak memory, as JSON (run by benchmarks/run.py).

Usage: python -m benchmarks.loadtime DATA_DIR RUNS
"""

import gc
import json
import resource
import sys
import time
import tracemalloc
from pathlib import Path

from macros.handbook import load_handbook


def measure(data: Path, runs: int) -> dict:
    """Wall and CPU seconds of each load, then one more load under tracemalloc for its peak allocation."""
    load_handbook(data)  # first call pays for lazy imports and caches, as a long-lived process would not
    walls, cpus = [], []
    for _ in range(runs):
        gc.collect()
        wall, cpu = time.perf_counter(), time.process_time()
        load_handbook(data)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    gc.collect()
    tracemalloc.start()
    handbook = load_handbook(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"wall": walls, "cpu": cpus, "peak_bytes": peak, "records": sum(handbook.counts().values()),
            "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), int(sys.argv[2]))))
