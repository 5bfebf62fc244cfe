"""Page weight: HTML bytes per page type, and every byte a browser fetches on a first visit to a home page, as a
local server sends it and as the published site does (nginx, gzip)."""

import functools
import http.server
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

# The page types readers land on -> the built pages of that type; the largest of each is reported.
PAGE_TYPES = {
    "home": ["index.html"],
    "role": ["roles/*/index.html"],
    "record": [f"{name}/index.html" for name in ("duties", "principles", "conduct", "pitfalls", "requirements",
                                                 "scenarios")],
    "checklist": ["checklists/*/index.html"],
    "onboarding plan": ["onboarding/*/index.html"],
    "glossary": ["glossary/index.html"],
}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic"]
ASSET_KINDS = {".html": "HTML", ".css": "CSS", ".js": "JS", ".json": "search index", ".woff": "fonts",
               ".woff2": "fonts", ".ttf": "fonts", ".svg": "images", ".png": "images", ".jpg": "images",
               ".ico": "images", ".webp": "images"}


def largest_pages(site: Path) -> dict[str, tuple[str, int, int]]:
    """Page type -> (largest page's path, its HTML bytes, how many pages of that type there are)."""
    found = {}
    for page_type, patterns in PAGE_TYPES.items():
        pages = [path for pattern in patterns for path in site.glob(pattern)]
        if pages:
            biggest = max(pages, key=lambda path: path.stat().st_size)
            folder = biggest.relative_to(site).parent.as_posix()
            found[page_type] = ("/" if folder == "." else f"/{folder}/", biggest.stat().st_size, len(pages))
    return found


class _Counting(http.server.SimpleHTTPRequestHandler):
    """Serves the built site and records the path and body size of every response."""

    served: list

    def copyfile(self, source, outputfile):
        body = source.read()
        outputfile.write(body)
        self.served.append((urlsplit(self.path).path, len(body)))

    def log_message(self, *args):
        pass


def first_visit(site: Path, path: str = "/") -> tuple[Counter, list[str]]:
    """Bytes served per asset kind when Chromium opens `path` with an empty cache; and any outside URLs."""
    served: list = []
    handler = functools.partial(type("Handler", (_Counting,), {"served": served}), directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        outside = visit(f"http://127.0.0.1:{server.server_address[1]}", path)
    finally:
        server.shutdown()
    return by_kind(served), outside


def first_visit_published(published: Path, work: Path, path: str = "/") -> Counter:
    """The same visit to the site as published (`make dist`'s .gz files, publish/nginx.conf on nginx): bytes per
    asset kind as nginx sent them, compressed where it compressed them."""
    from . import nginx

    with nginx.serving(published, work) as (base, log):
        visit(base, path)
    return by_kind([(uri, size) for uri, size, _ in nginx.sent(log)])


def visit(base: str, path: str, settle: float = 2.0) -> list[str]:
    """Chromium (via Playwright) opens base + path with an empty cache; returns the URLs it asked of other sites."""
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.on("request", lambda request: None if request.url.startswith((base + "/", "data:", "blob:"))
                   else outside.append(request.url))
        page = context.new_page()
        page.goto(base + path, wait_until="networkidle")
        time.sleep(settle)  # the search worker asks for its index after load; give it time to arrive
        browser.close()
    return outside


def by_kind(served: list[tuple[str, int]]) -> Counter:
    """Bytes per asset kind (HTML, CSS, JS, search index...) of (path, bytes) pairs."""
    kinds = Counter()
    for path, size in served:
        kinds[ASSET_KINDS.get(Path(path if not path.endswith("/") else path + "index.html").suffix, "other")] += size
    return kinds


# The search index as shipped, against Material's own (the build without macros/site/search_index.py).
SEARCH_INDEX = "search/search_index.json"
UNSHAPED_CONFIG = "mkdocs.search-unshaped.yml"


def search_index_bytes(site: Path, edition: str = "") -> int:
    """The index's bytes on disk; `edition` is a translation's folder ("zh")."""
    return (site / edition / SEARCH_INDEX).stat().st_size


def write_unshaped_config(project: Path) -> str:
    """A config beside the project's mkdocs.yml with Material's search as it comes: without the index hook and the
    search options; returns its name, for `mkdocs build -f`."""
    lines, skipping = [], False
    for line in (project / "mkdocs.yml").read_text(encoding="utf-8").splitlines(keepends=True):
        if skipping and line.startswith("      "):
            continue
        skipping = False
        if line.rstrip() == "  - search:":
            lines.append("  - search\n")
            skipping = True
        elif "macros/site/search_index.py" not in line:
            lines.append(line)
    (project / UNSHAPED_CONFIG).write_text("".join(lines), encoding="utf-8")
    return UNSHAPED_CONFIG
