"""A frozen copy of the working tree to measure, and the commands run on it, timed from outside as a user runs them."""

import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# Never copied: history, the environment, build output and test caches (none is read by a build).
_SKIP_ANYWHERE = shutil.ignore_patterns(".git", ".venv", "*.zip", "__pycache__", ".pytest_cache", ".ruff_cache",
                                       "*.egg-info", "node_modules", ".cache")
_SKIP_AT_TOP = {"site", "build", "dist"}  # build output; macros/site is code


def SKIP(folder: str, names: list[str]) -> set[str]:
    skipped = set(_SKIP_ANYWHERE(folder, names))
    return skipped | (_SKIP_AT_TOP & set(names) if Path(folder).resolve() == ROOT.resolve() else set())
LINKED = (".cache",)  # downloaded packages a build may read: linked, not copied


# Left out of every command's environment. PYTHONDONTWRITEBYTECODE: an editor's Python caches the compiled modules as
# it did the installed packages' (which pip compiled), but with it set every build compiled the project's modules from
# source again, a cost the plain build, which has none, never paid (30-40 ms a build on this machine).
_NOT_PASSED_ON = ("PYTHONDONTWRITEBYTECODE",)


def environment(**extra: str) -> dict[str, str]:
    """This process's environment (read at each call, so settings made by run.py reach every command) plus `extra`."""
    inherited = {name: value for name, value in os.environ.items() if name not in _NOT_PASSED_ON}
    return {**inherited, "NO_MKDOCS_2_WARNING": "1", **extra}


def snapshot(target: Path, source: Path = ROOT) -> Path:
    """Copies the working tree (with everyone's uncommitted work) so edits made while measuring change nothing."""
    shutil.copytree(source, target, ignore=SKIP, symlinks=True)
    for name in LINKED:
        if (source / name).exists():
            (target / name).symlink_to((source / name).resolve())
    return target


def english_only(project: Path, target: Path) -> Path:
    """A copy of `project` without its translations (data/<language>/): the English edition alone, as the plain
    build's pages are."""
    from macros.data.translations import languages

    snapshot(target, source=project)
    for code in languages(target / "data"):
        shutil.rmtree(target / "data" / code)
    return target


class Timing(NamedTuple):
    """Seconds a command took: on the clock, and on the CPU (which other processes' load barely changes)."""

    wall: float
    cpu: float


def run(command: list[str], cwd: Path, timeout: float = 900, **env: str) -> Timing:
    """Runs a command to completion and times it; a failure stops the benchmark."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    _check(command, cwd, subprocess.run(command, cwd=cwd, env=environment(**env), capture_output=True, text=True,
                                        timeout=timeout, check=False))
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return Timing(wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)


def run_json(command: list[str], cwd: Path, timeout: float = 1800, **env: str) -> dict:
    """Runs a command that prints one JSON object, and returns that object."""
    result = subprocess.run(command, cwd=cwd, env=environment(**env), capture_output=True, text=True,
                            timeout=timeout, check=False)
    _check(command, cwd, result)
    return json.loads(result.stdout)


def _check(command: list[str], cwd: Path, result: subprocess.CompletedProcess) -> None:
    if result.returncode != 0:
        output = (result.stdout + result.stderr)[-4000:]
        raise SystemExit(f"benchmark: `{' '.join(map(str, command))}` failed in {cwd}:\n{output}")


def mkdocs_build(project: Path, site: Path, config: str = "mkdocs.yml", **env: str) -> Timing:
    """`mkdocs build` of `project` into `site` (strict, as mkdocs.yml asks), timed."""
    return run([PYTHON, "-m", "mkdocs", "build", "--quiet", "-f", str(project / config), "-d", str(site)], project,
               **env)


def median(values) -> float:
    return statistics.median(values)


def medians(timings: list[Timing]) -> Timing:
    """The median wall time and the median CPU time of several runs."""
    return Timing(median(t.wall for t in timings), median(t.cpu for t in timings))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())
