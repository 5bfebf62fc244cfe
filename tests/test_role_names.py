"""One name per role, everywhere: every page, table, plan, PDF and export calls a role by its title or its short name
(data/roles.yml), never by a third name."""

import csv
import html
import json
import re
import subprocess

import pytest

from macros.render.checklists import first_week_checklist

ROLE_LINK = re.compile(r'<a\s[^>]*href="(?:[^"]*/)?roles/([a-z0-9-]+)/(?:index\.html)?(?:#[^"]*)?"[^>]*>(.*?)</a>', re.S)
# Links to a role guide that do not name the role, because the role is named right beside them.
GENERIC = {"Role guide", "role guide", "岗位指南", "English", "简体中文"}  # and the language switch's links
# Material's previous/next footer puts its direction word inside the link.
DIRECTION = re.compile(r"^(Previous|Next)\s+")


def names(role) -> set[str]:
    return {role.title, role.short_name}


def plain(markup: str) -> str:
    """The text a reader sees: inline marks (a hover definition's <abbr> inside a Chinese name) join their words,
    other tags separate them."""
    inline = re.sub(r"</?(?:abbr|strong|em|code)\b[^>]*>", "", markup)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline)).split())


def test_every_role_has_one_short_name_of_its_own(handbook):
    """Short names differ from role to role, so a column or a plan title never leaves the role in doubt."""
    shorts = [r.short_name.lower() for r in handbook.roles]
    assert len(set(shorts)) == len(shorts)


def test_every_link_to_a_role_names_it_by_its_title_or_short_name(site, handbook):
    """On every page (tables, plans, start pages, navigation, HR pages) a link to a role guide reads as that role's
    title or short name."""
    from conftest import ROOT
    from macros.data.handbook import load_handbook

    editions = {"": {r.id: r for r in handbook.roles},
                "zh/": {r.id: r for r in load_handbook(ROOT / "data", language="zh").roles}}
    wrong = set()
    for page in site.rglob("*.html"):
        roles = editions["zh/" if page.relative_to(site).as_posix().startswith("zh/") else ""]
        for role_id, inner in ROLE_LINK.findall(page.read_text(encoding="utf-8")):
            if role_id not in roles:
                continue
            shown = DIRECTION.sub("", plain(inner))
            shown = re.sub(r"^(上一页|下一页)\s+", "", shown)  # Material's Chinese previous/next
            if shown and shown not in names(roles[role_id]) | GENERIC:
                wrong.add((str(page.relative_to(site)), role_id, shown))
    assert not wrong, "\n".join(f"{page}: {role} called {shown!r}" for page, role, shown in sorted(wrong))


def test_tables_name_roles_by_their_short_names(site, handbook):
    """The manager's comparison tables head their role columns with the short names, in data order."""
    page = (site / "manager" / "index.html").read_text(encoding="utf-8")
    header = re.search(r"<thead>(.*?)</thead>", page.split('id="duties-', 1)[1], re.S).group(1)
    shown = [plain(cell) for cell in re.findall(r"<th[^>]*>(.*?)</th>", header, re.S)][1:]  # after "Duty"
    assert shown == [r.short_name for r in handbook.roles]


@pytest.mark.parametrize("kind", ["onboarding", "first-week checklists"])
def test_plans_and_first_week_checklists_name_their_role_by_its_short_name(handbook, kind):
    """"Your first 90 days as …" and "First week as …" end in the role's short name."""
    for role in handbook.roles:
        record = handbook.plan_for(role.id) if kind == "onboarding" else first_week_checklist(handbook, role)
        named = record.title.rsplit(" as ", 1)[1]
        assert named.lower() == role.short_name.lower(), f"{record.id} names {role.id} {named!r}"


def test_start_pages_and_navigation_use_the_short_names(site, handbook):
    """Each start page's heading and its navigation entry are the role's short name."""
    for role in handbook.roles:
        page = (site / "start" / role.id / "index.html").read_text(encoding="utf-8")
        assert plain(re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)).rstrip("¶ ") == f"Start here: {role.short_name}"
        assert role.title in plain(page)


def test_pdfs_name_each_role_by_its_title(site, handbook):
    """Each job description PDF carries its role's title; the whole-handbook PDF carries every title."""
    def text_of(pdf):
        return " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
                        .stdout.split())
    from macros.output.paths import HANDBOOK_PDF, job_description_pdf

    for role in handbook.roles:
        assert role.title in text_of(site / job_description_pdf(role.id)), role.id
    whole = text_of(site / HANDBOOK_PDF)
    assert all(role.title in whole for role in handbook.roles)


def test_exports_carry_the_title_and_the_short_name(site, handbook):
    """The JSON and CSV downloads give every role exactly its title and short name from the data."""
    from macros.output.paths import CSV_DOWNLOAD, JSON_DOWNLOAD

    exported = json.loads((site / JSON_DOWNLOAD).read_text(encoding="utf-8"))["records"]["roles"]
    assert [(r["id"], r["title"], r["short_name"]) for r in exported] == \
        [(r.id, r.title, r.short_name) for r in handbook.roles]
    with (site / CSV_DOWNLOAD).open(encoding="utf-8") as file:
        rows = [row for row in csv.DictReader(file) if row["kind"] == "roles"]
    assert [(r["id"], r["title"], r["short_name"]) for r in rows] == [(r.id, r.title, r.short_name) for r in handbook.roles]


def test_the_home_page_offers_the_six_roles_by_their_short_names(site, handbook):
    """The home page's "I am…" cards are the roles, each by its short name with its title beneath."""
    page = (site / "index.html").read_text(encoding="utf-8")
    cards = page.split('class="grid cards hb-roles"', 1)[1].split("</ul>", 1)[0]
    for role in handbook.roles:
        assert role.short_name in plain(cards) and role.title in plain(cards)
