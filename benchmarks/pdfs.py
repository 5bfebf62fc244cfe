"""Seconds WeasyPrint takes for each PDF the site offers, as JSON (run by benchmarks/run.py in the project copy).

Usage: python -m benchmarks.pdfs RUNS
"""

import json
import sys
import time
from pathlib import Path


def measure(runs: int) -> dict:
    """Each PDF target made `runs` times, after one untimed PDF that loads WeasyPrint and its fonts."""
    try:
        from macros.data import edition
        from macros.output import paths, pdf
    except ImportError as error:  # the PDFs are not built yet on this commit
        return {"missing": str(error)}
    from macros.data.handbook import load_handbook

    handbook = load_handbook(Path.cwd() / "data")
    targets = pdf.targets(handbook, edition.current(Path.cwd()))
    pdf.render(targets[0])
    seconds: dict[str, list[float]] = {}
    for _ in range(runs):
        for target in targets:
            start = time.perf_counter()
            pdf.render(target)
            seconds.setdefault(target.path, []).append(time.perf_counter() - start)
    return {"seconds": seconds, "handbook": paths.HANDBOOK_PDF}


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]))))
