"""The pages generated from data: one per role, checklist and onboarding plan, and a start page per role, each a single
macro call."""

from ..data.handbook import Handbook
from ..data.kinds import KINDS
from ..render.hiring import hr_pages
from ..render.start import first_week_ids

# kind -> (folder under docs/, macro that renders one record), for each kind with a page per record (kinds.py)
GENERATED = {kind.name: (kind.folder, kind.page_macro) for kind in KINDS if kind.page_macro}
# A start page per role (docs/start/<role-id>.md): what to read first, the first-week checklist, this week's steps.
START = ("start", "start_page")


def generated_pages(handbook: Handbook) -> dict[str, str]:
    """Source path under docs/ -> Markdown that calls the macro for that record."""
    pages = {}
    for kind, (folder, macro) in [*GENERATED.items(), ("roles", START)]:
        for record in handbook.records[kind]:
            pages[f"{folder}/{record.id}.md"] = f"{{{{ {macro}('{record.id}') }}}}\n"
    pages.update(hr_pages(handbook))  # HR: a job advert and an interview kit per role (render/hiring.py)
    return pages


def nav_children(handbook: Handbook) -> dict[str, list]:
    """Section index page -> the generated pages listed under it, in data order (checklists: first-week ones apart)."""
    children: dict[str, list] = {
        f"{folder}/index.md": [f"{folder}/{record.id}.md" for record in handbook.records[kind]]
        for kind, (folder, _) in GENERATED.items()
    }
    children["start/index.md"] = [{r.short_name: f"start/{r.id}.md"} for r in handbook.roles]
    first_week = first_week_ids(handbook)
    folder = GENERATED["checklists"][0]
    children[f"{folder}/index.md"] = [
        {"First week": [f"{folder}/{c.id}.md" for c in handbook.checklists if c.id in first_week]},
        {"Recurring": [f"{folder}/{c.id}.md" for c in handbook.checklists if c.id not in first_week]},
    ]
    children["hr/index.md"] = [{"Job adverts": [f"hr/adverts/{r.id}.md" for r in handbook.roles]},
                               {"Interview kits": [f"hr/interviews/{r.id}.md" for r in handbook.roles]}]
    return children
