"""Checklists: the list of them, and one checklist to tick on screen (progress kept in the browser) or print as a form."""

import hashlib

from ..data import models
from ..data.labels import one_line
from ..data.language import words
from ..data.handbook import Handbook
from .catalogues import also_called
from .common import cell, cited_by, join_blocks, link, review_line, text
from .widgets import attrs, button, notice_area, related, screen_only, signoff


def item_hash(handbook: Handbook, checklist: models.Checklist, item: models.ChecklistItem) -> str:
    """First 8 hex digits of the SHA-256 of the step's English text: saved ticks of a step whose text changed no longer
    match, and a tick saved in one language's edition holds in the other (they share the browser's storage)."""
    english = handbook.english
    if english is not handbook and checklist.id in english.by_id["checklists"]:
        item = next((i for i in english.by_id["checklists"][checklist.id].items if i.id == item.id), item)
    return hashlib.sha256(one_line(item.text).encode("utf-8")).hexdigest()[:8]


def item_keys(handbook: Handbook, checklist: models.Checklist) -> str:
    """`item-id:hash` pairs, so a page can count saved progress without the checklist on it."""
    return " ".join(f"{item.id}:{item_hash(handbook, checklist, item)}" for item in checklist.items)


def first_week_checklist(handbook: Handbook, role: models.Role) -> models.Checklist:
    """The role's first-week checklist: the first of its checklists that its plan's first step cites."""
    plan = handbook.plan_for(role.id)
    cited = [c for s in (plan.steps if plan else ()) for c in s.checklists if c in role.checklists]
    return handbook.get("checklists", (cited or role.checklists)[0])


def first_week_ids(handbook: Handbook) -> set[str]:
    """Ids of every role's first-week checklist; the other checklists are the recurring ones."""
    return {first_week_checklist(handbook, role).id for role in handbook.roles}


def checklist_list(handbook: Handbook) -> str:
    """Two tables, as the navigation has them: each role's first-week checklist, then the recurring ones."""
    first_week = first_week_ids(handbook)

    def table(checklists) -> str:
        rows = []
        for c in checklists:
            progress = f'<span {attrs(class_="hb-list-progress", data_hb_progress_of=c.id, data_hb_items=item_keys(handbook, c))}>–</span>'
            rows.append(f"| {link('checklists', c)} | {cell(c.when)} | {len(c.items)} | {progress} |")
        head = " | ".join(words(h) for h in ("Checklist", "Use it", "Steps", "Your progress"))
        return f"| {head} |\n| --- | --- | --- | --- |\n" + "\n".join(rows)

    return join_blocks(
        f"## {words('First week')} {{#first-week}}",
        words("One per role: the first days in the post, from getting set up to the first tasks done alone."),
        table(c for c in handbook.checklists if c.id in first_week),
        f"## {words('Recurring')} {{#recurring}}", words("For the tasks that come back, whatever the role."),
        table(c for c in handbook.checklists if c.id not in first_week),
    )


def checklist(handbook: Handbook, checklist_id: str) -> str:
    item_list = handbook.get("checklists", checklist_id)
    return join_blocks(
        f"# {text(item_list.title)}", also_called(item_list), text(item_list.summary), f"**{words('Use it:')}** {text(item_list.when)}",
        checklist_form(handbook, item_list),
        screen_only(cited_by(handbook, "checklists", item_list)), review_line(item_list),
    )


def checklist_form(handbook: Handbook, checklist: models.Checklist) -> str:
    """The tickable table with its toolbar and, on paper only, the sign-off lines."""
    rows = "\n".join(item_row(handbook, checklist, item) for item in checklist.items)
    total = len(checklist.items)
    return f"""<div {attrs(class_="hb-checklist hb-sheet", data_hb_checklist=checklist.id)} markdown="1">
<div class="hb-toolbar" data-hb-toolbar>
<div class="hb-toolbar__count"><progress {attrs(value=0, max=total, aria_hidden="true")}></progress> <span data-hb-count aria-live="polite">{words("{done} of {total} done").format(done=0, total=total)}</span></div>
<p class="hb-toolbar__actions">{button(words("Print"), "print")} {button(words("Reset"), "reset")} {button(words("Export progress"), "export")} {button(words("Import progress"), "import")}<input {attrs(type="file", accept=".json,application/json", data_hb_import=True, hidden=True, aria_label=words("Progress file to import"))}></p>
</div>
{notice_area()}
<table class="hb-checklist__table" markdown="1">
<thead><tr><th scope="col" class="hb-col-box">{words("Done")}</th><th scope="col">{words("Step")}</th><th scope="col" class="hb-col-owner">{words("Owner")}</th><th scope="col" class="hb-col-when">{words("When")}</th><th scope="col" class="hb-col-initials hb-print-only">{words("Date, initials")}</th></tr></thead>
<tbody markdown="1">
{rows}
</tbody>
</table>
{signoff(words("Completed by"), words("Checked by (manager)"))}
</div>"""


def item_row(handbook: Handbook, checklist: models.Checklist, item: models.ChecklistItem) -> str:
    """One step: its box (labelled by the step's text), the duties and principles behind it, owner and timing."""
    box_id = f"hb-{checklist.id}--{item.id}"
    box = f"<input {attrs(type='checkbox', id=box_id, data_hb_item=item.id, data_hb_hash=item_hash(handbook, checklist, item))}>"
    optional = f' <span class="hb-tag">{words("optional")}</span>' if item.optional else ""
    why = related(handbook, item, (("duties", words("Duties")), ("principles", words("Principles"))))
    why_line = f'<span class="hb-why">{" · ".join(why)}</span>' if why else ""
    return (f'<tr markdown="1">\n<td class="hb-col-box">{box}</td>\n'
            f'<td markdown="span"><label {attrs(for_=box_id)}>{text(item.text)}</label>{optional}{why_line}</td>\n'
            f'<td class="hb-col-owner" markdown="span">{text(item.owner)}</td>\n'
            f'<td class="hb-col-when" markdown="span">{text(item.timing)}</td>\n'
            f'<td class="hb-col-initials hb-print-only"></td>\n</tr>')
