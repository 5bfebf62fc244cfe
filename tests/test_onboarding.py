"""Onboarding plans: phases and links, dates from a start date, and the calendar file a calendar program imports."""

import html
import json
import re
from datetime import UTC, date, datetime, timedelta

import holidays
import icalendar
import pytest
import test_checklists

from macros import render
from macros.data.edition import Edition
from macros.data.handbook import load_handbook
from macros.data.labels import PHASE_TITLES

page = test_checklists.page  # the fixture: a fresh page in a fresh profile that fails the test on a script error
stored = test_checklists.stored
missing_links = test_checklists.missing_links

PLAN = "onboarding-executive-secretary"
MONDAY, FRIDAY, SATURDAY = date(2026, 3, 2), date(2026, 3, 6), date(2026, 3, 7)
UID_SUFFIX = "@gm-handbook.example"


def working_day(start: date, offset: int, country: str = "CN") -> date:
    """Day `offset` of a working-days plan in `country` (the settings' country), by the holidays library's own
    working-day count (weekends, public holidays and make-up working days), not by the page's code or ours."""
    calendar = holidays.country_holidays(country, years=range(start.year, start.year + 2))
    zero = start if calendar.is_working_day(start) else calendar.get_nth_working_day(start, 1)
    return calendar.get_nth_working_day(zero, offset) if offset else zero


def plan_url(served_site: str, plan_id: str = PLAN) -> str:
    return f"{served_site}/onboarding/{plan_id}/"


def shown_dates(page) -> dict[int, str]:
    """Day offset -> the ISO date the page shows for it (from each <time> element's datetime)."""
    pairs = page.eval_on_selector_all("time[data-hb-day]", "all => all.map(t => [Number(t.dataset.hbDay), t.dateTime])")
    return dict(pairs)


def test_working_day_arithmetic_in_this_test_is_right():
    """The independent reference the browser tests compare against, checked by hand-counted dates."""
    assert working_day(MONDAY, 0) == MONDAY and working_day(MONDAY, 4) == FRIDAY
    assert working_day(FRIDAY, 1) == date(2026, 3, 9) and working_day(FRIDAY, 5) == date(2026, 3, 13)
    assert working_day(SATURDAY, 0) == date(2026, 3, 9) and working_day(date(2026, 3, 8), 1) == date(2026, 3, 10)
    # Monday to Friday alone gives 28 May; Qingming (Mon 6 Apr) and Labour Day (Fri 1, Mon 4, Tue 5 May) are days
    # off and Saturday 9 May is a make-up working day: three working days later, Tuesday 2 June.
    assert working_day(MONDAY, 63) == date(2026, 6, 2)


def test_a_plan_spanning_golden_week_skips_it_and_counts_the_make_up_days():
    """China, October 2026: 1-7 October are days off; Saturday 10 October is a working day (holidays library)."""
    start = date(2026, 9, 28)  # Monday
    assert working_day(start, 3) == date(2026, 10, 8)   # Mon 28, Tue 29, Wed 30 Sep, then Thu 8 Oct
    assert working_day(start, 5) == date(2026, 10, 10)  # Fri 9 Oct, then the make-up Saturday
    assert working_day(date(2026, 10, 3), 0) == date(2026, 10, 8)  # a start inside the holiday moves to its end


def test_a_us_plan_skips_thanksgiving():
    assert working_day(date(2026, 11, 23), 3, "US") == date(2026, 11, 27)  # Mon 23 + Tue, Wed, (Thu 26 off) Fri


# ------------------------------------------------------------ the rendered plan

def test_every_plan_has_its_phases_with_outcomes_and_links(site, handbook):
    """Each step sits under its phase heading with its outcome and links to the checklists and duties it needs."""
    for plan in handbook.onboarding:
        page_html = (site / "onboarding" / plan.id / "index.html").read_text(encoding="utf-8")
        phases = [p for p in PHASE_TITLES if any(s.phase == p for s in plan.steps)]
        assert phases == list(PHASE_TITLES), f"{plan.id} lacks phases {set(PHASE_TITLES) - set(phases)}"
        for step in plan.steps:
            section = re.search(rf'<h3 id="{step.id}">.*?(?=<h[23] |<div class="hb-signoff)', page_html, re.DOTALL)
            assert section, f"{plan.id}/{step.id}: no section"
            assert page_html.rfind('<h2 id="phase-', 0, section.start()) == page_html.find(f'<h2 id="phase-{step.phase}"')
            words = " ".join(html.unescape(re.sub(r"<[^>]+>", "", section.group(0))).split())
            assert " ".join(step.outcome.split()) in words, f"{plan.id}/{step.id}: outcome missing"
            missing = missing_links(section.group(0), step, ("checklists", "duties"))
            assert not missing, f"{plan.id}/{step.id} has no link to {missing}"


