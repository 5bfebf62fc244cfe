"""Shared helpers: the project root, a copy of the sample data, and running the real `handbook` command."""

import http.server
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
    from macros.data.handbook import load_handbook

    return load_handbook(ROOT / "data")


@pytest.fixture(scope="session")
def served_site(site):
    """The built site over HTTP on 127.0.0.1 (a random free port), as a browser would load it."""
    import functools
    import threading

    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output to what failed
        pass


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic"]


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium, driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile per test: no storage carried over."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()
