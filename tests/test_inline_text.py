"""The text policy (macros/data/inline_text.py): allowed inline Markdown works, other markup is refused at load time with a
message saying what is allowed, or shown literally."""

import random
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
import yaml
from pydantic import TypeAdapter, ValidationError

from conftest import SAMPLE_DATA, run_handbook
from macros.data import inline_text, models
from macros.data.kinds import BY_NAME
from macros.render.common import cell, text
from test_injection import site_markdown

ALLOWED_FORMS = {  # data text -> HTML the site's Markdown makes of it
    "plain text": ("Minutes out within a day.", "Minutes out within a day."),
    "emphasis": ("Do *not* decide", "Do <em>not</em> decide"),
    "emphasis with underscores": ("Do _not_ decide", "Do <em>not</em> decide"),
    "strong": ("**Never** sign", "<strong>Never</strong> sign"),
    "strong at the start": ("**Note:** sign", "<strong>Note:</strong> sign"),
    "inline code": ("Run `handbook check` first", "Run <code>handbook check</code> first"),
    "code holding link syntax": ("Write `[x](javascript:y)`", "Write <code>[x](javascript:y)</code>"),
    "page link": ("See [the duties](/duties.md)", 'See <a href="/duties.md">the duties</a>'),
    "page link with anchor": ("See [minutes](/duties.md#take-minutes).",
                              'See <a href="/duties.md#take-minutes">minutes</a>.'),
    "page in a folder": ("[Guide](/roles/office-director.md)", '<a href="/roles/office-director.md">Guide</a>'),
    "anchor link": ("[Above](#why)", '<a href="#why">Above</a>'),
    "https link": ("[Form](https://example.com/a_b?x=1&y=2)",
                   '<a href="https://example.com/a_b?x=1&amp;y=2">Form</a>'),
    "mailto link": ("[Write](mailto:office@example.com)", '<a href="mailto:office@example.com">Write</a>'),
    "link words with emphasis and code": ("[*the* `check`](/duties.md)",
                                          '<a href="/duties.md"><em>the</em> <code>check</code></a>'),
}


@pytest.mark.parametrize("value, html", ALLOWED_FORMS.values(), ids=ALLOWED_FORMS.keys())
def test_allowed_form_passes_and_renders(value, html):
    """Each allowed form passes the check and becomes the intended HTML in the site's Markdown."""
    assert inline_text.problem(value) is None
    assert site_markdown(f"Lead.\n\n{text(value)}") == f"<p>Lead.</p>\n<p>{html}</p>"


ALLOWED_LINK = "link to a handbook page (/duties.md#id), an https: address or a mailto: address"
REFUSED_FORMS = {  # data text -> the message, which says what to write instead
    "javascript link": ("Record [it](javascript:alert(1)).", f"a link to javascript: is not allowed; {ALLOWED_LINK}"),
    "javascript link, capitals": ("[it](JavaScript:alert(1))", f"a link to JavaScript: is not allowed; {ALLOWED_LINK}"),
    "vbscript link": ("[it](vbscript:msgbox(1))", f"a link to vbscript: is not allowed; {ALLOWED_LINK}"),
    "data link": ("[it](data:text/html,<script>alert(1)</script>)", f"a link to data: is not allowed; {ALLOWED_LINK}"),
    "http link": ("[it](http://example.com)", f"a link to http: is not allowed; {ALLOWED_LINK}"),
    "relative link": ("[it](duties.html)", f"a link to 'duties.html' is not allowed; {ALLOWED_LINK}"),
    "relative page": ("[it](duties.md)", f"a link to 'duties.md' is not allowed; {ALLOWED_LINK}"),
    "another site, written as a path": ("[it](//evil.example/x.md)",
                                        f"a link to '//evil.example/x.md' is not allowed; {ALLOWED_LINK}"),
    "link without target": ("[it]()", f"a link needs a target; {ALLOWED_LINK}"),
    "link with a title": ('[it](https://example.com "Title")', inline_text.SHAPE),
    "brackets in link words": ("[a [b] c](https://example.com)", inline_text.SHAPE),
    "javascript image": ("![x](javascript:alert(1))", inline_text.IMAGE),
    "https image": ("![logo](https://example.com/logo.png)", inline_text.IMAGE),
    "reference image": ("![logo][x]", inline_text.IMAGE),
    "abbreviation definition": ("*[GM]: General manager", inline_text.ABBREVIATION),
    "abbreviation after text": ("The GM. *[GM]: General manager", inline_text.ABBREVIATION),
    "reference definition": ("[x]: https://example.com", inline_text.DEFINITION),
    "reference definition on a later line": ("Text\n[x]: javascript:alert(1)", inline_text.DEFINITION),
    "reference link": ("[words][x]", inline_text.REFERENCE),
    "footnote": ("Text[^1]", inline_text.FOOTNOTE),
    "space only": (" ", inline_text.BLANK),
    "tab only": ("\t", inline_text.BLANK),
    "line breaks only": ("\n \n", inline_text.BLANK),
}


