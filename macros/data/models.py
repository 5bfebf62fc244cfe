"""The handbook's schema: one pydantic model per kind of record in data/."""

import os
from datetime import date
from typing import Annotated, Literal

# We use no pydantic plugins. Without this, the first model built scans the entry points of every installed package
# for them, about a tenth of `handbook check`'s run. An explicit setting in the environment still wins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from . import inline_text
from .patterns import matching
from .labels import AREA_TITLES, CATEGORY_TITLES, COMPANY_TYPE_TITLES, FREQUENCY_TITLES, PHASE_TITLES, THEME_TITLES


def _allowed_text(value: str) -> str:
    """`value` itself when the text policy allows it (macros/data/inline_text.py); else a `text_policy` error saying why."""
    message = inline_text.problem(value)
    if message:
        # The message goes in as context, not as the template, so braces in it are never read as placeholders.
        raise PydanticCustomError("text_policy", "{problem}", {"problem": message})
    return value


Slug = matching(r"^[a-z0-9]+(-[a-z0-9]+)*$",
                "is not a valid id; use lowercase words and digits joined by hyphens, like 'meeting-minutes'")
Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(_allowed_text)]
Ids = Annotated[list[Slug], Field(default_factory=list)]
Texts = Annotated[list[Text], Field(default_factory=list)]

# The value sets are the keys of the label tables, so a new area, theme or phase is added in one place (labels.py).
DutyArea = Literal[tuple(AREA_TITLES)]
Frequency = Literal[tuple(FREQUENCY_TITLES)]
PrincipleTheme = Literal[tuple(THEME_TITLES)]
RequirementCategory = Literal[tuple(CATEGORY_TITLES)]
Phase = Literal[tuple(PHASE_TITLES)]
CompanyType = Literal[tuple(COMPANY_TYPE_TITLES)]
# Kinds of company a record or step applies to; none listed: every kind (data/settings/company.yml's company_type).
AppliesTo = Annotated[list[CompanyType], Field(default_factory=list)]


