"""HR's hiring material: job adverts and interview kits per role, and the HR fields of the job description."""

import json

import pytest
from pypdf import PdfReader

from conftest import ROOT
from macros.data.edition import current
from macros.data.handbook import load_handbook
from macros.output import paper, paths
from test_pdf import A4, normalised, pdf_text

HANDBOOK = load_handbook(ROOT / "data")
ROLES = HANDBOOK.roles


def key_duties(role):
    """The role's core duties, read straight from its ratings (not through paper.py)."""
    core = {r.id for r in role.duty_ratings if r.importance == "core"}
    return [d for d in HANDBOOK.resolve("duties", role.duties) if d.id in core]


def pdf_pages_and_text(path):
    reader = PdfReader(path)
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.5)
    return len(reader.pages), pdf_text(reader)


@pytest.mark.parametrize("maker", [paths.advert_pdf, paths.interview_kit_pdf], ids=["advert", "interview-kit"])
@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.id)
def test_advert_and_kit_pdfs_are_one_or_two_a4_pages_with_every_key_duty_and_requirement(site, role, maker):
    path = site / maker(role.id)
    assert path.is_file(), f"{path.name} was not written"
    pages, text = pdf_pages_and_text(path)
    assert 1 <= pages <= 2, f"{path.name} has {pages} pages"
    expected = [role.title] + [d.title for d in key_duties(role)]
    expected += [r.title for r in HANDBOOK.resolve("requirements", role.requirements)]
    missing = [e for e in expected if normalised(e) not in text]
    assert not missing, f"{path.name} lacks {missing}"


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.id)
def test_the_advert_is_one_page_split_into_essential_and_preferred(site, role):
    pages, text = pdf_pages_and_text(site / paths.advert_pdf(role.id))
    assert pages == 1
    for heading in ("Key duties", "What you bring", "Essential", "What we offer", "How to apply"):
        assert heading in text
    if any(r.importance == "preferred" for r in role.requirement_ratings):
        assert "Preferred" in text


def text_positions(path) -> dict[str, tuple[float, float]]:
    """Each line of text on the PDF's first page, with where it starts: x from the left, y from the top (points)."""
    found = {}

    def visit(text, cm, tm, font, size):  # WeasyPrint draws each line with its own text matrix, y pointing down
        if text.strip():
            found.setdefault(text.strip(), (tm[4], tm[5]))

    PdfReader(path).pages[0].extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.id)
def test_the_adverts_essential_requirements_stand_in_two_columns_read_top_to_bottom(site, role):
    """As CSS columns did, the grid that replaced them (paper.css) fills the left column first, then the right."""
    positions = text_positions(site / paths.advert_pdf(role.id))
    essential = [r.record.title + r.level_note for r in paper.advert(HANDBOOK, role, current()).essential]
    assert len(essential) >= 2, f"{role.id}: too few essential requirements to need two columns"
    where = [positions[title] for title in essential]
    half = (len(where) + 1) // 2  # the left column takes the odd one, as CSS columns did
    left, right = where[:half], where[half:]
    assert len({x for x, _ in left}) == 1 and len({x for x, _ in right}) == 1, f"{role.id}: {where}"
    assert left[0][0] + 100 < right[0][0], f"{role.id}: the second half is not beside the first"
    assert [y for _, y in left] == sorted(y for _, y in left) and right[0][1] == pytest.approx(left[0][1])


def test_the_advert_ends_with_what_the_company_settings_offer_and_how_to_apply(site):
    """Written once in data/settings/company.yml (hiring), printed in every advert: PDF, page and both copies."""
    hiring = HANDBOOK.company.hiring
    assert hiring.offer and hiring.how_to_apply, "the shipped settings fill in the advert's end"
    for role in ROLES:
        _, text = pdf_pages_and_text(site / paths.advert_pdf(role.id))
        page = (site / "hr" / "adverts" / role.id / "index.html").read_text(encoding="utf-8")
        ad = paper.advert(HANDBOOK, role, current())
        for value in (hiring.offer, hiring.how_to_apply):
            assert normalised(value)[:80] in text, f"{role.id} PDF"
            assert value[:80] in page, f"{role.id} page"
            assert value in paper.advert_markdown(ad) and value in paper.advert_plain(ad)
        assert paper.OFFER_BLANK not in text + page and paper.APPLY_BLANK not in text + page


def test_without_hiring_settings_the_advert_shows_blanks_to_fill_in(sample_data):
    handbook = load_handbook(sample_data)
    assert handbook.company.hiring.offer is None, "the minimal settings leave hiring out"
    markdown = paper.advert_markdown(paper.advert(handbook, handbook.roles[0], current()))
    assert paper.OFFER_BLANK in markdown and paper.APPLY_BLANK in markdown


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.id)
def test_the_kit_has_a_scoring_sheet_with_a_row_per_requirement_and_sign_lines(site, role):
    _, text = pdf_pages_and_text(site / paths.interview_kit_pdf(role.id))
    sheet = text[text.index("Scoring sheet"):]
    for requirement in HANDBOOK.resolve("requirements", role.requirements):
        assert normalised(requirement.title) in sheet, requirement.id
    for label in ("Interviewer", "Date", "Signature", "1 no evidence", "4 clearly exceeds"):
        assert label in sheet
    # What a strong answer shows comes from the data's "how it is assessed" (requirements) and "what good looks like".
    assert normalised(paper.plain(HANDBOOK.resolve("requirements", role.requirements)[0].assessed_by))[:60] in text
    assert normalised(paper.plain(key_duties(role)[0].good_looks_like))[:60] in text


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.id)
def test_the_job_description_has_hr_fields_with_blank_lines_and_an_acknowledgement(site, role):
    _, text = pdf_pages_and_text(site / paths.job_description_pdf(role.id))
    for label, field in paper.HR_FIELDS:
        assert label in text, label
        value = getattr(role, field)
        if value:
            assert normalised(value) in text
    ack = text[text.index("Acknowledgement"):]
    assert "Employee" in ack and "Manager" in ack and ack.count("Signature") == 2