@pytest.mark.parametrize("value, message", REFUSED_FORMS.values(), ids=REFUSED_FORMS.keys())
def test_refused_form_names_what_is_allowed(value, message):
    """Each refused form is refused with its message, which says what to write instead."""
    assert inline_text.problem(value) == message
    assert any(hint in message for hint in ("/duties.md#id", "[words](target)", "glossary.yml", "write the")), message


def test_every_text_field_refuses_markup():
    """No string field of any record accepts a javascript: link or blank text: each is a Text, a slug or a choice."""
    accepted = []
    for source in sorted(SAMPLE_DATA.glob("*.yml")):
        kind = BY_NAME[source.stem]
        record = yaml.safe_load(source.read_text(encoding="utf-8"))[0]
        for path in _string_paths(record):
            for bad in ("[x](javascript:alert(1))", " "):
                try:
                    kind.model.model_validate(_replaced(record, path, bad))
                except ValidationError:
                    continue
                accepted.append(f"{source.name}: {'.'.join(map(str, path))} accepts {bad!r}")
    assert not accepted, "\n".join(accepted)


def _string_paths(value, path=()):
    """The path to every string inside a record."""
    if isinstance(value, str):
        yield path
    elif isinstance(value, dict | list):
        for key, item in value.items() if isinstance(value, dict) else enumerate(value):
            yield from _string_paths(item, path + (key,))


def _replaced(value, path, new):
    """A copy of `value` with the string at `path` replaced by `new`."""
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _replaced(value[path[0]], path[1:], new)
    return copy


def test_policy_error_is_a_text_policy_error_with_the_message():
    """The model raises a `text_policy` error whose message is the policy's, as the loader prints it."""
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(models.Text).validate_python("[it](javascript:alert(1))")
    error, = caught.value.errors()
    assert error["type"] == "text_policy"
    assert error["msg"] == f"a link to javascript: is not allowed; {ALLOWED_LINK}"


def test_message_with_braces_is_printed_as_written():
    """A target holding braces is quoted in the message as written, never read as a placeholder."""
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(models.Text).validate_python("[it]({problem}.html)")
    assert caught.value.errors()[0]["msg"] == f"a link to '{{problem}}.html' is not allowed; {ALLOWED_LINK}"


LITERAL = {  # data text the check lets through, and the renderer shows exactly as typed
    "raw HTML": "<b>bold</b> & <script>alert(1)</script>",
    "template syntax": "{{ 7*7 }} {% raw %}",
    "attribute list": "`x`{onclick=alert(1)}",
    "heading": "# Not a heading",
    "heading with closing hashes": "# Learn C#",
    "blockquote": "> not quoted",
    "bullet": "- not a list",
    "plus bullet": "+ not a list",
    "star bullet": "* not a list",
    "ordered list": "1. not a list",
    "rule": "---",
    "admonition": "!!! note",
    "details": "??? note",
    "tab": '=== "Tab"',
    "definition": ": not a definition",
    "fence": "```python",
    "task box": "[x] not a box",
    "table of contents marker": "[TOC]",
    "keys": "++ctrl+alt+del++",
    "backslashes": r"C:\new\table and \[sic\] \`",
    "lone backtick": "it`s",
    "pipe": "a | b",
    "brackets": "[sic] and (see above)",
    "autolink": "<https://example.com>",
}


@pytest.mark.parametrize("value", LITERAL.values(), ids=LITERAL.keys())
def test_other_markup_is_shown_literally(value):
    """Markup the policy does not allow but does not refuse shows as typed, in a paragraph, a list item and a cell."""
    assert inline_text.problem(value) is None
    wanted = value.replace("`x`", "x")  # the attribute list's code span stays code
    assert _visible(site_markdown(f"Lead.\n\n{text(value)}")) == f"Lead. {wanted}"
    assert _visible(site_markdown(f"- {text(value)}\n- {text(value)}")) == f"{wanted} {wanted}"
    assert _visible(site_markdown(f"| A |\n| --- |\n| {cell(value)} |")) == f"A {wanted}"


