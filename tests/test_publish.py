"""Publishing: the built site behind Debian's nginx with publish/nginx.conf, typed, compressed and cached as meant."""

import gzip
import http.client
import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.nginx import main_config  # the local nginx.conf around the site's, shared with make bench
from conftest import ROOT

NGINX = Path("/usr/sbin/nginx")
TEMPLATE = ROOT / "publish" / "nginx.conf"
PRECOMPRESS = ROOT / "publish" / "precompress.sh"

REVALIDATE = "no-cache"                            # stored, but asked again every time (ETag / Last-Modified)
FOR_A_YEAR = "public, max-age=31536000, immutable"  # a new version has a new name
# Material's fingerprinted files: a hash of the content in the name (bundle.a5f9d56c.min.js, main.57a0d79d.min.css).
FINGERPRINTED = re.compile(r"^assets/(javascripts|stylesheets)/(.+/)?[^/]+\.[0-9a-f]{8,}\.min\.(js|css)(\.map)?$")
HTML = "text/html; charset=utf-8"


def require_nginx() -> None:
    """Skips without nginx on a workstation; in CI (CI=true) a missing nginx is a failure, not a skip."""
    if NGINX.is_file():
        return
    message = f"Debian's nginx is not installed ({NGINX}); `make system-packages` installs it"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (CI must run the publishing tests)")
    pytest.skip(message)


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def site_config(root: Path, port: int) -> str:
    """The committed template filled in, as README's envsubst line does, listening on 127.0.0.1 only."""
    text = TEMPLATE.read_text(encoding="utf-8")
    text = text.replace("${HANDBOOK_ROOT}", str(root)).replace("listen ${HANDBOOK_PORT};", f"listen 127.0.0.1:{port};")
    assert "${HANDBOOK_" not in text, "publish/nginx.conf has a placeholder README does not mention"
    return text


def nginx_command(root: Path, work: Path, port: int) -> list[str]:
    """Writes the configuration for serving `root` into `work`; returns nginx's command line, which keeps to `work`."""
    require_nginx()
    (work / "handbook.conf").write_text(site_config(root, port), encoding="utf-8")
    (work / "nginx.conf").write_text(main_config(work), encoding="utf-8")
    return [str(NGINX), "-p", f"{work}/", "-c", str(work / "nginx.conf"), "-e", str(work / "error.log")]


