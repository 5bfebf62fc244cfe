"""`make offline`: a zip of the handbook that works from file://, search included, with nothing fetched from outside."""

import subprocess
import zipfile

import pytest

from conftest import ROOT
from linkcheck import check_site
from test_search import found_in, search


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    """The zip `make offline` produces, unzipped as a reader would: the folder that holds index.html."""
    work = tmp_path_factory.mktemp("offline")
    archive = work / "handbook-offline.zip"
    result = subprocess.run(["make", "--no-print-directory", "offline", f"OFFLINE_DIR={work / 'build'}",
                             f"OFFLINE_ZIP={archive}"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(work / "unzipped")
    return work / "unzipped" / "handbook"


def test_bundle_has_the_site_and_its_local_search(bundle):
    """The zip holds the pages, the inlined search index and the iframe-worker shim, at its top folder."""
    assert (bundle / "index.html").is_file()
    assert (bundle / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = {")
    home = (bundle / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/vendor/iframe-worker-1.0.4.js"' in home
    assert "unpkg.com" not in home


def test_every_link_in_the_bundle_resolves(bundle):
    """The offline build links to .html files; every one of them, and every anchor, exists in the zip."""
    problems = check_site(bundle)
    assert not problems, "\n".join(problems[:50])


def test_search_works_from_file_url_and_loads_nothing_from_outside(browser, bundle):
    """Opened from file://, search finds a page, its result opens, and every request stays on the disk."""
    from playwright.sync_api import Error as PlaywrightError

    context = browser.new_context()
    context.set_default_timeout(15_000)
    page = context.new_page()
    outside = []

    def block(route):  # as on a machine with no network: refused, and remembered for the report
        outside.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith(("file://", "data:", "blob:", "about:")), block)
    base = bundle.as_uri() + "/"
    page.goto(base + "index.html")
    try:
        groups = search(page, "team dinner", base)
    except PlaywrightError as error:
        groups = [f"search never answered ({error.message.splitlines()[0]})"]
    if found_in("checklists/team-dinner/", groups[:3]):
        page.locator(".md-search-result__item a").first.click()
        page.wait_for_load_state()
        assert page.url.startswith(base + "checklists/team-dinner.html"), page.url
        assert page.locator("h1").first.inner_text().strip()
    context.close()
    assert not outside, f"the offline bundle asked for {sorted(set(outside))}; search gave {groups[:3]}"
    assert found_in("checklists/team-dinner/", groups[:3]), groups[:3]


def test_the_chinese_edition_is_in_the_bundle_with_its_search_and_the_language_switch(browser, bundle):
    """From file://, a Chinese page's search finds a Chinese page, and the switch leads to the same page in English
    and back; nothing is asked of any other site."""
    from searchbox import site_location

    context = browser.new_context()
    context.set_default_timeout(15_000)
    page = context.new_page()
    outside = []
    context.route(lambda url: not url.startswith(("file://", "data:", "blob:", "about:")),
                  lambda route: (outside.append(route.request.url), route.abort()))
    base = bundle.as_uri() + "/"
    assert (bundle / "zh" / "search" / "search_index.js").is_file()
    page.goto(base + "zh/index.html")
    groups = search(page, "聚餐", base)  # a query of the Chinese suite (search_queries_zh.py)
    assert any(found_in(f"zh/{place}", groups[:3]) for place in
               ("checklists/team-dinner/", "scenarios/#colleague-dinner", "duties/#event-logistics")), groups[:3]
    page.goto(base + "zh/checklists/team-dinner.html")
    english = page.locator('a.md-select__link[hreflang="en"]').get_attribute("href", timeout=5_000)
    page.goto(page.url.rsplit("/", 1)[0] + "/" + english)
    assert site_location(page.url, base) == "checklists/team-dinner/", page.url
    assert page.evaluate("document.documentElement.lang") == "en"
    chinese = page.locator('a.md-select__link[hreflang="zh"]').get_attribute("href")
    page.goto(page.url.rsplit("/", 1)[0] + "/" + chinese)
    assert site_location(page.url, base) == "zh/checklists/team-dinner/", page.url
    context.close()
    assert not outside, sorted(set(outside))
