"""Pure functions from checked records to Markdown blocks; every data string passes through `text()`."""

import html
from collections.abc import Iterable

from . import models
from .handbook import Handbook

# Where each kind of record is shown. Links start with "/" and MkDocs resolves them from docs/
# (validation.links.absolute_links: relative_to_docs), so a block renders the same on any page.
RECORD_URLS = {
    "roles": "/roles/{id}.md",
    "duties": "/duties.md#{id}",
    "principles": "/principles.md#{id}",
    "donts": "/conduct.md#{id}",
    "pitfalls": "/pitfalls.md#{id}",
    "requirements": "/requirements.md#{id}",
    "checklists": "/checklists/{id}.md",
    "onboarding": "/onboarding/{id}.md",
    "scenarios": "/scenarios.md#{id}",
    "glossary": "/glossary.md#{id}",
}

AREA_TITLES = {
    "planning-and-strategy": "Planning and strategy",
    "information-and-decisions": "Information and decisions",
    "meetings-and-documents": "Meetings and documents",
    "coordination-and-relations": "Coordination and relations",
    "office-administration": "Office administration",
    "procurement-and-logistics": "Procurement and logistics",
    "people-and-culture": "People and culture",
}
THEME_TITLES = {
    "position-and-staff-work": "Your position and staff work",
    "relationships": "Working with people",
    "efficiency": "Getting things done",
    "standing-and-example": "Standing and example",
    "rules-and-environment": "Rules and the workplace",
    "leading-people": "Leading people in a growing company",
    "e-commerce-era": "The e-commerce era",
}
CATEGORY_TITLES = {
    "education": "Education",
    "experience": "Experience",
    "knowledge": "Knowledge",
    "skill": "Skills",
    "quality": "Personal qualities",
}
PHASE_TITLES = {
    "day-1": "Day 1",
    "week-1": "Week 1",
    "month-1": "Month 1",
    "day-30": "Day 30",
    "day-60": "Day 60",
    "day-90": "Day 90",
}
KIND_LABELS = {kind.name: kind.noun for kind in models.KINDS}


def text(value: str) -> str:
    """Data text made safe for Markdown: HTML is shown literally, inline Markdown still works."""
    return html.escape(" ".join(value.split()), quote=False)


def cell(value: str) -> str:
    """Data text for a Markdown table cell, where a bare pipe would start a new column."""
    return text(value).replace("|", "\\|")


def title_of(record: models.Record) -> str:
    return getattr(record, "title", None) or getattr(record, "term", record.id)


def url(kind: str, record: models.Record) -> str:
    return RECORD_URLS[kind].format(id=record.id)


def link(kind: str, record: models.Record) -> str:
    return f"[{cell(title_of(record))}]({url(kind, record)})"


def links(kind: str, records: Iterable[models.Record]) -> str:
    return ", ".join(link(kind, r) for r in records)


def anchor_heading(level: int, record: models.Record) -> str:
    return f"{'#' * level} {text(title_of(record))} {{#{record.id}}}"


def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {text(item)}" for item in items)


def review_line(record: models.Record) -> str:
    return f'<small class="hb-review">Owner: {text(record.owner)} · review by {record.review_by.isoformat()}</small>'


def cited_by(handbook: Handbook, kind: str, record: models.Record) -> str:
    """'Cited by' line: every role, duty, checklist, plan and scenario that points at this record."""
    parts = []
    for citing_kind in ("roles", "duties", "checklists", "onboarding", "scenarios"):
        citing = handbook.citing(kind, record.id, citing_kind)
        if citing:
            parts.append(f"{KIND_LABELS[citing_kind].capitalize()}s: {links(citing_kind, citing)}")
    return "**Cited by** — " + "; ".join(parts) if parts else ""


def join_blocks(*blocks: str) -> str:
    return "\n\n".join(block for block in blocks if block) + "\n"


# ---------------------------------------------------------------- catalogue pages, one per kind


def role_list(handbook: Handbook) -> str:
    rows = [f"| {link('roles', r)} | {cell(r.summary)} | {cell(r.reports_to)} |" for r in handbook.roles]
    return join_blocks("| Role | In one sentence | Reports to |\n| --- | --- | --- |\n" + "\n".join(rows))


def duty_entry(handbook: Handbook, duty: models.Duty, level: int = 3) -> str:
    facts = f"*{AREA_TITLES[duty.area]} · {duty.frequency.replace('-', ' ')}*"
    how = "**How**\n\n" + "\n".join(f"{n}. {text(step)}" for n, step in enumerate(duty.how, 1)) if duty.how else ""
    behind = []
    if duty.principles:
        behind.append(f"Principles: {links('principles', handbook.resolve('principles', duty.principles))}")
    if duty.donts:
        behind.append(f"Conduct rules: {links('donts', handbook.resolve('donts', duty.donts))}")
    if duty.checklists:
        behind.append(f"Checklists: {links('checklists', handbook.resolve('checklists', duty.checklists))}")
    return join_blocks(
        anchor_heading(level, duty), facts, text(duty.summary), how,
        f"**What good looks like:** {text(duty.good_looks_like)}",
        "  \n".join(behind), cited_by(handbook, "duties", duty), review_line(duty),
    )


