"""Checklists: the list of them, and one printable, tickable checklist."""

from ..handbook import Handbook
from .common import cell, cited_by, join_blocks, link, review_line, text


def checklist_list(handbook: Handbook) -> str:
    rows = [f"| {link('checklists', c)} | {cell(c.when)} | {len(c.items)} |" for c in handbook.checklists]
    return join_blocks("| Checklist | Use it | Steps |\n| --- | --- | --- |\n" + "\n".join(rows))


def checklist(handbook: Handbook, checklist_id: str) -> str:
    item_list = handbook.get("checklists", checklist_id)
    rows = []
    for item in item_list.items:
        optional = " *(optional)*" if item.optional else ""
        rows.append(f"| ☐ | {cell(item.text)}{optional} | {cell(item.owner)} | {cell(item.timing)} |")
    table = "| Done | Step | Owner | When |\n| --- | --- | --- | --- |\n" + "\n".join(rows)
    return join_blocks(
        f"# {text(item_list.title)}", text(item_list.summary), f"**Use it:** {text(item_list.when)}", table,
        cited_by(handbook, "checklists", item_list), review_line(item_list),
    )
