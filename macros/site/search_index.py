"""Material's search index shaped for readers: print-only and repeated lines left out, records found by their names."""

# Two steps, on Material's own extension points (squidfunk/mkdocs-material, material/plugins/search/plugin.py):
#
# 1. Around Material's on_page_context, where it indexes `page.content`, the page's content is swapped for a copy
#    without the blocks no reader searches for, and put back right after (the page itself is unchanged): print-only
#    blocks (sign-off lines, the job description's print copy, "Date, initials" columns), comparison grids (the
#    manager's and maintenance views: other records' titles and ticks, each title indexed with its record), the
#    checklist toolbar and other buttons, a plan's "At a glance" table, an interview kit's scoring sheet, a job
#    advert's text (its role's records again), owner-and-review lines, "Cited by" and cross-reference lines (other records' titles, the same words on every
#    record) and a record's "Also called" line (it becomes the entry's tags, below). Material's own `data-search-exclude` attribute cannot do this: its indexer
#    compares elements by tag name only, so exclusion ends at the first nested closing tag of the same name (a
#    sign-off `<div>` holds row `<div>`s).
# 2. on_post_build rewrites search/search_index.json, which Material writes in its own on_post_build (hooks run after
#    plugins): each record's own entry (a duty's section, a checklist's page, a glossary term's section) gets the
#    other words people use for it (`also_called`, the glossary's `aliases`) as `tags`, and a `boost`, so a query
#    that names a record puts the record above pages that merely mention the word; a sentence that a record's own
#    entry holds is dropped from the other entries that repeat it (role pages, the manager's view), so the index
#    holds each text once.
#
# tests/test_search_index.py fails if Material's index format (config, docs with location/title/text) changes.

import html
import json
import re
import sys
from functools import lru_cache, partial
from pathlib import Path

from mkdocs.plugins import CombinedEvent, event_priority

from macros.data.kinds import KINDS

SERVE_CACHE = "macros.site.serve_cache"  # hooks.SERVE_CACHE (another hook module): imported by `mkdocs serve` only


def words(english: str) -> str:
    """words() of the build's own copy of macros: MkDocs loads this hook module once, and hooks.on_config makes every
    build import macros afresh, so a module-level import would hold a stale language."""
    from macros.data.language import words as in_this_build

    return in_this_build(english)

# Blocks left out of the index, by a class of theirs; and paragraphs that start with a label that repeats.
EXCLUDED_CLASSES = ("hb-print-only", "hb-signoff", "hb-sign", "hb-toolbar", "hb-review", "hb-why", "hb-matrix",
                    # buttons; a plan's table of its own steps; an interview kit's boxes to tick; an advert's text,
                    # which is its role's records again (the advert page is found by its title and other names)
                    "hb-actions", "hb-glance", "hb-score-sheet", "hb-advert",
                    # a role guide's lists of the principles, rules and pitfalls that apply (each record's own entry
                    # holds its text), and an interview kit's question tables (the same question for every duty)
                    "hb-compact", "hb-kit-questions",
                    # a checklist step's owner and timing cells (read on the page; the step is what is searched),
                    # and the "this week" view, which is empty until the reader's browser fills it in
                    "hb-col-owner", "hb-col-when", "hb-week",
                    # a plan's start-date field and buttons, and each step's "4 working days after you start"
                    "hb-plan__controls", "hb-step-when",
                    # a role guide's links to its start page, first-week checklist and plan (their titles again)
                    "hb-first-week-path",
                    # the manager's view's copy of each role's 30/60/90 expectations (the role guide holds them)
                    "hb-expectations--wide",
                    # a start page's table of the reader's own progress, filled in by their browser
                    "hb-your-progress")
# and a glossary term's "Also written:" line and a record's "Also called" line: both become the entry's tags.
EXCLUDED_PARAGRAPHS = ("<p><strong>{Cited by}</strong>", "<p><em>{Also called:}</em>",
                       "<p><em>{Also written:}</em>")  # {…}: in the edition's words
_CLASSED = re.compile(r'<(\w+)\s[^>]*?\bclass="(?:[^"]*\s)?(?:' + "|".join(map(re.escape, EXCLUDED_CLASSES))
                      + r')(?:\s[^"]*)?"[^>]*>')
# and the cross-reference lines under a record ("Principles: <links>", widgets.related): other records' titles, which
# those records' own entries hold.
CROSS_REFERENCES = ("Principles", "Conduct rules", "Checklists", "Duties", "Pitfalls")


