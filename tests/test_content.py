"""The handbook's content has no gaps: every role complete, every rule cited, nothing copied from the source."""

import re
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT
from macros.data.handbook import load_handbook

HANDBOOK = load_handbook(ROOT / "data")
SOURCE = ROOT.parent / "shared" / "source" / "assistant-to-the-general-manager.txt"
COPY_RUN = 9  # a run of this many words shared with the source counts as copied


@pytest.mark.parametrize("role", HANDBOOK.roles, ids=lambda r: r.id)
def test_every_role_has_duties_requirements_checklists_and_a_plan(role):
    assert role.duties and role.requirements and role.checklists
    assert HANDBOOK.plan_for(role.id) is not None, f"{role.id} has no onboarding plan"
    assert f"first-week-{role.id}" in role.checklists, f"{role.id} does not cite its first-week checklist"


@pytest.mark.parametrize("kind", ["principles", "donts", "pitfalls"])
def test_every_rule_is_cited_by_a_role_or_duty(kind):
    """Principles, conduct rules and pitfalls reach readers through the roles and duties that cite them."""
    uncited = [r.id for r in HANDBOOK.records[kind]
               if not HANDBOOK.citing(kind, r.id, "roles") and not HANDBOOK.citing(kind, r.id, "duties")]
    assert not uncited, f"{kind} cited by no role or duty: {uncited}"


@pytest.mark.parametrize("kind", ["duties", "requirements", "checklists"])
def test_no_orphan_records(kind):
    """Every duty, requirement and checklist belongs to at least one role (directly or through a duty)."""
    orphans = [r.id for r in HANDBOOK.records[kind]
               if not HANDBOOK.citing(kind, r.id, "roles") and not HANDBOOK.citing(kind, r.id, "duties")]
    assert not orphans, f"{kind} no role reaches: {orphans}"


def test_every_duty_belongs_to_a_role():
    orphans = [d.id for d in HANDBOOK.duties if not HANDBOOK.citing("duties", d.id, "roles")]
    assert not orphans, f"duties in no role: {orphans}"


@pytest.mark.parametrize("kind", [k for k in HANDBOOK.records])
def test_every_record_has_an_owner_and_review_date(kind):
    for record in HANDBOOK.records[kind]:
        assert record.owner.strip() and record.review_by, f"{kind}/{record.id}"


def test_every_glossary_term_is_used_in_the_handbook():
    """A glossary term that appears in no other record would never show its hover definition."""
    # The loaded records, not the files: data text names offices through {placeholders} filled in at load.
    records = [r.model_dump_json() for kind, rs in HANDBOOK.records.items() if kind != "glossary" for r in rs]
    corpus = " ".join(records + [p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md")]).lower()
    unused = [t.id for t in HANDBOOK.glossary
              if not any(re.search(rf"\b{re.escape(form.lower())}\b", corpus) for form in [t.term, *t.aliases])]
    assert not unused, f"glossary terms used nowhere: {unused}"


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def shingles(text: str) -> set[str]:
    w = words(text)
    return {" ".join(w[i:i + COPY_RUN]) for i in range(len(w) - COPY_RUN + 1)}


def repo_text_files() -> list[Path]:
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout.split()
    return [ROOT / p for p in listed if Path(p).suffix in {".yml", ".yaml", ".md", ".html", ".py", ".js", ".css"}]


@pytest.mark.skipif(not SOURCE.exists(), reason="the source text lives in ../shared, beside the repository")
def test_nothing_is_copied_from_the_source():
    """No file in the repository repeats a run of nine or more words of the source text."""
    source = shingles(SOURCE.read_text(errors="replace"))
    copied = {}
    for path in repo_text_files():
        if path.is_file():
            shared = shingles(path.read_text(encoding="utf-8", errors="replace")) & source
            if shared:
                copied[str(path.relative_to(ROOT))] = sorted(shared)[:3]
    assert not copied, f"runs of {COPY_RUN}+ words copied from the source: {copied}"
