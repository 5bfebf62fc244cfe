"""No injection: markup and template syntax in data text show literally in every output and never run or evaluate.

One site is built from the sample data with every free-text field ending in a payload: a <script>, an <img onerror>,
a Jinja expression ({{ 7*7 }}), a Jinja block tag and comment. Each field's payload carries its own marker, so a
failure names the field. The checks read each output as its consumer does: HTML parsed, JSON-LD and exports
parsed, PDF text extracted, the search index as the search box shows it, and the pages in a real browser.

Markdown in data text is held to macros/data/inline_text.py: the models refuse what it does not allow, and the renderer
shows the rest literally even for records built without validation. Those cases go through the site's own Markdown
(the extensions and settings of mkdocs.yml), as no data file can carry them past `handbook check`; a second site,
built from data with allowed links, shows that those links work.
"""

import csv
import functools
import io
import json
import random
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SAMPLE_DATA
from sites import build, copy_project

# Closes <title> and any quoted attribute, then tries a script and an image whose error handler runs.
PAYLOAD = """</title><script>alert(1)</script> "'><img src=x onerror=alert(1)> {{ 7*7 }} {% raw %} {# note #}"""
EVALUATED = "49"  # what {{ 7*7 }} becomes if anything treats data as a template
NOT_ON_PAGES = re.compile(r"\.(onet|isco)\.(title|reason)$")  # occupation codes: in JSON-LD and exports only

def _text_fields() -> set[str]:
    """The free-text fields of the data files: every model field typed models.Text (or a list of it), read from the
    models so that a text field added later is injected too; ids, references, enums and dates are not text."""
    import inspect

    from macros.data import models

    fields = [(name, "_allowed_text" in repr(info.annotation) + repr(info.metadata))
              for cls in vars(models).values() if inspect.isclass(cls) and issubclass(cls, models.BaseModel)
              for name, info in cls.model_fields.items()]
    # A name that is text in one model and a code elsewhere (an occupation code's `code`) is left alone.
    return {name for name, _ in fields} - {name for name, is_text in fields if not is_text}


TEXT_FIELDS = _text_fields()


def _inject(value, field: str, markers: dict[str, str], where: str):
    """The value with a marked payload after every free-text string, recursing into nested records."""
    if isinstance(value, dict):
        return {key: _inject(item, key, markers, f"{where}.{key}") for key, item in value.items()}
    if isinstance(value, list):
        return [_inject(item, field, markers, f"{where}[{n}]") for n, item in enumerate(value)]
    if isinstance(value, str) and field in TEXT_FIELDS:
        marker = "inj" + "".join(chr(97 + int(d)) for d in f"{len(markers):03d}")  # injaab: letters, never a 49
        markers[marker] = where
        return f"{value} {marker} {PAYLOAD}"
    return value


def injected_data(target: Path) -> dict[str, str]:
    """A copy of the sample data with every free-text field injected; returns marker -> field it went into."""
    markers: dict[str, str] = {}
    target.mkdir(parents=True)
    for source in sorted(SAMPLE_DATA.glob("*.yml")):
        records = yaml.safe_load(source.read_text(encoding="utf-8"))
        records = [_inject(record, "", markers, f"{source.name}:{record['id']}") for record in records]
        (target / source.name).write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")
    shutil.copytree(SAMPLE_DATA / "settings", target / "settings")  # the company settings, as shipped
    return markers


def shown(marker: str) -> str:
    """The text a reader must see for one injected field."""
    return f"{marker} {PAYLOAD}"


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


