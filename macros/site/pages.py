"""The pages generated from data: one per role, checklist and onboarding plan, each a single macro call."""

from ..data.handbook import Handbook
from ..data.kinds import KINDS

# kind -> (folder under docs/, macro that renders one record), for each kind with a page per record (kinds.py)
GENERATED = {kind.name: (kind.folder, kind.page_macro) for kind in KINDS if kind.page_macro}


def generated_pages(handbook: Handbook) -> dict[str, str]:
    """Source path under docs/ -> Markdown that calls the macro for that record."""
    pages = {}
    for kind, (folder, macro) in GENERATED.items():
        for record in handbook.records[kind]:
            pages[f"{folder}/{record.id}.md"] = f"{{{{ {macro}('{record.id}') }}}}\n"
    return pages


def nav_children(handbook: Handbook) -> dict[str, list[str]]:
    """Section index page -> the generated pages listed under it, in data order."""
    return {
        f"{folder}/index.md": [f"{folder}/{record.id}.md" for record in handbook.records[kind]]
        for kind, (folder, _) in GENERATED.items()
    }
