"""Search that finds: queries a newcomer would type, typed into Material's search box, find the right page."""

import pytest

from searchbox import ITEMS, open_search, site_location, type_query

# (what a newcomer types, the page or section that must be among the first three results)
QUERIES = [
    ("three quotes", "glossary/#three-quotes"),
    ("minutes", "duties/#meeting-minutes"),
    ("letters and visits", "glossary/#letters-and-visits"),
    ("seal", "checklists/seal-and-introduction-letters/"),
    ("annual inspection", "glossary/#annual-inspection"),
    ("overstep", "principles/#know-your-position"),
    ("business trip", "checklists/travel-arrangements/"),
    ("team dinner", "checklists/team-dinner/"),
    ("call log", "duties/#call-log"),
    ("warranty", "duties/#warranty-and-after-sales"),
    ("elephant order", "scenarios/#elephant-order"),
    ("pry", "conduct/#dont-pry"),
    ("receive guests", "checklists/guest-reception-and-events/"),
    ("archive", "checklists/document-lifecycle/"),
    ("chronicle", "duties/#major-events-record"),
    ("boss", "conduct/#not-overly-humble"),
    ("first week executive secretary", "checklists/first-week-executive-secretary/"),
    ("onboarding office director", "onboarding/onboarding-office-director/"),
    ("job description strategic assistant", "roles/strategic-assistant/"),
    ("compare roles", ("manager/", "compare/")),  # the manager's view, or the side-by-side comparison page
    ("download pdf", "manager/#downloads"),
    # The manager's comparison, or a plan's own day-90 milestone (records first: the plans come before the summary).
    ("what to expect at 90 days", ("manager/#expectations-and-pitfalls-by-role",
                                   *(f"onboarding/onboarding-{role}/#phase-day-90" for role in (
                                       "executive-secretary", "general-assistant", "office-director",
                                       "enterprise-management-assistant", "strategic-assistant",
                                       "administrative-officer")))),
    ("overdue", "maintenance/"),
]

def search(page, query: str, base: str) -> list[list[str]]:
    """Types `query` key by key into Material's search and returns the result groups (one per page) as paths."""
    type_query(page, query)
    groups = page.eval_on_selector_all(ITEMS, "items => items.map(li => [...li.querySelectorAll('a')].map(a => a.href))")
    return [[site_location(url, base) for url in group] for group in groups]


def found_in(expected: str, groups: list[list[str]]) -> bool:
    """A page is found when any link of a group points at it; a section when a link has that fragment."""
    urls = [url for group in groups for url in group]
    return expected in urls or ("#" not in expected and expected in {url.split("#")[0] for url in urls})


@pytest.fixture(scope="module")
def search_page(browser, served_site):
    context, page = open_search(browser, served_site)
    yield page
    context.close()


@pytest.mark.parametrize("query,expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_query_finds_the_right_page_in_the_first_three(search_page, served_site, query, expected):
    """Typing the query shows the expected page (or section) among the first three result pages."""
    groups = search(search_page, query, served_site + "/")
    choices = expected if isinstance(expected, tuple) else (expected,)
    assert any(found_in(choice, groups[:3]) for choice in choices), \
        f"{query!r}: {expected} not in the first three results: {groups[:3]}"


def test_search_shows_nothing_for_nonsense(search_page, served_site):
    """A query matching nothing shows no results, so the checks above cannot pass on any non-empty list."""
    groups = search(search_page, "qqxyzzy", served_site + "/")
    assert groups == []
    assert "No matching documents" in search_page.locator(".md-search-result__meta").inner_text()


def test_every_query_targets_a_built_page(site):
    """Each expected result exists in the build, so a renamed page fails here with its name."""
    missing = [choice for _, expected in QUERIES for choice in (expected if isinstance(expected, tuple) else (expected,))
               if not (site / choice.split("#")[0] / "index.html").is_file()]
    assert not missing, f"search expectations point at pages that are not built: {missing}"
    assert len(QUERIES) >= 10