class Parsed(HTMLParser):
    """A page as the browser builds it: visible text, elements and their attributes, script contents."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.elements, self.scripts, self._stack = [], [], [], []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._stack.append([tag, dict(attrs), ""])

    def handle_endtag(self, tag):
        if self._stack and self._stack[-1][0] == tag:
            name, attrs, body = self._stack.pop()
            if name == "script":
                self.scripts.append((attrs, body))

    def handle_data(self, data):
        if self._stack:
            self._stack[-1][2] += data
        else:
            self.text.append(data)


def parse(path: Path) -> Parsed:
    parsed = Parsed()
    parsed.feed(path.read_text(encoding="utf-8"))
    parsed.close()
    parsed.text = squeeze(" ".join(parsed.text))
    return parsed


@pytest.fixture(scope="module")
def injected(tmp_path_factory):
    """(built site, project, markers): the sample data with every text field injected, built with --strict."""
    work = tmp_path_factory.mktemp("injection")
    markers = injected_data(work / "data")
    project = copy_project(work / "project", data=work / "data")
    site = work / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site, project, markers


@pytest.fixture(scope="module")
def pages(injected):
    site, _, _ = injected
    return {path.relative_to(site).as_posix(): parse(path) for path in sorted(site.rglob("*.html"))}


def test_payload_reaches_every_kind_of_record(injected):
    """The injection covers titles, summaries, checklist items, glossary definitions and role fields."""
    _, _, markers = injected
    fields = set(markers.values())
    for needed in ("roles.yml:sample-role.title", "roles.yml:sample-role.summary", "roles.yml:sample-role.purpose",
                   "roles.yml:sample-role.works_with[0]", "checklists.yml:sample-checklist.items[0].text",
                   "glossary.yml:company-seal.definition", "duties.yml:sample-duty.title",
                   "onboarding.yml:sample-plan.steps[0].outcome"):
        assert needed in fields, f"{needed} was not injected; injected: {sorted(fields)}"


def test_html_shows_every_field_literally(injected, pages):
    """Every injected field is shown on some page as the literal text, markup and braces included."""
    _, _, markers = injected
    everything = " ".join(page.text for page in pages.values())
    missing = [f"{marker} ({where})" for marker, where in markers.items()
               if shown(marker) not in everything and not NOT_ON_PAGES.search(where)]
    mangled = [f"{marker} ({where})" for marker, where in markers.items()
               if marker in everything and shown(marker) not in everything]
    assert not mangled, "fields shown, but not literally:\n" + "\n".join(mangled)
    assert not missing, "fields shown on no page:\n" + "\n".join(missing)


def test_html_has_no_injected_element_or_handler(pages):
    """No page has a script, image or event handler from the data: every < in data text was escaped."""
    found = []
    for path, page in pages.items():
        for tag, attrs in page.elements:
            if tag == "img" and attrs.get("src") == "x":
                found.append(f"{path}: <img src=x>")
            handlers = [name for name, value in attrs.items() if name.startswith("on") and "alert" in (value or "")]
            if handlers:
                found.append(f"{path}: <{tag} {handlers}>")
        for attrs, body in page.scripts:
            if "alert(1)" in body and ("type" not in attrs or "javascript" in attrs["type"]):
                found.append(f"{path}: executable <script> holding data text")
            if re.search(r"</?(script|img)", body, re.I):
                found.append(f"{path}: <script> whose text holds a raw tag, which can end it early")
    assert not found, "\n".join(found)


def test_no_template_syntax_was_evaluated(pages):
    """`{{ 7*7 }}` never becomes 49 and the block tag stays text: data never passes through Jinja."""
    evaluated = [path for path, page in pages.items() if EVALUATED in page.text]
    assert not evaluated, f"{EVALUATED!r} appears on {evaluated}"
    assert any("{% raw %}" in page.text and "{# note #}" in page.text for page in pages.values())


def test_json_ld_parses_and_holds_the_literal_text(injected, pages):
    """Each role page's JSON-LD parses as JSON and carries the injected title as plain text."""
    _, _, markers = injected
    blocks = [(path, body) for path, page in pages.items() for attrs, body in page.scripts
              if attrs.get("type") == "application/ld+json"]
    assert blocks, "no JSON-LD found on any page"
    codes = [marker for marker, where in markers.items() if NOT_ON_PAGES.search(where)]
    for path, body in blocks:
        data = json.loads(body)
        assert data["name"].endswith(PAYLOAD), f"{path}: JSON-LD name is {data['name']!r}"
        strings = list(_strings(data))
        for marker in codes:
            assert any(s.endswith(shown(marker)) for s in strings), f"{path}: {markers[marker]} not literal"


def test_search_index_escapes_the_text(injected):
    """The search box shows index text as HTML, so the index holds the markup escaped, never as tags."""
    site, _, _ = injected
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [doc["title"] + " " + doc["text"] for doc in index["docs"]]
    raw = [t for t in texts if re.search(r"<(script|img)\b", t, re.I)]
    assert not raw, f"raw tags in the search index: {raw[:3]}"
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in t for t in texts)
    assert any("{{ 7*7 }}" in t for t in texts) and not any(EVALUATED in t for t in texts)


