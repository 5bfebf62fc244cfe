"""Accessibility: axe-core in chromium finds no serious or critical problem on any kind of page, Material's included."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from test_network import page_kinds

BLOCKING = ("serious", "critical")
AXE = Axe()  # axe-core as bundled in the pinned axe-playwright-python: nothing fetched at test time


# Long pages leave text blocks undrawn until a reader nears them (content-visibility in handbook.css). axe finds a
# text's background by asking what is drawn at its place, and at an undrawn block's place it found the footer: links
# "on #212121". Readers only ever see drawn blocks, so the scan sees every block drawn, as after scrolling through.
ALL_DRAWN = ".md-typeset > * { content-visibility: visible !important; }"


def blocking_violations(page) -> list[str]:
    """Serious and critical axe violations on the page as it is now, every block drawn, one line per rule with
    where it fails."""
    page.add_style_tag(content=ALL_DRAWN)
    lines = []
    for violation in AXE.run(page).response["violations"]:
        if violation["impact"] in BLOCKING:
            nodes = violation["nodes"]
            where = "; ".join(" ".join(node["target"]) for node in nodes[:3])
            lines.append(f"{violation['id']} ({violation['impact']}, {len(nodes)}x): {violation['help']} — {where}")
    return lines


@pytest.fixture(scope="module")
def tab(browser):
    """One tab reused for every page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("edition", ["", "zh/"], ids=["english", "chinese"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_kind_of_page_has_no_serious_problems(browser, served_site, site, edition, scheme):
    """Home, each section page and one page inside each section (role, checklist, plan, ...) pass axe, in each
    edition and in each colour scheme (the palette follows the system's, as mkdocs.yml sets it)."""
    kinds = {kind: path for kind, path in page_kinds(site).items() if not path.startswith("zh/")}  # one edition's
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    tab = context.new_page()
    report = {}
    for kind, path in kinds.items():
        tab.goto(f"{served_site}/{edition}{path}")
        assert tab.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
        problems = blocking_violations(tab)
        if problems:
            report[f"{kind} ({edition}{path or '/'})"] = problems
    context.close()
    assert not report, "\n".join(f"{page}:\n  " + "\n  ".join(lines) for page, lines in report.items())
    assert {"home", "roles page", "duties", "checklists page", "onboarding page", "manager", "glossary"} <= kinds.keys()


@pytest.fixture
def fresh_tab(browser):
    """A tab of its own: no mouse position, focus or open dialog left by earlier tests changes what axe sees."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def search_results(tab, served_site, query: str):
    """The home page with the search dialog open on `query`, once its results are shown."""
    tab.goto(f"{served_site}/")
    tab.keyboard.press("/")
    tab.keyboard.type(query, delay=15)
    tab.locator(".md-search-result__item").first.wait_for()
    tab.mouse.move(0, 0)  # nothing hovered until a step hovers it
    return tab.locator(".md-search-result__link:visible")  # a page's further matches stay folded


@pytest.mark.parametrize("query", ["seal", "minutes"])
def test_open_search_with_results_has_no_serious_problems(fresh_tab, served_site, query):
    """The search dialog has a name and passes axe as shown, with each result hovered and each focused by keyboard."""
    results = search_results(fresh_tab, served_site, query)
    assert fresh_tab.locator("[role=dialog]").get_attribute("aria-label")
    report = {"as shown": blocking_violations(fresh_tab)}
    for number in range(min(results.count(), 4)):
        results.nth(number).hover()
        fresh_tab.wait_for_timeout(300)  # Material fades the hover background in over .25 s
        report[f"result {number + 1} hovered"] = blocking_violations(fresh_tab)
    fresh_tab.mouse.move(0, 0)
    for number in range(min(results.count(), 4)):
        results.nth(number).focus()
        fresh_tab.wait_for_timeout(300)
        report[f"result {number + 1} focused"] = blocking_violations(fresh_tab)
    failed = {state: lines for state, lines in report.items() if lines}
    assert not failed, "\n".join(f"{state}: " + "; ".join(lines) for state, lines in failed.items())


def test_ticked_checklist_and_phone_layout_have_no_serious_problems(browser, served_site, site):
    """A checklist with a ticked box, on a phone-sized screen with the navigation drawer open, passes axe."""
    checklist = page_kinds(site)["checklists page"]
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{served_site}/{checklist}")
    boxes = page.locator("article input[type=checkbox]")
    if boxes.count():
        boxes.first.check(force=True)
    problems = blocking_violations(page)
    page.locator("label.md-header__button[for=__drawer]").click()
    problems += blocking_violations(page)
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_kind_of_page_on_a_phone_has_no_serious_problems(browser, served_site, site, scheme):
    """At 390 px, where wide tables scroll inside their frames (an interview kit's scoring sheet), every kind of page
    passes axe: a frame that scrolls can be reached from the keyboard (docs/assets/frames.js)."""
    kinds = {kind: path for kind, path in page_kinds(site).items() if not path.startswith("zh/")}
    kinds["interview kit"] = next(p for p in sorted(site.glob("hr/interviews/*/index.html"))).parent.relative_to(site).as_posix() + "/"
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  color_scheme=scheme)
    page = context.new_page()
    report = {}
    for kind, path in kinds.items():
        page.goto(f"{served_site}/{path}")
        if problems := blocking_violations(page):
            report[f"{kind} ({path or '/'})"] = problems
    frames = page.locator(".md-typeset__scrollwrap[tabindex='0']").count()  # the kit, visited last
    context.close()
    assert not report, "\n".join(f"{page}:\n  " + "\n  ".join(lines) for page, lines in report.items())
    assert frames, "the interview kit's scoring sheet should scroll in a frame reachable from the keyboard"


def test_axe_reports_a_known_problem(tab, served_site):
    """axe really runs here: an image without alt text, added to a page, is reported as critical."""
    tab.goto(f"{served_site}/")
    tab.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    assert any(line.startswith("image-alt (critical") for line in blocking_violations(tab))
