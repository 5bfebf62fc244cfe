"""Which of the handbook's page scripts a page loads: only those whose blocks it holds.

A page without a checklist, plan, "this week" view or HR tool does not fetch, parse and run the code for them (on a
phone that is most of a page's blocking time after Material's own bundle). overrides/main.html asks for the list.
"""

# Each script and the attributes that mark the blocks it drives, in load order: start.js and hr.js use checklists.js's
# date and progress functions (window.gmHandbook), so checklists.js comes with either.
SCRIPTS = {
    "assets/checklists.js": ("data-hb-checklist", "data-hb-progress-of", "data-hb-plan", "data-hb-week",
                             "data-hb-review"),
    "assets/hr.js": ("data-hb-copy", "data-hb-comparison", "data-hb-review"),
    "assets/start.js": ("data-hb-week",),
}


def scripts_for(content: str) -> list[str]:
    """The scripts a page's body needs, in the order they must load."""
    return [script for script, markers in SCRIPTS.items() if any(marker in content for marker in markers)]
