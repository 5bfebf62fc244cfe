"""Role guides: the list of roles, and everything one role is expected to do on one page (and its job description)."""

from collections.abc import Iterable

from ..data import models
from ..output import jsonld, paper
from ..data.edition import Edition
from ..data.handbook import Handbook
from ..output.paths import job_description_pdf
from ..data.labels import AREA_TITLES, CATEGORY_TITLES, FREQUENCY_TITLES
from ..data.language import words
from .catalogues import also_called
from .common import cell, cited_by, join_blocks, link, review_line, text
from .start import first_week_checklist, start_url

EXPECTATION_LABELS = (("By day 30", "day_30"), ("By day 60", "day_60"), ("By day 90", "day_90"))  # English: words()


def role_list(handbook: Handbook) -> str:
    """Every role: its title, the short name tables and plans use, what it is in one sentence, who it reports to."""
    rows = [f"| {link('roles', r)} | {cell(r.short_name)} | {cell(r.summary)} | {cell(r.reports_to)} |"
            for r in handbook.roles]
    head = " | ".join(words(h) for h in ("Role", "Short name", "In one sentence", "Reports to"))
    return join_blocks(f"| {head} |\n| --- | --- | --- | --- |\n" + "\n".join(rows))


def role_guide(handbook: Handbook, role_id: str, edition: Edition) -> str:
    """The role's page: on screen the whole guide, on paper only its job description (see docs/assets/print.css)."""
    role = handbook.get("roles", role_id)
    plan = handbook.plan_for(role.id)
    return join_blocks(
        f"# {text(role.title)}",
        f'<p class="hb-short-name">{words("Short name:")} <strong>{text(role.short_name)}</strong></p>',
        also_called(role),
        f"**{text(role.summary)}**",
        actions(role),
        paper.job_description_block(handbook, role, edition),
        first_week_path(handbook, role),
        f"## {words('What good looks like at 30, 60 and 90 days')} {{#what-good-looks-like-at-30-60-and-90-days}}",
        expectation_cards(role),
        f"## {words('Overview')} {{#overview}}",
        text(role.purpose),
        reporting_line(role),
        f"## {words('Duties')} {{#duties}}",
        duties_by_area(handbook, role),
        f"## {words('Principles that apply')} {{#principles-that-apply}}",
        compact(bullets_of_links("principles", handbook.resolve("principles", role.principles))),
        f"## {words('Conduct rules')} {{#conduct-rules}}",
        compact(bullets_of_links("donts", handbook.resolve("donts", role.donts))),
        f"## {words('Pitfalls to watch for')} {{#pitfalls-to-watch-for}}",
        compact(bullets_of_links("pitfalls", handbook.resolve("pitfalls", role.pitfalls))),
        f"## {words('Requirements')} {{#requirements}}",
        requirements_by_category(handbook, role),
        f"## {words('Checklists and onboarding')} {{#checklists-and-onboarding}}",
        bullets_of_links("checklists", handbook.resolve("checklists", role.checklists)),
        words("Your onboarding plan: {plan}").format(plan=link("onboarding", plan)) if plan else "",
        cited_by(handbook, "roles", role),
        review_line(role),
        jsonld.script(handbook, role),
    )


def first_week_path(handbook: Handbook, role: models.Role) -> str:
    """Near the top of the guide: the role's start page, first-week checklist and onboarding plan."""
    plan = handbook.plan_for(role.id)
    parts = [f"[{words('Start page')}]({start_url(role)})",
             words("first week: {checklist}").format(checklist=link("checklists", first_week_checklist(handbook, role)))]
    if plan:
        parts.append(words("first 90 days: {plan}").format(plan=link("onboarding", plan)))
    return f'!!! tip hb-first-week-path "{words("New in the role?")}"\n\n    ' + " · ".join(parts)


def compact(markdown: str) -> str:
    """A list shown as each entry's title and one line of its text; the title links to the full text."""
    return f'<div class="hb-compact" markdown>\n\n{markdown}\n\n</div>'


def actions(role: models.Role) -> str:
    """The page's two actions: download the job description as PDF, or print it from the browser."""
    pdf = job_description_pdf(role.id)
    return (f'[{words("Download PDF")}](/{pdf}){{ .md-button .md-button--primary download="{pdf.rsplit("/", 1)[1]}" }} '
            f'<button type="button" class="md-button hb-print" onclick="window.print()">{words("Print job description")}</button>\n'
            "{ .hb-actions }")


def reporting_line(role: models.Role) -> str:
    """Who the role reports to and works with."""
    return (f"**{words('Reports to:')}** {text(role.reports_to)}  \n**{words('Works with:')}** "
            + words("; ").join(text(w) for w in role.works_with))


def duties_by_area(handbook: Handbook, role: models.Role) -> str:
    """One table per duty area: each duty with how often it comes up and the standard a manager can check."""
    duties = handbook.resolve("duties", role.duties)
    blocks = [words("{count} duties. Each links to how it is done; the last column is the standard to check it against.")
              .format(count=len(duties))]
    for area, title in AREA_TITLES.items():
        rows = [f"| {link('duties', d)} | {FREQUENCY_TITLES[d.frequency]} | {cell(d.good_looks_like)} |"
                for d in duties if d.area == area]
        if rows:
            head = " | ".join(words(h) for h in ("Duty", "How often", "What good looks like"))
            blocks.append(f"### {title} {{#{area}}}\n\n| {head} |\n| --- | --- | --- |\n" + "\n".join(rows))
    return join_blocks(*blocks)


def requirements_by_category(handbook: Handbook, role: models.Role) -> str:
    PREFERRED = f" *({words('preferred')})*"
    rows = []
    for category, title in CATEGORY_TITLES.items():
        chosen = [r for r in handbook.resolve("requirements", role.requirements) if r.category == category]
        if chosen:
            rows.append(f"| **{title}** | " + "<br>".join(
                f"{link('requirements', r)}{PREFERRED if r.level == 'preferred' else ''}" for r in chosen) + " |")
    head = " | ".join(words(h) for h in ("Category", "What the role asks for"))
    return f"| {head} |\n| --- | --- |\n" + "\n".join(rows)


def expectation_cards(role: models.Role, wide: bool = False) -> str:
    """Day 30, 60 and 90 as Material cards: stacked, or side by side where the page is `wide` enough."""
    cards = "\n\n".join(
        f"-   **{words(label)}**\n\n    ---\n\n" + "\n".join(f"    - {text(item)}" for item in getattr(role.expectations, field))
        for label, field in EXPECTATION_LABELS)
    classes = "grid cards hb-expectations" + (" hb-expectations--wide" if wide else "")
    return f'<div class="{classes}" markdown>\n\n{cards}\n\n</div>'


def bullets_of_links(kind: str, records: Iterable[models.Record]) -> str:
    lines = []
    for record in records:
        summary = getattr(record, "summary", None) or getattr(record, "rule", "")
        lines.append(f"- {link(kind, record)} — {text(summary)}" if summary else f"- {link(kind, record)}")
    return "\n".join(lines) or f"*{words('None.')}*"