def duty_catalogue(handbook: Handbook) -> str:
    blocks = []
    for area, title in AREA_TITLES.items():
        duties = [d for d in handbook.duties if d.area == area]
        if duties:
            blocks.append(f"## {title}")
            blocks += [duty_entry(handbook, d) for d in duties]
    return join_blocks(*blocks)


def principle_entry(handbook: Handbook, principle: models.Principle, level: int = 3) -> str:
    return join_blocks(
        anchor_heading(level, principle), f"**{text(principle.summary)}**", text(principle.why),
        "**Do**\n\n" + bullets(principle.do), "**Don't**\n\n" + bullets(principle.dont),
        cited_by(handbook, "principles", principle), review_line(principle),
    )


def principle_catalogue(handbook: Handbook) -> str:
    blocks = []
    for theme, title in THEME_TITLES.items():
        principles = [p for p in handbook.principles if p.theme == theme]
        if principles:
            blocks.append(f"## {title}")
            blocks += [principle_entry(handbook, p) for p in principles]
    return join_blocks(*blocks)


def dont_entry(handbook: Handbook, dont: models.Dont, level: int = 2) -> str:
    example = f'!!! example "Example"\n    {text(dont.example)}' if dont.example else ""
    return join_blocks(
        anchor_heading(level, dont), f"**{text(dont.rule)}**", text(dont.why), example,
        f"**Instead:** {text(dont.instead)}", cited_by(handbook, "donts", dont), review_line(dont),
    )


def dont_catalogue(handbook: Handbook) -> str:
    return join_blocks(*(dont_entry(handbook, d) for d in handbook.donts))


def pitfall_entry(handbook: Handbook, pitfall: models.Pitfall, level: int = 2) -> str:
    return join_blocks(
        anchor_heading(level, pitfall), text(pitfall.summary),
        "**Warning signs**\n\n" + bullets(pitfall.warning_signs), "**What to do instead**\n\n" + bullets(pitfall.instead),
        cited_by(handbook, "pitfalls", pitfall), review_line(pitfall),
    )


def pitfall_catalogue(handbook: Handbook) -> str:
    return join_blocks(*(pitfall_entry(handbook, p) for p in handbook.pitfalls))


def requirement_catalogue(handbook: Handbook) -> str:
    blocks = []
    for category, title in CATEGORY_TITLES.items():
        requirements = [r for r in handbook.requirements if r.category == category]
        if not requirements:
            continue
        blocks.append(f"## {title}")
        for requirement in requirements:
            blocks.append(join_blocks(
                anchor_heading(3, requirement), f"*{requirement.level.capitalize()}.* {text(requirement.detail)}",
                cited_by(handbook, "requirements", requirement), review_line(requirement),
            ))
    return join_blocks(*blocks)


def scenario_catalogue(handbook: Handbook) -> str:
    blocks = []
    for scenario in handbook.scenarios:
        related = [
            f"{label}: {links(kind, handbook.resolve(kind, getattr(scenario, kind)))}"
            for kind, label in (("principles", "Principles"), ("donts", "Conduct rules"),
                                ("pitfalls", "Pitfalls"), ("duties", "Duties"))
            if getattr(scenario, kind)
        ]
        blocks.append(join_blocks(
            anchor_heading(2, scenario), f"**The situation.** {text(scenario.situation)}",
            "**What happened**\n\n" + bullets(scenario.what_happened), f"**Why it matters.** {text(scenario.analysis)}",
            "**Lessons**\n\n" + bullets(scenario.lessons), "  \n".join(related), review_line(scenario),
        ))
    return join_blocks(*blocks)


def glossary(handbook: Handbook) -> str:
    terms = sorted(handbook.glossary, key=lambda t: t.term.lower())
    blocks = []
    for term in terms:
        also = f"*Also written:* {', '.join(text(a) for a in term.aliases)}" if term.aliases else ""
        blocks.append(join_blocks(anchor_heading(2, term), text(term.definition), also))
    return join_blocks(*blocks)


def glossary_abbreviations(handbook: Handbook) -> str:
    """Abbreviation definitions that make every use of a term show its definition on hover."""
    lines = []
    for term in handbook.glossary:
        definition = " ".join(term.definition.split())
        for form in dict.fromkeys([term.term, term.term.capitalize(), *term.aliases]):
            lines.append(f"*[{form}]: {definition}")
    return "\n".join(lines)


# ---------------------------------------------------------------- checklists and plans


