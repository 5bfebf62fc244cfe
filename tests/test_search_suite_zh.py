"""The Chinese search suite: each query of tests/search_queries_zh.py, typed key by key into the Chinese edition's
search (Material's, with the text segmented by jieba at build time), finds its answer in the first three results.

    .venv/bin/python -m pytest tests/test_search_suite_zh.py -q

What counts as found is what tests/test_search_suite.py counts, on the pages under /zh/; the run ends with
"Chinese search suite: N of M queries find their answer in the first three" and every miss."""

import json

import pytest

from search_queries_zh import CASES, KNOWN_MISSES
from searchbox import open_search
from search_queries import NOT_COVERED
from test_search_suite import answers, expected_outcome, search

GLOSSARY_ZH = "术语表"  # what search.js's hint calls the glossary in Chinese


def found(outcome) -> bool:
    if outcome.case.kind == NOT_COVERED:
        honest = outcome.count == 0 or (bool(outcome.partial) and all(outcome.partial))
        return honest and GLOSSARY_ZH in outcome.hint
    return any(answers(expected, links) for expected in outcome.case.expected for links in outcome.top)


class Summary:
    def __init__(self):
        self.outcomes = {}

    def pytest_terminal_summary(self, terminalreporter):
        if not self.outcomes:
            return
        hits = [o for o in self.outcomes.values() if found(o)]
        terminalreporter.write_sep("-", "Chinese search suite")
        terminalreporter.write_line(f"Chinese search suite: {len(hits)} of {len(self.outcomes)} queries find their "
                                    "answer in the first three")
        for outcome in self.outcomes.values():
            if not found(outcome):
                terminalreporter.write_line(f"    {outcome.case.query!r} ({outcome.case.kind}) -> {outcome.shown()}")


@pytest.fixture(scope="module")
def summary(request):
    plugin = Summary()
    request.config.pluginmanager.register(plugin, "handbook-search-suite-zh-summary")
    return plugin


@pytest.fixture(scope="module")
def search_page(browser, served_site):
    context, page = open_search(browser, served_site + "/zh")
    yield page
    context.close()


@pytest.mark.parametrize("case", [expected_outcome(case, KNOWN_MISSES) for case in CASES])
def test_chinese_query_finds_its_answer_in_the_first_three(search_page, served_site, summary, case):
    outcome = search(search_page, case, served_site + "/zh/")
    summary.outcomes[case.query] = outcome
    assert found(outcome), (f"{case.query!r} ({case.kind}): expected one of {list(case.expected)} in the first three "
                            f"({outcome.meta!r}): {outcome.shown()}; hint {outcome.hint!r}")


def test_every_expected_location_is_in_the_chinese_index(site):
    index = json.loads((site / "zh" / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    missing = sorted({(case.query, e) for case in CASES for e in case.expected if e not in locations})
    assert not missing, missing


def test_the_chinese_suite_has_at_least_thirty_queries_of_every_kind_it_needs():
    queries = [case.query for case in CASES]
    assert len(queries) >= 30 and len(set(queries)) == len(queries)
    assert sum(case.kind == NOT_COVERED for case in CASES) >= 2
