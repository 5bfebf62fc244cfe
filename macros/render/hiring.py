"""HR's hiring pages: the list of adverts and kits, one job advert per role and one interview kit per role."""

from ..data.edition import Edition
from ..data.handbook import Handbook
from ..data.labels import FREQUENCY_TITLES
from ..data.language import words
from ..output import paper
from ..output.jsonld import script_json
from ..output.paths import advert_pdf, interview_kit_pdf, job_description_pdf
from .common import cell, join_blocks, link, slug, text
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
        rows.append(f"| {link('roles', role)} | [{words('Advert')}]({ADVERTS.format(id=role.id)}) · [PDF](/{advert_pdf(role.id)}) "
                    f"| [{words('Interview kit')}]({KITS.format(id=role.id)}) · [PDF](/{interview_kit_pdf(role.id)}) "
                    f"| [PDF](/{job_description_pdf(role.id)}) |")
    head = " | ".join(words(h) for h in ("Role", "Job advert", "Interview kit", "Job description"))
    return f"| {head} |\n| --- | --- | --- | --- |\n" + "\n".join(rows)


def _pdf_button(path: str, label: str) -> str:
    return f'[{label}](/{path}){{ .md-button .md-button--primary download="{path.rsplit("/", 1)[1]}" }}'


def _button(label: str, **data) -> str:
    return f'<button {attrs(type="button", class_="md-button hb-button", **data)}>{label}</button>'


def job_advert(handbook: Handbook, role_id: str, edition: Edition) -> str:
    """The advert page: copy buttons (plain text, Markdown), the PDF, and the advert as it will read."""
    role = handbook.get("roles", role_id)
    ad = paper.advert(handbook, role, edition)
    copies = {"plain": paper.advert_plain(ad), "markdown": paper.advert_markdown(ad)}
    essential = "\n".join(f"- {text(r.record.title)}{r.level_note}" for r in ad.essential)
    preferred = "\n".join(f"- {text(r.record.title)}" for r in ad.preferred) or f"*{words('None.')}*"
    body = join_blocks(
        f"## {text(role.title)} {{#{slug(handbook.english.get('roles', role.id).title)}}}",
        f"**{text(role.summary)}**",
        f"### {words('About the role')} {{#about-the-role}}",
        words("You report to the {boss}. You work with: {others}.").format(
            boss=text(role.reports_to), others=words("; ").join(text(w) for w in role.works_with)),
        "  \n".join(f"**{label}:** {text(value)}" for label, value in ad.facts),
        f"### {words('Key duties')} {{#key-duties}}",
        "\n".join(f"- **{text(d.record.title)}** ({FREQUENCY_TITLES[d.frequency]}): {text(d.record.summary)}" for d in ad.key_duties),
        words("Also: {duties}.").format(duties=words("; ").join(text(d.record.title) for d in ad.other_duties))
        if ad.other_duties else "",
        f"### {words('What you bring')} {{#what-you-bring}}",
        f"**{words('Essential')}**", essential, f"**{words('Preferred')}**", preferred,
        f"### {words('Tools you will use')} {{#tools-you-will-use}}" if role.tools else "",
        "\n".join(f"- {text(t)}" for t in role.tools),
        f"### {words('What we offer')} {{#what-we-offer}}", _fill_in(ad.offer, paper.OFFER_BLANK),
        f"### {words('How to apply')} {{#how-to-apply}}", _fill_in(ad.how_to_apply, paper.APPLY_BLANK),
    )
    return join_blocks(
        words("# Job advert: {role}").format(role=text(role.title)),
        words("Ready to post: copy it as plain text or as Markdown, or download it as a one-page PDF. It is made from "
              "the same records as the {role} job description; fill in what you offer and how to apply.").format(
            role=link("roles", role)) + "\n{ .hb-screen-only }",  # on paper, the advert alone
        " ".join([_button(words("Copy as plain text"), data_hb_copy="plain"),
                  _button(words("Copy as Markdown"), data_hb_copy="markdown"),
                  _pdf_button(advert_pdf(role.id), words("Download PDF"))]) + "\n{ .hb-actions .hb-screen-only }",
        '<p class="hb-copy-status" data-hb-copy-status aria-live="polite"></p>',
        f'<div class="hb-advert" markdown="1">\n\n{body}\n</div>',
        f'<script type="application/json" data-hb-advert>{script_json(copies)}</script>',
    )


def _fill_in(value: str, blank: str) -> str:
    """The company's own words, or the blank in italics (a reminder to fill it in, not advert text)."""
    return f"*{value}*" if value == words(blank) else text(value)


def interview_kit(handbook: Handbook, role_id: str, edition: Edition) -> str:
    """The interview kit page: a question per requirement and key duty, what a strong answer shows, and the score sheet."""
    role = handbook.get("roles", role_id)
    kit = paper.interview_kit(handbook, role, edition)

    def rows(questions, tag) -> str:
        return "\n".join(f"| **{cell(q.about.record.title)}**<br>*{tag(q.about)}* | {cell(q.ask)} | {cell(q.strong)} |"
                         for q in questions)

    head = f"| {{}} | {words('Ask')} | {words('A strong answer shows')} |\n| --- | --- | --- |\n"
    boxes = " | ☐ | ☐ | ☐ | ☐ |   |"
    preferred = f" *({words('preferred')})*"
    sheet = (f"| {words('Requirement')} | 1 | 2 | 3 | 4 | {words('Notes')} |\n| --- | :-: | :-: | :-: | :-: | --- |\n"
             + "\n".join(f"| {cell(q.about.record.title)}{preferred if q.about.importance == 'preferred' else ''}{boxes}"
                         for q in kit.requirement_questions))
    return join_blocks(
        words("# Interview kit: {role}").format(role=text(role.title)),
        words("Questions for every requirement and key duty of the {role}, with what a strong answer shows, and a "
              "scoring sheet to print.").format(role=link("roles", role)),
        _pdf_button(interview_kit_pdf(role.id), words("Download PDF"))
        + f' <button type="button" class="md-button hb-print" onclick="window.print()">{words("Print")}</button>\n'
        "{ .hb-actions .hb-screen-only }",
        f"## {words('Requirements')} {{#requirements}}",
        _questions(head.format(words("Requirement"))
                   + rows(kit.requirement_questions, lambda r: f"{words(r.importance)}, {r.level_word}")),
        f"## {words('Key duties')} {{#key-duties}}",
        _questions(head.format(words("Duty")) + rows(kit.duty_questions, lambda d: FREQUENCY_TITLES[d.frequency])),
        f'<div class="hb-score-sheet" markdown="1">\n\n## {words("Scoring sheet")} {{#scoring-sheet}}\n\n'
        + words("Score each requirement: **1** no evidence · **2** some evidence, with gaps · **3** meets it · **4** "
                "clearly exceeds it.") + "\n\n"
        f"{sheet}\n\n" + _sign_lines(words("Candidate"), words("Interviewer")) + "\n\n</div>",
    )


def _questions(table: str) -> str:
    """A kit's table of questions (kept out of search: the records it asks about are found by their own entries)."""
    return f'<div class="hb-kit-questions" markdown="1">\n\n{table}\n\n</div>'


def _sign_lines(*who: str) -> str:
    """Lines to write on: each person's name, the date and a signature (shown on screen too: the sheet is a form)."""
    fields = "".join(f'<span class="hb-sign__label">{label}</span><span class="hb-sign__line"></span>'
                     for label in (words("Name"), words("Date"), words("Signature")))
    return "\n".join(f'<div class="hb-sign"><strong class="hb-sign__who">{w}</strong>{fields}</div>' for w in who)
