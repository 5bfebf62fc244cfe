"""The results table: printed by `make bench` and written, with where and when it was measured, to RESULTS.md."""

import os
import platform
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "RESULTS.md"


@dataclass(frozen=True)
class Row:
    """One measured figure, with its target (if it has one) and whether the target is met (None: no target)."""

    section: str
    measure: str
    result: str
    target: str = ""
    met: bool | None = None

    @property
    def verdict(self) -> str:
        return {True: "met", False: "**MISSED**", None: ""}[self.met]


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def kilobytes(value: int) -> str:
    return f"{value / 1000:.1f} KB"


def megabytes(value: int) -> str:
    return f"{value / 1e6:.1f} MB"


def commit() -> str:
    """HEAD's short hash, and how many files differ from it (others' work in progress is measured too)."""
    def git(*args):
        return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=False).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    results = RESULTS.relative_to(ROOT).as_posix()  # this file itself is not a change that was measured
    changed = len([line for line in git("status", "--porcelain").splitlines() if not line.endswith(results)])
    return f"{head}" + (f" with {changed} uncommitted file(s)" if changed else "")


def context(runs: int, load_before: str, load_after: str) -> list[str]:
    """Where and when: the lines above the table."""
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("mkdocs", "mkdocs-material",
                                                                         "mkdocs-macros-plugin", "pydantic"))
    return [
        f"- Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on commit {commit()}",
        f"- Machine: {os.cpu_count()} CPU cores, {platform.machine()}, Python {platform.python_version()}; {versions}",
        (f"- Load average (1, 5, 15 min) at start: {load_before}; at end: {load_after} "
         "(other engineers' test runs share these cores, so figures are medians)"),
        f"- Medians of {runs} run(s) unless a row says otherwise",
    ]


def table(rows: list[Row]) -> str:
    lines = ["| Area | Measure | Result | Target | |", "| --- | --- | --- | --- | --- |"]
    lines += [f"| {r.section} | {r.measure} | {r.result} | {r.target} | {r.verdict} |" for r in rows]
    return "\n".join(lines)


def write(rows: list[Row], header: list[str], notes: list[str]) -> str:
    """The whole RESULTS.md text, also returned for printing."""
    body = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`benchmarks/run.py`); never edit this file by hand, run the benchmark again.",
        "",
        *header,
        "",
        table(rows),
        "",
        "## How each figure is measured",
        "",
        *[f"- {note}" for note in notes],
        "",
    ]
    text = "\n".join(body)
    RESULTS.write_text(text, encoding="utf-8")
    return text
