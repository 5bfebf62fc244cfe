"""The pages generated from data: one per role, checklist and onboarding plan, and a start page per role, each a single
macro call."""

import html

from ..data.handbook import Handbook
from ..data.language import words
from ..data.kinds import KINDS
from ..render.hiring import hr_pages
from ..render.checklists import first_week_ids

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


def nav_titles(handbook: Handbook) -> dict[str, str]:
    """Generated page -> its title in the navigation, where that is not the page's heading: a start page is listed
    under its role's short name, not "Start here: ...".

    These are set on the page after mkdocs-macros has rendered it (hooks.on_page_content), never in the nav config:
    mkdocs-macros renders a page's title as a template when it holds `{{` or `{%`, so a role named "R&D {{ 7*7 }}"
    would be listed as "R&D 49", or a stray `{% raw %}` in a name would fail the build. A page title is HTML to
    MkDocs and Material (a heading's title is taken from the rendered heading), so the name is escaped."""
    return {f"start/{r.id}.md": html.escape(r.short_name) for r in handbook.roles}


def nav_children(handbook: Handbook) -> dict[str, list]:
    """Section index page -> the generated pages listed under it, in data order (checklists: first-week ones apart)."""
    children: dict[str, list] = {
        f"{folder}/index.md": [f"{folder}/{record.id}.md" for record in handbook.records[kind]]
        for kind, (folder, _) in GENERATED.items()
    }
    children["start/index.md"] = [f"start/{r.id}.md" for r in handbook.roles]  # titled by nav_titles
    first_week = first_week_ids(handbook)
    folder = GENERATED["checklists"][0]
    children[f"{folder}/index.md"] = [
        {words("First week"): [f"{folder}/{c.id}.md" for c in handbook.checklists if c.id in first_week]},
        {words("Recurring"): [f"{folder}/{c.id}.md" for c in handbook.checklists if c.id not in first_week]},
    ]
    children["hr/index.md"] = [{words("Job adverts"): [f"hr/adverts/{r.id}.md" for r in handbook.roles]},
                               {words("Interview kits"): [f"hr/interviews/{r.id}.md" for r in handbook.roles]}]
    return children
