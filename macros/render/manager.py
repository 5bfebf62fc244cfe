"""The manager's view: how the roles differ, what to expect of each, and the editors' review schedule."""

import re
from datetime import date, timedelta

from ..data import models
from ..data.edition import Edition
from ..output.paths import CSV_DOWNLOAD, HANDBOOK_PDF, JSON_DOWNLOAD, job_description_pdf
from ..data.handbook import Handbook
from ..data.labels import AREA_TITLES, CATEGORY_TITLES, FREQUENCY_TITLES, grouped
from ..data.language import words
from .common import KIND_LABELS, cell, join_blocks, link, text, url
from .roles import expectation_cards

YES = "✓"
DUE_SOON = timedelta(days=60)  # records due within this many days are flagged, so owners can plan the review


def short_name(role: models.Role) -> str:
    """A column-sized name for a role: its `short_name` from data/roles.yml."""
    return role.short_name


def role_header(handbook: Handbook) -> tuple[str, str]:
    """Table header cells for one column per role, each linking to the role guide with its full title on hover."""
    return " | ".join(role_link(r) for r in handbook.roles), " | ".join(":---:" for _ in handbook.roles)


def role_link(role: models.Role) -> str:
    """The role's short name linking to its guide, with the full title on hover."""
    return f'[{cell(short_name(role))}]({url("roles", role)} "{_quoted(role.title)}")'


def matrix(table: str) -> str:
    """A comparison table, compact and with a wide first column (docs/assets/handbook.css)."""
    return f'<div class="hb-matrix" markdown>\n\n{table}\n\n</div>\n'



def area_matrix(handbook: Handbook) -> str:
    """Roles × duty areas: how many of each role's duties fall in each area."""
    areas = [area for area in AREA_TITLES if any(d.area == area for d in handbook.duties)]
    header = f"| {words('Role')} | " + " | ".join(AREA_TITLES[a] for a in areas) + f" | {words('Total')} |"
    rule = "| --- | " + " | ".join(":---:" for _ in areas) + " | :---: |"
    rows = []
    for role in handbook.roles:
        duties = handbook.resolve("duties", role.duties)
        counts = [sum(d.area == area for d in duties) for area in areas]
        rows.append(f"| {role_link(role)} | " + " | ".join(str(n) if n else "–" for n in counts)
                    + f" | {len(duties)} |")
    return matrix("\n".join([header, rule, *rows]))


def role_expectations(handbook: Handbook) -> str:
    """Per role: what good looks like at 30, 60 and 90 days, and the pitfalls to watch for with their warning signs."""
    blocks = []
    for role in handbook.roles:
        watch = "\n\n".join(
            f'??? warning "{_quoted(p.title)}"\n\n    {text(p.summary)}\n\n    **{words("Warning signs")}**\n\n'
            + "\n".join(f"    - {text(sign)}" for sign in p.warning_signs)
            + f"\n\n    [{words('What to do instead')}]({url('pitfalls', p)})"
            for p in handbook.resolve("pitfalls", role.pitfalls)) or f"*{words('No pitfalls are recorded for this role.')}*"
        blocks.append(join_blocks(
            f"### {text(role.title)} {{#expect-{role.id}}}",
            f"[{words('Role guide')}]({url('roles', role)}) · "
            + words("reports to {who}").format(who=text(role.reports_to)),
            expectation_cards(role, wide=True), f"**{words('Pitfalls to watch for')}**", watch,
        ))
    return join_blocks(*blocks)


def review_schedule(handbook: Handbook, edition: Edition, today: date | None = None) -> str:
    """Every record by owner, overdue first, then by review-by date; `today` defaults to the edition's date."""
    today = today or edition.date
    records = [(kind, r) for kind, rs in handbook.records.items() for r in rs]
    overdue = [(k, r) for k, r in records if r.review_by < today]
    owners = sorted({r.owner for _, r in records},
                    key=lambda o: (not any(r.owner == o for _, r in overdue), o.lower()))
    summary = ["| " + " | ".join(words(h) for h in ("Owner", "Records", "Overdue", "Due within 60 days", "Next review by"))
               + " |", "| --- | :---: | :---: | :---: | --- |"]
    sections = []
    for owner in owners:
        theirs = sorted(((k, r) for k, r in records if r.owner == owner),
                        key=lambda pair: (pair[1].review_by, pair[0], pair[1].id))
        late = sum(r.review_by < today for _, r in theirs)
        soon = sum(today <= r.review_by < today + DUE_SOON for _, r in theirs)
        anchor = "owner-" + _slug(owner)
        summary.append(f"| [{cell(owner)}](#{anchor}) | {len(theirs)} | {f'**{late}**' if late else '–'} | "
                       f"{soon or '–'} | {theirs[0][1].review_by.isoformat()} |")
        rows = [f"| {r.review_by.isoformat()} | {_status(r, today)} | {link(k, r)} | {words(KIND_LABELS[k])} |"
                for k, r in theirs]
        head = " | ".join(words(h) for h in ("Review by", "Status", "Record", "Kind"))
        sections.append(f"### {text(owner)} {{#{anchor}}}\n\n" + matrix(f"| {head} |\n| --- | --- | --- | --- |\n"
                                                                       + "\n".join(rows)))
    if overdue:
        title = words("{count} record(s) overdue for review on {date}").format(count=len(overdue), date=today.isoformat())
        headline = (f'!!! danger "{title}"\n\n'
                    + "\n".join(f"    - {link(k, r)} ({words(KIND_LABELS[k])}): "
                                 + words("due {date}, owner {owner}").format(date=r.review_by.isoformat(), owner=text(r.owner))
                                 for k, r in sorted(overdue, key=lambda p: p[1].review_by)))
    else:
        headline = f'!!! success "{words("Nothing is overdue for review on {date}").format(date=today.isoformat())}"'
    return join_blocks(headline, matrix("\n".join(summary)), *sections)


