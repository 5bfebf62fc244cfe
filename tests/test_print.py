"""Printing from the browser (Debian's chromium): no site chrome, A4, role pages as one- or two-page job descriptions."""

import io
import re

import pytest
from pypdf import PdfReader

from conftest import ROOT
from macros.data.handbook import load_handbook

HANDBOOK = load_handbook(ROOT / "data")
CHROME = {
    "header": ".md-header", "navigation": ".md-sidebar--primary", "table of contents": ".md-sidebar--secondary",
    "footer": ".md-footer", "search": ".md-search", "back-to-top button": ".md-top",
    "print button": ".hb-print", "Download PDF button": ".hb-actions .md-button",
}
A4 = (595.28, 841.89)


@pytest.fixture
def page(context):
    yield context.new_page()


def visible(page, selector: str) -> bool:
    return any(element.is_visible() for element in page.query_selector_all(selector))


def test_print_hides_the_site_chrome_and_shows_only_the_job_description(page, served_site):
    page.goto(f"{served_site}/roles/executive-secretary/")
    on_screen = {name for name, selector in CHROME.items() if visible(page, selector)}
    assert {"header", "navigation", "print button", "Download PDF button"} <= on_screen, "the page is not as expected"
    assert not visible(page, ".hb-jd"), "the printed job description shows on screen"
    page.emulate_media(media="print")
    still = [name for name, selector in CHROME.items() if visible(page, selector)]
    assert not still, f"printed page shows {still}"
    assert visible(page, ".hb-jd")
    assert not visible(page, "#duties") and not visible(page, ".hb-expectations"), "screen-only sections print"


def test_print_hides_the_site_chrome_on_other_pages(page, served_site):
    page.goto(f"{served_site}/manager/")
    page.emulate_media(media="print")
    still = [name for name, selector in CHROME.items() if visible(page, selector)]
    assert not still, f"printed page shows {still}"
    assert visible(page, "table")


def test_printed_headings_keep_with_what_follows_and_links_print_no_urls(page, served_site):
    page.goto(f"{served_site}/duties/")
    page.emulate_media(media="print")
    styles = page.evaluate("""() => {
        const h = document.querySelector('article h3'), li = document.querySelector('article li');
        const a = document.querySelector('article p a[href]');
        return {heading: getComputedStyle(h).breakAfter, item: getComputedStyle(li).breakInside,
                after: getComputedStyle(a, '::after').content,
                underline: getComputedStyle(a).textDecorationLine};
    }""")
    assert styles["heading"] == "avoid" and styles["item"] == "avoid"
    assert styles["after"] in ("none", "normal") and styles["underline"] == "none"


def test_print_button_opens_the_print_dialog(page, served_site):
    page.goto(f"{served_site}/roles/office-director/")
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.get_by_role("button", name="Print job description").click()
    assert page.evaluate("window.printed") == 1


@pytest.mark.parametrize("role", HANDBOOK.roles, ids=lambda r: r.id)
def test_role_page_prints_as_one_or_two_a4_pages(page, served_site, role):
    page.goto(f"{served_site}/roles/{role.id}/")
    page.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    assert 1 <= len(reader.pages) <= 2, f"{role.id} prints on {len(reader.pages)} pages"
    for number, printed in enumerate(reader.pages, 1):
        size = (float(printed.mediabox.width), float(printed.mediabox.height))
        assert size == pytest.approx(A4, abs=1), f"page {number} is {size}, not A4"
        assert printed.extract_text().strip(), f"{role.id}: page {number} is blank"
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert role.title in text and "Job description" in text.replace("JOB DESCRIPTION", "Job description")
    assert not re.search(r"https?://|\.\./|/roles/", text), "a link's URL is printed"


def test_glossary_terms_are_subtle_in_text_and_plain_in_headings(page, served_site):
    page.goto(f"{served_site}/roles/office-director/")
    styles = page.evaluate("""() => {
        const style = (el) => { const s = getComputedStyle(el);
            return {line: s.textDecorationLine, style: s.textDecorationStyle, border: s.borderBottomStyle}; };
        return {heading: style(document.querySelector('article h1 abbr')),
                text: style(document.querySelector('article p abbr'))};
    }""")
    assert styles["text"] == {"line": "underline", "style": "dotted", "border": "none"}
    assert styles["heading"]["line"] == "none" and styles["heading"]["border"] == "none"
