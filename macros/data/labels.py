"""How records are named and grouped, the same on web pages and on paper."""

from collections.abc import Iterable

from . import language
from .language import Titles


AREA_TITLES = Titles({
    "planning-and-strategy": "Planning and strategy",
    "information-and-decisions": "Information and decisions",
    "meetings-and-documents": "Meetings and documents",
    "coordination-and-relations": "Coordination and relations",
    "office-administration": "Office administration",
    "procurement-and-logistics": "Procurement and logistics",
    "people-and-culture": "People and culture",
})
THEME_TITLES = Titles({
    "position-and-staff-work": "Your position and staff work",
    "relationships": "Working with people",
    "efficiency": "Getting things done",
    "standing-and-example": "Standing and example",
    "rules-and-environment": "Rules and the workplace",
    "leading-people": "Leading people in a growing company",
    "e-commerce-era": "The e-commerce era",
})
CATEGORY_TITLES = Titles({
    "education": "Education",
    "experience": "Experience",
    "knowledge": "Knowledge",
    "skill": "Skills",
    "quality": "Personal qualities",
})
COMPANY_TYPE_TITLES = Titles({
    "state-owned": "state-owned enterprise",
    "private": "privately owned company",
    "foreign-invested": "foreign-invested enterprise",
})
FREQUENCY_TITLES = Titles({
    "daily": "daily",
    "weekly": "weekly",
    "monthly": "monthly",
    "quarterly": "quarterly",
    "yearly": "yearly",
    "per-event": "per event",
    "as-needed": "as needed",
})
PHASE_TITLES = Titles({
    "day-1": "Day 1",
    "week-1": "Week 1",
    "month-1": "Month 1",
    "day-30": "Day 30",
    "day-60": "Day 60",
    "day-90": "Day 90",
})


def one_line(value: str) -> str:
    """Text with each run of whitespace, line breaks included, as one space: how it reads on a page."""
    return " ".join(str(value).split())


def long_date(value) -> str:
    """A date as people write it on paper: 5 January 2027 (2027年1月5日 in Chinese)."""
    return language.long_date(value)


def title_of(record) -> str:
    """What a record is called: its title, or a glossary entry's term."""
    return getattr(record, "title", None) or getattr(record, "term", record.id)


def grouped(records: Iterable, field: str, titles: Titles) -> list[tuple[str, list]]:
    """(title, records) for each group that has records, in the order of `titles` (e.g. duties by AREA_TITLES)."""
    records = list(records)
    return [(title, chosen) for key, title in titles.items() if (chosen := [r for r in records if getattr(r, field) == key])]
