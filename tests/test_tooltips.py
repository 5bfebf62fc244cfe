"""Titles as tooltips (docs/assets/tooltips.js), in a real browser: a glossary term's definition and a role's full
name show for the mouse, a tap and the keyboard, stay inside a phone's screen, are only ever text, and nothing is
set up for them while the page loads (Material's own tooltips are off)."""

import json

import pytest

TIP = ".hb-tooltip"
FIRST_TERM = "article abbr[title]"
ROLE_HEADING_LINK = "article th a[title]"  # the manager's view: a short role name, its full name in the title


def open_page(context, served_site, path):
    page = context.new_page()
    page.goto(f"{served_site}/{path}")
    page.wait_for_load_state("load")
    return page


def test_materials_own_tooltips_are_off(context, served_site):
    """Material's content.tooltips feature would start a timer per titled element at load; it is left off, so after
    a hover no Material tooltip element appears either."""
    page = open_page(context, served_site, "glossary/")
    config = json.loads(page.locator("#__config").text_content())
    assert "content.tooltips" not in config["features"]
    page.hover(FIRST_TERM)
    assert page.locator(".md-tooltip2").count() == 0


def test_pointing_at_a_term_shows_its_definition_and_leaving_hides_it(context, served_site):
    page = open_page(context, served_site, "duties/")
    term = page.locator(FIRST_TERM).first.element_handle()  # a handle: the title goes while the tooltip shows
    definition = term.get_attribute("title")
    assert page.locator(TIP).count() == 0 or not page.locator(TIP).is_visible()
    term.hover()
    tip = page.locator(TIP)
    assert tip.is_visible()
    assert tip.text_content() == definition
    assert term.get_attribute("title") is None  # the browser's own tooltip would repeat it
    assert term.get_attribute("aria-describedby") == "hb-tooltip"
    page.mouse.move(5, 890)
    page.wait_for_timeout(400)  # the mouse's time to reach the tooltip
    assert not tip.is_visible()
    assert term.get_attribute("title") == definition


def test_the_pointer_can_move_onto_a_long_definition_to_read_it(context, served_site):
    page = open_page(context, served_site, "duties/")
    page.locator(FIRST_TERM).first.hover()
    box = page.locator(TIP).bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=8)
    page.wait_for_timeout(400)
    assert page.locator(TIP).is_visible()


def test_the_keyboard_shows_a_roles_full_name_and_escape_hides_it(context, served_site):
    page = open_page(context, served_site, "manager/")
    page.locator(FIRST_TERM).first.hover()  # the mouse rests elsewhere: its moves must not close a focused tooltip
    link = page.locator(ROLE_HEADING_LINK).first.element_handle()
    full_name = link.get_attribute("title")
    link.focus()  # scrolls the link into view, under the resting mouse
    page.wait_for_timeout(400)
    assert page.locator(TIP).is_visible()
    assert page.locator(TIP).text_content() == full_name
    page.keyboard.press("Escape")
    assert not page.locator(TIP).is_visible()
    assert link.get_attribute("title") == full_name


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    yield context
    context.close()


def test_a_tap_shows_a_definition_inside_the_screen_and_a_tap_elsewhere_hides_it(phone, served_site):
    page = open_page(phone, served_site, "duties/")
    term = page.locator(FIRST_TERM).first.element_handle()
    term.scroll_into_view_if_needed()
    term.tap()
    tip = page.locator(TIP)
    assert tip.is_visible()
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    page.locator("article h1").tap()
    assert not tip.is_visible()


def test_a_title_is_shown_as_text_never_as_markup(context, served_site):
    page = open_page(context, served_site, "glossary/")
    term = page.locator(FIRST_TERM).first.element_handle()
    term.evaluate("term => term.title = '<img src=x onerror=window.ran=1>bold'")
    term.hover()
    assert page.locator(TIP).text_content() == "<img src=x onerror=window.ran=1>bold"
    assert page.locator(f"{TIP} img").count() == 0
    assert page.evaluate("window.ran") is None
