"""The working calendar the onboarding plans count in: the company's working week, public holidays and make-up days."""

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from . import language
from .company import Company
from .language import words
from .user_cache import for_library, kept_as_json

YEARS_AHEAD = 2  # plans start this year or in the next two; a 90-day plan started then ends within them too
# A country as a translation names it; any other country is named as the holidays library spells it in English.
COUNTRY_NAMES = {"zh": {"CN": "中国", "HK": "中国香港", "MO": "中国澳门", "TW": "中国台湾", "SG": "新加坡", "US": "美国",
                        "GB": "英国", "DE": "德国", "FR": "法国", "JP": "日本", "KR": "韩国"}}


@dataclass(frozen=True)
class WorkingCalendar:
    """Which days count as working days, for a country's public holidays over a span of years."""

    source: str                       # what the page says it used: "public holidays of CN (holidays 0.108), 2026–2028"
    working_week: tuple[int, ...]     # weekday numbers, Monday 0
    days_off: tuple[date, ...]        # public holidays (and days given off in their place) in the span
    working_weekends: tuple[date, ...]  # official make-up working days that fall outside the working week

    def is_working_day(self, day: date) -> bool:
        if day in self.working_weekends:
            return True
        return day.weekday() in self.working_week and day not in self.days_off

    def as_json(self) -> dict:
        """For the page's script, which counts the same days: JavaScript numbers weekdays from Sunday (0)."""
        return {"source": self.source, "week": [(number + 1) % 7 for number in self.working_week],
                "off": [day.isoformat() for day in self.days_off],
                "extra": [day.isoformat() for day in self.working_weekends]}


def working_calendar(company: Company, first_year: int) -> WorkingCalendar:
    """The company's working calendar from `first_year` to YEARS_AHEAD years after it, from the holidays library.

    Made once per build and language: every plan and start page and the home page count in it (14 pages here), and
    the holidays library computes every holiday of the span again on each call."""
    return _working_calendar(company.country, company.working_days, first_year, language.current())


@cache
def _working_calendar(country: str, working_days: tuple[int, ...], first_year: int, _language: str) -> WorkingCalendar:
    years = range(first_year, first_year + YEARS_AHEAD + 1)
    public = public_holidays(country, years[0], years[-1])
    source = words("public holidays in {country}, {first}–{last}").format(
        country=country_name(country, public.name), first=years[0], last=years[-1])
    return WorkingCalendar(source, working_days, public.days_off, public.working_weekends)


@dataclass(frozen=True)
class PublicHolidays:
    """A country's public holidays over a span of years, as the holidays library gives them."""

    name: str                           # the library's English name of the country ("United States")
    days_off: tuple[date, ...]
    working_weekends: tuple[date, ...]  # make-up working days on a weekend (China's, for one)


def public_holidays(country: str, first: int, last: int) -> PublicHolidays:
    """The holidays library's calendar, kept in the build's cache folder by library version, country and years.

    Loading the library imports every country's module (about 280) and computing three years of China's lunar
    holidays takes as long again: 0.13 s, a twentieth of a build, for a result that only changes with the library."""
    return kept_as_json(
        for_library("holidays", f"{country}-{first}-{last}"), lambda: _from_library(country, first, last),
        dump=lambda public: {"name": public.name, "off": [d.isoformat() for d in public.days_off],
                             "extra": [d.isoformat() for d in public.working_weekends]},
        load=lambda saved: PublicHolidays(saved["name"], tuple(map(date.fromisoformat, saved["off"])),
                                          tuple(map(date.fromisoformat, saved["extra"]))))


def _from_library(country: str, first: int, last: int) -> PublicHolidays:
    import holidays

    public = holidays.country_holidays(country, years=list(range(first, last + 1)))
    # The class named by the code itself is an alias of the one named for the country: "UnitedStates" for US.
    named = next((c.__name__ for c in type(public).__mro__ if c.__name__ != country), country)
    extra = sorted(day for day in getattr(public, "weekend_workdays", ()) if first <= day.year <= last)
    return PublicHolidays(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", named), tuple(sorted(public)), tuple(extra))


def country_name(code: str, english: str) -> str:
    """The country a reader knows: 中国 on a Chinese page, else the holidays library's English name for it."""
    return COUNTRY_NAMES.get(language.current(), {}).get(code) or english
