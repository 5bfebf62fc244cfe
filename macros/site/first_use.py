"""A Markdown extension: a glossary term's hover definition on its first use in a page's text, not on every use.

The abbr extension wraps every occurrence of a term in `<abbr title="definition">`. On the duties page that was 234
copies of 25 definitions (a fifth of the page) and a dotted underline on every other line. After this runs, the
first use of each term outside headings keeps its definition; later uses are plain text. Headings keep theirs: they
are styled plain, so a first use there would leave the reader no dotted hint in the text.

It also lets abbr find terms in Chinese text. abbr looks for a term between word boundaries (`\\b`), and Chinese
writes no spaces: in 处理信访件 the term 信访 has a character on each side, so no boundary, and no definition ever
showed on a Chinese page. Here a term's edges only need to be clear of Latin letters and digits, which is what `\\b`
means for English text.
"""

import re
import xml.etree.ElementTree as etree
from functools import lru_cache

from markdown import Extension, Markdown
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.util import AtomicString
from markdown.treeprocessors import Treeprocessor

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class FirstUseDefinitions(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        seen: set[str] = set()
        for parent, abbr in list(_abbrs_outside_headings(root)):
            definition = abbr.get("title", "")
            if definition not in seen:
                seen.add(definition)
            else:
                _unwrap(parent, abbr)


def _abbrs_outside_headings(element: etree.Element):
    """(parent, abbr) pairs in document order, skipping everything inside a heading."""
    for child in element:
        if child.tag in HEADINGS:
            continue
        if child.tag == "abbr":
            yield element, child
        else:
            yield from _abbrs_outside_headings(child)


def _unwrap(parent: etree.Element, element: etree.Element) -> None:
    """Replaces `element` by its text (an abbr holds only text) in the parent's text flow."""
    words = (element.text or "") + (element.tail or "")
    index = list(parent).index(element)
    if index == 0:
        parent.text = (parent.text or "") + words
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + words
    parent.remove(element)


EDGE = "0-9A-Za-z\u00c0-\u024f_"


class TermsInAnyScript(AbbrTreeprocessor):
    """abbr's own tree processor with a term's edges tested against Latin letters and digits only.

    Two more changes keep a page's cost in proportion to its length as the glossary and the page grow (issue #19):
    the terms are one pattern made once per glossary, shaped as a tree of their letters, so a place in the text is
    tried against the terms that start as it does rather than against each term; and an element's place in its
    parent is passed down, where abbr looked it up in the parent's children for every element (a list of n items
    took n² steps)."""

    def run(self, root: etree.Element) -> None:
        if not self.abbrs:
            return
        self.RE = _terms_pattern(frozenset(self.abbrs))
        self.iter_element(root)

    def iter_element(self, el: etree.Element, parent: etree.Element | None = None, index: int = 0) -> None:
        # abbr's own method (markdown 3.x), but for the child's index: see the class's comment.
        for position, child in reversed(list(enumerate(el))):
            self.iter_element(child, el, position)
        if (text := el.text) and not isinstance(text, AtomicString):
            for match in reversed(list(self.RE.finditer(text))):
                if title := self.abbrs[match.group(0)]:
                    el.insert(0, self.create_element(title, match.group(0), text[match.end():]))
                    text = text[:match.start()]
            el.text = text
        if parent is not None and (tail := el.tail) and not isinstance(tail, AtomicString):
            for match in reversed(list(self.RE.finditer(tail))):
                if title := self.abbrs[match.group(0)]:
                    parent.insert(index + 1, self.create_element(title, match.group(0), tail[match.end():]))
                    tail = tail[:match.start()]
            el.tail = tail


@lru_cache(maxsize=8)
def _terms_pattern(terms: frozenset[str]) -> re.Pattern:
    """Any of the terms, not inside a Latin word; of two terms starting at one place, the longer."""
    return re.compile(f"(?<![{EDGE}])(?:{_tree(sorted(terms))})(?![{EDGE}])")


def _tree(terms: list[str]) -> str:
    """A pattern matching exactly `terms` (sorted, none empty), sharing their common beginnings: "ab|ac" is a(?:b|c).
    Longer continuations come first and an ending is optional after them, so the longest term that fits wins."""
    branches, ends_here = {}, False
    for term in terms:
        if term:
            branches.setdefault(term[0], []).append(term[1:])
        else:
            ends_here = True
    parts = [re.escape(first) + (_tree(rest) if rest != [""] else "") for first, rest in branches.items()]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else f"(?:{'|'.join(parts)})"
    return f"(?:{body})?" if ends_here else body


class FirstUseExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        if "abbr" in md.treeprocessors:  # abbr is listed first in mkdocs.yml; same name and priority replace it
            md.treeprocessors.register(TermsInAnyScript(md, md.treeprocessors["abbr"].abbrs), "abbr", 7)
        # abbr's own tree processor runs at priority 7; a lower number runs later.
        md.treeprocessors.register(FirstUseDefinitions(md), "abbr_first_use", 6)


def makeExtension(**kwargs) -> FirstUseExtension:  # the name Markdown looks for when loading by module path
    return FirstUseExtension(**kwargs)