@contextmanager
def nginx_serving(root: Path, work: Path) -> Iterator[str]:
    """nginx in the foreground as this test's own process, serving `root`; yields its address and stops it after."""
    port = free_port()
    command = nginx_command(root, work, port)
    log = work / "error.log"
    process = subprocess.Popen([*command, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 10
        while True:
            if process.poll() is not None:
                pytest.fail(f"nginx exited with {process.returncode}:\n{log.read_text() if log.exists() else ''}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"nginx did not listen on 127.0.0.1:{port} within 10 s:\n{log.read_text()}")
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()  # SIGTERM: nginx's fast shutdown, workers included
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def nginx(site, tmp_path_factory) -> Iterator[str]:
    """The strict build of the real site (as `make build` leaves it, no .gz files) behind nginx."""
    with nginx_serving(site, tmp_path_factory.mktemp("nginx")) as url:
        yield url


@pytest.fixture(scope="module")
def dist_site(site, tmp_path_factory) -> Path:
    """A copy of the build with the .gz files `make dist` adds (publish/precompress.sh)."""
    copy = tmp_path_factory.mktemp("dist") / "site"
    shutil.copytree(site, copy)
    subprocess.run(["sh", str(PRECOMPRESS), str(copy)], check=True, timeout=60)
    return copy


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    raw: bytes  # as sent

    @property
    def body(self) -> bytes:
        """The body as the reader sees it, uncompressed."""
        return gzip.decompress(self.raw) if self.headers.get("Content-Encoding") == "gzip" else self.raw

    def header(self, name: str) -> str | None:
        return self.headers.get(name)


def fetch(base: str, path: str, **headers: str) -> Response:
    """One GET as a browser sends it (Accept-Encoding: gzip unless told otherwise); redirects are not followed."""
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        sent = {"Accept-Encoding": "gzip", **{name.replace("_", "-"): value for name, value in headers.items()}}
        connection.request("GET", path, headers=sent)
        answer = connection.getresponse()
        return Response(answer.status, answer.headers, answer.read())
    finally:
        connection.close()


def first_page(site: Path, section: str) -> str:
    """The address of the first generated page in a section (a role, a checklist), found from the built files."""
    pages = sorted(p.parent.name for p in (site / section).glob("*/index.html"))
    assert pages, f"no page under {section}/ in the build"
    return f"/{section}/{pages[0]}/"


def built_files(site: Path, pattern: str) -> list[str]:
    """The addresses of the built files that match a glob pattern, sorted."""
    found = sorted("/" + p.relative_to(site).as_posix() for p in site.glob(pattern))
    assert found, f"no {pattern} in the build"
    return found


def material_file(site: Path, pattern: str) -> str:
    """The address of Material's one file by that pattern (its name carries a hash that changes with each release)."""
    found = built_files(site, pattern)
    assert len(found) == 1, f"expected one {pattern} in the build, found {found}"
    return found[0]


@dataclass(frozen=True)
class Served:
    """How one kind of file should come from nginx: where it is, its Content-Type, gzip or not, its Cache-Control."""

    path: Callable[[Path], str]
    content_type: str
    compressed: bool
    cache: str


KINDS = {
    "home page": Served(lambda site: "/", HTML, True, REVALIDATE),
    "role page": Served(lambda site: first_page(site, "roles"), HTML, True, REVALIDATE),
    "checklist page": Served(lambda site: first_page(site, "checklists"), HTML, True, REVALIDATE),
    "search index": Served(lambda site: "/search/search_index.json", "application/json", True, REVALIDATE),
    # PDFs are compressed inside already: gzip would only cost time.
    "handbook PDF": Served(lambda site: "/downloads/handbook.pdf", "application/pdf", False, REVALIDATE),
    "job description PDF": Served(lambda site: built_files(site, "downloads/job-description-*.pdf")[0],
                                  "application/pdf", False, REVALIDATE),
    "JSON download": Served(lambda site: "/downloads/handbook.json", "application/json", True, REVALIDATE),
    "CSV download": Served(lambda site: "/downloads/handbook.csv", "text/csv; charset=utf-8", True, REVALIDATE),
    "Material script": Served(lambda site: material_file(site, "assets/javascripts/bundle.*.min.js"),
                              "application/javascript; charset=utf-8", True, FOR_A_YEAR),
    "Material search worker": Served(lambda site: material_file(site, "assets/javascripts/workers/search.*.min.js"),
                                     "application/javascript; charset=utf-8", True, FOR_A_YEAR),
    "Material stylesheet": Served(lambda site: material_file(site, "assets/stylesheets/main.*.min.css"),
                                  "text/css; charset=utf-8", True, FOR_A_YEAR),
    "our stylesheet": Served(lambda site: "/assets/handbook.css", "text/css; charset=utf-8", True, REVALIDATE),
    "our script": Served(lambda site: "/assets/checklists.js", "application/javascript; charset=utf-8", True,
                         REVALIDATE),
    "favicon": Served(lambda site: "/assets/images/favicon.png", "image/png", False, REVALIDATE),
}


def file_behind(site: Path, path: str) -> Path:
    """The built file an address serves (a folder address serves its index.html)."""
    local = site / path.lstrip("/")
    return local / "index.html" if path.endswith("/") else local


def test_the_filled_in_template_passes_nginx_t_without_a_warning(site, tmp_path):
    """`nginx -t` accepts publish/nginx.conf as README fills it in, and warns about nothing in it."""
    checked = subprocess.run([*nginx_command(site, tmp_path, free_port()), "-t"], capture_output=True, text=True,
                             timeout=30)
    assert checked.returncode == 0, checked.stderr
    assert "[warn]" not in checked.stderr, checked.stderr


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_file_is_served_typed_compressed_and_cached_as_designed(kind, nginx, site):
    """Pages, search index, downloads and assets: 200, their MIME type, gzip when text, the designed Cache-Control."""
    expected = KINDS[kind]
    path = expected.path(site)
    answer = fetch(nginx, path)
    assert answer.status == 200, f"{path}: {answer.status}"
    content_type = answer.header("Content-Type")
    assert content_type == expected.content_type, f"{path}: Content-Type {content_type!r}"
    encoding = answer.header("Content-Encoding")
    assert (encoding == "gzip") is expected.compressed, \
        f"{path}: Content-Encoding {encoding!r}, expected {'gzip' if expected.compressed else 'none'}"
    if expected.compressed:
        assert answer.header("Vary") == "Accept-Encoding", path
        assert len(answer.raw) < len(answer.body), path
    assert answer.header("Cache-Control") == expected.cache, f"{path}: Cache-Control {answer.header('Cache-Control')!r}"
    assert answer.header("X-Content-Type-Options") == "nosniff", path
    assert answer.body == file_behind(site, path).read_bytes(), f"{path} is not the built file"
    if expected.cache == REVALIDATE:  # asking again must be cheap: a validator to ask with
        assert answer.header("ETag") and answer.header("Last-Modified"), path


@pytest.mark.parametrize("path", ["/", "/search/search_index.json", "/downloads/handbook.pdf", "/assets/handbook.css"])
def test_asking_again_about_an_unchanged_file_costs_no_body(path, nginx):
    """A browser revalidating what it has (its ETag, or its date) gets 304 Not Modified and no body."""
    first = fetch(nginx, path)
    by_etag = fetch(nginx, path, If_None_Match=first.header("ETag"))
    by_date = fetch(nginx, path, If_Modified_Since=first.header("Last-Modified"))
    for again in (by_etag, by_date):
        assert again.status == 304, f"{path}: {again.status}"
        assert again.raw == b""
        assert again.header("Cache-Control") == REVALIDATE


def test_every_asset_is_cached_for_a_year_only_if_its_name_has_a_content_hash(nginx, site):
    """Material's fingerprinted scripts and stylesheets are immutable; every other asset (ours, lunr's) revalidates."""
    assets = sorted(p.relative_to(site).as_posix() for p in (site / "assets").rglob("*") if p.is_file())
    wrong = {}
    for asset in assets:
        expected = FOR_A_YEAR if FINGERPRINTED.match(asset) else REVALIDATE
        answer = fetch(nginx, "/" + asset)
        if answer.status != 200 or answer.header("Cache-Control") != expected:
            wrong[asset] = (answer.status, answer.header("Cache-Control"))
    assert not wrong, f"assets served with the wrong status or cache policy: {wrong}"
    # What every page loads from Material is long-lived; should Material drop the hashes from its names, this says so.
    long_lived = {re.sub(r"\.[0-9a-f]{8,}\.min\.(js|css)$", "", asset.split("/", 2)[2])
                  for asset in assets if FINGERPRINTED.match(asset) and not asset.endswith(".map")}
    assert long_lived >= {"bundle", "workers/search", "main", "palette"}, f"fingerprinted: {sorted(long_lived)}"


def test_text_is_sent_uncompressed_to_a_client_that_does_not_ask_for_gzip(nginx, site):
    """Without Accept-Encoding the home page comes as it is on disk."""
    answer = fetch(nginx, "/", Accept_Encoding="identity")
    assert answer.status == 200
    assert answer.header("Content-Encoding") is None
    assert answer.raw == (site / "index.html").read_bytes()


@pytest.mark.parametrize("path", ["/no-such-page/", "/roles/no-such-role/", "/downloads/missing.pdf", "/assets/"])
def test_an_unknown_address_or_a_folder_gets_the_sites_404_page_and_no_listing(path, nginx, site):
    """Any address with no page, and a folder without index.html, answer 404 with 404.html (never a listing)."""
    answer = fetch(nginx, path)
    assert answer.status == 404, f"{path}: {answer.status}"
    assert answer.header("Content-Type") == HTML
    assert answer.header("Content-Encoding") == "gzip"
    assert answer.header("Cache-Control") == REVALIDATE
    assert answer.body == (site / "404.html").read_bytes()


def test_a_folder_address_without_its_slash_redirects_relative_to_the_server(nginx, site):
    """/roles redirects to /roles/ with a relative Location, right behind a proxy that changes scheme or port."""
    answer = fetch(nginx, "/roles")
    assert answer.status == 301
    assert answer.header("Location") == "/roles/"


def test_with_make_dist_gz_files_the_prepared_file_is_sent_as_it_is(dist_site, tmp_path):
    """On dist/site, nginx sends each text file's .gz from disk (gzip_static), not a fresh compression."""
    with nginx_serving(dist_site, tmp_path) as url:
        for path in ("/", "/search/search_index.json", first_page(dist_site, "roles"), "/downloads/handbook.csv"):
            answer = fetch(url, path)
            prepared = file_behind(dist_site, path)
            assert answer.header("Content-Encoding") == "gzip", path
            assert answer.raw == prepared.with_name(prepared.name + ".gz").read_bytes(), f"{path}: not the .gz on disk"
            assert answer.body == prepared.read_bytes(), f"{path}: the .gz is not the file"
            assert answer.header("Content-Length") == str(len(answer.raw)), path
            assert answer.header("Vary") == "Accept-Encoding", path
        assert fetch(url, "/", Accept_Encoding="identity").raw == (dist_site / "index.html").read_bytes()


def test_pages_from_nginx_load_everything_from_the_server_itself(browser, nginx, site):
    """In chromium, the home page and a role page (search included) request only 127.0.0.1, and all of it loads."""
    context = browser.new_context()
    requests, failures, errors = [], [], []
    # Anything for another origin is refused (and still recorded below): the test must not depend on the network.
    context.route(lambda url: not url.startswith(nginx + "/"), lambda route: route.abort())
    context.on("request", lambda request: requests.append(request.url))
    context.on("requestfailed", lambda request: failures.append(f"{request.url}: {request.failure}"))
    context.on("response", lambda response: response.status >= 400
               and failures.append(f"{response.url}: {response.status}"))
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        for path in ("/", first_page(site, "roles")):
            page.goto(nginx + path)
            page.wait_for_load_state("networkidle")
    finally:
        context.close()
    outside = [url for url in requests if not url.startswith((nginx + "/", "data:", "blob:"))]
    assert not outside, "requests that left 127.0.0.1:\n" + "\n".join(outside)
    assert not failures, "requests that failed:\n" + "\n".join(failures)
    assert not errors, "errors in the page (a script or stylesheet refused for its type?):\n" + "\n".join(errors)
    assert any(url.endswith("/search/search_index.json") for url in requests), "search never loaded its index"
