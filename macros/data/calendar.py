"""The working calendar the onboarding plans count in: the company's working week, public holidays and make-up days."""

from dataclasses import dataclass
from datetime import date
from importlib import metadata

from .company import Company
from .language import words

YEARS_AHEAD = 2  # plans start this year or in the next two; a 90-day plan started then ends within them too


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
    """The company's working calendar from `first_year` to YEARS_AHEAD years after it, from the holidays library."""
    import holidays  # only a build's plan pages need it

    years = list(range(first_year, first_year + YEARS_AHEAD + 1))
    public = holidays.country_holidays(company.country, years=years)
    in_span = lambda day: first_year <= day.year <= years[-1]
    extra = sorted(day for day in getattr(public, "weekend_workdays", ()) if in_span(day))
    source = words("public holidays of {country} from the holidays library {version}, {first}–{last}").format(
        country=company.country, version=metadata.version("holidays"), first=years[0], last=years[-1])
    return WorkingCalendar(source, company.working_days, tuple(sorted(public)), tuple(extra))