def _strings(value):
    """Every string inside a parsed JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict | list):
        for item in value.values() if isinstance(value, dict) else value:
            yield from _strings(item)


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "".join("".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_pdfs_print_the_literal_text(injected):
    """Every PDF in the site prints the payload as text and never the evaluated expression."""
    site, _, _ = injected
    pdfs = sorted(site.rglob("*.pdf"))
    assert pdfs, "the build made no PDF"
    compact = "".join(PAYLOAD.split())
    for pdf in pdfs:
        text = _pdf_text(pdf)
        assert compact in text, f"{pdf.relative_to(site)}: payload not printed literally"
        assert EVALUATED not in text, f"{pdf.relative_to(site)}: {EVALUATED} printed"


def _export(project: Path, fmt: str) -> str:
    result = subprocess.run([sys.executable, "-m", "macros.cli", "export", "--format", fmt, "--data",
                             str(project / "data")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_exports_keep_the_exact_text(injected):
    """`handbook export` JSON and CSV, and the site's downloads, hold each injected field byte for byte."""
    site, project, markers = injected
    outputs = {"export json": _export(project, "json"), "export csv": _export(project, "csv")}
    for name in ("handbook.json", "handbook.csv"):
        outputs[f"site {name}"] = (site / "downloads" / name).read_text(encoding="utf-8")
    for name, content in outputs.items():
        if name.endswith("json"):
            records = json.loads(content)["records"]
            titles = [r["title"] for r in records["roles"]]
        else:
            rows = list(csv.DictReader(io.StringIO(content)))
            titles = [row["title"] for row in rows if row["kind"] == "roles"]
        assert any(t.startswith("Sample role inj") and t.endswith(PAYLOAD) for t in titles), f"{name}: {titles}"
        assert sum(content.count(marker + " ") for marker in markers) >= len(markers), f"{name} lost fields"


def test_no_page_runs_the_payload_in_a_browser(browser, injected):
    """Opening every page, searching and making a plan's calendar fire no dialog; all show the markup as text."""
    import functools
    import http.server
    import threading

    from conftest import QuietHandler

    site, _, markers = injected
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    dialogs, images = [], []
    context = browser.new_context()
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: alert({dialog.message}) ran"), dialog.dismiss()))
    try:
        for path in sorted(site.rglob("index.html")):
            folder = path.parent.relative_to(site).as_posix()
            page.goto(base if folder == "." else f"{base}{folder}/")
            if page.locator('img[src="x"]').count():
                images.append(f"{folder}: an <img src=x> from the data is in the page")
        page.goto(base)
        page.keyboard.press("/")
        title_marker = next(m for m, where in markers.items() if where == "roles.yml:sample-role.title")
        page.keyboard.type(title_marker, delay=15)
        first = page.locator(".md-search-result__item").first
        first.wait_for()
        page.wait_for_timeout(300)
        assert "<script>alert(1)</script>" in first.inner_text()
        assert page.locator('.md-search-result img[src="x"], .md-search-result script').count() == 0
        calendar = _calendar_of_plan(page, base + "onboarding/sample-plan/")
    finally:
        context.close()
        server.shutdown()
    assert not dialogs + images, "the payload ran:\n" + "\n".join(dialogs + images)
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert summaries and all(summary.endswith(PAYLOAD) for summary in summaries), summaries


def _calendar_of_plan(page, url: str):
    """The .ics an onboarding plan page makes for a start date, parsed (the file is built in the browser)."""
    import icalendar

    page.goto(url)
    page.get_by_label("Your start date").fill("2026-03-02")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download calendar (.ics)").click()
    return icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())


# ---------------------------------------------------------------- Markup in data text, past validation

@functools.cache
def _site_converter():
    """A Markdown converter with the site's extensions and their settings, as mkdocs.yml gives them to MkDocs."""
    import markdown
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


def site_markdown(source: str) -> str:
    """`source` converted to HTML by the site's Markdown (no glossary: any <abbr> comes from the source itself)."""
    converter = _site_converter()
    converter.reset()
    return converter.convert(source)


