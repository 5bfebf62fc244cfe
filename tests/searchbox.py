"""Typing into Material's search box as a reader does, and reading what it shows: shared by the search tests."""

from urllib.parse import urlsplit

ITEMS = ".md-search-result__list > .md-search-result__item"  # one item per page found
PLACEHOLDER = "Type to start searching"  # Material's result meta while the box is empty and the index is ready
# ... in Material's Chinese (material/templates/partials/languages/zh.html, search.result.placeholder)
PLACEHOLDERS = {"en": PLACEHOLDER, "zh": "键入以开始搜索"}


def placeholder(page) -> str:
    """Material's empty-box text in the page's language."""
    return PLACEHOLDERS["zh" if page.evaluate("document.documentElement.lang").startswith("zh") else "en"]
SETTLED_MS = 400
IS_EMPTY = f"""text => !document.querySelector('{ITEMS}')
    && document.querySelector('.md-search-result__meta').innerText.trim() === text"""
WATCH_RESULTS = """() => {
    window.hbLastResultChange = performance.now();
    if (!window.hbResultWatcher) {
        window.hbResultWatcher = new MutationObserver(() => { window.hbLastResultChange = performance.now(); });
        window.hbResultWatcher.observe(document.querySelector('.md-search-result'),
                                       {childList: true, subtree: true, characterData: true});
    }
}"""
# Results are replaced as the worker answers each keystroke: read them once nothing changed for a while after the
# last key (measured from the last key too, so a slow answer to it is not missed).
SETTLED = "ms => performance.now() - Math.max(window.hbLastResultChange, window.hbTypedAt) > ms"


def open_search(browser, base: str):
    """(context, page): one page kept open for every query, as a reader searching several times would, with the
    index loaded and the box empty."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "/")
    page.keyboard.press("/")
    page.wait_for_function(IS_EMPTY, arg=placeholder(page))
    return context, page


def type_query(page, query: str, delay_ms: int = 15) -> None:
    """Clears the box, types `query` key by key, and returns once the results have settled."""
    box = page.locator("input.md-search__input")
    if not box.evaluate("e => e === document.activeElement"):
        page.keyboard.press("/")  # Material's shortcut, as a reader opens search
    box.press("Control+a")
    box.press("Backspace")
    # Wait for the cleared box's own text: reading whatever the meta shows right after clearing would wait forever
    # when the last query and this one both find nothing (the text never changes from "No matching documents").
    page.wait_for_function(IS_EMPTY, arg=placeholder(page))
    page.evaluate(WATCH_RESULTS)
    page.keyboard.type(query, delay=delay_ms)
    if not query.isascii():
        # Chinese comes through an input method: Playwright inserts each character without a key event, where an
        # input method's commit ends with a key released, which is what Material searches on (keyup).
        page.keyboard.press("End")
    page.evaluate("() => { window.hbTypedAt = performance.now(); }")
    assert box.input_value() == query, f"typed {query!r}, the box holds {box.input_value()!r}"
    page.wait_for_function(SETTLED, arg=SETTLED_MS)


def site_location(url: str, base: str) -> str:
    """A result link as the search index writes locations (`duties/#call-log`), whether the site uses directory URLs
    or .html files (offline): no query, relative to the site root."""
    parts, root = urlsplit(url), urlsplit(base).path
    path = parts.path.removeprefix(root)
    if path.endswith("index.html"):
        path = path.removesuffix("index.html")
    elif path.endswith(".html"):
        path = path.removesuffix(".html") + "/"
    return path + (f"#{parts.fragment}" if parts.fragment else "")
