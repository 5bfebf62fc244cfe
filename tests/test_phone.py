"""Phones: at 390 px no kind of page is wider than the screen outside a scroll frame, the two tables readers use most
become cards, and touch targets are at least 24 px (axe's target-size rule) in both colour schemes."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from test_a11y import blocking_violations
from test_network import page_kinds

WIDTH = 390
AXE = Axe()

# Elements whose right edge passes the screen's and that no scrolling frame holds (Material's table frame included).
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const framed = (element) => {
    for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (["auto", "scroll", "hidden", "clip"].includes(style.overflowX) &&
          box.getBoundingClientRect().right <= width + 1) return true;
    }
    return false;
  };
  const wide = [];
  document.querySelectorAll(".md-main *").forEach((element) => {
    const box = element.getBoundingClientRect();
    if (box.width && box.right > width + 1 && getComputedStyle(element).visibility !== "hidden" && !framed(element)) {
      wide.push(`${element.tagName.toLowerCase()}.${element.className} (${Math.round(box.right)} px)`);
    }
  });
  return { page: document.documentElement.scrollWidth, wide: wide.slice(0, 5) };
}"""


def phone_pages(site) -> dict[str, str]:
    kinds = page_kinds(site)
    kinds.update({"start page": "start/general-assistant/", "checklist index": "checklists/",
                  "plan": "onboarding/onboarding-general-assistant/"})
    return kinds


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport={"width": WIDTH, "height": 844}, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


def test_no_kind_of_page_is_wider_than_a_phone(phone, served_site, site):
    """Every kind of page fits 390 px; what is wider scrolls inside its own frame."""
    report = {}
    for kind, path in phone_pages(site).items():
        phone.goto(f"{served_site}/{path}")
        found = phone.evaluate(OVERFLOW)
        if found["page"] > WIDTH or found["wide"]:
            report[f"{kind} ({path or '/'})"] = found
    assert not report, "\n".join(f"{page}: {found}" for page, found in report.items())


@pytest.mark.parametrize("path", ["checklists/", "onboarding/onboarding-general-assistant/"])
def test_the_checklist_index_and_a_plans_glance_table_need_no_scrolling(phone, served_site, path):
    """The checklist index (its progress column) and "At a glance" (its Step column) are cards: nothing to scroll."""
    phone.goto(f"{served_site}/{path}")
    table = phone.locator(".md-typeset table:has(.hb-list-progress), .md-typeset table:has(td > .hb-date)").first
    assert table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth && "
                          "t.getBoundingClientRect().right <= document.documentElement.clientWidth")
    last = table.locator("tbody tr").first.locator("td").last
    assert last.is_visible() and last.bounding_box()["x"] + last.bounding_box()["width"] <= WIDTH


def test_a_wide_table_keeps_its_first_column_in_view(phone, served_site):
    """The manager's comparison tables scroll in their frame with the first column pinned."""
    phone.goto(f"{served_site}/manager/")
    frame = phone.locator(".md-typeset__scrollwrap").nth(1)
    assert frame.evaluate("f => f.scrollWidth > f.clientWidth")  # it really is wider than the screen
    first, second = frame.locator("tbody tr").first.locator("td").nth(0), frame.locator("tbody tr").first.locator("td").nth(1)
    before = second.bounding_box()["x"]
    frame.evaluate("f => { f.scrollLeft = 200; }")
    assert second.bounding_box()["x"] < before - 100  # the frame did scroll
    assert 0 <= first.bounding_box()["x"] < 20  # and the first column stayed at its left edge


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_touch_targets_and_contrast_pass_axe_on_a_phone(browser, served_site, site, scheme):
    """axe (target-size included) finds nothing serious or critical at 390 px, light and dark."""
    context = browser.new_context(viewport={"width": WIDTH, "height": 844}, color_scheme=scheme)
    page = context.new_page()
    report = {}
    try:
        for kind, path in phone_pages(site).items():
            page.goto(f"{served_site}/{path}")
            problems = blocking_violations(page)  # first: it has every block drawn for axe (test_a11y.ALL_DRAWN)
            sizes = AXE.run(page, options={"runOnly": ["target-size"]}).response["violations"]
            problems += [f"target-size: {' '.join(n['target'])}" for v in sizes for n in v["nodes"][:3]]
            if problems:
                report[f"{kind} ({path or '/'})"] = problems
    finally:
        context.close()
    assert not report, "\n".join(f"{page}:\n  " + "\n  ".join(lines) for page, lines in report.items())


def test_desktop_dark_scheme_passes_axe(browser, served_site, site):
    """The dark scheme at 1280 px has no serious or critical axe problem on any kind of page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page = context.new_page()
    report = {}
    try:
        for kind, path in phone_pages(site).items():
            page.goto(f"{served_site}/{path}")
            assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
            problems = blocking_violations(page)
            if problems:
                report[f"{kind} ({path or '/'})"] = problems
    finally:
        context.close()
    assert not report, "\n".join(f"{page}:\n  " + "\n  ".join(lines) for page, lines in report.items())
