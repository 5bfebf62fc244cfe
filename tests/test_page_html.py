"""Page HTML kept lean: hover definitions on first use only, no template indentation, only the scripts a page uses."""

import re

import markdown

from macros.site.first_use import FirstUseExtension
from macros.site.minify import strip_indentation

GLOSSARY = {"GM": "General manager: the head of the company", "general office": "The company's central office"}


def converted(text: str) -> str:
    return markdown.markdown(text, extensions=["abbr", FirstUseExtension()],
                             extension_configs={"abbr": {"glossary": GLOSSARY}})


def test_a_definition_comes_with_the_first_use_in_the_text_only():
    html = converted("# The GM\n\nAsk the GM first. The general office and the GM agree.\n\n- the GM again")
    assert html.count('<abbr title="General manager: the head of the company">GM</abbr>') == 2  # heading + first use
    assert re.search(r"<h1>The <abbr [^>]+>GM</abbr></h1>", html), "a heading keeps its own definition"
    assert html.count('<abbr title="The company\'s central office">') == 1
    text = re.sub(r"<[^>]+>", "", html)
    assert "Ask the GM first. The general office and the GM agree." in text and "the GM again" in text


def test_a_term_in_chinese_text_gets_its_definition_and_a_part_of_a_latin_word_does_not():
    """Chinese runs its words together: a term is found between other characters, but never inside a Latin word."""
    html = markdown.markdown("负责处理信访件。 The GMs met; the GM-level view.", extensions=["abbr", FirstUseExtension()],
                             extension_configs={"abbr": {"glossary": {"信访": "群众来信来访", "GM": "General manager"}}})
    assert '处理<abbr title="群众来信来访">信访</abbr>件' in html
    assert "GMs" in html and '<abbr title="General manager">GM</abbr>-level' in html


def test_every_page_gives_each_definition_once_in_its_text(site):
    for page in sorted(site.rglob("index.html")):
        article = re.search(r"<article.*?</article>", page.read_text(encoding="utf-8"), re.S).group(0)
        outside_headings = re.sub(r"<h([1-6])\b.*?</h\1>", "", article, flags=re.S)
        titles = re.findall(r'<abbr title="([^"]*)"', outside_headings)
        repeated = sorted({title[:40] for title in titles if titles.count(title) > 1})
        assert not repeated, f"{page.relative_to(site)} repeats definitions: {repeated}"
    for edition in ("", "zh/"):
        duties = (site / edition / "duties" / "index.html").read_text(encoding="utf-8")
        assert duties.count("<abbr title=") >= 10, f"{edition}duties/ should still define the terms it uses"


def test_indentation_goes_but_preformatted_text_and_code_stay():
    page = ("<div>\n    <p>one\n\n      two</p>\n  <pre>  keep\n      this</pre>\n"
            "<script>\n  const s = `a\n   b`;\n</script><textarea>\n  typed</textarea>\n</div>")
    assert strip_indentation(page) == ("<div>\n<p>one\ntwo</p>\n<pre>  keep\n      this</pre>\n"
                                       "<script>\n  const s = `a\n   b`;\n</script><textarea>\n  typed</textarea>\n</div>")


def test_line_breaks_between_table_parts_go_but_those_in_cells_stay():
    page = ('<table class="x">\n<thead>\n<tr>\n<th>A</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n'
            '<td>one<br />\ntwo</td>\n<td><a>x</a>\n<a>y</a></td>\n</tr>\n</tbody>\n</table>\n<p>after</p>'
            '<pre><code>&lt;tr&gt;\n<span>&lt;td&gt;</span></code></pre>')
    assert strip_indentation(page) == ('<table class="x"><thead><tr><th>A</th></tr></thead><tbody><tr>'
                                       '<td>one<br />\ntwo</td><td><a>x</a>\n<a>y</a></td></tr></tbody></table>\n'
                                       '<p>after</p><pre><code>&lt;tr&gt;\n<span>&lt;td&gt;</span></code></pre>')


def test_built_pages_carry_no_template_indentation(site):
    for page in sorted(site.rglob("*.html")):
        html = re.sub(r"<(pre|textarea|script|style)\b.*?</\1\s*>", "", page.read_text(encoding="utf-8"), flags=re.S)
        indented = re.findall(r"\n[ \t]+\S.{0,30}", html)
        assert not indented, f"{page.relative_to(site)}: {indented[:3]}"


PAGE_SCRIPTS = ("checklists.js", "hr.js", "start.js")


def loaded_scripts(html: str) -> list[str]:
    return [name for name in re.findall(r'<script src="[^"]*?assets/([a-z]+\.js)"', html) if name in PAGE_SCRIPTS]


def test_a_page_loads_the_scripts_of_the_blocks_it_holds_and_no_others(site):
    expected = {"checklists/procurement/index.html": ["checklists.js"],
                "onboarding/onboarding-executive-secretary/index.html": ["checklists.js"],
                "start/general-assistant/index.html": ["checklists.js", "start.js"],  # start.js uses its dates
                "index.html": ["checklists.js", "start.js"],  # the chosen role's week
                "hr/adverts/general-assistant/index.html": ["hr.js"],
                "compare/index.html": ["hr.js"],
                "review/index.html": ["checklists.js", "hr.js"],  # the review reads exported progress
                "duties/index.html": [], "glossary/index.html": [], "roles/general-assistant/index.html": []}
    for edition in ("", "zh/"):
        for page, scripts in expected.items():
            html = (site / edition / page).read_text(encoding="utf-8")
            assert loaded_scripts(html) == scripts, f"{edition}{page}"
            assert all((site / edition / "assets" / name).is_file() for name in scripts)


def test_the_glossary_pattern_finds_what_a_plain_alternation_of_its_terms_finds():
    """first_use._terms_pattern shares the terms' beginnings (a tree); it must match exactly as "longest term first"."""
    import random

    from macros.site.first_use import EDGE, _terms_pattern

    terms = ["GM", "GM office", "general office", "office", "信访", "信访件", "A", "AB", "ABC", "C++", "x.y", "seal",
             "sealing"]
    plain = re.compile(f"(?<![{EDGE}])(?:{'|'.join(re.escape(t) for t in sorted(terms, key=len, reverse=True))})"
                       f"(?![{EDGE}])")
    tree = _terms_pattern(frozenset(terms))
    shuffle = random.Random(19)
    texts = ["the GM office and the general office", "处理信访件和信访", "ABC AB A ABD", "use C++, x.y", "sealing seals"]
    texts += ["".join(shuffle.choice("GM ofice信访件ABCxy.+ seal") for _ in range(30)) for _ in range(2000)]
    for text in texts:
        assert [m.group(0) for m in tree.finditer(text)] == [m.group(0) for m in plain.finditer(text)], text
