"""Tables written into the page in the frame Material would put them in, so that a browser lays them out once.

Material moves every table without a class into a scrolling frame (`.md-typeset__scrollwrap` around
`.md-typeset__table`) once the page has loaded (its content/table component, which only matches `table:not([class])`).
Moving a table makes the browser style and lay it out again, inside the script that moved it: on the manager's view
(ten tables, 600 cells) and an interview kit that was the largest part of the longest task of the page's load on a
phone. A table that arrives framed, with the class `hb-table` so that Material leaves it alone, is laid out once.
`hb-table` looks as Material's tables do (docs/assets/handbook.css); frames.js and the print style see the same frame.
"""

import re

# What Python-Markdown's tables extension writes: a table with no attributes (tables with a class are the handbook's
# own HTML, styled on their own). Such a table holds no other table.
MARKDOWN_TABLE = re.compile(r"<table>(.*?)</table>", re.S)
FRAMED = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="hb-table">{}</table></div></div>'


def framed(html: str) -> str:
    """The page's HTML with every Markdown table in Material's frame and marked as the handbook's."""
    return MARKDOWN_TABLE.sub(lambda table: FRAMED.format(table.group(1)), html)
