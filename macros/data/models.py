"""The handbook's schema: one pydantic model per kind of record in data/."""

import os
from datetime import date
from typing import Annotated, Literal

# We use no pydantic plugins. Without this, the first model built scans the entry points of every installed package
# for them, about a tenth of `handbook check`'s run. An explicit setting in the environment still wins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from . import inline_text
from .labels import AREA_TITLES, CATEGORY_TITLES, FREQUENCY_TITLES, PHASE_TITLES, THEME_TITLES


def _allowed_text(value: str) -> str:
    """`value` itself when the text policy allows it (macros/data/inline_text.py); else a `text_policy` error saying why."""
    message = inline_text.problem(value)
    if message:
        # The message goes in as context, not as the template, so braces in it are never read as placeholders.
        raise PydanticCustomError("text_policy", "{problem}", {"problem": message})
    return value


Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(_allowed_text)]
Ids = Annotated[list[Slug], Field(default_factory=list)]
Texts = Annotated[list[Text], Field(default_factory=list)]

# The value sets are the keys of the label tables, so a new area, theme or phase is added in one place (labels.py).
DutyArea = Literal[tuple(AREA_TITLES)]
Frequency = Literal[tuple(FREQUENCY_TITLES)]
PrincipleTheme = Literal[tuple(THEME_TITLES)]
RequirementCategory = Literal[tuple(CATEGORY_TITLES)]
Phase = Literal[tuple(PHASE_TITLES)]


class Strict(BaseModel):
    """Base for every model: unknown fields, wrong types and coercion are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Record(Strict):
    """Fields every top-level record carries: its id, who keeps it true, and when to look again."""

    id: Slug
    owner: Text
    review_by: date


class OccupationCode(Strict):
    """A code in a public occupation classification, with why it is the closest match."""

    code: Text
    title: Text
    reason: Text


class OnetCode(OccupationCode):
    """An O*NET-SOC 2019 code such as 43-6011.00."""

    code: Annotated[str, StringConstraints(pattern=r"^\d{2}-\d{4}\.\d{2}$")]


class IscoCode(OccupationCode):
    """An ISCO-08 unit group code such as 3343."""

    code: Annotated[str, StringConstraints(pattern=r"^\d{4}$")]


class Expectations(Strict):
    """What good looks like after 30, 60 and 90 days in the role."""

    day_30: Annotated[list[Text], Field(min_length=1)]
    day_60: Annotated[list[Text], Field(min_length=1)]
    day_90: Annotated[list[Text], Field(min_length=1)]


class Role(Record):
    """One variant of the assistant-to-the-GM role, with everything it is expected to do."""

    title: Text
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


class Duty(Record):
    """One recurring responsibility: what it is, how often, how it is done and what good looks like."""

    title: Text
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
    theme: PrincipleTheme
    summary: Text
    why: Text
    do: Annotated[list[Text], Field(min_length=1)]
    dont: Annotated[list[Text], Field(min_length=1)]


class Dont(Record):
    """A conduct rule: something the assistant does not do, and what to do instead."""

    title: Text
    rule: Text
    why: Text
    example: Text | None = None
    instead: Text


class Pitfall(Record):
    """A way the role commonly goes wrong, how to notice it early and what to do instead."""

    title: Text
    summary: Text
    warning_signs: Annotated[list[Text], Field(min_length=1)]
    instead: Annotated[list[Text], Field(min_length=1)]


class Requirement(Record):
    """One thing a candidate must have (or, if preferred, should have) to hold a role."""

    title: Text
    category: RequirementCategory
    level: Literal["required", "preferred"]
    detail: Text


class ChecklistItem(Strict):
    """One tickable step of a checklist: who does it, when, and the duties or principles behind it."""

    id: Slug
    text: Text
    owner: Text
    timing: Text
    optional: bool = False
    duties: Ids
    principles: Ids


class Checklist(Record):
    """A list of steps to tick off for one recurring task."""

    title: Text
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
