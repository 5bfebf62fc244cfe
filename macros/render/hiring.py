"""HR's hiring pages: the list of adverts and kits, one job advert per role and one interview kit per role."""

from ..data.edition import Edition
from ..data.handbook import Handbook
from ..data.labels import FREQUENCY_TITLES
from ..output import paper
from ..output.jsonld import script_json
from ..output.paths import advert_pdf, interview_kit_pdf, job_description_pdf
from .common import cell, join_blocks, link, text
from .widgets import attrs

ADVERTS, KITS = "/hr/adverts/{id}.md", "/hr/interviews/{id}.md"


def hr_pages(handbook: Handbook) -> dict[str, str]:
    """Source path under docs/ -> the macro call of each generated HR page (an advert and a kit per role)."""
    pages = {}
    for role in handbook.roles:
        pages[ADVERTS.format(id=role.id).lstrip("/")] = f"{{{{ job_advert('{role.id}') }}}}\n"
        pages[KITS.format(id=role.id).lstrip("/")] = f"{{{{ interview_kit('{role.id}') }}}}\n"
    return pages


def hiring_table(handbook: Handbook) -> str:
    """One row per role: its advert, interview kit and job description, on screen and as PDF."""
    rows = []
    for role in handbook.roles:
        rows.append(f"| {link('roles', role)} | [Advert]({ADVERTS.format(id=role.id)}) · [PDF](/{advert_pdf(role.id)}) "
                    f"| [Interview kit]({KITS.format(id=role.id)}) · [PDF](/{interview_kit_pdf(role.id)}) "
                    f"| [PDF](/{job_description_pdf(role.id)}) |")
    return "| Role | Job advert | Interview kit | Job description |\n| --- | --- | --- | --- |\n" + "\n".join(rows)


def _pdf_button(path: str, label: str) -> str:
    return f'[{label}](/{path}){{ .md-button .md-button--primary download="{path.rsplit("/", 1)[1]}" }}'


def _button(label: str, **data) -> str:
    return f'<button {attrs(type="button", class_="md-button hb-button", **data)}>{label}</button>'


def job_advert(handbook: Handbook, role_id: str, edition: Edition) -> str:
    """The advert page: copy buttons (plain text, Markdown), the PDF, and the advert as it will read."""
    role = handbook.get("roles", role_id)
    ad = paper.advert(handbook, role, edition)
    copies = {"plain": paper.advert_plain(ad), "markdown": paper.advert_markdown(ad)}
    essential = "\n".join(f"- {text(r.record.title)} *({r.level_word})*" for r in ad.essential)
    preferred = "\n".join(f"- {text(r.record.title)}" for r in ad.preferred) or "*None.*"
    body = join_blocks(
        f"## {text(role.title)}",
        f"**{text(role.summary)}**",
        "### About the role",
        f"You report to the {text(role.reports_to)} and work with " + "; ".join(text(w) for w in role.works_with) + ".",
        "  \n".join(f"**{label}:** {text(value)}" for label, value in ad.facts),
        "### Key duties",
        "\n".join(f"- **{text(d.record.title)}** ({FREQUENCY_TITLES[d.frequency]}): {text(d.record.summary)}" for d in ad.key_duties),
        ("Also: " + "; ".join(text(d.record.title) for d in ad.other_duties) + ".") if ad.other_duties else "",
        "### What you bring",
        "**Essential**", essential, "**Preferred**", preferred,
        "### Tools you will use" if role.tools else "",
        "\n".join(f"- {text(t)}" for t in role.tools),
        "### What we offer", f"*{paper.OFFER_BLANK}*", "### How to apply", f"*{paper.APPLY_BLANK}*",
    )
    return join_blocks(
        f"# Job advert: {text(role.title)}",
        "Ready to post: copy it as plain text or as Markdown, or download it as a one-page PDF. It is made from the same "
        f"records as the {link('roles', role)} job description; fill in what you offer and how to apply.",
        " ".join([_button("Copy as plain text", data_hb_copy="plain"), _button("Copy as Markdown", data_hb_copy="markdown"),
                  _pdf_button(advert_pdf(role.id), "Download PDF")]) + "\n{ .hb-actions .hb-screen-only }",
        '<p class="hb-copy-status" data-hb-copy-status aria-live="polite"></p>',
        f'<div class="hb-advert" markdown="1">\n\n{body}\n</div>',
        f'<script type="application/json" data-hb-advert>{script_json(copies)}</script>',
    )


def interview_kit(handbook: Handbook, role_id: str, edition: Edition) -> str:
    """The interview kit page: a question per requirement and key duty, what a strong answer shows, and the score sheet."""
    role = handbook.get("roles", role_id)
    kit = paper.interview_kit(handbook, role, edition)

    def rows(questions, tag) -> str:
        return "\n".join(f"| **{cell(q.about.record.title)}**<br>*{tag(q.about)}* | {cell(q.ask)} | {cell(q.strong)} |"
                         for q in questions)

    head = "| {} | Ask | A strong answer shows |\n| --- | --- | --- |\n"
    boxes = " | ☐ | ☐ | ☐ | ☐ |   |"
    sheet = "| Requirement | 1 | 2 | 3 | 4 | Notes |\n| --- | :-: | :-: | :-: | :-: | --- |\n" + "\n".join(
        f"| {cell(q.about.record.title)}{' *(preferred)*' if q.about.importance == 'preferred' else ''}{boxes}"
        for q in kit.requirement_questions)
    return join_blocks(
        f"# Interview kit: {text(role.title)}",
        f"Questions for every requirement and key duty of the {link('roles', role)}, with what a strong answer shows, "
        "and a scoring sheet to print.",
        _pdf_button(interview_kit_pdf(role.id), "Download PDF")
        + ' <button type="button" class="md-button hb-print" onclick="window.print()">Print</button>\n{ .hb-actions .hb-screen-only }',
        "## Requirements",
        head.format("Requirement") + rows(kit.requirement_questions, lambda r: f"{r.importance}, {r.level_word}"),
        "## Key duties",
        head.format("Duty") + rows(kit.duty_questions, lambda d: FREQUENCY_TITLES[d.frequency]),
        '<div class="hb-score-sheet" markdown="1">\n\n## Scoring sheet\n\n'
        "Score each requirement: **1** no evidence · **2** some evidence, with gaps · **3** meets it · **4** clearly exceeds it.\n\n"
        f"{sheet}\n\n" + _sign_lines("Candidate", "Interviewer") + "\n\n</div>",
    )


def _sign_lines(*who: str) -> str:
    """Lines to write on: each person's name, the date and a signature (shown on screen too: the sheet is a form)."""
    fields = "".join(f'<span class="hb-sign__label">{label}</span><span class="hb-sign__line"></span>'
                     for label in ("Name", "Date", "Signature"))
    return "\n".join(f'<div class="hb-sign"><strong class="hb-sign__who">{w}</strong>{fields}</div>' for w in who)
