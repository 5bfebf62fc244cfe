"""HTML for paper: a role's job description and the whole handbook, from the Jinja templates in macros/output/templates/."""

import json
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
import markupsafe

from ..data import inline_text, language, models
from ..data.language import words
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
ENV.filters["words"] = lambda value: one_line(inline_text.to_paper(str(value)))  # paper shows no Markdown marks
ENV.filters["long_date"] = long_date
ENV.filters["frequency"] = FREQUENCY_TITLES.__getitem__
ENV.globals["grouped"] = grouped
ENV.globals["words"] = words          # the template's own words, in the edition's language (macros/data/language.py)
ENV.globals["language"] = language.current
ENV.globals["language_names"] = language.LANGUAGES  # the glossary names the other language of each term's pair
# In a <style> element, where entities are not read: the value goes in as it is, "<" written as CSS's own escape.
ENV.globals["css_content"] = lambda text: markupsafe.Markup(css_content(text).replace("<", "\\3c "))


def css_content(text: str) -> str:
    """A text as a CSS `content` value, its {page} and {pages} as page counters: "Page {page} of {pages}" ->
    "Page " counter(page) " of " counter(pages). Paper's running footers are written this way in each language."""
    parts = re.split(r"\{(page|pages)\}", text)
    return " ".join(f"counter({part})" if n % 2 else json.dumps(part, ensure_ascii=False)
                    for n, part in enumerate(parts) if n % 2 or part)


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
    company: str  # the employer's name, on every job description

    @property
    def duty_count(self) -> int:
        return sum(len(group.records) for group in self.duty_groups)

    @property
    def hr_fields(self) -> list[tuple[str, str | None]]:
        """(label, value or None) for each field HR files; None prints as a blank line."""
        return hr_fields(self.role)

    def importance(self, requirement: models.Requirement) -> str:
        return importance_of(self.role, requirement)


HR_FIELDS = (("Job code", "job_code"), ("Grade or band", "grade"), ("Location", "location"), ("Hours", "hours"),
             ("Contract type", "contract_type"))


def hr_fields(role: models.Role) -> list[tuple[str, str | None]]:
    """(label, value or None) for each field HR files about `role`, in the order HR forms list them."""
    return [(label, getattr(role, name)) for label, name in HR_FIELDS]


def importance_of(role: models.Role, requirement: models.Requirement) -> str:
    """'essential' or 'preferred' for `requirement` in `role`: the role's rating, else the requirement's own level."""
    rating = role.rating_of_requirement(requirement.id)
    if rating:
        return rating.importance
    return "preferred" if requirement.level == "preferred" else "essential"


def job_description(handbook: Handbook, role: models.Role, edition: Edition) -> JobDescription:
    """The job description of `role`: duties grouped by area and requirements by category, in data order."""
    duties = handbook.resolve("duties", role.duties)
    requirements = handbook.resolve("requirements", role.requirements)
    duty_groups = [Group(title, chosen) for title, chosen in grouped(duties, "area", AREA_TITLES)]
    requirement_groups = [Group(title, chosen) for title, chosen in grouped(requirements, "category", CATEGORY_TITLES)]
    # The version is a fingerprint of everything printed from the data, so two copies with the same version match.
    version = digest(role.model_dump_json(), *(d.model_dump_json() for d in duties),
                     *(r.model_dump_json() for r in requirements))
    return JobDescription(role, duty_groups, requirement_groups, version, edition, handbook.company.name)


def job_description_block(handbook: Handbook, role: models.Role, edition: Edition) -> str:
    """The job description as one raw HTML block for the role page, shown only when the page is printed."""
    return ENV.get_template("job_description_block.html").render(jd=job_description(handbook, role, edition),
                                                                  company=handbook.company).strip()


def job_description_document(handbook: Handbook, role: models.Role, edition: Edition) -> str:
    """A complete HTML document of the job description, for WeasyPrint."""
    return ENV.get_template("job_description.html").render(jd=job_description(handbook, role, edition),
                                                          company=handbook.company)


# The whole handbook's chapters, in reading order; the contents also list each record of the kinds in LISTED.
CHAPTERS = tuple((kind.name, kind.title) for kind in KINDS)
LISTED = tuple(kind.name for kind in KINDS if kind.in_contents)


