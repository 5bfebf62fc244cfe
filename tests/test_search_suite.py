"""The search suite: each query of tests/search_queries.py, typed key by key into Material's search, finds its answer.

A gate: every query must find its answer but the known misses of tests/search_queries.py (KNOWN_MISSES, each with
its reason), which are expected to fail (strictly: one that starts passing fails until it leaves the list).

    .venv/bin/python -m pytest tests/test_search_suite.py -q

What counts as found: a result is one item of Material's result list (one page, with the sections of it that
matched best); a query finds its answer when a link a reader sees without opening "N more on this page" in one of
the first three items points at an expected location: the page itself for a page, the page and anchor for a section.
A query the handbook does not cover finds its answer when search says "No matching documents", or when each of
the first three items matches only some of its words (Material marks each "Missing: …"), with the handbook's hint
to the glossary and the role guides under the result count (docs/assets/search.js).
The run ends with "search suite: N of M queries find their answer in the first three" and every miss, with the
first three results it showed instead.
"""

import json
from dataclasses import dataclass

import pytest

from searchbox import ITEMS, open_search, site_location, type_query
from search_queries import (CASES, EVERYDAY, KINDS, KNOWN_MISSES, MISSPELLING, NOT_COVERED, PHRASE, PLURAL, ROLE,
                            SYNONYM, Case)

TOP = 3
NO_RESULTS = "No matching documents"
TYPING_DELAY_MS = 10

# The links a reader sees in an item: the page, then its best sections; the rest sit in a closed <details>.
READ_TOP = f"""n => [...document.querySelectorAll('{ITEMS}')].slice(0, n).map(li =>
    [...li.querySelectorAll(':scope > a.md-search-result__link')].map(a => a.href))"""
# Whether every visible link of an item that matched (a page shown only as the heading of its matching sections has
# score 0) matches only some of the query's words: it shows "Missing: …".
READ_PARTIAL = f"""n => [...document.querySelectorAll('{ITEMS}')].slice(0, n).map(li =>
    [...li.querySelectorAll(':scope > a.md-search-result__link > article')]
        .filter(article => parseFloat(article.dataset.mdScore) > 0
        && article.querySelector(':scope > :not(.md-search-result__icon, h1, h2, nav)'))
        .every(article => article.querySelector('.md-search-result__terms')))"""
HINT = "() => { const hint = document.querySelector('.hb-search-hint'); return hint && !hint.hidden ? hint.innerText : ''; }"
COUNT_ITEMS = f"() => document.querySelectorAll('{ITEMS}').length"


@dataclass(frozen=True)
class Outcome:
    """What search showed for one case: the first items' visible links, how many items, and the result meta text."""

    case: Case
    top: tuple[tuple[str, ...], ...]
    count: int
    meta: str
    partial: tuple[bool, ...] = ()
    hint: str = ""

    @property
    def found(self) -> bool:
        if self.case.kind == NOT_COVERED:
            honest = self.count == 0 or NO_RESULTS in self.meta or (bool(self.partial) and all(self.partial))
            return honest and "glossary" in self.hint
        return any(answers(expected, links) for expected in self.case.expected for links in self.top)

    @property
    def verdict(self) -> str:
        if self.found:
            return "found"
        if self.case.kind == NOT_COVERED:
            return "misleading"
        return "no results" if self.count == 0 else "not in the first three"

    def shown(self) -> str:
        """The first items as a reader sees them: each item's best sections, or its page when no section matched."""
        return " | ".join(" ".join(links[1:]) or links[0] or "(home page)" for links in self.top) or "(nothing)"


def answers(expected: str, links: tuple[str, ...]) -> bool:
    """A page is answered by any link into it, a section only by a link to that section."""
    if "#" in expected:
        return expected in links
    return expected in {link.split("#")[0] for link in links}


def search(page, case: Case, base: str) -> Outcome:
    """Clears the box, types the query key by key as a reader does, and reads the settled results."""
    type_query(page, case.query, TYPING_DELAY_MS)
    top = page.evaluate(READ_TOP, TOP)
    return Outcome(case=case, top=tuple(tuple(site_location(url, base) for url in links) for links in top),
                   count=page.evaluate(COUNT_ITEMS),
                   meta=page.locator(".md-search-result__meta").inner_text().strip(),
                   partial=tuple(page.evaluate(READ_PARTIAL, TOP)), hint=page.evaluate(HINT))


