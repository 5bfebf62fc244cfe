"""Under a real `mkdocs serve`, a bad data edit shows only path:line lines, and the next good save is served."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

from conftest import SAMPLE_DATA
from sites import copy_project, run_script

WAIT = 120  # seconds for a build; the first one makes the sample's PDFs


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_until(check, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_a_bad_edit_is_reported_as_lines_and_the_next_good_save_is_served(tmp_path):
    project = copy_project(tmp_path / "project", data=SAMPLE_DATA)
    roles = project / "data" / "roles.yml"
    good = roles.read_text(encoding="utf-8")
    port = free_port()
    log_path = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_PDF_CACHE": str(tmp_path / "pdf-cache")}
    with log_path.open("w") as log:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    home = f"http://127.0.0.1:{port}/"
    try:
        wait_until(lambda: "</html>" in page(home), "the first build")
        time.sleep(1)  # serve's watcher goes idle between saves
        roles.write_text(good.replace("  title: ", "  title: [unclosed ", 1), encoding="utf-8")
        wait_until(lambda: "problem(s)" in log_path.read_text(), "the bad edit to be reported")
        time.sleep(2)  # anything else a process had to say about it (the PDFs' background process included)
        roles.write_text(good.replace("title: Sample role", "title: Mended role"), encoding="utf-8")
        wait_until(lambda: "Mended role" in page(home + "roles/"), "the good save to be served")
    finally:
        server.terminate()
        server.wait(30)
    output = log_path.read_text()
    assert "Traceback" not in output, output
    # Both saves were heard through inotify (macros/site/live_reload.py), not MkDocs's twice-a-second polling, and
    # only they were: a build reading the watched files is no change (the first build, then one per save).
    assert "Watching for changes with the system's file events" in output, output
    assert output.count("Building documentation") == 3, output
    assert "data/roles.yml:" in output, output
    problem_lines = output[output.index("problem(s)"):].splitlines()[1:]
    reported = [line for line in problem_lines if line.startswith("data/")]
    assert reported and all(line.split(":")[1].isdigit() for line in reported), output


def test_background_work_under_serve_yields_the_cores_to_the_next_rebuild(monkeypatch, tmp_path):
    """The PDFs and translations `mkdocs serve` makes behind a reload run at a lower priority than the rebuilds."""
    from macros.output import pdf
    from macros.site import editions

    probe = "from macros.output.pdf import lower_priority; import os; before = os.nice(0); lower_priority(); " \
            "print(os.nice(0) - before)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == str(pdf.BACKGROUND_NICENESS)

    started = []
    monkeypatch.setattr(editions.threading, "Thread", lambda **kwargs: started.append(kwargs) or type(
        "Idle", (), {"start": lambda self: None})())
    monkeypatch.setattr(editions, "translations", lambda project: ["zh"])
    config = type("Config", (), {"config_file_path": str(tmp_path / "mkdocs.yml"), "site_dir": str(tmp_path / "site"),
                                 "strict": True})()
    editions.build_translations(config, in_background=True)
    assert started and started[0]["kwargs"]["env"][editions.IN_BACKGROUND] == "1"


REBUILDS = """
import os, sys
from pathlib import Path
from mkdocs.commands import build
from mkdocs.config import load_config

def rebuild():
    config = load_config("mkdocs.yml", site_dir="site")
    config.plugins.on_startup(command="serve", dirty=False)
    build.build(config, serve_url="http://127.0.0.1:8000/")
    pages = sorted(Path("site/start").glob("*/index.html"))
    return sys.modules["macros.data.models"], pages[0].read_text(encoding="utf-8")

first, _ = rebuild()
roles = Path("data/roles.yml")
roles.write_text(roles.read_text(encoding="utf-8") + "\\n", encoding="utf-8")
after_data_edit, _ = rebuild()
print("data edit kept the package:", after_data_edit is first)
start = Path("macros/render/start.py")
start.write_text(start.read_text(encoding="utf-8").replace("'What to do first'", "'What to do first (edited)'"),
                 encoding="utf-8")
after_code_edit, page = rebuild()
print("code edit imported it again:", after_code_edit is not first, "(edited)" in page)
"""


def test_a_serve_rebuild_imports_the_code_again_only_after_it_changed(tmp_path):
    """hooks.on_config: a data edit reuses the imported package; an edit to macros/ is running at the next rebuild."""
    project = copy_project(tmp_path / "project", data=SAMPLE_DATA)
    assert "'What to do first'" in (project / "macros" / "render" / "start.py").read_text(encoding="utf-8")
    shown = run_script(project, REBUILDS, pdf_cache=tmp_path / "pdf")
    assert "data edit kept the package: True" in shown
    assert "code edit imported it again: True True" in shown
