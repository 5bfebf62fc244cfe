"""The company settings (data/company.yml): who the handbook belongs to, and the facts of it that differ per company."""

import re
import zoneinfo
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from .loader import Problem, read_yaml, validate_mapping
from .models import CompanyType, Slug, Strict, Text
from .patterns import matching
from .user_cache import for_library, kept_as_json

FILE = "settings/company.yml"  # under the data folder
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
EmailAddress = matching(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", "is not an email address; write one like handbook@example.com")
CurrencyCode = matching(r"^[A-Z]{3}$", "is not a currency code; write its three capital letters (ISO 4217), like CNY")
LogoPath = matching(r"^[\w./-]+\.(svg|png)$", "is not a logo file; give an .svg or .png path under docs/, like "
                    "assets/logo.svg")
Colour = matching(r"^#[0-9a-fA-F]{6}$", "is not a colour; write # and six hexadecimal digits, like #0f4c5c")


@cache
def _known_countries() -> frozenset[str]:
    """The country codes the onboarding plans' holiday calendar knows, read once, and kept in the build's cache folder
    by library version as the calendar is (macros/data/calendar.py): importing the library is 20 ms of every build
    and `handbook check`, for a list that only changes with the library."""
    return kept_as_json(for_library("holidays", "countries"), _countries_from_library, dump=sorted, load=_codes)


def _codes(saved) -> frozenset[str]:
    """A kept list of country codes, or ValueError for anything else."""
    if not (isinstance(saved, list) and saved and all(isinstance(code, str) for code in saved)):
        raise ValueError("not a list of country codes")
    return frozenset(saved)


def _countries_from_library() -> frozenset[str]:
    """From the library's registry of codes: `holidays.list_supported_countries()` gives the same codes but first loads
    every country's calendar for its subdivisions, 0.12 s. tests/test_settings.py checks that the two agree, so an
    upgrade that moves the registry fails there, not here (this falls back to it)."""
    try:
        from holidays.registry import EntityLoader

        return frozenset(EntityLoader.get_country_codes(True))
    except (ImportError, AttributeError):
        import holidays

        return frozenset(holidays.list_supported_countries())


def _country(value: str) -> str:
    if value not in _known_countries():
        raise PydanticCustomError("country", "'{value}' is not a country code the holidays calendar knows; use the "
                                  "two-letter ISO code, like CN, US, GB or DE", {"value": value})
    return value


def _time_zone(value: str) -> str:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise PydanticCustomError("time_zone", "'{value}' is not a time zone; use an IANA name like Asia/Shanghai",
                                  {"value": value}) from None
    return value


def _site_url(value: str) -> str:
    if value and not re.fullmatch(r"https?://[^\s/]+(/[^\s]*)?/", value):
        raise PydanticCustomError("site_url", "'{value}' is not a site address; write it in full with a trailing "
                                  "slash, like https://handbook.example.com/, or leave it empty", {"value": value})
    return value


class Offices(Strict):
    """The names of the offices and departments the handbook refers to."""

    general_office: Text       # the GM's office, which the assistants work in
    administration: Text
    hr: Text
    finance: Text
    it: Text
    legal: Text


class Posts(Strict):
    """The titles of the people the handbook names as owners and contacts."""

    head_of_general_office: Text
    head_of_administration: Text
    hr_partner: Text
    strategy_office: Text


class Limits(Strict):
    """The money limits the rules rely on, in the company's currency (whole units)."""

    three_quotes_above: Annotated[int, Field(ge=0)]  # a purchase above this needs three quotes
    petty_cash: Annotated[int, Field(ge=0)]          # the most paid from petty cash at once
    gift_value: Annotated[int, Field(ge=0)]          # the most a gift given or accepted may be worth


class Contact(Strict):
    """Who keeps the handbook, for readers' questions and corrections."""

    name: Text
    email: EmailAddress


class Company(Strict):
    """One company's handbook: its names, country and calendar, money limits, address and look."""

    name: Text
    short_name: Text
    company_type: CompanyType
    gm_title: Text
    offices: Offices
    posts: Posts
    country: Annotated[str, AfterValidator(_country)]
    language: Literal["en", "zh"]
    time_zone: Annotated[str, AfterValidator(_time_zone)]
    working_week: Annotated[list[Weekday], Field(min_length=1)]
    currency: CurrencyCode
    limits: Limits
    site_url: Annotated[str, AfterValidator(_site_url)] = ""
    contact: Contact
    logo: LogoPath | None = None  # under docs/
    colours: "Colours"
    # What job adverts say the company offers and how to apply; each left out is a blank to fill in on the advert.
    hiring: "Hiring" = Field(default_factory=lambda: Hiring())
    id: Slug = "company"  # not written in the file; lets messages and exports name it like a record

    def money(self, amount: int) -> str:
        """An amount as the text shows it: CNY 5,000."""
        return f"{self.currency} {amount:,}"

    @property
    def working_days(self) -> tuple[int, ...]:
        """The working week as weekday numbers (Monday 0), for date arithmetic."""
        return tuple(sorted(WEEKDAYS.index(day) for day in self.working_week))


def _readable_on_white(value: str) -> str:
    """A colour that white text on it, and it as text on white, both read at AA (4.5:1)."""
    channels = [int(value[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    ratio = 1.05 / (0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2] + 0.05)
    if ratio < 4.5:
        raise PydanticCustomError("contrast", "{value} is {ratio}:1 against white, below the 4.5:1 readers need; "
                                  "choose a darker shade", {"value": value, "ratio": f"{ratio:.1f}"})
    return value


class Hiring(Strict):
    """What every job advert ends with: written once for the company, printed in each role's advert."""

    offer: Text | None = None         # pay range or grade, benefits, working pattern
    how_to_apply: Text | None = None  # how, to whom, and by when


class Colours(Strict):
    """The site's brand colours, both dark enough to carry white text and to be read as text on white (AA)."""

    primary: Annotated[Colour, AfterValidator(_readable_on_white)]
    accent: Annotated[Colour, AfterValidator(_readable_on_white)]


Company.model_rebuild()


def load_company(data_dir: Path, prefix: str, problems: list[Problem], language: str = "en",
                 report=None) -> Company | None:
    """The company settings of a data folder (with `language`'s names for the company, its offices and posts), or
    None after adding their problems to `problems`."""
    value, source_map, file_problems = read_yaml(data_dir / FILE, f"{prefix}{FILE}")
    if language != "en" and value is not None and not file_problems:
        from . import translations  # translations.py imports this module's Company

        value = translations.translate_settings(value, data_dir, prefix, language, report)
    problems += [Problem(p.path, p.line, "file is missing; copy data/settings/company.yml from the handbook and fill "
                         "in your company") if p.message.startswith("file is missing") else p for p in file_problems]
    return validate_mapping("company", Company, value, source_map, problems) if value is not None else None
