"""Shared helpers: the project root, a copy of the sample data, and running the real `handbook` command."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DATA = ROOT / "tests" / "fixtures" / "minimal"


@pytest.fixture
def sample_data(tmp_path) -> Path:
    """A writable copy of the smallest complete data set."""
    target = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA, target)
    return target


def run_handbook(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Runs the installed CLI as a user would, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "macros.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=60
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real handbook, built once per test run with `mkdocs build --strict`."""
    from sites import build

    target = tmp_path_factory.mktemp("site")
    result = build(ROOT, target)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return target


@pytest.fixture(scope="session")
def handbook():
    """The real data, loaded and checked."""
    from macros.handbook import load_handbook

    return load_handbook(ROOT / "data")