def test_an_empty_hr_field_prints_a_line_to_write_on():
    role = HANDBOOK.get("roles", "office-director").model_copy(update={"grade": None})
    html = paper.job_description_document(HANDBOOK, role, current())
    row = html[html.index(">Grade or band<"):][:200]
    assert "hb-jd__blank" in row


def test_the_hiring_page_links_every_advert_kit_and_pdf(site):
    html = (site / "hr" / "index.html").read_text()
    for role in ROLES:
        for href in (f"adverts/{role.id}/", f"interviews/{role.id}/", paths.advert_pdf(role.id),
                     paths.interview_kit_pdf(role.id)):
            assert href.split("downloads/")[-1] in html, href


# ------------------------------------------------------------ in the browser


def expected_copies(role):
    ad = paper.advert(HANDBOOK, role, current())
    return {"plain": paper.advert_plain(ad), "markdown": paper.advert_markdown(ad)}


@pytest.mark.parametrize("kind,label", [("plain", "Copy as plain text"), ("markdown", "Copy as Markdown")])
def test_copy_buttons_put_the_advert_on_the_clipboard(browser, served_site, kind, label):
    role = HANDBOOK.get("roles", "strategic-assistant")
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto(f"{served_site}/hr/adverts/{role.id}/")
        page.get_by_role("button", name=label).click()
        page.wait_for_function("document.querySelector('[data-hb-copy-status]').textContent !== ''")
        copied = page.evaluate("navigator.clipboard.readText()")
    finally:
        context.close()
    assert copied == expected_copies(role)[kind]
    # Independent of paper.py: the text holds the title, every key duty and every requirement, in words.
    for title in [role.title] + [d.title for d in key_duties(role)] + [r.title for r in HANDBOOK.resolve("requirements", role.requirements)]:
        assert paper.plain(title).lower() in copied.lower(), title
    if kind == "plain":
        assert "**" not in copied and "#" not in copied
    else:
        assert copied.startswith(f"# {role.title}\n") and "## Key duties" in copied


def test_copy_works_from_files(browser, site):
    role = HANDBOOK.get("roles", "executive-secretary")
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        page.goto((site / "hr" / "adverts" / role.id / "index.html").as_uri())
        page.get_by_role("button", name="Copy as Markdown").click()
        page.wait_for_function("document.querySelector('[data-hb-copy-status]').textContent !== ''")
        status = page.locator("[data-hb-copy-status]").text_content()
    finally:
        context.close()
    assert "on the clipboard" in status


def test_searching_for_vacancy_or_job_ad_finds_the_hiring_page(site):
    index = json.loads((site / "search" / "search_index.json").read_text())
    hits = [doc["location"] for doc in index["docs"] if "vacancy" in doc["text"].lower() or "job advert" in doc["text"].lower()]
    assert any(location.startswith("hr/") for location in hits), hits


# ------------------------------------------------------------ the ratings that tell roles apart


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r.id)
def test_every_role_rates_each_duty_and_requirement_it_lists(role):
    assert [r.id for r in role.duty_ratings] == role.duties
    assert [r.id for r in role.requirement_ratings] == role.requirements
    assert any(r.importance == "core" for r in role.duty_ratings)
    assert role.tools, f"{role.id} names no tools"


def test_roles_differ_in_requirements_not_only_in_which_they_list():
    """The same requirement is asked for at different importance or level by at least two roles."""
    seen: dict[str, set] = {}
    for role in ROLES:
        for rating in role.requirement_ratings:
            seen.setdefault(rating.id, set()).add((rating.importance, rating.level))
    assert sum(len(values) > 1 for values in seen.values()) >= 5


RATING_LINES = """  duty_ratings:
    - {id: sample-duty, importance: core, frequency: weekly}
  requirement_ratings:
    - {id: %s, importance: essential, level: 3}
"""


@pytest.mark.parametrize("rated,problem", [
    ("sample-requirement", None),
    ("other-requirement", "requirement_ratings must rate each listed id once"),
], ids=["matching", "mismatched"])
def test_a_rating_must_match_the_roles_list_and_the_check_says_where(sample_data, rated, problem):
    from conftest import run_handbook

    path = sample_data / "roles.yml"
    path.write_text(path.read_text().replace("  expectations:\n", RATING_LINES % rated + "  expectations:\n", 1))
    result = run_handbook("check", "--data", str(sample_data))
    if problem is None:
        assert result.returncode == 0, result.stdout + result.stderr
    else:
        assert result.returncode == 1 and problem in result.stdout + result.stderr
        assert "roles.yml:" in result.stdout + result.stderr


def test_an_advert_gives_a_level_to_skills_and_knowledge_only():
    """"Leadership (expert)" reads as what is asked; "Bachelor's degree (solid)" would read as a code."""
    notes = {}
    for role in ROLES:
        for rated in paper.advert(HANDBOOK, role, current()).essential:
            notes.setdefault(rated.record.category, set()).add(bool(rated.level_note))
    assert notes["skill"] == {True} and notes["knowledge"] == {True}
    assert notes["education"] == {False} and notes["experience"] == {False} and notes["quality"] == {False}
