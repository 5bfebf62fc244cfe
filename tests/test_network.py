"""No network: no page loads anything from another origin, in a real browser and in the built files."""

import re
from pathlib import Path

import pytest

from linkcheck import Site

# Material's bundle holds a few CDN and API addresses for features this site does not use. Each stays unused
# only while its condition holds, which the test below checks on the built pages.
DORMANT = {
    "https://unpkg.com/resize-observer-polyfill": "loaded only by browsers without ResizeObserver (none supported)",
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "loaded only on a page with a mermaid diagram",
    "https://api.github.com/": "repository facts, shown only when mkdocs.yml sets repo_url",
    "https://${e}/api/v4/projects/": "repository facts (GitLab), shown only when mkdocs.yml sets repo_url",
}
DORMANT_CONDITIONS = {  # built HTML that would wake a dormant address
    "mermaid": re.compile(r'class="[^"]*\bmermaid\b'),
    "repo_url": re.compile(r'data-md-component="source"'),
}
QUOTED_URL = re.compile(r"""["'`](https?://[^"'`\s]*)""")
INLINE_SCRIPT = re.compile(r"<script([^>]*)>(.*?)</script>", re.S)


def page_kinds(site: Path) -> dict[str, str]:
    """One page of each kind in the build: home, each section's page and the first page inside each section.

    Found from the files, so pages another feature adds (a manager matrix, a new section) are covered unasked.
    """
    kinds = {"home": "", "not found": "404.html"}
    for folder in sorted(p for p in site.iterdir() if p.is_dir() and (p / "index.html").is_file()):
        kinds[folder.name] = f"{folder.name}/"
        inner = sorted(p for p in folder.iterdir() if (p / "index.html").is_file())
        if inner:
            kinds[f"{folder.name} page"] = f"{folder.name}/{inner[0].name}/"
    return kinds


def _load_everything(page, url: str) -> None:
    """Opens a page and does what a reader does: scroll to the end, print it, tick a box if there is one."""
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 100_000)
    page.emulate_media(media="print")  # print-only stylesheets, fonts and images load now
    page.wait_for_load_state("networkidle")
    page.emulate_media(media="screen")
    box = page.locator("article input[type=checkbox]").first
    if box.count():
        box.check(force=True)
        page.wait_for_load_state("networkidle")


@pytest.fixture(scope="module")
def outside_requests(browser, served_site, site):
    """Every request to another origin while browsing each kind of page and searching, blocked and recorded."""
    context = browser.new_context()
    blocked = []

    def block(route):
        blocked.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith(served_site), block)
    seen = []
    context.on("request", lambda request: seen.append(request.url))
    page = context.new_page()
    for path in page_kinds(site).values():
        _load_everything(page, f"{served_site}/{path}")
    page.goto(f"{served_site}/")
    page.keyboard.press("/")
    page.keyboard.type("minutes", delay=15)
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_load_state("networkidle")
    context.close()
    return blocked, seen


def test_browsing_every_kind_of_page_fetches_nothing_from_outside(outside_requests, served_site):
    """Pages, their print view, a ticked checkbox and a search make requests only to the site itself."""
    blocked, seen = outside_requests
    assert not blocked, "requests to other origins:\n" + "\n".join(sorted(set(blocked)))
    assert any(url.endswith("search_index.json") for url in seen), "search never loaded its index: nothing was tested"
    assert all(url.startswith((served_site, "data:", "blob:")) for url in seen)


def test_pages_and_stylesheets_load_nothing_from_another_origin(site):
    """No src, stylesheet, @import or url() in built HTML and CSS names another origin (only <a> may, if listed)."""
    external = [f"{ref.source}:{ref.line}: {ref.what} {ref.url}" for ref in Site(site).references()
                if "://" in ref.url and not ref.url.startswith("data:") and ref.what != "<a href>"]
    assert not external, "\n".join(external)


def test_scripts_name_no_other_origin_but_dormant_ones(site):
    """Quoted http(s) addresses in built JavaScript are only Material's dormant ones, and they stay dormant."""
    found = {}
    for path in sorted(site.rglob("*.js")):
        for url in QUOTED_URL.findall(path.read_text(encoding="utf-8", errors="replace")):
            if not any(url.startswith(prefix) for prefix in DORMANT):
                found.setdefault(url, path.relative_to(site).as_posix())
    for path in sorted(site.rglob("*.html")):
        for attributes, script in INLINE_SCRIPT.findall(path.read_text(encoding="utf-8")):
            if "ld+json" in attributes:
                continue  # data, not code: JSON-LD's "@context": "https://schema.org" names a vocabulary, fetches nothing
            for url in QUOTED_URL.findall(script):
                found.setdefault(url, path.relative_to(site).as_posix())
    assert not found, "scripts that name another origin:\n" + "\n".join(f"{f}: {u}" for u, f in found.items())
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        woken = [name for name, pattern in DORMANT_CONDITIONS.items() if pattern.search(html)]
        assert not woken, f"{path.relative_to(site)} uses {woken}, which makes Material load from a CDN or API"


def test_page_kinds_cover_what_readers_use(site):
    """The browsing covers home, a role, a record page, a checklist, a plan, the manager's view and the glossary."""
    kinds = page_kinds(site)
    for needed in ("home", "roles page", "duties", "checklists page", "onboarding page", "manager", "glossary"):
        assert needed in kinds, f"no {needed} page found to test in {sorted(kinds)}"