def _paragraphs() -> re.Pattern:
    """The excluded paragraphs, by their labels in the edition's language."""
    starts = [re.escape(re.sub(r"\{([^}]+)\}", lambda m: words(m.group(1)), start)) for start in EXCLUDED_PARAGRAPHS]
    labels = [re.escape(words("{label}: {value}").format(label=words(label), value="")) for label in CROSS_REFERENCES]
    return re.compile("(?:" + "|".join([*starts, *(rf"<p>{label}<a\b" for label in labels)])
                      + ").*?</p>", re.S)

# A record's own entry is worth this many times another entry that matches as well (Material already multiplies a
# whole page's score by up to 5 and a section's by up to 2, so a record shown as a section needs more to come first).
RECORD_BOOST = {"section": 3, "page": 1.5}
# How much a match counts, by field: Material's own title and text weights; its tags weigh 1e6 by default, so any
# query word that starts a tag ("a" of "handle a complaint" starts "archiving") put that record first: a record's
# other names weigh as its title does. FORMS holds plurals (see plurals()), weighed like the text.
FORMS = "forms"
FIELDS = {"title": {"boost": 1e3}, "text": {"boost": 1.0}, "tags": {"boost": 1e3}, FORMS: {"boost": 1e2}}
# Sentences shorter than this are kept everywhere: short phrases ("Daily", "Owner") are not what makes an index big.
MIN_REPEATED = 40
MIN_BLOCK = 80  # a whole block repeated: long enough that it is boilerplate, not a title listed twice
# An entry's text in pieces: paragraphs and list items, their sentences, and what follows a label ("Instead: ...").
# (Every break starts with white space or "<": the lookahead says so first, which halves the time of a split.)
_PIECES = re.compile(r"((?=[\s<])(?:\s*</?(?:p|li|ul|ol)>\s*|(?<=[.!?:])\s+|\s+—\s+))")

_shown: dict[int, str] = {}  # id(page) -> the content the page shows, while Material indexes the searchable copy


def searchable(html: str) -> str:
    """The page's HTML without the excluded blocks (each removed whole, nested elements of the same tag included)
    and without table headings ("Duty How often What good looks like" before every table's cells)."""
    html = _paragraphs().sub("", _TABLE_HEADINGS.sub("", html))
    # One pass from the start: each block is skipped from its opening tag to its own closing tag, and the search goes
    # on after it (searching the whole page again after each cut made a long checklist's copy cost its length squared).
    kept, start = [], 0
    while match := _CLASSED.search(html, start):
        tag, depth, position = match.group(1), 1, match.end()
        tags = _same_tag(tag)
        while depth and (inner := tags.search(html, position)):
            depth += -1 if inner.group(1) else 1
            position = inner.end()
        kept.append(html[start:match.start()])
        start = position
    kept.append(html[start:])
    return "".join(kept)


_TABLE_HEADINGS = re.compile(r"<thead\b.*?</thead>", re.S)


@lru_cache(maxsize=None)
def _same_tag(tag: str) -> re.Pattern:
    """An opening or closing tag named `tag`."""
    return re.compile(rf"<(/?){tag}\b[^>]*>")


@event_priority(100)  # before Material's search plugin indexes the page
def _index_searchable_copy(context, page, config, nav):
    _shown[id(page)] = page.content
    serving = sys.modules.get(SERVE_CACHE)  # under `mkdocs serve`: the copy made last time while the page is the same
    page.content = serving.searchable_copy(page, page.content or "", searchable) if serving else \
        searchable(page.content or "")


@event_priority(-100)  # after it, before the page is rendered
def _restore_shown_content(context, page, config, nav):
    page.content = _shown.pop(id(page), page.content)


on_page_context = CombinedEvent(_index_searchable_copy, _restore_shown_content)


def on_pre_build(config):
    if serving := sys.modules.get(SERVE_CACHE):
        serving.wait_for_background()  # the last rebuild's index is written before this build's replaces it


def on_post_build(config):
    path = Path(config.site_dir) / "search" / "search_index.json"
    if not path.is_file():  # search switched off
        return
    records = record_words(config.plugins["macros"].variables["handbook"])
    # `mkdocs serve` shapes the index after the rebuild, while the reader's browser reloads the page (a tenth of a
    # rebuild); until then search has Material's index, in which everything is found, only less well ranked.
    if serving := sys.modules.get(SERVE_CACHE):
        serving.in_background(partial(_shape_index_file, path, records))
    else:
        _shape_index_file(path, records)


def _shape_index_file(path: Path, records: dict[str, list[str]]) -> None:
    index = shape(json.loads(path.read_text(encoding="utf-8")), records)
    text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    from macros.data.user_cache import write_atomically  # a reader's browser may fetch the index meanwhile

    write_atomically(path, text.encode("utf-8"))


