"""HTML for paper: a role's job description and the whole handbook, from the Jinja templates in macros/output/templates/."""

from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..data import models
from ..data.edition import Edition, digest
from ..data.handbook import Handbook
from ..data.kinds import KINDS
from ..data.labels import (AREA_TITLES, CATEGORY_TITLES, FREQUENCY_TITLES, PHASE_TITLES, THEME_TITLES, grouped, long_date,
                           one_line, title_of)

TEMPLATES = Path(__file__).resolve().parent / "templates"

# Autoescaping is what keeps data text literal: `<script>` in a duty title prints as text, never as markup.
# StrictUndefined makes a misspelt field in a template an error instead of an empty gap on paper.
# The bytecode cache (Jinja's own, in a private folder under the system's temp folder, checked against each
# template's source) spares every build compiling the templates again: most of the time role pages took.
ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined,
                         trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
                         bytecode_cache=jinja2.FileSystemBytecodeCache())
ENV.filters["words"] = one_line
ENV.filters["long_date"] = long_date
ENV.filters["frequency"] = FREQUENCY_TITLES.__getitem__
ENV.globals["grouped"] = grouped


@dataclass(frozen=True)
class Group:
    """Records under one heading, e.g. a role's duties in one area."""

    title: str
    records: list


@dataclass(frozen=True)
class JobDescription:
    """What HR needs on paper for one role: who, why, to whom, what, with what, and which version."""

    role: models.Role
    duty_groups: list[Group]
    requirement_groups: list[Group]
    version: str
    edition: Edition

    @property
    def duty_count(self) -> int:
        return sum(len(group.records) for group in self.duty_groups)


def job_description(handbook: Handbook, role: models.Role, edition: Edition) -> JobDescription:
    """The job description of `role`: duties grouped by area and requirements by category, in data order."""
    duties = handbook.resolve("duties", role.duties)
    requirements = handbook.resolve("requirements", role.requirements)
    duty_groups = [Group(title, chosen) for title, chosen in grouped(duties, "area", AREA_TITLES)]
    requirement_groups = [Group(title, chosen) for title, chosen in grouped(requirements, "category", CATEGORY_TITLES)]
    # The version is a fingerprint of everything printed from the data, so two copies with the same version match.
    version = digest(role.model_dump_json(), *(d.model_dump_json() for d in duties),
                     *(r.model_dump_json() for r in requirements))
    return JobDescription(role, duty_groups, requirement_groups, version, edition)


def job_description_block(handbook: Handbook, role: models.Role, edition: Edition) -> str:
    """The job description as one raw HTML block for the role page, shown only when the page is printed."""
    return ENV.get_template("job_description_block.html").render(jd=job_description(handbook, role, edition)).strip()


def job_description_document(handbook: Handbook, role: models.Role, edition: Edition) -> str:
    """A complete HTML document of the job description, for WeasyPrint."""
    return ENV.get_template("job_description.html").render(jd=job_description(handbook, role, edition))


# The whole handbook's chapters, in reading order; the contents also list each record of the kinds in LISTED.
CHAPTERS = tuple((kind.name, kind.title) for kind in KINDS)
LISTED = tuple(kind.name for kind in KINDS if kind.in_contents)


def handbook_chapters(handbook: Handbook, edition: Edition) -> str:
    """The whole handbook's chapters as an HTML document, every record anchored as "<kind>-<id>"."""
    return ENV.get_template("handbook.html").render(
        handbook=handbook, edition=edition, jds=[job_description(handbook, role, edition) for role in handbook.roles],
        area_titles=AREA_TITLES, theme_titles=THEME_TITLES, category_titles=CATEGORY_TITLES,
        phase_titles=PHASE_TITLES, title_of=title_of,
    )


def handbook_front(handbook: Handbook, edition: Edition, pages: dict[str, int]) -> str:
    """The cover and contents; `pages` gives the chapter page number of each anchor."""
    return ENV.get_template("handbook_front.html").render(
        handbook=handbook, edition=edition, pages=pages, chapters=CHAPTERS, listed=LISTED, title_of=title_of)
