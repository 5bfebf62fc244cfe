"""What Markdown text in data/ may hold: refused when the data is loaded, shown literally when it is rendered.

The policy. Text in data is plain text with a little inline Markdown:

- emphasis and strong: `*x*`, `_x_`, `**x**`, `__x__`;
- inline code: `` `x` ``, a run of backticks closed by a run of as many (shown as written, HTML and braces escaped);
- links `[words](target)` whose target is a page of the handbook (`/duties.md`, `/duties.md#anchor`), an anchor
  (`#anchor`), an `https:` address or a `mailto:` address; the words hold no `[` or `]`, and nothing follows the target.

Everything else Markdown would turn into markup is either

- refused by `problem` when the data is loaded, with a message saying what is allowed, because it is clearly an
  attempt at markup that is not allowed: images, links to any other target (`javascript:`, `data:`, `http:`, a
  relative `page.html`...), reference links and definitions (`[x][y]`, `[x]: ...`), footnotes (`[^1]`), abbreviation
  definitions (`*[GM]: ...`), and text that is only whitespace; or
- shown literally by `to_markdown`, which renders every text: raw HTML (`<script>` is text), block syntax at the start
  of a text (`#`, `-`, `1.`, `!!!`, `: `, ...), braces (attribute lists), keys (`++ctrl++`), backslashes, lone
  backticks and, for records built without validation, every refused form above.

Pure: no MkDocs imports, so the models (macros/data/models.py) and the renderer (macros/render/common.py) share it.
"""

import html
import re

ALLOWED = "link to a handbook page (/duties.md#id), an https: address or a mailto: address"
BLANK = "is blank (only spaces or tabs); write the text or remove it"
IMAGE = f"images (![...](...)) are not allowed in data text; {ALLOWED} instead"
ABBREVIATION = ("abbreviation definitions (*[GM]: ...) are not allowed in data text; add the term to "
                "data/glossary.yml, which defines it on every page")
DEFINITION = ("reference definitions ([x]: ...) are not allowed in data text; write the target in the link itself, "
              "as [words](/duties.md#id) or [words](https://...)")
REFERENCE = ("reference links ([words][x]) are not allowed in data text; write the target in the link itself, "
             "as [words](/duties.md#id) or [words](https://...)")
FOOTNOTE = "footnotes ([^1]) are not allowed in data text; write the note into the text"
SHAPE = "write a link as [words](target): no [ or ] in the words, nothing after the target"

# A target a link may have. No whitespace, quotes, brackets, braces, backslashes or backticks in it, so Markdown's
# link ends exactly where this does; `(?!/)` refuses `//host/x.md`, which a browser reads as another site.
_TARGET = (r"/(?!/)[\w./-]*\.md(?:#[\w-]+)?|#[\w-]+"
           r"|https://[^\s()<>\[\]{}\\\"'`\x00]+|mailto:[^\s()<>\[\]{}\\\"'`\x00]+")
_ONLY_TARGET = re.compile(rf"(?:{_TARGET})")
_LINK = re.compile(rf"(?<!!)\[(?P<words>[^\s\[\]][^\[\]]*)\]\((?P<target>{_TARGET})\)")  # `!` first: an image
_TICKS = re.compile(r"`+")
_CODE_MARK = "\x00"  # stands in for a code span while the rest is handled; NUL can never come from YAML

# No `[` inside the brackets either, so that each search takes time in proportion to the text.
_ABBREVIATION = re.compile(r"\*\[[^\[\]]*\]\s*:")
_DEFINITION = re.compile(r"^[ \t]*\[[^\[\]\n]*\][ \t]*:", re.M)
_IMAGE = re.compile(r"!\[[^\[\]]*\]\s?[(\[]")
_REFERENCE = re.compile(r"\]\[")
_LINK_START = re.compile(r"\]\(\s*<?(?P<target>[^\s)>]*)")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def problem(value: str) -> str | None:
    """The first thing in `value` the policy refuses, as a message saying what is allowed instead; None if none."""
    if value.isspace():
        return BLANK
    if "[" not in value:  # every refused form but blank text has a bracket: most text stops here
        return None
    flat = _without_code(" ".join(value.split()))
    if _ABBREVIATION.search(flat):
        return ABBREVIATION
    if "[^" in flat:
        return FOOTNOTE
    if _DEFINITION.search(value):
        return DEFINITION
    if _IMAGE.search(flat):
        return IMAGE
    if _REFERENCE.search(flat):
        return REFERENCE
    return _link_problem(flat)