def handbook_chapters(handbook: Handbook, edition: Edition) -> str:
    """The whole handbook's chapters as an HTML document, every record anchored as "<kind>-<id>"."""
    return ENV.get_template("handbook.html").render(
        handbook=handbook, company=handbook.company, edition=edition,
        jds=[job_description(handbook, role, edition) for role in handbook.roles],
        area_titles=AREA_TITLES, theme_titles=THEME_TITLES, category_titles=CATEGORY_TITLES,
        phase_titles=PHASE_TITLES, title_of=title_of,
    )


def handbook_front(handbook: Handbook, edition: Edition, pages: dict[str, int]) -> str:
    """The cover and contents; `pages` gives the chapter page number of each anchor."""
    return ENV.get_template("handbook_front.html").render(
        handbook=handbook, company=handbook.company, edition=edition, pages=pages, listed=LISTED, title_of=title_of,
        chapters=[(kind, words(title)) for kind, title in CHAPTERS])


def edition_css(handbook: Handbook) -> str:
    """The edition's rules on top of paper.css for every PDF: the company's colour and the footers' words."""
    return ENV.get_template("paper_edition.css").render(company=handbook.company)


# ---- Hiring: the job advert and the interview kit, from the same records as the job description ----

LEVEL_WORDS = {1: "basic", 2: "working", 3: "solid", 4: "advanced", 5: "expert"}
LEVELLED_CATEGORIES = ("knowledge", "skill")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def plain(value: str) -> str:
    """Data text as plain words on one line: links keep their words, emphasis and code marks go."""
    return one_line(_LINK.sub(r"\1", value)).replace("**", "").replace("`", "").replace("*", "")


@dataclass(frozen=True)
class Rated:
    """A record with what it counts for in one role: importance, and a level (requirement) or frequency (duty)."""

    record: models.Duty | models.Requirement
    importance: str
    level: int | None = None
    frequency: str | None = None

    @property
    def level_word(self) -> str:
        return words(LEVEL_WORDS[self.level]) if self.level in LEVEL_WORDS else ""

    @property
    def level_note(self) -> str:
        """" (expert)" after a skill or a field of knowledge in an advert; nothing after a degree, years of
        experience or a personal quality, which have no levels a candidate could read."""
        leveled = getattr(self.record, "category", None) in LEVELLED_CATEGORIES and self.level_word
        return words(" ({level})").format(level=self.level_word) if leveled else ""


def rated_duties(handbook: Handbook, role: models.Role) -> list[Rated]:
    """The role's duties in data order, each core or supplemental (unrated duties count as core)."""
    found = []
    for duty in handbook.resolve("duties", role.duties):
        rating = role.rating_of_duty(duty.id)
        found.append(Rated(duty, rating.importance if rating else "core",
                           frequency=rating.frequency if rating else duty.frequency))
    return found


def rated_requirements(handbook: Handbook, role: models.Role) -> list[Rated]:
    """The role's requirements in data order, each essential or preferred with a level (unrated: from the record)."""
    found = []
    for requirement in handbook.resolve("requirements", role.requirements):
        rating = role.rating_of_requirement(requirement.id)
        found.append(Rated(requirement, importance_of(role, requirement), rating.level if rating else 3))
    return found


@dataclass(frozen=True)
class Advert:
    """A ready-to-post job advert for one role; what the company offers and how to apply are its own fill-ins."""

    role: models.Role
    key_duties: list[Rated]
    other_duties: list[Rated]
    essential: list[Rated]
    preferred: list[Rated]
    version: str
    edition: Edition
    offer: str         # from the company settings (hiring.offer), or a blank saying what to fill in
    how_to_apply: str

    @property
    def facts(self) -> list[tuple[str, str]]:
        """The HR fields the data gives (an advert leaves out the empty ones rather than print blanks)."""
        return [(words(label), value) for label, value in hr_fields(self.role) if value]


OFFER_BLANK = "[Filled in by the company: pay range, benefits, working pattern, start date]"
APPLY_BLANK = "[Filled in by the company: how to apply, to whom, and the closing date]"


def advert(handbook: Handbook, role: models.Role, edition: Edition) -> Advert:
    """The advert of `role`: core duties as the key duties, requirements split into essential and preferred."""
    duties, requirements = rated_duties(handbook, role), rated_requirements(handbook, role)
    version = job_description(handbook, role, edition).version  # one fingerprint: the advert prints the JD's data
    hiring = handbook.company.hiring
    return Advert(role, [d for d in duties if d.importance == "core"], [d for d in duties if d.importance != "core"],
                  [r for r in requirements if r.importance == "essential"],
                  [r for r in requirements if r.importance == "preferred"], version, edition,
                  offer=hiring.offer or words(OFFER_BLANK), how_to_apply=hiring.how_to_apply or words(APPLY_BLANK))


