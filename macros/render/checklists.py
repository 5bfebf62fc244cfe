"""Checklists: the list of them, and one checklist to tick on screen (progress kept in the browser) or print as a form."""

import hashlib

from ..data import models
from ..data.labels import one_line
from ..data.handbook import Handbook
from .catalogues import also_called
from .common import cell, cited_by, join_blocks, link, review_line, text
from .widgets import attrs, button, notice_area, related, screen_only, signoff


def item_hash(item: models.ChecklistItem) -> str:
    """First 8 hex digits of the SHA-256 of the item's text: saved ticks of an item whose text changed no longer match."""
    return hashlib.sha256(one_line(item.text).encode("utf-8")).hexdigest()[:8]


def item_keys(checklist: models.Checklist) -> str:
    """`item-id:hash` pairs, so a page can count saved progress without the checklist on it."""
    return " ".join(f"{item.id}:{item_hash(item)}" for item in checklist.items)


def checklist_list(handbook: Handbook) -> str:
    rows = []
    for c in handbook.checklists:
        progress = f'<span {attrs(class_="hb-list-progress", data_hb_progress_of=c.id, data_hb_items=item_keys(c))}>–</span>'
        rows.append(f"| {link('checklists', c)} | {cell(c.when)} | {len(c.items)} | {progress} |")
    return join_blocks("| Checklist | Use it | Steps | Your progress |\n| --- | --- | --- | --- |\n" + "\n".join(rows))


def checklist(handbook: Handbook, checklist_id: str) -> str:
    item_list = handbook.get("checklists", checklist_id)
    return join_blocks(
        f"# {text(item_list.title)}", also_called(item_list), text(item_list.summary), f"**Use it:** {text(item_list.when)}",
        checklist_form(handbook, item_list),
        screen_only(cited_by(handbook, "checklists", item_list)), review_line(item_list),
    )


def checklist_form(handbook: Handbook, checklist: models.Checklist) -> str:
    """The tickable table with its toolbar and, on paper only, the sign-off lines."""
    rows = "\n".join(item_row(handbook, checklist, item) for item in checklist.items)
    total = len(checklist.items)
    return f"""<div {attrs(class_="hb-checklist hb-sheet", data_hb_checklist=checklist.id)} markdown="1">
<div class="hb-toolbar" data-hb-toolbar hidden>
<div class="hb-toolbar__count"><progress {attrs(value=0, max=total, aria_hidden="true")}></progress> <span data-hb-count aria-live="polite">0 of {total} done</span></div>
<p class="hb-toolbar__actions">{button("Print", "print")} {button("Reset", "reset")} {button("Export progress", "export")} {button("Import progress", "import")}<input {attrs(type="file", accept=".json,application/json", data_hb_import=True, hidden=True, aria_label="Progress file to import")}></p>
</div>
{notice_area()}
<table class="hb-checklist__table" markdown="1">
<thead><tr><th scope="col" class="hb-col-box">Done</th><th scope="col">Step</th><th scope="col" class="hb-col-owner">Owner</th><th scope="col" class="hb-col-when">When</th><th scope="col" class="hb-col-initials hb-print-only">Date, initials</th></tr></thead>
<tbody markdown="1">
{rows}
</tbody>
</table>
{signoff("Completed by", "Checked by (manager)")}
</div>"""


def item_row(handbook: Handbook, checklist: models.Checklist, item: models.ChecklistItem) -> str:
    """One step: its box (labelled by the step's text), the duties and principles behind it, owner and timing."""
    box_id = f"hb-{checklist.id}--{item.id}"
    box = f"<input {attrs(type='checkbox', id=box_id, data_hb_item=item.id, data_hb_hash=item_hash(item))}>"
    optional = ' <span class="hb-tag">optional</span>' if item.optional else ""
    why = related(handbook, item, (("duties", "Duties"), ("principles", "Principles")))
    why_line = f'<span class="hb-why">{" · ".join(why)}</span>' if why else ""
    return (f'<tr markdown="1">\n<td class="hb-col-box">{box}</td>\n'
            f'<td markdown="span"><label {attrs(for_=box_id)}>{text(item.text)}</label>{optional}{why_line}</td>\n'
            f'<td class="hb-col-owner" markdown="span">{text(item.owner)}</td>\n'
            f'<td class="hb-col-when" markdown="span">{text(item.timing)}</td>\n'
            f'<td class="hb-col-initials hb-print-only"></td>\n</tr>')
