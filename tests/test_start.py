"""Start by role: the home page leads each role to its start page and first-week checklist, and "this week" shows what
the plan's dates put in the current week, computed in the browser from what is stored."""

import json
from datetime import date, timedelta

import pytest

from macros.render.checklists import first_week_checklist
from macros.site.pages import generated_pages, nav_children

TODAY = date.today()


@pytest.fixture(scope="module")
def calendar(handbook):
    """The working calendar the pages count in (company working week, public holidays), read in Python."""
    from macros.data.calendar import working_calendar
    from macros.data.edition import current

    return working_calendar(handbook.company, current().date.year)


def working_days_before(day: date, count: int, calendar) -> date:
    """The date `count` working days before `day`."""
    while count:
        day -= timedelta(days=1)
        if calendar.is_working_day(day):
            count -= 1
    return day


def plan_date(start: date, offset: int, counting: str, calendar) -> date:
    """A step's date, counted here independently of the page's script: day 0 is the start (the next working day if it
    is a day off, for working-day plans), then `offset` working or calendar days on."""
    if counting != "working-days":
        return start + timedelta(days=offset)
    day = start
    while not calendar.is_working_day(day):
        day += timedelta(days=1)
    while offset:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            offset -= 1
    return day


def save(page, key: str, record: dict) -> None:
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, json.dumps(record)])


def test_every_role_has_a_start_page_in_the_start_section(handbook, site):
    """One generated start page per role, listed under the Start section by its short name (in the built nav)."""
    import html
    import re

    pages = generated_pages(handbook)
    assert all(f"start/{r.id}.md" in pages for r in handbook.roles)
    assert nav_children(handbook)["start/index.md"] == [f"start/{r.id}.md" for r in handbook.roles]
    # The section's own page: with navigation.prune a page carries only the open parts of the navigation.
    index = (site / "start" / "index.html").read_text(encoding="utf-8")
    for role in handbook.roles:
        link = re.search(rf'<a href="{role.id}/" class="md-nav__link">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>',
                         index, re.S)
        assert link and link.group(1) == html.escape(role.short_name), (role.id, link and link.group(1))


def test_the_checklist_index_lists_first_week_and_recurring_checklists_apart(handbook, site):
    """The index page has the navigation's two groups: under "First week" each role's first list, the rest below."""
    import re

    page = (site / "checklists" / "index.html").read_text(encoding="utf-8")
    article = page.split('id="first-week"', 1)[1].split("</article>", 1)[0]
    first_part, recurring_part = article.split('id="recurring"', 1)
    listed = lambda part: set(re.findall(r'href="([a-z0-9-]+)/"', part)) & {c.id for c in handbook.checklists}
    expected = {first_week_checklist(handbook, r).id for r in handbook.roles}
    assert listed(first_part) == expected
    assert listed(recurring_part) == {c.id for c in handbook.checklists} - expected


def test_first_week_and_recurring_checklists_are_apart_in_the_navigation(handbook):
    """The checklists section holds a first-week group (one per role) and a recurring group, each checklist once."""
    first, recurring = nav_children(handbook)["checklists/index.md"]
    expected_first = [f"checklists/{first_week_checklist(handbook, r).id}.md" for r in handbook.roles]
    assert sorted(first["First week"]) == sorted(expected_first)
    assert not set(first["First week"]) & set(recurring["Recurring"])
    assert len(first["First week"]) + len(recurring["Recurring"]) == len(handbook.checklists)


@pytest.mark.parametrize("width", [1280, 390])
def test_each_first_week_checklist_is_two_clicks_from_home(browser, served_site, handbook, width):
    """Home → the role's card → its first-week checklist, for every role, on a desktop and on a phone."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        for role in handbook.roles:
            page.goto(f"{served_site}/")
            page.locator(".hb-roles a:visible", has_text=role.short_name).first.click()
            page.wait_for_url(f"**/start/{role.id}/")
            checklist = first_week_checklist(handbook, role)
            page.locator("article a:visible", has_text=checklist.title).first.click()
            page.wait_for_url(f"**/checklists/{checklist.id}/")
            assert page.locator("h1").inner_text().rstrip("¶ \n") == checklist.title
    finally:
        context.close()


@pytest.mark.parametrize("role_id", ["general-assistant", "administrative-officer"])
def test_this_week_shows_exactly_the_steps_the_plan_dates_put_in_this_week(context, served_site, handbook, role_id,
                                                                           calendar):
    """With a start date ten working days ago, the start page and then the home page list this week's plan steps
    (Monday to Sunday) and no others, and leave out a checklist step already ticked."""
    role = handbook.get("roles", role_id)
    plan = handbook.plan_for(role.id)
    start = working_days_before(TODAY, 10, calendar)
    monday = TODAY - timedelta(days=TODAY.weekday())
    expected = [s.id for s in plan.steps if monday <= plan_date(start, s.day, plan.counting, calendar) <= monday + timedelta(6)]
    page = context.new_page()
    page.goto(f"{served_site}/")
    assert page.locator("[data-hb-week]").is_hidden()  # nothing chosen yet: nothing shown
    save(page, f"gm-handbook/onboarding/{plan.id}",
         {"format": "gm-handbook-onboarding", "version": 1, "plan": plan.id, "start": start.isoformat()})
    due = [s for s in plan.steps if s.id in expected and s.checklists]
    ticked = None
    if due:
        checklist = handbook.get("checklists", due[0].checklists[0])
        from macros.render.checklists import item_hash

        ticked = checklist.items[0]
        save(page, f"gm-handbook/checklist/{checklist.id}", {"format": "gm-handbook-checklist", "version": 1,
             "checklist": checklist.id, "done": {ticked.id: item_hash(handbook, checklist, ticked)}})
    for url in (f"/start/{role.id}/", "/"):  # the start page, then the home page, which remembers the role
        page.goto(served_site + url)
        week = page.locator("[data-hb-week]")
        week.wait_for(state="visible")
        shown = week.locator("[data-hb-week-step]").evaluate_all("nodes => nodes.map(n => n.dataset.hbWeekStep)")
        assert shown == expected, f"{url}: shown {shown}, the plan's dates put {expected} in this week"
        dates = week.locator("[data-hb-week-step]").evaluate_all("nodes => nodes.map(n => n.dataset.hbDate)")
        assert dates == [plan_date(start, s.day, plan.counting, calendar).isoformat() for s in plan.steps if s.id in expected]
        assert week.locator("[data-hb-week-phase]").count() == 1
        if ticked:
            items = week.locator(f'[data-hb-week-checklist="{checklist.id}"] [data-hb-week-item]')
            ids = items.evaluate_all("nodes => nodes.map(n => n.dataset.hbWeekItem)")
            assert ids and ticked.id not in ids
    assert role.short_name in page.locator("[data-hb-week-title]").inner_text()


def test_this_week_works_from_file_urls(context, site, handbook, calendar):
    """Opened from the files themselves (the offline copy), the start page still computes this week: a start on the
    latest working day puts the reader in the first phase."""
    role = handbook.roles[0]
    plan = handbook.plan_for(role.id)
    start = TODAY if calendar.is_working_day(TODAY) else working_days_before(TODAY, 1, calendar)
    page = context.new_page()
    page.goto((site / "start" / role.id / "index.html").as_uri())
    save(page, f"gm-handbook/onboarding/{plan.id}", {"format": "gm-handbook-onboarding", "version": 1,
                                                     "plan": plan.id, "start": start.isoformat()})
    page.reload()
    page.locator("[data-hb-week-phase]").wait_for()
    assert page.locator("[data-hb-week-phase]").get_attribute("data-hb-week-phase") == "Day 1"
