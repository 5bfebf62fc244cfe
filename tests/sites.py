"""Builds handbook sites for tests: the real one, or a copy of the project with other data or code."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = [sys.executable, "-m", "mkdocs"]


def copy_project(target: Path, data: Path | None = None) -> Path:
    """A copy of the site's sources (config, docs, macros) in `target`, with `data` or the real data."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target)
    for folder in ("docs", "macros", "overrides"):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(data or ROOT / "data", target / "data")
    return target


def build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `site`, as a user would run it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([*MKDOCS, "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                          cwd=project, capture_output=True, text=True, timeout=300, env=env)


def run_script(project: Path, script: str, *args: str, pdf_cache: Path) -> str:
    """The output of a Python `script` (with `args`) run in `project` as a process of its own, making its PDFs into
    `pdf_cache`; the test fails with the script's errors if it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_PDF_CACHE": str(pdf_cache)}
    result = subprocess.run([sys.executable, "-c", script, *args], cwd=project, capture_output=True, text=True,
                            timeout=300, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout
