"""The site as published: `make dist`'s .gz files beside a build, served by Debian's nginx with publish/nginx.conf."""

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .project import ROOT, free_port

NGINX = Path("/usr/sbin/nginx")
TEMPLATE = ROOT / "publish" / "nginx.conf"
PRECOMPRESS = ROOT / "publish" / "precompress.sh"
PLACEHOLDERS = "$HANDBOOK_ROOT $HANDBOOK_PORT"  # the list publish/nginx.conf's header gives envsubst
# One line per response: the path and the bytes of body sent (compressed, when it was), for counting a visit.
LOG_FORMAT = "log_format handbook_bytes '$uri $body_bytes_sent $sent_http_content_encoding';"


def published(site: Path, out: Path) -> Path:
    """A copy of the built site with a .gz beside each text file, as `make dist` leaves dist/site."""
    shutil.copytree(site, out)
    subprocess.run(["sh", str(PRECOMPRESS), str(out)], check=True, timeout=300)
    return out


def site_config(root: Path, port: int) -> str:
    """publish/nginx.conf filled in by envsubst as its header says, listening on 127.0.0.1 only."""
    filled = subprocess.run(["envsubst", PLACEHOLDERS], input=TEMPLATE.read_text(encoding="utf-8"), text=True,
                            capture_output=True, check=True, timeout=30,
                            env={**os.environ, "HANDBOOK_ROOT": str(root), "HANDBOOK_PORT": f"127.0.0.1:{port}"})
    return filled.stdout


def main_config(work: Path) -> str:
    """What Debian's nginx.conf gives a site (mime.types, default_type); every file nginx writes stays in `work`.
    Also what tests/test_publish.py serves the site with."""
    temp_paths = "\n".join(f"    {kind}_temp_path {work / kind};"
                           for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # As root, the workers would run as nobody and could not read a private temporary folder (pytest's are
    # mode 700); as anyone else, nginx runs as that user and `user` would only earn a warning.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return f"""{user}worker_processes 1;
pid {work / 'nginx.pid'};
error_log {work / 'error.log'};
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    {LOG_FORMAT}
    access_log {work / 'access.log'} handbook_bytes;
{temp_paths}
    include {work / 'handbook.conf'};
}}
"""


@contextmanager
def serving(root: Path, work: Path) -> Iterator[tuple[str, Path]]:
    """nginx in the foreground as our own process, serving `root`; yields its address and its access log."""
    if not NGINX.is_file():
        raise SystemExit(f"benchmark: Debian's nginx is not installed ({NGINX}); `make system-packages` installs it")
    work.mkdir(parents=True, exist_ok=True)
    port = free_port()
    (work / "handbook.conf").write_text(site_config(root, port), encoding="utf-8")
    (work / "nginx.conf").write_text(main_config(work), encoding="utf-8")
    command = [str(NGINX), "-p", f"{work}/", "-c", str(work / "nginx.conf"), "-e", str(work / "error.log"),
               "-g", "daemon off;"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 10
        while True:
            if process.poll() is not None:
                raise SystemExit(f"benchmark: nginx exited with {process.returncode}:\n{_log(work)}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit(f"benchmark: nginx did not listen on 127.0.0.1:{port}:\n{_log(work)}") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}", work / "access.log"
    finally:
        process.terminate()  # SIGTERM: nginx's fast shutdown, its worker included
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _log(work: Path) -> str:
    log = work / "error.log"
    return log.read_text(errors="replace")[-3000:] if log.exists() else ""


def sent(log: Path) -> list[tuple[str, int, bool]]:
    """The access log's responses: (path, body bytes sent, whether gzip-compressed)."""
    found = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        path, size, encoding = line.rsplit(" ", 2)
        found.append((path, int(size), encoding == "gzip"))
    return found
