"""The working calendar's public holidays come from the holidays library once, then from the build's cache."""

import json
import sys
from datetime import date

import holidays
import pytest

from macros.data import calendar


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_CACHE", str(tmp_path))
    return tmp_path / "holidays"


def saved_file(cache):
    [path] = cache.glob("*.json")
    return path


@pytest.mark.parametrize("country", ["CN", "US", "DE"])
def test_cached_calendar_is_the_librarys(cache, country):
    made = calendar.public_holidays(country, 2026, 2028)
    again = calendar.public_holidays(country, 2026, 2028)
    library = holidays.country_holidays(country, years=[2026, 2027, 2028])
    assert made == again
    assert made.days_off == tuple(sorted(library))
    in_span = [day for day in getattr(library, "weekend_workdays", ()) if 2026 <= day.year <= 2028]
    assert made.working_weekends == tuple(sorted(in_span))  # the library's set also holds days of other years
    assert saved_file(cache).name == f"{holidays.__version__}-{country}-2026-2028.json"


def test_china_has_make_up_working_days_and_an_english_name(cache):
    china = calendar.public_holidays("CN", 2026, 2026)
    assert china.name == "China"
    assert china.working_weekends and all(day.weekday() >= 5 for day in china.working_weekends)
    assert calendar.public_holidays("US", 2026, 2026).name == "United States"


def test_second_build_reads_the_cache_and_never_asks_the_library(cache, monkeypatch):
    calendar.public_holidays("CN", 2026, 2028)
    monkeypatch.setattr(calendar, "_from_library", lambda *args: pytest.fail("the library was asked again"))
    assert date(2026, 10, 1) in calendar.public_holidays("CN", 2026, 2028).days_off


def test_a_damaged_cache_file_is_made_again(cache):
    made = calendar.public_holidays("CN", 2026, 2028)
    for damage in ("", "{not json", json.dumps({"name": "China", "off": ["2026-13-01"], "extra": []}),
                   json.dumps(["a list"])):
        saved_file(cache).write_text(damage)
        assert calendar.public_holidays("CN", 2026, 2028) == made
        assert json.loads(saved_file(cache).read_text())["name"] == "China"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc is Linux's")
def test_an_unwritable_cache_folder_still_gives_the_calendar(monkeypatch):
    monkeypatch.setenv("HANDBOOK_CACHE", "/proc/no-such-cache")  # refuses every writer, root too
    assert calendar.public_holidays("CN", 2026, 2026).name == "China"
