"""One block per record-kind page: duties, principles, conduct rules, pitfalls, requirements, cases, glossary."""

import html

from ..data import models
from ..data.language import LANGUAGES
from ..data.handbook import Handbook
from ..data.labels import AREA_TITLES, CATEGORY_TITLES, FREQUENCY_TITLES, THEME_TITLES
from ..data.language import words
from ..output.paper import plain
from .common import anchor_heading, bullets, cited_by, join_blocks, review_line, slug, text
from .widgets import related


def also_called(record) -> str:
    """'Also called: chop, company stamp': the other words readers use for a record (search finds it by them too)."""
    return f"*{words('Also called:')}* {words(', ').join(text(word) for word in record.also_called)}" if record.also_called else ""


def duty_entry(handbook: Handbook, duty: models.Duty, level: int = 3) -> str:
    facts = f"*{AREA_TITLES[duty.area]} · {FREQUENCY_TITLES[duty.frequency]}*"
    how = f"**{words('How')}**\n\n" + "\n".join(f"{n}. {text(step)}" for n, step in enumerate(duty.how, 1)) if duty.how else ""
    behind = related(handbook, duty, (("principles", words("Principles")), ("donts", words("Conduct rules")),
                                      ("checklists", words("Checklists"))))
    return join_blocks(
        anchor_heading(level, duty), facts, also_called(duty), text(duty.summary), how,
        f"**{words('What good looks like:')}** {text(duty.good_looks_like)}",
        "  \n".join(behind), cited_by(handbook, "duties", duty), review_line(duty),
    )


def sectioned(handbook: Handbook, records, field: str, titles: dict[str, str], entry) -> str:
    """One `## title` section per group of records (by area, theme or category), each record rendered by `entry`."""
    blocks = []
    for key in titles:
        chosen = [record for record in records if getattr(record, field) == key]
        if chosen:
            blocks += [f"## {titles[key]} {{#{slug(titles.english_of(key))}}}", *(entry(handbook, r) for r in chosen)]
    return join_blocks(*blocks)


def duty_catalogue(handbook: Handbook) -> str:
    return sectioned(handbook, handbook.duties, "area", AREA_TITLES, duty_entry)


def principle_entry(handbook: Handbook, principle: models.Principle, level: int = 3) -> str:
    return join_blocks(
        anchor_heading(level, principle), also_called(principle), f"**{text(principle.summary)}**", text(principle.why),
        f"**{words('Do')}**\n\n" + bullets(principle.do), "**" + words("Don't") + "**\n\n" + bullets(principle.dont),
        cited_by(handbook, "principles", principle), review_line(principle),
    )


def principle_catalogue(handbook: Handbook) -> str:
    return sectioned(handbook, handbook.principles, "theme", THEME_TITLES, principle_entry)


def dont_entry(handbook: Handbook, dont: models.Dont, level: int = 2) -> str:
    example = f'!!! example "{words("Example")}"\n    {text(dont.example)}' if dont.example else ""
    return join_blocks(
        anchor_heading(level, dont), also_called(dont), f"**{text(dont.rule)}**", text(dont.why), example,
        f"**{words('Instead:')}** {text(dont.instead)}", cited_by(handbook, "donts", dont), review_line(dont),
    )


def dont_catalogue(handbook: Handbook) -> str:
    return join_blocks(*(dont_entry(handbook, d) for d in handbook.donts))


def pitfall_entry(handbook: Handbook, pitfall: models.Pitfall, level: int = 2) -> str:
    return join_blocks(
        anchor_heading(level, pitfall), also_called(pitfall), text(pitfall.summary),
        f"**{words('Warning signs')}**\n\n" + bullets(pitfall.warning_signs),
        f"**{words('What to do instead')}**\n\n" + bullets(pitfall.instead),
        cited_by(handbook, "pitfalls", pitfall), review_line(pitfall),
    )


def pitfall_catalogue(handbook: Handbook) -> str:
    return join_blocks(*(pitfall_entry(handbook, p) for p in handbook.pitfalls))


def requirement_entry(handbook: Handbook, requirement: models.Requirement, level: int = 3) -> str:
    return join_blocks(
        anchor_heading(level, requirement), also_called(requirement),
        f"*{words(requirement.level.capitalize() + '.')}* {text(requirement.detail)}",
        cited_by(handbook, "requirements", requirement), review_line(requirement),
    )


def requirement_catalogue(handbook: Handbook) -> str:
    return sectioned(handbook, handbook.requirements, "category", CATEGORY_TITLES, requirement_entry)


def scenario_catalogue(handbook: Handbook) -> str:
    blocks = []
    for scenario in handbook.scenarios:
        cites = related(handbook, scenario, (("principles", words("Principles")), ("donts", words("Conduct rules")),
                                             ("pitfalls", words("Pitfalls")), ("duties", words("Duties"))))
        blocks.append(join_blocks(
            anchor_heading(2, scenario), also_called(scenario),
            f"**{words('The situation.')}** {text(scenario.situation)}",
            f"**{words('What happened')}**\n\n" + bullets(scenario.what_happened),
            f"**{words('Why it matters.')}** {text(scenario.analysis)}",
            f"**{words('Lessons')}**\n\n" + bullets(scenario.lessons), "  \n".join(cites), review_line(scenario),
        ))
    return join_blocks(*blocks)


def glossary(handbook: Handbook) -> str:
    terms = sorted(handbook.glossary, key=lambda t: t.term.lower())
    blocks = []
    for term in terms:
        also = f"*{words('Also written:')}* {words(', ').join(text(a) for a in term.aliases)}" if term.aliases else ""
        blocks.append(join_blocks(anchor_heading(2, term), paired_term(handbook, term), text(term.definition), also))
    return join_blocks(*blocks)


def paired_term(handbook: Handbook, term: models.Term) -> str:
    """The term in the handbook's other language ("简体中文: 总经理" under "general manager", and the reverse)."""
    other = handbook.other.by_id["glossary"].get(term.id) if handbook.other else None
    if other is None:
        return ""
    return f'<p class="hb-pair" lang="{handbook.other.language}"><strong>{LANGUAGES[handbook.other.language]}:</strong> ' \
           f"{html.escape(other.term)}</p>"


def glossary_abbreviations(handbook: Handbook) -> dict[str, str]:
    """Every written form of every term -> its definition, for the abbr extension's glossary (hover definitions).

    A hover shows the title as it is, so the definition goes in as plain words: a link keeps its words only.
    """
    forms = {}
    for term in handbook.glossary:
        definition = plain(term.definition)
        for form in [term.term, term.term.capitalize(), *term.aliases]:
            forms.setdefault(form, definition)
    return forms