def checklist_list(handbook: Handbook) -> str:
    rows = [f"| {link('checklists', c)} | {cell(c.when)} | {len(c.items)} |" for c in handbook.checklists]
    return join_blocks("| Checklist | Use it | Steps |\n| --- | --- | --- |\n" + "\n".join(rows))


def checklist(handbook: Handbook, checklist_id: str) -> str:
    item_list = handbook.get("checklists", checklist_id)
    rows = []
    for item in item_list.items:
        optional = " *(optional)*" if item.optional else ""
        rows.append(f"| ☐ | {cell(item.text)}{optional} | {cell(item.owner)} | {cell(item.timing)} |")
    table = "| Done | Step | Owner | When |\n| --- | --- | --- | --- |\n" + "\n".join(rows)
    return join_blocks(
        f"# {text(item_list.title)}", text(item_list.summary), f"**Use it:** {text(item_list.when)}", table,
        cited_by(handbook, "checklists", item_list), review_line(item_list),
    )


def plan_list(handbook: Handbook) -> str:
    rows = [
        f"| {link('onboarding', p)} | {link('roles', handbook.get('roles', p.role))} | {len(p.steps)} |"
        for p in handbook.onboarding
    ]
    return join_blocks("| Plan | Role | Steps |\n| --- | --- | --- |\n" + "\n".join(rows))


def onboarding_plan(handbook: Handbook, plan_id: str) -> str:
    plan = handbook.get("onboarding", plan_id)
    unit = "working day" if plan.counting == "working-days" else "day"
    blocks = [f"# {text(plan.title)}", text(plan.summary),
              f"For the {link('roles', handbook.get('roles', plan.role))} role. Days count {unit}s from your start day (day 0)."]
    for step in plan.steps:
        needs = []
        if step.checklists:
            needs.append(f"Checklists: {links('checklists', handbook.resolve('checklists', step.checklists))}")
        if step.duties:
            needs.append(f"Duties: {links('duties', handbook.resolve('duties', step.duties))}")
        blocks.append(join_blocks(
            f"## {PHASE_TITLES[step.phase]}: {text(step.title)} {{#{step.id}}}",
            f"*{unit.capitalize()} {step.day}.* {text(step.outcome)}", "  \n".join(needs),
        ))
    blocks.append(review_line(plan))
    return join_blocks(*blocks)


# ---------------------------------------------------------------- role guide


def role_guide(handbook: Handbook, role_id: str) -> str:
    role = handbook.get("roles", role_id)
    duties = handbook.resolve("duties", role.duties)
    by_area = []
    for area, title in AREA_TITLES.items():
        rows = [f"| {link('duties', d)} | {d.frequency.replace('-', ' ')} | {cell(d.good_looks_like)} |"
                for d in duties if d.area == area]
        if rows:
            by_area.append(f"### {title}\n\n| Duty | How often | What good looks like |\n| --- | --- | --- |\n"
                           + "\n".join(rows))
    requirements = []
    for category, title in CATEGORY_TITLES.items():
        chosen = [r for r in handbook.resolve("requirements", role.requirements) if r.category == category]
        if chosen:
            requirements.append(f"**{title}:** " + "; ".join(
                f"{link('requirements', r)}{' (preferred)' if r.level == 'preferred' else ''}" for r in chosen))
    plan = handbook.plan_for(role.id)
    expectations = "\n".join(
        f"=== \"{label}\"\n\n" + "\n".join(f"    - {text(item)}" for item in items) + "\n"
        for label, items in (("Day 30", role.expectations.day_30), ("Day 60", role.expectations.day_60),
                             ("Day 90", role.expectations.day_90))
    )
    return join_blocks(
        f"# {text(role.title)}",
        f"**{text(role.summary)}**",
        text(role.purpose),
        f"**Reports to:** {text(role.reports_to)}  \n**Works with:** {', '.join(text(w) for w in role.works_with)}",
        "## Duties",
        *by_area,
        "## Principles that apply",
        bullets_of_links("principles", handbook.resolve("principles", role.principles)),
        "## Conduct rules",
        bullets_of_links("donts", handbook.resolve("donts", role.donts)),
        "## Pitfalls to watch for",
        bullets_of_links("pitfalls", handbook.resolve("pitfalls", role.pitfalls)),
        "## Requirements",
        "  \n".join(requirements),
        "## Checklists and onboarding",
        bullets_of_links("checklists", handbook.resolve("checklists", role.checklists)),
        f"Onboarding plan: {link('onboarding', plan)}" if plan else "",
        "## What good looks like at 30, 60 and 90 days",
        expectations,
        review_line(role),
    )


def bullets_of_links(kind: str, records: Iterable[models.Record]) -> str:
    lines = []
    for record in records:
        summary = getattr(record, "summary", None) or getattr(record, "rule", "")
        lines.append(f"- {link(kind, record)} — {text(summary)}" if summary else f"- {link(kind, record)}")
    return "\n".join(lines) or "*None.*"