def _status(record: models.Record, today: date) -> str:
    if record.review_by < today:
        return f"**{words('Overdue')}**"
    return words("Due soon") if record.review_by < today + DUE_SOON else ""


def _slug(value: str) -> str:
    """An anchor for an owner's name: words and digits joined by hyphens (Chinese characters stay: 总经理办公室主任)."""
    return re.sub(r"[\W_]+", "-", value.lower()).strip("-")


def _quoted(value: str) -> str:
    """Data text inside a double-quoted Markdown title (a link's or an admonition's)."""
    return cell(value).replace('"', "&quot;")


def download_list(handbook: Handbook) -> str:
    """Every file the site offers for download, with what it holds."""
    rows = [
        (f"[handbook.json](/{JSON_DOWNLOAD})", words("Every record, by kind, as JSON (also: `handbook export --format json`)")),
        (f"[handbook.csv](/{CSV_DOWNLOAD})", words("Every record as one spreadsheet row (also: `handbook export --format csv`)")),
        (f"[handbook.pdf](/{HANDBOOK_PDF})", words("The whole handbook, with a table of contents, for reading on paper")),
    ]
    rows += [(f"[{cell(role.title)}](/{job_description_pdf(role.id)})", words("Job description, one or two A4 pages (PDF)"))
             for role in handbook.roles]
    head = " | ".join(words(h) for h in ("Download", "What it holds"))
    return join_blocks(f"| {head} |\n| --- | --- |\n" + "\n".join(f"| {a} | {b} |" for a, b in rows))


# ---- What tells the roles apart (each role's ratings of its duties and requirements), and pitfalls for managers ----

IMPORTANCE_MARKS = {"core": "core", "supplemental": "suppl.", "essential": "essential", "preferred": "preferred"}


def duty_matrix(handbook: Handbook) -> str:
    """Duties × roles, by area: in each role's column, core or supplemental and how often that role does it."""
    names, rule = role_header(handbook)
    blocks = []
    for title, duties in grouped(handbook.duties, "area", AREA_TITLES):
        rows = [_rated_row(handbook, "duties", duty, lambda role: role.rating_of_duty(duty.id),
                           lambda r: f"{words(IMPORTANCE_MARKS[r.importance])}, {FREQUENCY_TITLES[r.frequency]}")
                for duty in duties]
        blocks.append(f"### {title} {{#duties-{duties[0].area}}}")
        blocks.append(matrix(f"| {words('Duty')} | {names} |\n| --- | {rule} |\n" + "\n".join(rows)))
    return join_blocks(*blocks)


def requirement_matrix(handbook: Handbook) -> str:
    """Requirements × roles, by category: in each role's column, essential or preferred and the level (1–5) asked for."""
    names, rule = role_header(handbook)
    rows = []
    for title, requirements in grouped(handbook.requirements, "category", CATEGORY_TITLES):
        rows.append(f"| **{title}** |" + " |" * len(handbook.roles))
        rows += [_rated_row(handbook, "requirements", requirement,
                            lambda role: role.rating_of_requirement(requirement.id),
                            lambda r: f"{words(r.importance)} {r.level}/5")
                 for requirement in requirements]
    return matrix(f"| {words('Requirement')} | {names} |\n| --- | {rule} |\n" + "\n".join(rows))


def _rated_row(handbook: Handbook, kind: str, record, rating_in, shown) -> str:
    """One matrix row: the record, then in each role's column the role's rating of it (`shown`), a tick where the
    role carries it unrated, nothing where it does not."""
    cells = []
    for role in handbook.roles:
        rating = rating_in(role) if record.id in getattr(role, kind) else None
        cells.append(shown(rating) if rating else (YES if record.id in getattr(role, kind) else ""))
    return f"| {link(kind, record)} | " + " | ".join(cells) + " |"


def pitfalls_for_managers(handbook: Handbook) -> str:
    """Each pitfall as a manager meets it: the roles it fits, what shows from outside, and how to raise it."""
    blocks = []
    for pitfall in handbook.pitfalls:
        roles = handbook.citing("pitfalls", pitfall.id, "roles")
        blocks.append(f"### {text(pitfall.title)} {{#manager-{pitfall.id}}}")
        fits = words(", ").join(role_link(r) for r in roles) or words("no role yet")
        blocks.append(f"*{words('Fits:')}* {fits} · {link('pitfalls', pitfall)}")
        if pitfall.manager_sees:
            blocks.append(f"**{words('What you see from outside')}**\n\n" + "\n".join(f"- {text(s)}" for s in pitfall.manager_sees))
        if pitfall.how_to_raise:
            blocks.append(f"**{words('How to raise it')}**\n\n" + "\n".join(f"- {text(s)}" for s in pitfall.how_to_raise))
    return join_blocks(*blocks)