def location(url: str) -> str:
    """A record's link from docs/ ("/duties.md#call-log", "/roles/x.md") as the index writes it ("duties/#call-log")."""
    page, _, anchor = url.lstrip("/").partition("#")
    page = page.removesuffix(".md")
    page = "" if page == "index" else page.removesuffix("/index") + "/"
    return page + (f"#{anchor}" if anchor else "")


def record_words(handbook) -> dict[str, list[str]]:
    """Each record's own index location -> the other words people use for it (empty when it has none)."""
    found = {}
    for kind in KINDS:
        for record in handbook.records[kind.name]:
            names = getattr(record, "also_called", None) or getattr(record, "aliases", None) or []
            # A record with a page of its own is also what its kind is called ("onboarding plan", "checklist").
            kind_name = [words(kind.noun)] if kind.page_macro else []
            # Material shows an entry's tags as HTML, as it does its title and text: a name from the data is escaped
            # here as the page's own text was, so that "<img onerror=...>" in a name reads as text in a result.
            found[location(kind.url_of(record.id))] = [html.escape(word) for word in dict.fromkeys([*names, *kind_name])]
    return found


def shape(index: dict, records: dict[str, list[str]]) -> dict:
    """The index with records tagged and boosted, and each repeated sentence kept once, where it belongs."""
    docs = index["docs"]
    record_pages = {location for location in records if "#" not in location}
    # Where a sentence belongs: a record's own entry first, then a record's page (a role guide's sections), then the
    # rest in site order. A sentence met again later is cut there: a summary a role guide repeats, the interview
    # kit's question asked of every duty, the expectations the manager's view shows again.
    def tier(doc):
        return 0 if doc["location"] in records else 1 if doc["location"].split("#")[0] in record_pages else 2

    seen = _Seen()
    for doc in sorted(docs, key=tier):
        doc["text"] = _blocks(_without(doc["text"], seen))
        seen.update(sentence for sentence in _sentences(doc["text"]) if len(sentence) >= MIN_REPEATED)
    _without_repeated_blocks(docs)
    index["docs"] = docs = _without_repeated_headings(docs)
    for doc in docs:
        words = records.get(doc["location"])
        if words is None:
            continue
        if words:
            doc["tags"] = [*doc.get("tags", []), *words]
        doc["boost"] = doc.get("boost", 1) * RECORD_BOOST["section" if "#" in doc["location"] else "page"]
        if forms := plurals(doc):
            doc[FORMS] = forms
    index["config"]["fields"] = {**index["config"]["fields"], **FIELDS}
    return index


def _without_repeated_blocks(docs: list[dict]) -> None:
    """A long paragraph or list item that is no sentence (a table's cells run together, a line ending in a colon)
    kept where it first appears in site order: the downloads table is on the home, manager and HR pages."""
    seen: set[str] = set()
    for doc in docs:
        kept = []
        for block in re.split(r"(?=<p>|<li>)", doc["text"]):
            body = re.sub(r"</?(?:p|li|ul|ol)>", "", block).strip()
            if len(body) >= MIN_BLOCK and body in seen:
                block = re.sub(r"<(p|li)>.*?</\1>", "", block, count=1, flags=re.S)
            seen.add(body)
            kept.append(block)
        doc["text"] = re.sub(r"<(ul|ol)></\1>", "", "".join(kept))


def _without_repeated_headings(docs: list[dict]) -> list[dict]:
    """The index without a section that is only a heading met before: "Day 30" in each of six plans, a duty area on
    the role, manager and HR pages. The first (in site order: the duties catalogue's area, the first plan's phase)
    stays, so the heading's words still lead somewhere; a page's own entry always stays (its sections hang on it)."""
    kept, headings = [], set()
    for doc in docs:
        if "#" in doc["location"] and not doc["text"] and not doc.get("tags"):
            if doc["title"] in headings:
                continue
            headings.add(doc["title"])
        kept.append(doc)
    return kept


def plurals(doc: dict) -> str:
    """The plurals of a record's title words and other names that its entry does not hold, as one string.

    Material adds a wildcard to every query word ("stamp" finds "stamps"), which also turns lunr's stemmer off for
    queries, so a plural never finds a singular ("stamps" misses "stamp"). A record's entry holds these forms in a
    field of its own that the worker indexes but never shows."""
    held = set(re.findall(r"[a-z]+", " ".join([doc["title"], doc["text"], *doc.get("tags", [])]).lower()))
    words = re.findall(r"[a-z]+", " ".join([doc["title"], *doc.get("tags", [])]).lower())
    forms = dict.fromkeys(form for form in map(plural, words) if form and form not in held)
    return " ".join(forms)


