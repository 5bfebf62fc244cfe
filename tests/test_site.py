"""The built site: pages for every audience and record kind, and a clean failure on bad data."""

import re
import subprocess
import sys
import textwrap

import pytest

from conftest import SAMPLE_DATA
from sites import build, copy_project


def page(site, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def visible_text(html: str) -> str:
    article = re.search(r"<article.*?</article>", html, re.S).group(0)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article))


def test_home_page_sends_each_audience_somewhere(site):
    """The home page has a starting point for each role's new assistant, for managers and for HR, with working links."""
    home = (site / "index.html").read_text(encoding="utf-8")
    for audience in ("Managers", "HR"):
        assert f"<strong>{audience}</strong>" in home
    assert home.count('href="start/') >= 6
    assert 'href="roles/"' in home and 'href="checklists/"' in home and 'href="onboarding/"' in home


@pytest.mark.parametrize("path", ["roles", "duties", "principles", "conduct", "pitfalls", "requirements",
                                  "scenarios", "glossary", "checklists", "onboarding"])
def test_every_record_kind_has_a_page(site, path):
    assert (site / path / "index.html").is_file()


@pytest.mark.parametrize("kind,path", [("duties", "duties"), ("principles", "principles"), ("donts", "conduct"),
                                       ("pitfalls", "pitfalls"), ("requirements", "requirements"),
                                       ("scenarios", "scenarios"), ("glossary", "glossary")])
def test_every_record_has_an_anchor_on_its_page(site, handbook, kind, path):
    html = page(site, path)
    missing = [r.id for r in handbook.records[kind] if f'id="{r.id}"' not in html]
    assert not missing, f"{path} page lacks anchors for {missing}"


@pytest.mark.parametrize("folder,kind", [("roles", "roles"), ("checklists", "checklists"), ("onboarding", "onboarding")])
def test_every_role_checklist_and_plan_has_its_own_page(site, handbook, folder, kind):
    for record in handbook.records[kind]:
        html = page(site, f"{folder}/{record.id}")
        assert "<h1" in html and record.title.split()[0] in visible_text(html)


def test_glossary_terms_show_definitions_on_hover(site, handbook):
    """A glossary term used in running text is wrapped in an <abbr> carrying its definition."""
    term = handbook.glossary[0]
    html = page(site, "glossary")
    assert re.search(r'<abbr title="[^"]+">' + re.escape(term.term), html, re.I)


def test_hover_definitions_are_plain_words(site, handbook):
    """A tooltip shows its text as it is: a definition's link keeps its words, never its Markdown."""
    linked = [term for term in handbook.glossary if "](" in term.definition]
    assert linked, "no glossary definition has a link: this test checks nothing"
    titles = set()
    for path in site.rglob("*.html"):
        titles.update(re.findall(r'<abbr title="([^"]*)"', path.read_text(encoding="utf-8")))
    assert titles and not [title for title in titles if "](" in title or "**" in title]


def test_bad_data_fails_the_build_with_the_same_message_as_check(tmp_path):
    """`mkdocs build` stops on bad data and prints the `path:line: field: message` line, no traceback."""
    project = copy_project(tmp_path / "project", data=SAMPLE_DATA)
    duties = project / "data" / "duties.yml"
    duties.write_text(duties.read_text().replace("frequency: weekly", "frequency: weakly"))
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "data/duties.yml:7: duties[0].frequency: 'weakly' is not allowed (did you mean 'weekly'?)" in result.stderr
    assert "Traceback" not in result.stderr


RELOAD_SCRIPT = textwrap.dedent("""
    import sys, pathlib
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    project = pathlib.Path(sys.argv[1])
    def build_once():
        # what `mkdocs serve` does on every change: load the config afresh and build, in the same process
        build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
        return (project / "site" / "roles" / "index.html").read_text()
    first = build_once()
    render = project / "macros" / "render" / "roles.py"
    render.write_text(render.read_text().replace('("Role", "Short name",', '("Role (edited)", "Short name",'))
    roles = project / "data" / "roles.yml"
    roles.write_text(roles.read_text().replace("title: Sample role", "title: Edited role"))
    second = build_once()
    print("code-edit-seen" if "Role (edited)" in second and "Role (edited)" not in first else "code-edit-missed")
    print("data-edit-seen" if "Edited role" in second and "Edited role" not in first else "data-edit-missed")
""")


def test_rebuild_in_the_same_process_picks_up_code_and_data_edits(tmp_path):
    """Under `mkdocs serve`, edits to macros/*.py and to data/*.yml both show on the next rebuild."""
    project = copy_project(tmp_path / "project", data=SAMPLE_DATA)
    result = subprocess.run([sys.executable, "-c", RELOAD_SCRIPT, str(project)], cwd=project,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["code-edit-seen", "data-edit-seen"]
