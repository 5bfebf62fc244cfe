"""Review progress: a manager opens the file a checklist page exported and reads counts, overdue steps and the stage."""

import json
from datetime import date, timedelta

import pytest

from conftest import ROOT
from macros.data.calendar import working_calendar
from macros.data.handbook import load_handbook
from test_checklists import REFUSED_FILES, boxes, checklist_url, export_progress, page, text_hash  # noqa: F401 (page is a fixture)

HANDBOOK = load_handbook(ROOT / "data")
PLAN = HANDBOOK.get("onboarding", "onboarding-office-director")
ROLE = HANDBOOK.get("roles", PLAN.role)
START, REVIEW = "2026-03-02", "2026-04-20"  # a Monday; seven weeks later, in the second 30-day stage


def made_export(page, served_site, tmp_path):
    """An export made the way an assistant makes one: a start date, two ticks on one checklist, one on another."""
    page.goto(f"{served_site}/onboarding/{PLAN.id}/")
    page.fill("input[data-hb-start]", START)
    first, second = ROLE.checklists[0], ROLE.checklists[1]
    page.goto(checklist_url(served_site, first))
    boxes(page).nth(0).check(force=True)
    boxes(page).nth(1).check(force=True)
    page.goto(checklist_url(served_site, second))
    boxes(page).nth(0).check(force=True)
    return export_progress(page, tmp_path)


def open_in_review(page, url, path, review=REVIEW):
    page.goto(url)
    page.fill("input[data-hb-review-date]", review)
    page.set_input_files("input[data-hb-review-file]", str(path))


def expected_counts(file: dict) -> dict[str, tuple[int, int]]:
    counts = {}
    for checklist in HANDBOOK.resolve("checklists", ROLE.checklists):
        done = file["checklists"].get(checklist.id, {})
        counts[checklist.id] = (sum(done.get(i.id) == text_hash(i.text) for i in checklist.items), len(checklist.items))
    return counts


def expected_overdue(file: dict) -> list[str]:
    """Steps dated before the review whose checklists are not all done, counted here in Python from the calendar."""
    calendar = working_calendar(HANDBOOK.company, 2026)
    day = date.fromisoformat(file["onboarding"][PLAN.id]["start"])
    while not calendar.is_working_day(day):
        day += timedelta(days=1)
    dates, working = {0: day}, 0
    while working < max(s.day for s in PLAN.steps):
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            working += 1
            dates[working] = day

    def complete(checklist_id):
        done = file["checklists"].get(checklist_id, {})
        return all(item.optional or done.get(item.id) == text_hash(item.text)
                   for item in HANDBOOK.get("checklists", checklist_id).items)

    review = date.fromisoformat(REVIEW)
    return [s.id for s in PLAN.steps if dates[s.day] < review and not all(complete(c) for c in s.checklists)]


def test_the_report_of_an_export_shows_counts_overdue_steps_and_the_stage(page, served_site, tmp_path):
    exported = made_export(page, served_site, tmp_path)
    file = json.loads(exported.read_text())
    open_in_review(page, f"{served_site}/review/", exported)
    table = page.locator("[data-hb-review-checklists] tbody tr")
    table.first.wait_for()
    shown = {row.get_attribute("data-id"): (int(row.locator("td").nth(1).text_content()),
                                           int(row.locator("td").nth(2).text_content())) for row in table.all()}
    assert shown == expected_counts(file)
    assert shown[ROLE.checklists[0]][0] == 2 and shown[ROLE.checklists[1]][0] == 1
    overdue = page.locator("[data-hb-review-overdue] li[data-id]").evaluate_all("all => all.map(li => li.dataset.id)")
    assert overdue == expected_overdue(file) and overdue
    stage = page.locator("[data-hb-review-stage]")
    assert stage.get_attribute("data-hb-review-stage") == "By day 60"
    assert [li.strip() for li in stage.locator("li").all_text_contents()] == [" ".join(e.split()) for e in ROLE.expectations.day_60]
    assert stage.locator(".hb-sign").count() == 2
    # Read as the page's own text, not in the faded grey of a review-by line; its table styled as the site's tables.
    colour = "e => getComputedStyle(e).color"
    assert page.locator("[data-hb-review] h2").evaluate(colour) == page.locator("article > p").first.evaluate(colour)
    cell = page.locator("[data-hb-review-checklists] td").first.evaluate("e => getComputedStyle(e).paddingLeft")
    assert float(cell.removesuffix("px")) > 4


def test_on_the_start_date_nothing_is_overdue_and_the_stage_is_the_first(page, served_site, tmp_path):
    exported = made_export(page, served_site, tmp_path)
    open_in_review(page, f"{served_site}/review/", exported, review=START)
    page.locator("[data-hb-review-overdue]").wait_for()
    assert page.locator("[data-hb-review-overdue] li[data-id]").count() == 0
    assert page.locator("[data-hb-review-stage]").get_attribute("data-hb-review-stage") == "By day 30"


def test_the_report_works_from_files_and_changes_nothing_stored(page, served_site, site, tmp_path):
    exported = made_export(page, served_site, tmp_path)
    fresh = page.context.browser.new_context()
    try:
        other = fresh.new_page()
        open_in_review(other, (site / "review" / "index.html").as_uri(), exported)
        other.locator("[data-hb-review-checklists]").wait_for()
        assert other.evaluate("Object.keys(localStorage).filter(k => k.startsWith('gm-handbook/')).length") == 0
    finally:
        fresh.close()


@REFUSED_FILES
def test_a_foreign_or_damaged_file_is_refused_with_the_reason(page, served_site, tmp_path, content, reason):
    path = tmp_path / "progress.json"
    path.write_text(content)
    open_in_review(page, f"{served_site}/review/", path)
    notice = page.locator("[data-hb-review-notice]")
    page.wait_for_function("document.querySelector('[data-hb-review-notice]').textContent !== ''")
    assert "was not opened" in notice.text_content() and reason in notice.text_content()
    assert page.locator("[data-hb-review] *").count() == 0


def test_the_report_lists_the_roles_pitfalls_as_a_manager_sees_them(page, served_site, tmp_path):
    exported = made_export(page, served_site, tmp_path)
    open_in_review(page, f"{served_site}/review/", exported)
    shown = page.locator("[data-hb-review-pitfalls] [data-id]")
    shown.first.wait_for()
    assert shown.evaluate_all("all => all.map(d => d.dataset.id)") == ROLE.pitfalls
    first = HANDBOOK.get("pitfalls", ROLE.pitfalls[0])
    text = " ".join(shown.first.text_content().split())
    assert all(" ".join(s.split()) in text for s in first.manager_sees + first.how_to_raise)


@pytest.mark.parametrize("pitfall", HANDBOOK.pitfalls, ids=lambda p: p.id)
def test_every_pitfall_says_what_a_manager_sees_and_how_to_raise_it(pitfall):
    assert pitfall.manager_sees and pitfall.how_to_raise
    assert HANDBOOK.citing("pitfalls", pitfall.id, "roles"), f"{pitfall.id} fits no role"


def test_every_role_has_pitfalls(site):
    html = (site / "review" / "index.html").read_text()
    for role in HANDBOOK.roles:
        assert role.pitfalls, role.id
    for pitfall in HANDBOOK.pitfalls:
        assert f'id="manager-{pitfall.id}"' in html