class Summary:
    """Collects every outcome and prints the hits out of the total, and each miss, at the end of the run."""

    def __init__(self):
        self.outcomes: dict[str, Outcome] = {}

    def pytest_terminal_summary(self, terminalreporter):
        if not self.outcomes:
            return
        outcomes = list(self.outcomes.values())
        hits = sum(outcome.found for outcome in outcomes)
        write = terminalreporter.write_line
        terminalreporter.write_sep("-", "search suite")
        write(f"search suite: {hits} of {len(outcomes)} queries find their answer in the first three")
        by_kind = []
        for kind in KINDS:
            ofkind = [outcome for outcome in outcomes if outcome.case.kind == kind]
            if ofkind:
                by_kind.append(f"{kind} {sum(outcome.found for outcome in ofkind)}/{len(ofkind)}")
        write("  by kind: " + ", ".join(by_kind))
        misses = [outcome for outcome in outcomes if not outcome.found]
        if misses:
            write(f"  misses ({len(misses)}), query (kind, verdict) -> the first three results:")
        for outcome in misses:
            write(f"    {outcome.case.query!r} ({outcome.case.kind}, {outcome.verdict}) -> {outcome.shown()}")


@pytest.fixture(scope="module")
def summary(request) -> Summary:
    """The run's summary, registered as a plugin (for the rest of the run) so that it prints after the last test."""
    plugin = Summary()
    request.config.pluginmanager.register(plugin, "handbook-search-suite-summary")
    return plugin


@pytest.fixture(scope="module")
def search_page(browser, served_site):
    context, page = open_search(browser, served_site)
    yield page
    context.close()


def expected_outcome(case: Case, known_misses: dict[str, str] = KNOWN_MISSES):
    """The case as a test parameter: a known miss is expected to fail, strictly, with its reason."""
    if case.query in known_misses:
        return pytest.param(case, id=case.query, marks=pytest.mark.xfail(reason=known_misses[case.query], strict=True))
    return pytest.param(case, id=case.query)


@pytest.mark.parametrize("case", [expected_outcome(case) for case in CASES])
def test_query_finds_its_answer_in_the_first_three(search_page, served_site, summary, case):
    """Typing the query shows an expected page or section in the first three results (nothing, if not covered)."""
    outcome = search(search_page, case, served_site + "/")
    summary.outcomes[case.query] = outcome
    if case.kind == NOT_COVERED:
        assert outcome.found, (f"{case.query!r} is not covered by the handbook, but search shows {outcome.count} "
                               f"results ({outcome.meta!r}), first ones matching every word: {outcome.shown()}; "
                               f"hint: {outcome.hint!r}")
    else:
        assert outcome.found, (f"{case.query!r} ({case.kind}): none of {list(case.expected)} in the first three "
                               f"results ({outcome.meta!r}): {outcome.shown()}")


def test_every_expected_location_is_in_the_search_index(site):
    """Every expected page and section is a location of the built search index, so a renamed id fails here by name."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    missing = sorted({(case.query, expected) for case in CASES for expected in case.expected
                      if expected not in locations})
    assert not missing, f"search suite expects locations the site does not have: {missing}"


def test_the_suite_is_what_the_issue_asks_for():
    """At least 60 distinct lowercase queries, in every kind the issue names, each kind well represented."""
    queries = [case.query for case in CASES]
    assert len(queries) >= 60
    assert len(set(queries)) == len(queries), "a query is in the suite twice"
    assert all(query == query.lower() for query in queries), "newcomers type in lowercase"
    minimum = {EVERYDAY: 20, SYNONYM: 10, PLURAL: 6, MISSPELLING: 5, PHRASE: 10, ROLE: 6, NOT_COVERED: 5}
    counts = {kind: sum(case.kind == kind for case in CASES) for kind in KINDS}
    short = {kind: counts[kind] for kind in KINDS if counts[kind] < minimum[kind]}
    assert not short, f"too few queries of these kinds: {short}"


def test_known_misses_are_few_and_name_real_queries():
    """The misses the gate accepts are queries of the suite, at most one in ten, and none a not-covered query."""
    queries = {case.query: case.kind for case in CASES}
    assert set(KNOWN_MISSES) <= set(queries), f"not in the suite: {sorted(set(KNOWN_MISSES) - set(queries))}"
    assert len(KNOWN_MISSES) * 10 <= len(CASES), f"{len(KNOWN_MISSES)} known misses of {len(CASES)} queries"
    assert NOT_COVERED not in {queries[query] for query in KNOWN_MISSES}, "a not-covered query must never mislead"
