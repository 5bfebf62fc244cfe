"""Page weight: HTML bytes per page type, and every byte a browser fetches on a first visit to the home page."""

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


def first_visit(site: Path, settle: float = 2.0) -> tuple[Counter, list[str]]:
    """Bytes served per asset kind when Chromium opens the home page with an empty cache; and any outside URLs."""
    from playwright.sync_api import sync_playwright

    served: list = []
    handler = functools.partial(type("Handler", (_Counting,), {"served": served}), directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    outside: list[str] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.on("request", lambda request: None if request.url.startswith((base, "data:", "blob:"))
                       else outside.append(request.url))
            page = context.new_page()
            page.goto(base, wait_until="networkidle")
            time.sleep(settle)  # the search worker asks for its index after load; give it time to arrive
            browser.close()
    finally:
        server.shutdown()
    by_kind = Counter()
    for path, size in served:
        by_kind[ASSET_KINDS.get(Path(path if not path.endswith("/") else path + "index.html").suffix, "other")] += size
    return by_kind, outside


# The search index as shipped, against Material's own (the build without macros/site/search_index.py).
SEARCH_INDEX = "search/search_index.json"
UNSHAPED_CONFIG = "mkdocs.search-unshaped.yml"


def search_index_bytes(site: Path) -> int:
    return (site / SEARCH_INDEX).stat().st_size


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