MARKUP = {  # data text, much of which no validated record can hold -> what a reader sees, when not the text itself
    "javascript link": ("Record [it](javascript:alert(1)) now", None),
    "javascript link, capitals": ("[it](JaVaScRiPt:alert(1))", None),
    "javascript link in angle brackets": ("[it](<javascript:alert(1)>)", None),
    "javascript link, entity-encoded": ("[it](&#106;avascript:alert(1))", None),
    "vbscript link": ("[it](vbscript:msgbox(1))", None),
    "data link": ("[it](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", None),
    "link to another site written as a path": ("[it](//evil.example/x.md) [it](/\\evil.example/x.md)", None),
    "javascript link after a backslash": ("\\[it](javascript:alert(1)) \\\\[it](javascript:alert(1))", None),
    "javascript link with brackets in the words": ("[a [b] c](javascript:alert(1))", None),
    "javascript link after an unclosed backtick": ("` [it](javascript:alert(1))", None),
    "javascript link between code spans": ("`a` [it](javascript:alert(1)) `b`", "a [it](javascript:alert(1)) b"),
    "javascript image": ("![x](javascript:alert(1))", None),
    "image from the web": ("![x](https://example.com/pixel.png)", None),
    "image inside an allowed link": ("[![x](javascript:alert(1))](https://example.com)", None),
    "reference image": ("![x][x] [x]: javascript:alert(1)", None),
    "reference definition": ("[x]: javascript:alert(1)", None),
    "reference definition and use": ("[it][x] [x]: javascript:alert(1)", None),
    "footnote": ("Text[^1] [^1]: note", None),
    "abbreviation definition": ("*[GM]: General manager, who the GM is", None),
    "abbreviation definition after a line break": ("GM\n*[GM]: General manager", "GM *[GM]: General manager"),
    "heading": ("# GM heading", None),
    "blockquote": ("> quoted", None),
    "bullet list": ("- item", None),
    "ordered list": ("1. item", None),
    "rule": ("---", None),
    "rule of stars": ("* * *", None),
    "admonition": ('!!! danger "x"', None),
    "details": ("??? note", None),
    "tab": ('=== "Tab"', None),
    "definition": (": defined", None),
    "fenced code": ("```html", None),
    "task box": ("[x] done", None),
    "keys": ("Press ++ctrl+alt+del++", None),
    "heading's closing hashes": ("Learn C#", None),
    "table from two list items": (":|:", None),
    "attribute list on code": ("`x`{onclick=alert(1)}", "x{onclick=alert(1)}"),
    "raw HTML": ('<a href="javascript:alert(1)">it</a><img src=x onerror=alert(1)>', None),
    "Markdown's own placeholders": ("\x02klzzwxh:0000\x03 \x0260\x03script\x0262\x03", "klzzwxh:0000 60script62"),
}

# Where a text sits on a page, as the render functions in macros/render/ put it: its own paragraph after another,
# a list item, a numbered step, a page title, a heading with an anchor, a table cell, after another text on a line,
# a checklist's HTML cell (md_in_html), an admonition.
CONTEXTS = {  # Markdown around the text (TEXT for text(), CELL for cell()) -> what a reader sees, tags it makes
    "paragraph": ("Lead.\n\nTEXT", "Lead. SHOWN", set()),
    "list item": ("- TEXT\n- TEXT", "SHOWN SHOWN", {"ul", "li"}),
    "numbered step": ("1. TEXT", "SHOWN", {"ol", "li"}),
    "page title": ("# TEXT", "SHOWN", {"h1", "a"}),
    "heading": ("### TEXT {#case}", "SHOWN", {"h3", "a"}),
    "table cell": ("| A |\n| --- |\n| CELL |", "A SHOWN", {"table", "thead", "tbody", "tr", "th", "td"}),
    "same line": ("TEXT; TEXT", "SHOWN; SHOWN", set()),
    "HTML cell": ('<table markdown="1">\n<tbody markdown="1">\n<tr markdown="1">\n<td markdown="span"><label>TEXT</label>'
                  '</td>\n</tr>\n</tbody>\n</table>', "SHOWN", {"table", "tbody", "tr", "td", "label"}),
    "admonition": ('!!! example "Example"\n    TEXT', "Example SHOWN", {"admonition"}),
}


def _in_context(context: str, first: str, second: str | None = None) -> str:
    """The context's Markdown with `first` rendered into it, and `second` into its second text, if it has one."""
    from macros.render.common import cell, text

    template = CONTEXTS[context][0].replace("CELL", cell(first))
    return template.replace("TEXT", text(first), 1).replace("TEXT", text(first if second is None else second))


def _visible(html: str) -> str:
    """What a reader sees of `html`: its text, whitespace squeezed, without the headings' permalink signs."""
    parsed = Parsed()
    parsed.feed(html)
    return squeeze("".join(parsed.text)).replace("¶", "").strip()
BLOCK_MARKUP = {"h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "hr", "pre",
                "table", "details", "input", "kbd", "sup", "img", "abbr", "script", "iframe", "a"}
SAFE_TARGET = re.compile(r"/(?![/\\])|#|https://|mailto:")  # `//host` and `/\host` are other sites to a browser


def _markup_found(html: str, context_tags: set[str]) -> list[str]:
    """Elements in `html` the context does not make itself, live targets that are not allowed, event handlers."""
    parsed = Parsed()
    parsed.feed(html)
    found = []
    for tag, attrs in parsed.elements:
        if tag in BLOCK_MARKUP - context_tags and not (tag == "a" and attrs.get("class") == "headerlink"):
            found.append(f"<{tag} {attrs}>" if attrs else f"<{tag}>")
        if tag == "div" and "admonition" in (attrs.get("class") or "") and "admonition" not in context_tags:
            found.append("admonition")
        found += [f"{name}={value!r}" for name, value in attrs.items()
                  if name in ("href", "src") and not SAFE_TARGET.match(value or "") or name.startswith("on")]
    return found