def test_plan_data_for_the_calendar_cannot_end_its_script_element(sample_data):
    """Step text with `</script>` reaches the calendar data intact and cannot close the element that holds it."""
    hostile = "Meet the team</script><script>alert(1)</script> & {{ 7*7 }}"
    path = sample_data / "onboarding.yml"
    path.write_text(path.read_text().replace("title: Meet the team", f"title: '{hostile}'"))
    block = render.onboarding_plan(load_handbook(sample_data), "sample-plan", Edition(date(2026, 12, 1), "1"))
    data = re.search(r"<script type=\"application/json\" data-hb-plan-data>(.*?)</script>", block, re.DOTALL).group(1)
    assert "<" not in data and json.loads(data)["steps"][0]["title"] == hostile
    assert "<script>alert" not in block


# ------------------------------------------------------------ dates on the page

@pytest.mark.parametrize("start", [MONDAY, FRIDAY], ids=["monday", "friday"])
def test_a_start_date_turns_every_offset_into_a_working_day(page, served_site, handbook, start):
    plan = handbook.get("onboarding", PLAN)
    page.goto(plan_url(served_site))
    assert not page.get_by_role("button", name="Download calendar (.ics)").is_enabled()  # nothing to export yet
    page.get_by_label("Your start date").fill(start.isoformat())
    assert shown_dates(page) == {s.day: working_day(start, s.day).isoformat() for s in plan.steps}
    china = holidays.country_holidays("CN", years=range(start.year, start.year + 2))
    assert all(china.is_working_day(date.fromisoformat(d)) for d in shown_dates(page).values())
    first = plan.steps[0]
    assert working_day(start, first.day).strftime("%-d %b %Y") in page.locator(f"#{first.id} + .hb-step-when").inner_text()


def test_a_start_before_golden_week_skips_the_holiday_and_counts_the_make_up_saturday(page, served_site, handbook):
    """The page's dates follow China's public holidays (the settings' country): 1-7 October 2026 are skipped."""
    plan = handbook.get("onboarding", PLAN)
    start = date(2026, 9, 28)
    page.goto(plan_url(served_site))
    page.get_by_label("Your start date").fill(start.isoformat())
    assert shown_dates(page) == {s.day: working_day(start, s.day).isoformat() for s in plan.steps}
    assert not any("2026-10-01" <= d <= "2026-10-07" for d in shown_dates(page).values())
    assert "public holidays in China" in page.locator("article").inner_text()


def test_the_start_date_is_remembered_and_a_weekend_start_counts_from_monday(page, served_site, handbook):
    plan = handbook.get("onboarding", PLAN)
    page.goto(plan_url(served_site))
    page.get_by_label("Your start date").fill(SATURDAY.isoformat())
    assert "so day 0 is Monday 9 March 2026" in page.locator("[data-hb-status]").inner_text()
    page.reload()
    assert page.get_by_label("Your start date").input_value() == SATURDAY.isoformat()
    assert shown_dates(page) == {s.day: working_day(SATURDAY, s.day).isoformat() for s in plan.steps}
    page.get_by_label("Your start date").fill("")
    assert stored(page, f"gm-handbook/onboarding/{PLAN}") is None and set(shown_dates(page).values()) == {""}


def test_a_damaged_start_date_shows_a_notice_and_the_page_still_works(page, served_site):
    page.goto(plan_url(served_site))
    page.evaluate(f"localStorage.setItem('gm-handbook/onboarding/{PLAN}', '{{\"start\": \"yesterday\"}}')")
    page.reload()
    assert "could not be read" in page.locator(".hb-notice").inner_text()
    page.get_by_label("Your start date").fill(MONDAY.isoformat())
    assert shown_dates(page)[0] == MONDAY.isoformat() and page.locator(".hb-notice").count() == 0


# ------------------------------------------------------------ the calendar file

def download_calendar(page, tmp_path) -> bytes:
    with page.expect_download() as download:
        page.get_by_role("button", name="Download calendar (.ics)").click()
    assert download.value.suggested_filename == f"{PLAN}.ics"
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    return target.read_bytes()


def assert_well_formed(raw: bytes) -> None:
    """CRLF line endings only, and no line longer than 75 octets (RFC 5545 section 3.1)."""
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    long = [line for line in raw.split(b"\r\n") if len(line) > 75]
    assert not long, f"lines over 75 octets: {long[:2]}"
    raw.decode("utf-8")  # folding never splits a character


