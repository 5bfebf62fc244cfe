"""Nothing on a page moves when its scripts start: what they fill in has its place from the first paint.

The scripts are held back for a moment, as on a slow phone, so the page is drawn before they run; the layout shifts
the browser then reports (what Lighthouse scores as Cumulative Layout Shift) must stay near zero.
"""

import time

import pytest

PAGES = ["checklists/procurement/", "onboarding/onboarding-executive-secretary/", "start/general-assistant/",
         "zh/start/general-assistant/"]
HELD_BACK = 0.6  # seconds every script waits before it is sent


def layout_shift(context, url: str) -> float:
    def slow_script(route):
        time.sleep(HELD_BACK)
        route.continue_()

    page = context.new_page()
    page.route("**/*.js", slow_script)
    page.add_init_script("window.__shift = 0; new PerformanceObserver((list) => { for (const entry of list.getEntries()) "
                         "if (!entry.hadRecentInput) window.__shift += entry.value; })"
                         ".observe({ type: 'layout-shift', buffered: true });")
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    return page.evaluate("window.__shift")


@pytest.mark.parametrize("path", PAGES)
def test_the_page_does_not_move_when_its_scripts_run(browser, served_site, path):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        shift = layout_shift(context, f"{served_site}/{path}")
    finally:
        context.close()
    assert shift < 0.02, f"{path}: the layout shifted by {shift:.3f} once the scripts ran"


def test_without_scripts_what_needs_them_is_not_shown(browser, served_site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{served_site}/checklists/procurement/")
        assert not page.locator("[data-hb-toolbar]").is_visible()
        page.goto(f"{served_site}/onboarding/onboarding-executive-secretary/")
        assert not page.locator("[data-hb-plan-controls]").is_visible()
        page.goto(f"{served_site}/start/general-assistant/")
        assert not page.locator("[data-hb-week]").is_visible(), "'this week' promises what only the script shows"
    finally:
        context.close()
