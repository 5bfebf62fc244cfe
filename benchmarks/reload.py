"""Live reload: seconds from saving a YAML file to `mkdocs serve` serving the rebuilt page with the change."""

import re
import secrets
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

from .project import PYTHON, environment, free_port

POLL = 0.01  # seconds between requests while waiting for the new page


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None  # not up yet, or between builds


def wait_for(url: str, text: str, timeout: float) -> float:
    """Polls `url` until its body contains `text`; returns when that happened (perf_counter seconds)."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        body = fetch(url)
        if body is not None and text in body:
            return time.perf_counter()
        time.sleep(POLL)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout:.0f} s")


def edit_role_summary(roles_file: Path, marker: str) -> None:
    """Saves roles.yml with `marker` at the start of the first role's summary, as an editor's save would."""
    roles = yaml.load(roles_file.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    original = roles[0]["summary"].split(" ", 1)[1] if roles[0]["summary"].startswith("Zqx") else roles[0]["summary"]
    roles[0]["summary"] = f"{marker} {original}"
    roles_file.write_text(yaml.safe_dump(roles, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")


BUILT_IN = re.compile(r"Documentation built in ([\d.]+) seconds")


def rebuild_times(project: Path) -> list[float]:
    """The rebuilds after each save, as `mkdocs serve` logged them in serve.log (the first, full build left out):
    the part of a reload the handbook's code decides. The rest is hearing of the save (inotify, macros/site/
    live_reload.py), waiting 0.03 s for more changes (live_reload.SETTLE), and reading mkdocs.yml again before it
    rebuilds."""
    return [float(found) for found in BUILT_IN.findall((project / "serve.log").read_text(errors="replace"))[1:]]


def measure(project: Path, runs: int, settle: float = 1.0) -> list[float]:
    """Starts `mkdocs serve` on a free port, edits data/roles.yml `runs` times and times each reload."""
    roles_file = project / "data" / "roles.yml"
    first_role = yaml.safe_load(roles_file.read_text(encoding="utf-8"))[0]["id"]
    port = free_port()
    url = f"http://127.0.0.1:{port}/roles/{first_role}/"
    log = (project / "serve.log").open("w")
    server = subprocess.Popen([PYTHON, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=environment(), stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(url, "</html>", timeout=600)  # the first full build
        latencies = []
        for _ in range(runs):
            time.sleep(settle)  # let the server go idle, as between an editor's saves
            marker = f"Zqx{secrets.token_hex(4)}"  # one word no glossary term can wrap in <abbr>
            edit_role_summary(roles_file, marker)
            saved = time.perf_counter()
            latencies.append(wait_for(url, marker, timeout=600) - saved)
        return latencies
    except TimeoutError as error:
        log.flush()
        raise SystemExit(f"benchmark: {error}; the end of `mkdocs serve`'s output:\n"
                         f"{(project / 'serve.log').read_text(errors='replace')[-3000:]}") from None
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
