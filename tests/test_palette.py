"""The colour scheme switch (overrides/partials/palette.html), in a real browser: it follows the system until a reader
chooses, keeps the choice, works from the keyboard, and restyles nothing on a page load where nothing changes."""

import pytest

PAGE = "duties/"  # the largest page, where a needless restyle costs most
SWITCH = "form.md-header__option[data-hb-palette]"

# Every change a script makes to <body>'s attributes once the page's content has been parsed (the parser's own
# attributes are not mutations; while only the header exists, a change restyles next to nothing).
RECORD_BODY_CHANGES = """
window.__bodyChanges = [];
new MutationObserver(records => {
  for (const record of records)
    if (record.target === document.body && document.querySelector(".md-main"))
      window.__bodyChanges.push(record.attributeName);
}).observe(document, { attributes: true, subtree: true });
"""


def scheme(page) -> str:
    return page.evaluate("document.body.dataset.mdColorScheme")


def shown_buttons(page) -> list[str]:
    """The names of the switch's visible buttons (its option's name: Material's tooltips take the label's title)."""
    return page.locator(f"{SWITCH} label:visible").evaluate_all(
        "labels => labels.map(label => label.previousElementSibling.getAttribute('aria-label'))")


@pytest.fixture()
def context_for(browser):
    contexts = []

    def make(color_scheme: str):
        contexts.append(browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=color_scheme))
        return contexts[-1]

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("system, expected, button", [("light", "default", "Switch to dark mode"),
                                                     ("dark", "slate", "Switch to light mode")])
def test_the_scheme_follows_the_system_before_any_script_file_runs(context_for, served_site, system, expected,
                                                                    button):
    """With every script file withheld, the page is already in the system's scheme and shows the other's button:
    the choice is made while the header is parsed, so a dark system never sees the light scheme first."""
    page = context_for(system).new_page()
    page.route("**/*.js", lambda route: route.abort())
    page.goto(f"{served_site}/{PAGE}")
    assert scheme(page) == expected
    assert shown_buttons(page) == [button]
    assert page.evaluate("document.querySelector('meta[name=color-scheme]').content") == (
        "dark" if system == "dark" else "light")


def test_a_page_load_changes_nothing_on_body_when_the_scheme_is_already_right(context_for, served_site):
    """Material's palette component set and cleared body[data-md-color-switching] on every load, which restyles the
    whole page twice; once the content is parsed, nothing may touch <body> when the scheme shown is already right."""
    page = context_for("light").new_page()
    page.add_init_script(RECORD_BODY_CHANGES)
    page.goto(f"{served_site}/{PAGE}")
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert page.evaluate("window.__bodyChanges") == []
    assert page.locator('[data-md-component="palette"]').count() == 0, "Material's palette component is mounted"


def test_a_readers_choice_is_kept_on_the_next_page_and_wins_over_the_system(context_for, served_site):
    context = context_for("light")
    page = context.new_page()
    page.goto(f"{served_site}/{PAGE}")
    assert page.evaluate("localStorage.length") == 0, "a choice was saved before the reader made one"
    page.locator(f"{SWITCH} label:visible").click()
    assert scheme(page) == "slate"
    assert shown_buttons(page) == ["Switch to light mode"]
    assert page.evaluate("document.querySelector('meta[name=color-scheme]').content") == "dark"
    page.wait_for_function("!document.body.hasAttribute('data-md-color-switching')")

    page.goto(f"{served_site}/glossary/")
    assert scheme(page) == "slate"
    assert shown_buttons(page) == ["Switch to light mode"]
    page.emulate_media(color_scheme="dark")
    page.emulate_media(color_scheme="light")
    assert scheme(page) == "slate", "the system's change overrode the reader's choice"


def test_until_a_reader_chooses_a_change_of_the_system_scheme_is_followed(context_for, served_site):
    page = context_for("light").new_page()
    page.goto(f"{served_site}/{PAGE}")
    page.emulate_media(color_scheme="dark")
    page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
    assert shown_buttons(page) == ["Switch to light mode"]


def test_enter_on_the_switch_steps_to_the_next_scheme(context_for, served_site):
    page = context_for("light").new_page()
    page.goto(f"{served_site}/{PAGE}")
    page.locator(f"{SWITCH} input").first.focus()
    page.keyboard.press("Enter")
    assert scheme(page) == "slate"
    page.keyboard.press("Enter")
    assert scheme(page) == "default"