def plural(word: str) -> str:
    """An English word's regular plural ("" for short words): diaries, stamps, boxes, matches."""
    if len(word) < 4 or word.endswith(("s", "ing", "ed", "ly", "al", "ful", "ive", "ous")):
        return ""
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("x", "ch", "sh", "z")):
        return word + "es"
    return word + "s"


def _sentences(text: str) -> list[str]:
    """The whole sentences of an entry's text that end as sentences do, without inline marks."""
    return [piece for piece in map(_plain, _PIECES.split(text)[::2]) if piece.endswith((".", "!", "?"))]


_INLINE_MARKS = re.compile(r"</?(?:strong|em|code|a)\b[^>]*>")


def _plain(piece: str) -> str:
    return _INLINE_MARKS.sub("", piece).strip()


class _Seen:
    """The sentences met so far, also listed by how they begin: looking for every one of them in every entry's text
    was most of the index's shaping time; now only those that begin where one of the text's words begins are tried."""

    START = 12  # characters; a sentence kept here has at least MIN_REPEATED

    def __init__(self):
        self.sentences: set[str] = set()
        self.by_start: dict[str, list[str]] = {}

    def __contains__(self, sentence: str) -> bool:
        return sentence in self.sentences

    def update(self, sentences) -> None:
        for sentence in sentences:
            if sentence not in self.sentences:
                self.sentences.add(sentence)
                self.by_start.setdefault(sentence[:self.START], []).append(sentence)

    def standing_in(self, text: str) -> list[str]:
        """The sentences met before that stand in `text` at the start of a word (after a space or a tag, or first),
        in the order of where they first stand."""
        # The beginnings of the text's words, all taken at once, then only those some sentence begins with looked at
        # (a loop over every word of every entry was most of the shaping time).
        beginnings = self.by_start.keys() & set(_WORD_BEGINNINGS.findall(text))
        found = []
        for beginning in beginnings:
            for order, sentence in enumerate(self.by_start[beginning]):
                at = _standing_at(text, sentence)
                if at is not None:
                    found.append((at, order, sentence))
        return [sentence for _, _, sentence in sorted(found)]


# Each word's first START characters (a word starts the text or follows white space or a tag's end).
_WORD_BEGINNINGS = re.compile(r"(?:(?<=[\s>])|^)(?=(\S.{%d}))" % (_Seen.START - 1), re.S)


def _standing_at(text: str, sentence: str) -> int | None:
    """Where `sentence` first stands in `text` at the start of a word, if it does."""
    at = text.find(sentence)
    while at != -1:
        if at == 0 or text[at - 1].isspace() or text[at - 1] == ">":
            return at
        at = text.find(sentence, at + 1)
    return None


def _without(text: str, seen: _Seen) -> str:
    """The text without the whole sentences met before (in `seen`, or earlier in the text), and what that empties."""
    pieces, kept, here = _PIECES.split(text), [], set()
    for n, piece in enumerate(pieces):
        plain = _plain(piece)
        if n % 2 == 0 and len(plain) >= MIN_REPEATED and (plain in seen or plain in here):
            continue
        here.add(plain)
        kept.append(piece)
    text = "".join(kept)
    # A sentence inside a table row (cells run together in the index) goes too, when it stands whole there.
    for sentence in seen.standing_in(text):
        text = re.sub(rf"(?:(?<=[\s>])|^){re.escape(sentence)}(?=[\s<]|$)", "", text)
    text = re.sub(r"\s+—\s*(?=</li>)", "", text)  # "Know your position — <summary>" keeps its title
    text = re.sub(r"<(li|p)>\s*</\1>", "", text)
    text = re.sub(r"<(ul|ol)>\s*</\1>", "", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def _blocks(text: str) -> str:
    """Text outside paragraphs and lists (a table's cells, run together) in a paragraph of its own, so that a result
    shows it as one of its lines (docs/assets/search.css)."""
    out, depth, start = [], 0, 0
    for tag in re.finditer(r"<(/?)(?:p|ul|ol)>", text):
        if depth == 0 and not tag.group(1):
            bare = text[start:tag.start()].strip()
            out.append(f"<p>{bare}</p>" if bare else "")
            start = tag.start()
        depth = max(0, depth + (-1 if tag.group(1) else 1))
        if depth == 0:
            out.append(text[start:tag.end()])
            start = tag.end()
    bare = text[start:].strip()
    out.append(f"<p>{bare}</p>" if bare and depth == 0 else text[start:])
    # No space between blocks: Material's tokenizer and its previews read each block on its own.
    return re.sub(r"(</?(?:p|ul|ol|li)>)\s+(?=</?(?:p|ul|ol|li)>)", r"\1", "".join(part for part in out if part))
