"""Start by role: the home page's "I am…" cards, one start page per role, and the data its "this week" view is made from."""

from ..data import models
from ..data.calendar import working_calendar
from ..data.edition import Edition
from ..data.handbook import Handbook
from ..data.labels import PHASE_TITLES, one_line
from ..data.language import words
from ..output.jsonld import script_json
from .checklists import first_week_checklist, item_hash, item_keys
from .common import cell, join_blocks, link, text
from .widgets import attrs

START_URL = "/start/{id}.md"
# One Material icon per role (bundled with the theme, so nothing is loaded from outside); others get the generic one.
ROLE_ICONS = {
    "general-assistant": ":material-account-tie:",
    "executive-secretary": ":material-calendar-account:",
    "office-director": ":material-office-building:",
    "enterprise-management-assistant": ":material-chart-timeline-variant:",
    "strategic-assistant": ":material-lightbulb-on-outline:",
    "administrative-officer": ":material-clipboard-text-outline:",
}


def start_url(role: models.Role) -> str:
    return START_URL.format(id=role.id)


def role_picker(handbook: Handbook) -> str:
    """The home page's "I am…" cards: each role's short name and title, leading to its start page."""
    def card(r: models.Role) -> str:
        head = f"-   {ROLE_ICONS.get(r.id, ':material-account:')}{{ .lg .middle }} **[{cell(r.short_name)}]({start_url(r)})**"
        # The title under the short name, unless they are one name (总经理助理 in Chinese).
        return head if r.title == r.short_name else f"{head}\n\n    ---\n\n    {text(r.title)}"

    cards = "\n\n".join(card(r) for r in handbook.roles)
    return f'<div class="grid cards hb-roles" markdown>\n\n{cards}\n\n</div>\n'


def chosen_week(handbook: Handbook, edition: Edition) -> str:
    """The home page's "this week" for the role the reader last opened a start page of (hidden until there is one)."""
    return this_week(handbook, None, edition)


def start_page(handbook: Handbook, role_id: str, edition: Edition) -> str:
    """One role's start page: this week (once a start date is saved), what to do first, and the reader's progress."""
    role = handbook.get("roles", role_id)
    plan = handbook.plan_for(role.id)
    first = first_week_checklist(handbook, role)
    steps = [
        words("**Read your role guide**: {role} — the summary, what good looks like at 30, 60 and 90 days, then your "
              "duties.").format(role=link("roles", role)),
        words("**Tick off your first-week checklist**: {checklist} ({count} steps).").format(
            checklist=link("checklists", first), count=len(first.items)),
    ]
    if plan:
        steps.append(words("**Enter your start date in your onboarding plan**: {plan}. Every step then gets its date, "
                           "and this page shows what is due this week.").format(plan=link("onboarding", plan)))
    steps.append(words("**Learn how we work**: the [principles](/principles.md), the [conduct rules](/conduct.md) and "
                       "the [pitfalls](/pitfalls.md) to watch for. Use search whenever a task is new."))
    return join_blocks(
        words("# Start here: {role}").format(role=text(role.short_name)),
        words("For the **{role}**. Everything below is kept in this browser only; nothing is sent anywhere.").format(
            role=text(role.title)),
        this_week(handbook, role, edition),
        f"## {words('What to do first')} {{#what-to-do-first}}",
        "\n".join(f"{n}. {step}" for n, step in enumerate(steps, 1)),
        f"## {words('Your progress')} {{#your-progress}}",
        progress_table(handbook, role),
    )


def progress_table(handbook: Handbook, role: models.Role) -> str:
    """The role's checklists, first-week one first, with the reader's saved progress (counted by checklists.js)."""
    first = first_week_checklist(handbook, role)
    chosen = [first, *(c for c in handbook.resolve("checklists", role.checklists) if c.id != first.id)]
    rows = [f"| {link('checklists', c)} | {words('First week') if c.id == first.id else words('Recurring')} | "
            f'<span {attrs(class_="hb-list-progress", data_hb_progress_of=c.id, data_hb_items=item_keys(handbook, c))}>–</span> |'
            for c in chosen]
    head = " | ".join(words(h) for h in ("Checklist", "Kind", "Your progress"))
    table = f"| {head} |\n| --- | --- | --- |\n" + "\n".join(rows)
    return f'<div class="hb-your-progress" markdown="1">\n\n{table}\n\n</div>'  # the class: left out of search


def this_week(handbook: Handbook, role: models.Role | None, edition: Edition) -> str:
    """Where the reader is this week (filled in by start.js): one role's, or on the home page the chosen role's.

    Dates count in the same working calendar as the plan pages (company working week and public holidays)."""
    roles = [role] if role else list(handbook.roles)
    links = []
    for r in roles:
        plan = handbook.plan_for(r.id)
        links.append(f"[{cell(r.short_name)}]({start_url(r)}){{ data-hb-href=\"start/{r.id}\" }}")
        if plan:
            links.append(f"[{cell(plan.title)}](/onboarding/{plan.id}.md){{ data-hb-href=\"onboarding/{plan.id}\" }}")
    cited = {c for r in roles for p in [handbook.plan_for(r.id)] if p for s in p.steps for c in s.checklists}
    links += [f"[{cell(c.title)}](/checklists/{c.id}.md){{ data-hb-href=\"checklists/{c.id}\" }}"
              for c in handbook.checklists if c.id in cited]
    data = {"roles": [week_data(handbook, r) for r in roles],
            "calendar": working_calendar(handbook.company, edition.date.year).as_json(),
            "checklists": {c.id: checklist_data(handbook, c) for c in handbook.checklists if c.id in cited}}
    # A start page always shows the section, so it is drawn here as start.js draws it before a start date is saved:
    # the page does not move when the script runs (Lighthouse: layout shift). The home page's shows only once a
    # role was chosen, so it stays hidden until then.
    plan = handbook.plan_for(role.id) if role else None
    before_start = words("Enter your start date in [your onboarding plan]({plan}) and this section shows what is due "
                         "this week.").format(plan=f"/onboarding/{plan.id}.md") if plan else ""
    return (f'<section {attrs(class_="hb-week", data_hb_week=role.id if role else "chosen", hidden=not before_start)} '
            f'aria-labelledby="hb-week-title" markdown="1">\n'
            f'<h2 id="hb-week-title" data-hb-week-title>{words("This week")}</h2>\n'
            f'<div data-hb-week-body aria-live="polite" markdown="1">\n\n{before_start}\n\n</div>\n'
            '<div hidden data-hb-week-links markdown="1">\n\n' + " ".join(links) + "\n\n</div>\n"
            f'<script type="application/json" data-hb-week-data>{script_json(data)}</script>\n</section>')


def week_data(handbook: Handbook, role: models.Role) -> dict:
    """What the "this week" view needs of one role and its plan, as plain text."""
    plan = handbook.plan_for(role.id)
    return {
        "id": role.id, "short_name": one_line(role.short_name), "title": one_line(role.title),
        "plan": None if not plan else {
            "id": plan.id, "title": one_line(plan.title), "counting": plan.counting,
            "steps": [{"id": s.id, "day": s.day, "phase": PHASE_TITLES[s.phase], "title": one_line(s.title),
                       "checklists": s.checklists} for s in plan.steps],
        },
    }


def checklist_data(handbook: Handbook, checklist: models.Checklist) -> dict:
    return {"title": one_line(checklist.title),
            "items": [{"id": i.id, "hash": item_hash(handbook, checklist, i), "text": one_line(i.text)}
                      for i in checklist.items]}
