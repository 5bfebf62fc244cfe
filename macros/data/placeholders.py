"""Data text names company facts through placeholders like {office.general_office}, filled in when the data is loaded.

A placeholder is a dotted name in single braces: `{company.short_name}`, `{post.head_of_administration}`,
`{limit.three_quotes_above}`. Nothing else is: `{{ 7*7 }}`, `{note}` and `{ x }` stay text as written, and data
text is never run as a template. An unknown dotted name is a problem reported with its line and a did-you-mean.
"""

import re
from collections.abc import Callable
from typing import Any

from .company import Company
from .labels import COMPANY_TYPE_TITLES
from .language import words

LEADERSHIP = {"state-owned": "the company's leaders and the party committee", "private": "the company's leaders",
              "foreign-invested": "the company's leaders"}
STAFF_BODIES = {"state-owned": "the party committee or the staff representatives",
                "private": "the staff representatives", "foreign-invested": "the staff representatives or works council"}
PLACEHOLDER = re.compile(r"(?<!\{)\{([a-z][a-z_]*(?:\.[a-z][a-z_]*)+)\}(?!\})")


def values(company: Company) -> dict[str, str]:
    """Every placeholder name and the text it stands for in this company's handbook."""
    named = {
        "company.name": company.name,
        "company.short_name": company.short_name,
        "company.type": COMPANY_TYPE_TITLES[company.company_type],
        "company.gm_title": company.gm_title,
        "company.currency": company.currency,
        "contact.name": company.contact.name,
        "contact.email": company.contact.email,
        # Who takes part in governance differs by kind of company: a state-owned enterprise has a party committee.
        "company.leadership": words(LEADERSHIP[company.company_type]),
        "company.staff_bodies": words(STAFF_BODIES[company.company_type]),
    }
    named |= {f"office.{key}": value for key, value in company.offices.model_dump().items()}
    named |= {f"post.{key}": value for key, value in company.posts.model_dump().items()}
    named |= {f"limit.{key}": company.money(amount) for key, amount in company.limits.model_dump().items()}
    return named


def fill_text(text: str, known: dict[str, str]) -> tuple[str, list[str]]:
    """The text with its placeholders filled in, and the names it used that are not known."""
    if "{" not in text:  # most text: nothing to do
        return text, []
    unknown = []

    def filled(match: re.Match) -> str:
        name = match.group(1)
        if name not in known:
            unknown.append(name)
            return match.group(0)
        return known[name]

    return PLACEHOLDER.sub(filled, text), unknown


def fill(value: Any, known: dict[str, str], report: Callable[[tuple, str], None], loc: tuple = ()) -> Any:
    """A parsed YAML value with every text in it filled in; `report(loc, name)` is told of each unknown name."""
    if isinstance(value, str):
        text, unknown = fill_text(value, known)
        for name in unknown:
            report(loc, name)
        return text
    if isinstance(value, list):
        return [fill(item, known, report, loc + (index,)) for index, item in enumerate(value)]
    if isinstance(value, dict):
        return {key: fill(item, known, report, loc + (key,)) for key, item in value.items()}
    return value