def advert_markdown(ad: Advert) -> str:
    """The advert as Markdown to paste into a job board or an intranet page (plain words, no handbook links)."""
    role = ad.role
    lines = [f"# {plain(role.title)}", "", plain(role.summary), "", f"## {words('About the role')}", "",
             words("You report to the {boss}. You work with: {others}.").format(
                 boss=plain(role.reports_to), others=words("; ").join(plain(w) for w in role.works_with)), ""]
    lines += [f"- **{label}:** {plain(value)}" for label, value in ad.facts] + ([""] if ad.facts else [])
    lines += [f"## {words('Key duties')}", ""] + [f"- **{plain(d.record.title)}** ({FREQUENCY_TITLES[d.frequency]}): {plain(d.record.summary)}"
                                      for d in ad.key_duties] + [""]
    if ad.other_duties:
        lines += [words("Also: {duties}.").format(duties=words("; ").join(plain(d.record.title) for d in ad.other_duties)), ""]
    lines += [f"## {words('What you bring')}", "", f"### {words('Essential')}", ""] + [f"- {plain(r.record.title)}{r.level_note}" for r in ad.essential]
    if ad.preferred:
        lines += ["", f"### {words('Preferred')}", ""] + [f"- {plain(r.record.title)}" for r in ad.preferred]
    if role.tools:
        lines += ["", f"## {words('Tools you will use')}", ""] + [f"- {plain(t)}" for t in role.tools]
    lines += ["", f"## {words('What we offer')}", "", plain(ad.offer), "", f"## {words('How to apply')}", "",
              plain(ad.how_to_apply)]
    return "\n".join(lines) + "\n"


def advert_plain(ad: Advert) -> str:
    """The advert as plain text for an email or a form without formatting: headings in capitals, bullets as dashes."""
    out = []
    for line in advert_markdown(ad).split("\n"):
        if line.startswith("#"):
            line = line.lstrip("#").strip().upper()
        out.append(line.replace("**", ""))
    return "\n".join(out)


def advert_document(handbook: Handbook, role: models.Role, edition: Edition) -> str:
    """A complete HTML document of the advert, for WeasyPrint (one A4 page)."""
    return ENV.get_template("advert.html").render(ad=advert(handbook, role, edition), company=handbook.company,
                                                  blanks={"offer": words(OFFER_BLANK), "apply": words(APPLY_BLANK)})


# One open question per kind of requirement: behavioural ("tell us about a time") where past conduct is the evidence.
QUESTIONS = {
    "education": "What from your studies ({}) do you use most at work, and how?",
    "experience": "Walk us through your {}: your biggest responsibility and one result.",
    "knowledge": "How would you use your {} here? Give one example.",
    "skill": "Tell us about a recent time you relied on {}: what you did and what came of it.",
    "quality": "Describe a situation that tested your {}. What did you do?",
}


@dataclass(frozen=True)
class Question:
    """One interview question: what it probes, and what a strong answer shows."""

    about: Rated
    ask: str
    strong: str


@dataclass(frozen=True)
class InterviewKit:
    """Questions on each requirement and key duty of one role, and a sheet to score the candidate."""

    role: models.Role
    requirement_questions: list[Question]
    duty_questions: list[Question]
    version: str
    edition: Edition


def interview_kit(handbook: Handbook, role: models.Role, edition: Edition) -> InterviewKit:
    """The kit of `role`: a question per requirement (strong = how it is assessed) and per key duty (strong = what good
    looks like)."""
    requirements = [Question(r, words(QUESTIONS[r.record.category]).format(plain(r.record.title).lower()),
                             plain(r.record.assessed_by or r.record.detail))
                    for r in rated_requirements(handbook, role)]
    duties = [Question(d, words("How have you done this or similar work, or how would you go about it in your first month?"),
                       plain(d.record.good_looks_like))
              for d in rated_duties(handbook, role) if d.importance == "core"]
    version = job_description(handbook, role, edition).version
    return InterviewKit(role, requirements, duties, version, edition)


def interview_kit_document(handbook: Handbook, role: models.Role, edition: Edition) -> str:
    """A complete HTML document of the interview kit and its scoring sheet, for WeasyPrint."""
    return ENV.get_template("interview_kit.html").render(kit=interview_kit(handbook, role, edition),
                                                       company=handbook.company)
