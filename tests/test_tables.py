"""Tables arrive in Material's scrolling frame (macros/site/tables.py), so the browser lays each out once, and look
exactly as the tables Material frames itself after load."""

import re

# What a reader sees of a table: its box, cells and first column, as computed by the browser.
LOOK = """table => {
  const cell = table.querySelector("tbody td"), head = table.querySelector("th");
  const pick = (el, names) => names.map(name => getComputedStyle(el)[name]);
  return [pick(table, ["display", "fontSize", "borderTopWidth", "borderRadius", "backgroundColor", "overflowX"]),
          pick(head, ["paddingTop", "paddingLeft", "fontWeight", "verticalAlign", "textAlign", "position"]),
          pick(cell, ["paddingTop", "paddingLeft", "borderTopWidth", "verticalAlign", "textAlign"])];
}"""


def test_every_markdown_table_is_framed_and_marked(site):
    pages = [path for path in site.rglob("index.html") if "<table" in path.read_text(encoding="utf-8")]
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert "<table>" not in html, f"{path}: a table Material would move after load"
        for table in re.finditer(r'<table class="hb-table">', html):
            assert html[:table.start()].endswith('<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'), path


def test_a_framed_table_looks_as_materials_own_and_is_not_moved(browser, served_site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        # Material frames a table without a class when the page loads: one such table written into the page is the
        # reference the handbook's own tables are measured against.
        def one_table_left_to_material(route):
            response = route.fetch()
            framed = re.compile(r'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
                                r'<table class="hb-table">(.*?)</table></div></div>', re.S)
            route.fulfill(response=response, body=framed.sub(r"<table>\1</table>", response.text(), count=1))

        page.route("**/hr/interviews/general-assistant/", one_table_left_to_material)
        page.goto(f"{served_site}/hr/interviews/general-assistant/")
        page.wait_for_load_state("load")
        tables = page.locator("article table")
        assert tables.nth(0).get_attribute("class") is None and tables.nth(1).get_attribute("class") == "hb-table"
        # Material framed the reference table once, and left the handbook's where they were (no frame inside a frame).
        assert page.locator(".md-typeset__scrollwrap > .md-typeset__table > table").count() == tables.count()
        assert page.locator(".md-typeset__scrollwrap .md-typeset__scrollwrap").count() == 0
        theirs, ours = tables.nth(0).evaluate(LOOK), tables.nth(1).evaluate(LOOK)
        assert theirs == ours
        page.emulate_media(media="print")
        assert tables.nth(0).evaluate(LOOK) == tables.nth(1).evaluate(LOOK)
    finally:
        page.close()
