"""A second company adopts the handbook: its settings file alone gives every page, PDF, export and calendar its names."""

import json
import re
from datetime import date

import holidays
import pytest
import yaml
from pypdf import PdfReader

from conftest import ROOT
from sites import build, copy_project

DEFAULT = yaml.safe_load((ROOT / "data" / "settings" / "company.yml").read_text(encoding="utf-8"))
SECOND = {
    **DEFAULT,
    "name": "Harbour Lane Logistics Ltd",
    "short_name": "Harbour Lane",
    "company_type": "private",
    "gm_title": "Managing Director",
    "offices": {"general_office": "Executive Office", "administration": "Facilities Team", "hr": "People Team",
                "finance": "Finance Team", "it": "Technology Desk", "legal": "Legal Counsel"},
    "posts": {"head_of_general_office": "Chief of Staff", "head_of_administration": "Facilities Manager",
              "hr_partner": "People Partner", "strategy_office": "Planning Unit"},
    "country": "US",
    "time_zone": "America/Chicago",
    "currency": "USD",
    "limits": {"three_quotes_above": 2500, "petty_cash": 300, "gift_value": 75},
    "site_url": "https://handbook.harbourlane.example/",
    "contact": {"name": "Chief of Staff", "email": "handbook@harbourlane.example"},
}


def default_names() -> list[str]:
    """Every name the default settings give that a second company replaces."""
    names = [DEFAULT["name"], DEFAULT["short_name"], DEFAULT["contact"]["email"], f"{DEFAULT['currency']} "]
    names += list(DEFAULT["offices"].values()) + list(DEFAULT["posts"].values())
    return sorted(set(names))


@pytest.fixture(scope="module")
def second_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("second")
    project = copy_project(root / "project")
    (project / "data" / "settings" / "company.yml").write_text(yaml.safe_dump(SECOND, sort_keys=False), encoding="utf-8")
    result = build(project, root / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def outputs(site) -> dict[str, str]:
    """Every text a reader or a machine gets from the site: pages, search index, exports, PDFs' text."""
    found = {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in site.rglob("*")
             if p.suffix in {".html", ".json", ".csv", ".xml", ".js"} and "assets/javascripts" not in str(p)}
    for pdf in site.rglob("*.pdf"):
        found[str(pdf.relative_to(site))] = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    return found


def test_no_trace_of_the_default_company(second_site):
    """No page, search entry, export or PDF names the default company, its offices, posts, address or currency."""
    traces = {}
    for path, text in outputs(second_site).items():
        flat = " ".join(text.split())
        hits = [name for name in default_names() if name in flat]
        if hits:
            traces[path] = hits
    assert not traces, f"default names left in {len(traces)} file(s): {dict(list(traces.items())[:8])}"


def test_the_new_names_are_where_they_belong(second_site):
    home = (second_site / "index.html").read_text(encoding="utf-8")
    assert "<title>Harbour Lane — Assistant to the Managing Director handbook</title>" in home
    assert "Harbour Lane Logistics Ltd" in home and "handbook@harbourlane.example" in home  # the footer
    assert '<link rel="canonical" href="https://handbook.harbourlane.example/">' in home
    assert "https://handbook.harbourlane.example/roles/" in (second_site / "sitemap.xml").read_text(encoding="utf-8")
    duties = (second_site / "duties" / "index.html").read_text(encoding="utf-8")
    assert "Executive Office" in duties and "Chief of Staff" in duties
    exported = json.loads((second_site / "downloads" / "handbook.json").read_text(encoding="utf-8"))
    assert "Facilities Manager" in json.dumps(exported)
    pdf = " ".join(p.extract_text() for p in PdfReader(second_site / "downloads" / "handbook.pdf").pages)
    assert "Executive Office" in " ".join(pdf.split())


def test_money_limits_come_from_the_settings(second_site):
    """A rule that names a limit shows the second company's amount in its currency, never the default's."""
    text = " ".join(re.sub(r"<[^>]+>", " ", (second_site / "duties" / "index.html").read_text(encoding="utf-8")).split())
    assert "USD 2,500" in text
    assert "CNY" not in text


def plan_data(site, plan_id: str) -> dict:
    page = (site / "onboarding" / plan_id / "index.html").read_text(encoding="utf-8")
    return json.loads(re.search(r"<script[^>]*data-hb-plan-data[^>]*>(.*?)</script>", page, re.S).group(1))


def test_the_plans_count_in_the_second_companys_public_holidays(second_site):
    """The plan pages carry the US calendar: Thanksgiving is a day off, checked against the holidays library."""
    calendar = plan_data(second_site, "onboarding-executive-secretary")["calendar"]
    thanksgiving = [day for day, name in holidays.country_holidays("US", years=2026).items() if "Thanksgiving" in name]
    assert [d.isoformat() for d in thanksgiving] == ["2026-11-26"]
    assert "2026-11-26" in calendar["off"] and "2026-10-01" not in calendar["off"]  # China's National Day is not
    assert "in United States" in calendar["source"]


def test_a_us_start_date_across_thanksgiving_in_the_browser(browser, second_site, tmp_path):
    """Started on Monday 23 November 2026, day 3 is Friday 27: Thursday 26 (Thanksgiving) is skipped; the .ics too."""
    import functools
    import http.server
    import threading

    from conftest import QuietHandler

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(second_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/onboarding/onboarding-executive-secretary/")
        page.get_by_label("Your start date").fill(date(2026, 11, 23).isoformat())
        shown = dict(page.eval_on_selector_all("time[data-hb-day]",
                                               "all => all.map(t => [Number(t.dataset.hbDay), t.dateTime])"))
        us = holidays.country_holidays("US", years=[2026, 2027])
        expected = {day: (us.get_nth_working_day(date(2026, 11, 23), day) if day else date(2026, 11, 23)).isoformat()
                    for day in shown}
        assert shown == expected
        with page.expect_download() as download:
            page.get_by_role("button", name="Download calendar (.ics)").click()
        ics = (tmp_path / "plan.ics")
        download.value.save_as(ics)
        text = ics.read_text(encoding="utf-8")
        assert "Harbour Lane Logistics Ltd" in text and DEFAULT["name"] not in text
        assert "DTSTART;VALUE=DATE:20261126" not in text
    finally:
        context.close()
        server.shutdown()


def test_a_private_company_gets_no_state_sector_passages(second_site):
    """Records marked `applies_to: [state-owned]` and the party committee in shared text stay out of a private
    company's handbook; the default edition (a state-owned enterprise) has them."""
    text = " ".join(outputs(second_site).values()).lower()
    assert "party committee" not in text
    default = (ROOT / "data" / "settings" / "company.yml").read_text(encoding="utf-8")
    assert "company_type: state-owned" in default, "the default edition describes a state-owned enterprise"


def test_the_default_edition_shows_the_state_sector_passages(site):
    glossary = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    assert 'id="party-committee"' in glossary
    assert "the company's leaders and the party committee" in (site / "duties" / "index.html").read_text(encoding="utf-8")