def _without_code(text: str) -> str:
    """`text` with each code span replaced by a mark: what is inside code is shown as written, never checked."""
    return _split_code(text)[0] if "`" in text else text


def _split_code(text: str) -> tuple[str, list[str]]:
    """(`text` with each code span replaced by a mark, the code spans in order)."""
    marked, codes, last = [], [], 0
    for start, end in _code_spans(text):
        marked += [text[last:start], _CODE_MARK]
        codes.append(text[start:end])
        last = end
    return "".join(marked) + text[last:], codes


def _code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each code span: a run of backticks to the next run of exactly as many, as Python-Markdown pairs
    them (markdown.inlinepatterns.BacktickInlineProcessor)."""
    # Markdown also pairs a run with no equal later one with a shorter one; that pairing depends on the text after
    # this one on the line, so such a run is left out here and shown as backticks.
    runs = [(m.start(), m.end()) for m in _TICKS.finditer(text)]
    next_equal: list[int | None] = [None] * len(runs)
    seen: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        next_equal[index], seen[length] = seen.get(length), index
    spans, index = [], 0
    while index < len(runs):
        close = next_equal[index]
        if close is None:
            index += 1
            continue
        spans.append((runs[index][0], runs[close][1]))
        index = close + 1
    return spans


def _link_problem(flat: str) -> str | None:
    """A message for the first `](` that does not belong to an allowed link, or None."""
    allowed = {m.end("words") for m in _LINK.finditer(flat)}
    for start in _LINK_START.finditer(flat):
        if start.start() in allowed:
            continue
        target = start["target"]
        if _ONLY_TARGET.fullmatch(target):
            return SHAPE
        scheme = _SCHEME.match(target)
        if scheme:
            return f"a link to {scheme.group()} is not allowed; {ALLOWED}"
        if not target:
            return f"a link needs a target; {ALLOWED}"
        shown = target if len(target) <= 60 else target[:57] + "..."
        return f"a link to '{shown}' is not allowed; {ALLOWED}"
    return None


# ---------------------------------------------------------------- Rendering

# Characters Python-Markdown unescapes after a backslash (markdown.Markdown.ESCAPED_CHARS with the site's
# extensions); others at the start of a text are written as a character reference instead.
_BACKSLASHED = frozenset("\\`*_{}[]()>#+-.!|")
_BLOCK_CHARS = frozenset("#-+*_:!?=~`0123456789")
# What Markdown reads as block syntax at the start of a paragraph or list item: heading, list, rule, definition,
# admonition, details, tab, fenced code. `>` and `<` need nothing: html.escape already made them `&gt;`, `&lt;`.
_BLOCK_START = re.compile(r"[#+-]|[*_] |[-*_ ]+$|: |!!!|\?\?\?|===|~~~|```")
_ORDERED = re.compile(r"\d+\.(?= |$)")
# A pipe is escaped everywhere: two list items, `- a | b` over `- |`, make a table.
_LITERAL = str.maketrans({"\\": "\\\\", "`": "\\`", "[": "\\[", "]": "\\]", "|": "\\|"})


_SHORTCODE = re.compile(r":(?=[\w+-]+:)")  # :x: would become an emoji image (pymdownx.emoji)


def to_markdown(value: str, in_table: bool = False) -> str:
    """`value` as Markdown on one line that shows it literally, but for the inline Markdown the policy allows; with
    `in_table`, for a table cell, where a pipe even inside code would start a new column."""
    markdown = _to_markdown(value, in_table)
    if ":" in markdown:  # (inside a code span the entity would show as written: a rare price for safety)
        markdown = _SHORTCODE.sub("&#58;", markdown)  # an entity: shown as a colon, never read as a shortcode
    return markdown


def _to_markdown(value: str, in_table: bool = False) -> str:
    text = " ".join(value.split())
    if not text or text[0] not in _BLOCK_CHARS and text[-1] != "#" and _plain(text):
        # most text: nothing to do but what _escape does, written out here as this runs for every string of a page
        return html.escape(text, quote=False).replace("{", "\\{").replace("}", "\\}")
    if _CODE_MARK in text:
        text = text.replace(_CODE_MARK, "")
    head = ""
    if text[0] in _BLOCK_CHARS:
        head, text = _block_start(text)
    if text.endswith("#"):  # a heading's closing hashes would be dropped: "Learn C#" would show as "Learn C"
        return head + _inline(text[:-1], in_table) + "\\#"
    return head + _inline(text, in_table)


def _plain(text: str) -> bool:
    """Whether `text` holds none of the characters that need more than `_escape`: brackets, backslashes, backticks,
    pipes, `++`. (Tests with `in`, several times faster than one regular expression over the text.)"""
    return not ("[" in text or "]" in text or "\\" in text or "`" in text or "|" in text or "++" in text
                or _CODE_MARK in text)


def _block_start(text: str) -> tuple[str, str]:
    """(the start of `text` made literal, the rest), when the text starts with block syntax; else ("", text)."""
    ordered = _ORDERED.match(text) if text[0].isdigit() else None
    if ordered:
        return text[:ordered.end() - 1] + "\\.", text[ordered.end():]
    if not _BLOCK_START.match(text):
        return "", text
    first = text[0]
    return ("\\" + first if first in _BACKSLASHED else f"&#{ord(first)};"), text[1:]


def _inline(text: str, in_table: bool) -> str:
    """`text` with HTML and braces escaped and, when it holds brackets, backslashes, backticks, pipes or `++`, every
    one escaped but those of allowed links and code spans."""
    if _plain(text):
        return _escape(text)
    codes: list[str] = []
    if "`" in text:
        text, codes = _split_code(text)
    parts, last = [], 0
    for link in _LINK.finditer(text) if "[" in text else ():
        parts.append(_literal(text[last:link.start()]))
        parts.append(f"[{_literal(link['words'])}]({link['target']})")
        last = link.end()
    parts.append(_literal(text[last:]))
    result = "".join(parts)
    if codes:  # each code span back in its place, escaped as before: Markdown shows code as written
        pieces = result.split(_CODE_MARK)
        codes = [_escape(code).replace("|", "\\|") if in_table else _escape(code) for code in codes]
        result = pieces[0] + "".join(code + piece for code, piece in zip(codes, pieces[1:]))
    return result


def _escape(text: str) -> str:
    """HTML shown literally, and braces escaped: attr_list reads `{...}` as attributes (`{onclick=...}`, or a title's
    `{#x}` taking the place of its heading's anchor; tests/test_injection.py)."""
    return html.escape(text, quote=False).replace("{", "\\{").replace("}", "\\}")


def _literal(text: str) -> str:
    """Text outside links and code, every Markdown character in it escaped but emphasis."""
    text = _escape(text.translate(_LITERAL))  # backslashes doubled before braces add theirs
    # keys (pymdownx.keys) turns `++ctrl++` into keyboard keys; one escaped plus breaks every `++`
    return text.replace("+", "\\+") if "++" in text else text


_EMPHASIS = re.compile(r"(?<!\w)(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?!\w)")  # snake_case is no emphasis
_PAPER_CODE = re.compile(r"(`+)(.+?)\1")


def to_paper(value: str) -> str:
    """The text as words for paper, where nothing is clicked: a link shows its words, emphasis and code their text."""
    if "[" not in value and "*" not in value and "_" not in value and "`" not in value:
        return value
    text = _LINK.sub(lambda match: match.group("words"), value)
    text = _PAPER_CODE.sub(lambda match: match.group(2), text)
    return _EMPHASIS.sub(lambda match: match.group(2), text)
