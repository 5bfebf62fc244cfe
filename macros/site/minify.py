"""Smaller pages: the indentation and blank lines that Material's templates leave in every page, taken out."""

import re

# Where whitespace is shown as written (pre, textarea) or may matter to the code inside (script, style).
KEPT_AS_IS = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
# A line break with the spaces, tabs and empty lines after it. Outside the elements above, a browser shows any run of
# whitespace as one space, so one line break in its place renders the same.
LINE_BREAK_AND_INDENT = re.compile(r"\n\s+")


def strip_indentation(html: str) -> str:
    """The page with each run of whitespace that holds a line break cut to that line break."""
    pieces, start = [], 0
    for kept in KEPT_AS_IS.finditer(html):
        pieces.append(LINE_BREAK_AND_INDENT.sub("\n", html[start:kept.start()]))
        pieces.append(kept.group())
        start = kept.end()
    pieces.append(LINE_BREAK_AND_INDENT.sub("\n", html[start:]))
    return "".join(pieces)
