"""Role guides: the list of roles, and everything one role is expected to do on one page."""

from collections.abc import Iterable

from .. import models
from ..handbook import Handbook
from .common import AREA_TITLES, CATEGORY_TITLES, cell, join_blocks, link, review_line, text


def role_list(handbook: Handbook) -> str:
    rows = [f"| {link('roles', r)} | {cell(r.summary)} | {cell(r.reports_to)} |" for r in handbook.roles]
    return join_blocks("| Role | In one sentence | Reports to |\n| --- | --- | --- |\n" + "\n".join(rows))


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
