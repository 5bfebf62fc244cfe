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

from markdown import Extension, Markdown
from markdown.extensions.abbr import AbbrTreeprocessor
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


class TermsInAnyScript(AbbrTreeprocessor):
    """abbr's own tree processor with a term's edges tested against Latin letters and digits only."""

    EDGE = "0-9A-Za-z\u00c0-\u024f_"

    def run(self, root: etree.Element) -> None:
        if not self.abbrs:
            return
        terms = "|".join(re.escape(term) for term in sorted(self.abbrs, key=len, reverse=True))
        self.RE = re.compile(f"(?<![{self.EDGE}])(?:{terms})(?![{self.EDGE}])")
        self.iter_element(root)


class FirstUseExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        if "abbr" in md.treeprocessors:  # abbr is listed first in mkdocs.yml; same name and priority replace it
            md.treeprocessors.register(TermsInAnyScript(md, md.treeprocessors["abbr"].abbrs), "abbr", 7)
        # abbr's own tree processor runs at priority 7; a lower number runs later.
        md.treeprocessors.register(FirstUseDefinitions(md), "abbr_first_use", 6)


def makeExtension(**kwargs) -> FirstUseExtension:  # the name Markdown looks for when loading by module path
    return FirstUseExtension(**kwargs)
