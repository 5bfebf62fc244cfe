"""Times `load_handbook` in this process, or reports its peak memory, as JSON (run by benchmarks/run.py).

Usage: python -m benchmarks.loadtime DATA_DIR RUNS         wall and CPU seconds of each of RUNS loads
       python -m benchmarks.loadtime DATA_DIR --memory     peak memory of one load
"""

import gc
import json
import resource
import sys
import time
import tracemalloc
from pathlib import Path

from macros.data.handbook import load_handbook


def warm_up() -> None:
    """Loads the real data once, so lazy imports and caches are paid for before anything is timed."""
    load_handbook(Path.cwd() / "data")


class CollectorClock:
    """CPU seconds the cycle collector spends, and its full (generation 2) passes, while installed: the collector is
    left as the code under test sets it, and this says how much of a load it took."""

    def __init__(self):
        self.seconds, self.full_passes, self._start = 0.0, 0, 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._start = time.process_time()
            return
        self.seconds += time.process_time() - self._start
        self.full_passes += info["generation"] == 2


def timings(data: Path, runs: int) -> dict:
    """Each load's wall and CPU seconds, its CPU seconds in user mode and in the kernel apart, and the page faults it
    took (new memory the kernel zeroes for it: what the kernel time is, and the first load of a process takes most)."""
    times: dict[str, list] = {"wall": [], "cpu": [], "user": [], "kernel": [], "faults": []}
    collector = CollectorClock()
    for _ in range(runs):
        gc.collect()
        gc.callbacks.append(collector)
        wall, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
        handbook = load_handbook(data)
        times["wall"].append(time.perf_counter() - wall)
        after = resource.getrusage(resource.RUSAGE_SELF)
        gc.callbacks.remove(collector)
        times["user"].append(after.ru_utime - before.ru_utime)
        times["kernel"].append(after.ru_stime - before.ru_stime)
        times["cpu"].append(times["user"][-1] + times["kernel"][-1])
        times["faults"].append(after.ru_minflt - before.ru_minflt)
        records = sum(handbook.counts().values())
        del handbook  # freed here, not inside the next timed load
    return {**times, "records": records, "gc_seconds": collector.seconds, "gc_full_passes": collector.full_passes}


def memory(data: Path) -> dict:
    """tracemalloc's peak during one load (slows it, so never timed), and the process's peak RSS."""
    gc.collect()
    tracemalloc.start()
    load_handbook(data)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"peak_bytes": peak, "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}


if __name__ == "__main__":
    warm_up()
    folder = Path(sys.argv[1])
    print(json.dumps(memory(folder) if sys.argv[2] == "--memory" else timings(folder, int(sys.argv[2]))))