@pytest.mark.parametrize("start", [MONDAY, FRIDAY], ids=["monday", "friday"])
def test_the_calendar_has_one_all_day_event_per_step_on_its_working_day(page, served_site, handbook, tmp_path, start):
    plan = handbook.get("onboarding", PLAN)
    page.goto(plan_url(served_site))
    page.get_by_label("Your start date").fill(start.isoformat())
    raw = download_calendar(page, tmp_path)
    assert_well_formed(raw)
    calendar = icalendar.Calendar.from_ical(raw)
    assert (str(calendar["VERSION"]), str(calendar["CALSCALE"])) == ("2.0", "GREGORIAN")
    assert str(calendar["PRODID"]).startswith("-//")
    events = calendar.walk("VEVENT")
    assert len(events) == len(plan.steps)
    for event, step in zip(events, plan.steps):
        day = event.decoded("DTSTART")
        assert type(day) is date and b"DTSTART;VALUE=DATE:" in raw  # all-day, not a timed event
        assert day == working_day(start, step.day), f"{step.id}: {day} is not working day {step.day} from {start}"
        assert event.decoded("DTEND") == day + timedelta(days=1)
        assert str(event["UID"]) == f"{plan.id}.{step.id}{UID_SUFFIX}"
        stamp = event.decoded("DTSTAMP")
        assert stamp.tzinfo is not None and stamp.utcoffset() == timedelta(0)
        assert abs(stamp - datetime.now(UTC)) < timedelta(minutes=5)
        assert str(event["SUMMARY"]) == f"{PHASE_TITLES[step.phase]}: {' '.join(step.title.split())}"
        assert " ".join(step.outcome.split()) in str(event["DESCRIPTION"])
    assert len({str(event["UID"]) for event in events}) == len(events)
    assert re.search(rb"\r\nDTSTAMP:\d{8}T\d{6}Z\r\n", raw)


def test_calendar_text_is_escaped_and_folded(page, served_site, tmp_path):
    """Commas, semicolons, backslashes and newlines are escaped; long lines fold without splitting a character."""
    title = "Budget, venue; taste \\ price"
    outcome = "Line one,\nline two; " + "déjà vu — ünïcödé " * 12
    def with_edited_step(route):
        response = route.fetch()
        holder = re.search(r"(<script [^>]*data-hb-plan-data[^>]*>)(.*?)</script>", response.text(), re.DOTALL)
        plan = json.loads(holder.group(2))
        plan["steps"][0].update(title=title, outcome=outcome)
        edited = json.dumps(plan).replace("<", "\\u003c")
        route.fulfill(response=response, body=response.text().replace(holder.group(0), f"{holder.group(1)}{edited}</script>"))

    page.route(plan_url(served_site), with_edited_step)  # the page as if the data held this text
    page.goto(plan_url(served_site))
    page.get_by_label("Your start date").fill(MONDAY.isoformat())
    raw = download_calendar(page, tmp_path)
    assert_well_formed(raw)
    assert b"SUMMARY:Day 1: Budget\\, venue\\; taste \\\\ price\r\n" in raw
    assert b"Line one\\,\\nline two\\; d" in raw.replace(b"\r\n ", b"")
    first = icalendar.Calendar.from_ical(raw).walk("VEVENT")[0]
    assert str(first["SUMMARY"]) == f"Day 1: {title}"
    assert str(first["DESCRIPTION"]).startswith(outcome)


def test_a_printed_plan_shows_the_dates_and_no_controls(page, served_site, tmp_path):
    from pypdf import PdfReader

    page.goto(plan_url(served_site))
    page.get_by_label("Your start date").fill(MONDAY.isoformat())
    page.emulate_media(media="print")
    assert not page.locator("[data-hb-plan-controls]").is_visible() and not page.locator(".md-header").is_visible()
    page.screenshot(path=tmp_path / "plan-print.png", full_page=True)
    page.pdf(path=tmp_path / "plan.pdf", prefer_css_page_size=True)
    reader = PdfReader(tmp_path / "plan.pdf")
    words = " ".join(" ".join(sheet.extract_text().split()) for sheet in reader.pages)
    assert len(reader.pages) <= 3
    assert "Start date: Monday 2 March 2026" in words and "Tue 2 Jun 2026" in words  # day 0 and working day 63 (after Qingming and Labour Day)
    assert "Download calendar" not in words and "Written and maintained by" not in words
