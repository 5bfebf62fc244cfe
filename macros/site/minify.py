"""Smaller pages: the indentation and blank lines that Material's templates leave in every page, and the line breaks
between the parts of a table, taken out."""

import re

# Where whitespace is shown as written (pre, textarea) or may matter to the code inside (script, style).
KEPT_AS_IS = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
# A line break with the spaces, tabs and empty lines after it. Outside the elements above, a browser shows any run of
# whitespace as one space, so one line break in its place renders the same.
LINE_BREAK_AND_INDENT = re.compile(r"\n\s+")
# A line break between two tags of a table's structure (Python-Markdown writes every row and cell on a line of its own).
# Text between a table's parts is never drawn (CSS drops white space between table boxes), so it can go: on the
# manager's view that is 900 bytes. Line breaks inside a cell, or around the table, stay.
TABLE_PART = r"</?(?:table|caption|colgroup|col|thead|tbody|tfoot|tr|th|td)\b[^>]*>"
LINE_BREAK_BETWEEN_TABLE_PARTS = re.compile(rf"({TABLE_PART})\n(?={TABLE_PART})")


def strip_indentation(html: str) -> str:
    """The page with each run of whitespace that holds a line break cut to that line break, and none between the
    parts of a table."""
    pieces, start = [], 0
    for kept in KEPT_AS_IS.finditer(html):
        pieces.append(_squeezed(html[start:kept.start()]))
        pieces.append(kept.group())
        start = kept.end()
    pieces.append(_squeezed(html[start:]))
    return "".join(pieces)


def _squeezed(markup: str) -> str:
    return LINE_BREAK_BETWEEN_TABLE_PARTS.sub(r"\1", LINE_BREAK_AND_INDENT.sub("\n", markup))