def test_code_spans_are_the_ones_markdown_makes():
    """Random mixes of backticks and text give exactly the code the renderer expects: what it leaves unescaped as
    code is code on the page, and every other backtick shows."""
    chance = random.Random(7)
    pieces = ["`", "``", "```", "a", " ", "b c", "\\", "[x](javascript:y)", "*"]
    for _ in range(500):
        value = "x " + "".join(chance.choices(pieces, k=chance.randint(1, 10)))  # "x": no fence at the start
        flat = " ".join(value.split())
        expected = [" ".join(code.strip("`").split()) for code in inline_text._split_code(flat)[1]]
        html = site_markdown(f"Lead.\n\n{text(value)}")
        assert re.findall(r"<code>(.*?)</code>", html) == expected, f"{value!r}:\n{html}"
        assert "<a " not in html, f"{value!r}:\n{html}"


def test_code_in_a_table_cell_keeps_its_pipe_out_of_the_columns():
    """A pipe inside code in a cell does not start a new column."""
    html = site_markdown(f"| A | B |\n| --- | --- |\n| {cell('`a|b`')} | c |")
    assert html.count("<td>") == 2 and "<code>" in html


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def _visible(html: str) -> str:
    """What a reader sees of `html`: its text, whitespace squeezed."""
    parser = _Text()
    parser.feed(html)
    return " ".join("".join(parser.parts).split())


# ---------------------------------------------------------------- `handbook check` on bad data


@dataclass
class BadText:
    name: str
    file: str
    old: str  # a line of the sample file
    new: str  # what it becomes
    line: int  # the line the report must point at
    says: str  # the report after `path:line: `


BAD_TEXT = [
    BadText("javascript link", "duties.yml", "  summary: Record what the meeting decided.",
            '  summary: "Record [it](javascript:alert(1))."', 8,
            f"duties[0].summary: a link to javascript: is not allowed; {ALLOWED_LINK}"),
    BadText("vbscript link", "roles.yml", "  purpose: It exists so the loader has one complete record of each kind.",
            '  purpose: "[Open](vbscript:msgbox(1))"', 8,
            f"roles[0].purpose: a link to vbscript: is not allowed; {ALLOWED_LINK}"),
    BadText("data link", "principles.yml", "  why: The general manager decides.",
            '  why: "[Open](data:text/html;base64,PHNjcmlwdD4=)"', 8,
            f"principles[0].why: a link to data: is not allowed; {ALLOWED_LINK}"),
    BadText("javascript image", "duties.yml", "  how: [Listen, Write, Circulate]",
            '  how: [Listen, "![x](javascript:alert(1))", Circulate]', 9,
            f"duties[0].how[1]: {inline_text.IMAGE}"),
    BadText("image", "glossary.yml", "  definition: The stamp that makes a document binding on the company.",
            '  definition: "The stamp: ![seal](https://example.com/seal.png)"', 6,
            f"glossary[0].definition: {inline_text.IMAGE}"),
    BadText("abbreviation definition", "roles.yml", "  title: Sample role", '  title: "*[GM]: x"', 5,
            f"roles[0].title: {inline_text.ABBREVIATION}"),
    BadText("reference definition", "principles.yml", "  summary: Support the decision; do not make it.",
            '  summary: "[gm]: https://example.com"', 7, f"principles[0].summary: {inline_text.DEFINITION}"),
    BadText("space only", "duties.yml", "  good_looks_like: Minutes out within a day.", '  good_looks_like: " "', 10,
            f"duties[0].good_looks_like: {inline_text.BLANK}"),
    BadText("tab only", "roles.yml", "  works_with: [Department heads]", '  works_with: ["\\t"]', 10,
            f"roles[0].works_with[0]: {inline_text.BLANK}"),
]


@pytest.mark.parametrize("case", BAD_TEXT, ids=lambda c: c.name)
def test_check_reports_refused_text_with_file_line_and_what_is_allowed(case, sample_data):
    """`handbook check` fails on refused text with the file, the line and the policy's message, never a traceback."""
    path = sample_data / case.file
    source = path.read_text(encoding="utf-8")
    assert case.old in source, f"test setup: {case.old!r} not in {case.file}"
    path.write_text(source.replace(case.old, case.new, 1), encoding="utf-8")
    result = run_handbook("check", "--data", str(sample_data))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    expected = f"{sample_data.as_posix()}/{case.file}:{case.line}: {case.says}"
    assert expected in result.stderr.splitlines(), f"no line {expected!r} in:\n{result.stderr}"


@pytest.mark.parametrize("written,on_paper", [
    ("See [the advert](/hr/index.md) first.", "See the advert first."),
    ("**Always** check *twice*, `twice`.", "Always check twice, twice."),
    ("snake_case_name and a_b stay as written", "snake_case_name and a_b stay as written"),
    ("Plain text.", "Plain text."),
])
def test_paper_shows_the_words_of_inline_markdown(written, on_paper):
    """PDFs print a link's words and emphasised text without the Markdown marks (nothing is clickable on paper)."""
    assert inline_text.to_paper(written) == on_paper