class Strict(BaseModel):
    """Base for every model: unknown fields, wrong types and coercion are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Record(Strict):
    """Fields every top-level record carries: its id, who keeps it true, and when to look again."""

    id: Slug
    owner: Text
    review_by: date
    applies_to: AppliesTo


class OccupationCode(Strict):
    """A code in a public occupation classification, with why it is the closest match."""

    code: Text
    title: Text
    reason: Text


OnetCodeText = matching(r"^\d{2}-\d{4}\.\d{2}$", "is not an O*NET-SOC code; write two digits, a hyphen, four digits, a point "
                        "and two digits, like 43-6011.00")
IscoCodeText = matching(r"^\d{4}$", "is not an ISCO-08 unit group code; write its four digits, like 3343")


class OnetCode(OccupationCode):
    """An O*NET-SOC 2019 code such as 43-6011.00."""

    code: OnetCodeText


class IscoCode(OccupationCode):
    """An ISCO-08 unit group code such as 3343."""

    code: IscoCodeText


class Expectations(Strict):
    """What good looks like after 30, 60 and 90 days in the role."""

    day_30: Annotated[list[Text], Field(min_length=1)]
    day_60: Annotated[list[Text], Field(min_length=1)]
    day_90: Annotated[list[Text], Field(min_length=1)]


class RequirementRating(Strict):
    """How much one requirement matters to one role: essential or preferred, at a level from 1 (basic) to 5 (expert)."""

    id: Slug
    importance: Literal["essential", "preferred"]
    level: Annotated[int, Field(ge=1, le=5)]


class DutyRating(Strict):
    """How central one duty is to one role: core or supplemental, and how often the role does it."""

    id: Slug
    importance: Literal["core", "supplemental"]
    frequency: Frequency


class Role(Record):
    """One variant of the assistant-to-the-GM role, with everything it is expected to do."""

    title: Text
    also_called: Texts  # other words readers use for it: shown on its page, and search finds it by them
    short_name: Text  # the one short name tables, plans and start pages use for the role (its full name is `title`)
    summary: Text
    purpose: Text
    reports_to: Text
    works_with: Texts
    duties: Annotated[list[Slug], Field(min_length=1)]
    requirements: Annotated[list[Slug], Field(min_length=1)]
    principles: Ids
    donts: Ids
    pitfalls: Ids
    checklists: Annotated[list[Slug], Field(min_length=1)]
    expectations: Expectations
    onet: OnetCode
    isco: IscoCode
    # What tells the roles apart (as O*NET rates tasks and skills): one rating per duty and requirement listed above.
    # The validator below ties each rating to an id of `duties` / `requirements`, whose references the loader checks.
    duty_ratings: list[DutyRating] = Field(default_factory=list)
    requirement_ratings: list[RequirementRating] = Field(default_factory=list)
    tools: Texts
    # The fields HR files; a company that leaves one empty gets a blank line to fill in on paper.
    job_code: Text | None = None
    grade: Text | None = None
    location: Text | None = None
    hours: Text | None = None
    contract_type: Text | None = None

    @model_validator(mode="after")
    def _ratings_match_lists(self):
        """Each duty and requirement the role lists has exactly one rating, and nothing else is rated."""
        for listed, rated, name in ((self.duties, self.duty_ratings, "duty_ratings"),
                                    (self.requirements, self.requirement_ratings, "requirement_ratings")):
            ids = [rating.id for rating in rated]
            if rated and sorted(ids) != sorted(listed):
                missing, extra = sorted(set(listed) - set(ids)), sorted(set(ids) - set(listed))
                raise PydanticCustomError("ratings", "{field} must rate each listed id once (missing: {missing}; "
                                          "not listed: {extra})", {"field": name, "missing": missing, "extra": extra})
        return self

    def rating_of_duty(self, duty_id: str) -> "DutyRating | None":
        return next((r for r in self.duty_ratings if r.id == duty_id), None)

    def rating_of_requirement(self, requirement_id: str) -> "RequirementRating | None":
        return next((r for r in self.requirement_ratings if r.id == requirement_id), None)


class Duty(Record):
    """One recurring responsibility: what it is, how often, how it is done and what good looks like."""

    title: Text
    also_called: Texts  # other words readers use for it: shown on its page, and search finds it by them
    area: DutyArea
    frequency: Frequency
    summary: Text
    how: Texts
    good_looks_like: Text
    principles: Ids
    donts: Ids
    checklists: Ids


class Principle(Record):
    """A working principle, with the reason for it and examples of following and breaking it."""

    title: Text
    also_called: Texts  # other words readers use for it: shown on its page, and search finds it by them
    theme: PrincipleTheme
    summary: Text
    why: Text
    do: Annotated[list[Text], Field(min_length=1)]
    dont: Annotated[list[Text], Field(min_length=1)]


class Dont(Record):
    """A conduct rule: something the assistant does not do, and what to do instead."""

    title: Text
    also_called: Texts  # other words readers use for it: shown on its page, and search finds it by them
    rule: Text
    why: Text
    example: Text | None = None
    instead: Text


class Pitfall(Record):
    """A way the role commonly goes wrong, how to notice it early and what to do instead."""

    title: Text
    also_called: Texts  # other words readers use for it: shown on its page, and search finds it by them
    summary: Text
    warning_signs: Annotated[list[Text], Field(min_length=1)]
    instead: Annotated[list[Text], Field(min_length=1)]
    manager_sees: Texts   # what the manager notices from outside
    how_to_raise: Texts   # how the manager brings it up


class Requirement(Record):
    """One thing a candidate must have (or, if preferred, should have) to hold a role."""

    title: Text
    also_called: Texts  # other words readers use for it: shown on its page, and search finds it by them
    category: RequirementCategory
    level: Literal["required", "preferred"]
    detail: Text
    assessed_by: Text | None = None  # how an interviewer checks it


class ChecklistItem(Strict):
    """One tickable step of a checklist: who does it, when, and the duties or principles behind it."""

    id: Slug
    text: Text
    owner: Text
    timing: Text
    optional: bool = False
    applies_to: AppliesTo
    duties: Ids
    principles: Ids


class Checklist(Record):
    """A list of steps to tick off for one recurring task."""

    title: Text
    also_called: Texts  # other words readers use for it: shown on its page, and search finds it by them
    summary: Text
    when: Text
    items: Annotated[list[ChecklistItem], Field(min_length=1)]


class OnboardingStep(Strict):
    """One milestone of an onboarding plan, counted in days from the start date (day 0)."""

    id: Slug
    phase: Phase
    day: Annotated[int, Field(ge=0, le=366)]
    title: Text
    outcome: Text
    checklists: Ids
    duties: Ids


class OnboardingPlan(Record):
    """The first 90 days in one role, as dated steps with outcomes."""

    role: Slug
    title: Text
    summary: Text
    counting: Literal["working-days", "calendar-days"]
    steps: Annotated[list[OnboardingStep], Field(min_length=1)]


class Scenario(Record):
    """A worked case: what happened, what went wrong or right, and what to learn from it."""

    title: Text
    also_called: Texts  # other words readers use for it: shown on its page, and search finds it by them
    situation: Text
    what_happened: Annotated[list[Text], Field(min_length=1)]
    analysis: Text
    lessons: Annotated[list[Text], Field(min_length=1)]
    principles: Ids
    pitfalls: Ids
    donts: Ids
    duties: Ids


class Term(Record):
    """A glossary entry, shown as a hover definition wherever the term or an alias appears."""

    term: Text
    definition: Text
    aliases: Texts