@pytest.mark.parametrize("context", CONTEXTS, ids=str)
@pytest.mark.parametrize("case", MARKUP, ids=str)
def test_markup_past_validation_renders_as_text(case, context):
    """Markup in a record that skipped validation becomes no element, link or image, and shows as typed."""
    payload, shown = MARKUP[case]
    _, visible, context_tags = CONTEXTS[context]
    html = site_markdown(_in_context(context, payload))
    assert not _markup_found(html, context_tags), f"{case} in a {context} became markup:\n{html}"
    assert _visible(html) == visible.replace("SHOWN", shown or squeeze(payload).strip()), html


def test_record_built_without_validation_renders_no_live_link():
    """A record made with model_construct, past the models' check, still renders its links and images as text."""
    from macros.data import models
    from macros.render.common import join_blocks, text

    duty = models.Duty.model_construct(summary="[it](javascript:alert(1)) ![x](data:image/png;base64,AA==)")
    html = site_markdown(join_blocks("Lead.", text(duty.summary)))
    assert not _markup_found(html, set()), html
    assert "[it](javascript:alert(1))" in html


FUZZ_PIECES = ["[", "]", "(", ")", "!", "`", "``", "\\", "*", "_", "javascript:alert(1)", "https://example.com",
               "/duties.md", "#a", " ", ":", "x", "#", "<", ">", "{", "}", "+", "++", "^", '"', "-", "1.", "\n", "|",
               "?", "=", "~", "*[", "]:", "](", "](javascript:x)", "data:x", "&", "&#106;", "!!! ", "    "]


def test_random_markup_never_makes_a_live_script_link():
    """Four hundred random mixes of Markdown's characters, each in every context, give no element or target they
    should not."""
    chance = random.Random(20261129)  # fixed: a failure is the same failure on every run
    failures = []
    for _ in range(400):
        first, second = ("".join(chance.choices(FUZZ_PIECES, k=chance.randint(1, 12))) for _ in range(2))
        if first.isspace() or second.isspace():
            continue  # blank text is refused at load time, and renders as nothing
        for name, (_, _, context_tags) in CONTEXTS.items():
            html = site_markdown(_in_context(name, first, second))
            found = _markup_found(html, context_tags | {"a"})  # allowed links may form: their targets are checked
            if found:
                failures.append(f"{first!r} / {second!r} in a {name}: {found}")
    assert not failures, "\n".join(failures[:10])


# ---------------------------------------------------------------- Allowed links, in a real build

@pytest.fixture(scope="module")
def linked_site(tmp_path_factory):
    """A site built with --strict from the sample data with allowed links in a duty's summary and a glossary term."""
    work = tmp_path_factory.mktemp("links")
    data = work / "data"
    import shutil

    shutil.copytree(SAMPLE_DATA, data)
    duties = data / "duties.yml"
    duties.write_text(duties.read_text(encoding="utf-8").replace(
        "  summary: Record what the meeting decided.",
        '  summary: "Record what the [meeting](https://example.com/meetings?a=1&b=2) decided, as '
        '[the principle](/principles.md#sample-principle) says; questions to [the office](mailto:office@example.com)."',
    ), encoding="utf-8")
    glossary = data / "glossary.yml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "  definition: The stamp that makes a document binding on the company.",
        "  definition: The stamp that makes a document binding; see [taking minutes](/duties.md#sample-duty).",
    ), encoding="utf-8")
    project = copy_project(work / "project", data=data)
    site = work / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def test_allowed_links_are_live_in_the_built_site(linked_site):
    """https:, mailto: and handbook-page links in data become working links, pages resolved to their URLs."""
    duties = parse(linked_site / "duties" / "index.html")
    hrefs = {attrs.get("href") for tag, attrs in duties.elements if tag == "a"}
    assert {"https://example.com/meetings?a=1&b=2", "../principles/#sample-principle",
            "mailto:office@example.com"} <= hrefs, sorted(h for h in hrefs if h)
    assert "Record what the meeting decided, as the principle says" in duties.text
    glossary = parse(linked_site / "glossary" / "index.html")
    assert "../duties/#sample-duty" in {attrs.get("href") for tag, attrs in glossary.elements if tag == "a"}
    assert "binding; see taking minutes" in glossary.text
