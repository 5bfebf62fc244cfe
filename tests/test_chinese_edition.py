"""The Simplified Chinese edition at /zh/: every page of the English in Chinese, a language switch that keeps the page,
Chinese dates and calendar text, and Chinese PDFs with their fonts embedded."""

import re
import subprocess
from html import unescape

import pytest
from pypdf import PdfReader

from conftest import ROOT
from macros.data.handbook import load_handbook
from macros.data.language import LANGUAGES
from macros.data.words_zh import WORDS
from macros.output import paths
from test_checklists import page  # noqa: F401 (a fixture: a fresh browser page)

ZH = load_handbook(ROOT / "data", language="zh")
CJK = re.compile(r"[\u4e00-\u9fff]")


def pages(site):
    """Every page of the English edition, as a path under the site (the Chinese edition lives under zh/)."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("zh/"))


def visible_text(path) -> str:
    html = path.read_text(encoding="utf-8")
    article = re.search(r"<article.*?</article>", html, re.S)
    # A glossary entry's term in the other language (hb-pair) is meant to be English.
    text = re.sub(r"<script.*?</script>|<style.*?</style>|<p class=\"hb-pair\".*?</p>", " ",
                  article.group(0) if article else html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", " ", text))


def test_every_english_page_has_its_chinese_page(site):
    missing = [page for page in pages(site) if not (site / "zh" / page).is_file()]
    assert not missing, missing
    assert len(pages(site)) > 60


def test_chinese_pages_say_they_are_chinese_and_english_ones_english(site):
    for page in pages(site):
        assert '<html lang="zh"' in (site / "zh" / page).read_text(encoding="utf-8"), page
        assert '<html lang="en"' in (site / page).read_text(encoding="utf-8"), page


def test_the_language_switch_leads_to_the_same_page_in_the_other_language(site):
    """From zh/roles/x/ the English link is ../../../roles/x/, and back: each resolves to the same page."""
    import posixpath

    for page in [p for p in pages(site) if p.endswith("index.html")]:
        for edition, other, lang in (("", "zh/", "en"), ("zh/", "", "zh")):
            html = (site / edition / page).read_text(encoding="utf-8")
            for target_lang, target_edition in (("en", ""), ("zh", "zh/")):
                href = re.search(rf'<a href="([^"]*)" hreflang="{target_lang}"[^>]*class="md-select__link"', html)
                assert href, f"{edition}{page}: no {target_lang} link in the language switch"
                folder = posixpath.dirname(edition + page)
                landed = posixpath.normpath(posixpath.join(folder, href.group(1)))
                expected = posixpath.dirname(target_edition + page) or "."
                assert landed == expected, f"{edition}{page}: {target_lang} leads to {landed}, not {expected}"


def test_no_english_words_of_the_code_are_left_on_a_chinese_page(site):
    """The code's own texts (headings, labels, buttons) appear on Chinese pages in Chinese only."""
    english = sorted({e for e in WORDS if len(e) >= 12 and "{" not in e and not e.startswith("[")}, key=len, reverse=True)
    found = []
    for page in pages(site):
        text = " ".join(visible_text(site / "zh" / page).split())
        found += [f"{page}: {e!r}" for e in english if e in text]
    assert not found, "\n".join(found[:30])


def test_chinese_pages_are_written_in_chinese(site):
    """Most of what a Chinese page says is Chinese (the data, the prose, the interface), not English left over."""
    for page in [p for p in pages(site) if p.endswith("index.html")]:
        text = visible_text(site / "zh" / page)
        letters = len(re.findall(r"[A-Za-z]", text))
        assert len(CJK.findall(text)) > letters, f"zh/{page}: {letters} Latin letters, {len(CJK.findall(text))} Chinese"


def test_the_glossary_pairs_each_term_with_its_english_and_the_english_glossary_with_its_chinese(site):
    english = load_handbook(ROOT / "data")
    zh_page = (site / "zh" / "glossary" / "index.html").read_text(encoding="utf-8")
    en_page = (site / "glossary" / "index.html").read_text(encoding="utf-8")
    for term in english.glossary:
        chinese = ZH.get("glossary", term.id)
        assert f"<strong>English:</strong> {term.term}" in zh_page, term.id
        assert f"<strong>简体中文:</strong> {chinese.term}" in en_page, term.id


def test_both_handbook_pdfs_pair_each_glossary_term_with_the_other_language(site):
    """The whole-handbook PDF's glossary gives each term's pair as the page does: "简体中文: 总经理" and "English: …"."""
    english = load_handbook(ROOT / "data")
    for edition, own, other in (("", english, ZH), ("zh/", ZH, english)):
        reader = PdfReader(site / edition / paths.HANDBOOK_PDF)
        text = re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))
        label = LANGUAGES[other.language]
        missing = [t.id for t in own.glossary
                   if re.sub(r"\s+", "", f"{label}: {other.get('glossary', t.id).term}") not in text]
        assert not missing, f"{edition}{paths.HANDBOOK_PDF}: no pair for {missing}"


@pytest.mark.parametrize("role", ZH.roles, ids=lambda r: r.id)
def test_the_chinese_job_description_pdf_has_the_chinese_title_and_every_duty(site, role):
    path = site / "zh" / paths.job_description_pdf(role.id)
    reader = PdfReader(path)
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))
    assert 1 <= len(reader.pages) <= 2, f"{path.name}: {len(reader.pages)} pages"
    assert re.sub(r"\s+", "", role.title) in text
    missing = [d.title for d in ZH.resolve("duties", role.duties) if re.sub(r"\s+", "", d.title) not in text]
    assert not missing, missing


@pytest.mark.parametrize("name", [paths.HANDBOOK_PDF, paths.job_description_pdf("office-director"),
                                  paths.advert_pdf("office-director"), paths.interview_kit_pdf("office-director")])
def test_chinese_pdfs_embed_every_font(site, name):
    """pdffonts lists each font with `emb` yes, a CJK one among them: no reader falls back to boxes."""
    listing = subprocess.run(["pdffonts", str(site / "zh" / name)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert rows and all(re.search(r"\byes\s+yes\s+yes\b", row) for row in rows), listing
    assert any("CJK" in row for row in rows), listing


def test_chinese_pages_write_dates_as_chinese_does(page, served_site):
    """A plan's start date is shown as 2026年3月2日, and its .ics events are in Chinese."""
    plan = ZH.onboarding[0]
    page.goto(f"{served_site}/zh/onboarding/{plan.id}/")
    page.get_by_label(WORDS["Your start date"]).fill("2026-03-02")
    page.wait_for_function("() => /2026年3月2日/.test(document.querySelector('[data-hb-status]').textContent)")
    with page.expect_download() as download:
        page.get_by_role("button", name=WORDS["Download calendar (.ics)"]).click()
    ics = download.value.path().read_text(encoding="utf-8")
    assert CJK.search(ics) and re.sub(r"\s+", "", plan.steps[0].title)[:6] in re.sub(r"\s+|\r", "", ics)


def test_a_tick_saved_in_one_edition_holds_in_the_other(page, served_site):
    """Both editions keep a step's tick by its English text, so switching language keeps the progress."""
    checklist = ZH.checklists[0]
    page.goto(f"{served_site}/checklists/{checklist.id}/")
    page.locator("input[data-hb-item]").first.check(force=True)
    page.goto(f"{served_site}/zh/checklists/{checklist.id}/")
    page.wait_for_selector("[data-hb-toolbar]:not([hidden])")
    assert page.locator("input[data-hb-item]").first.is_checked()
    assert page.locator("[data-hb-count]").inner_text().startswith("已完成 1/")


def test_the_chinese_comparison_rates_duties_and_requirements_in_chinese(page, served_site):
    """The compare view's importance marks come from the page's data, in the edition's language."""
    page.goto(f"{served_site}/zh/compare/")
    page.wait_for_selector('[data-hb-part="requirements"] li')
    text = page.locator("[data-hb-comparison]").inner_text()
    assert WORDS["core"] in text and WORDS["essential"] in text
    left = [word for word in ("core", "supplemental", "essential", "preferred") if re.search(rf"\b{word}\b", text)]
    assert not left, left


def test_chinese_pages_give_review_dates_in_chinese(site):
    """A record's review line reads 复核期限：2027年6月30日, never the ISO form."""
    role = (site / "zh" / "roles" / ZH.roles[0].id / "index.html").read_text(encoding="utf-8")
    assert re.search(r"复核期限：\d{4}年\d{1,2}月\d{1,2}日", role)
    iso = [p for p in pages(site) if re.search(r"复核期限：\d{4}-\d\d-\d\d", (site / "zh" / p).read_text(encoding="utf-8"))]
    assert not iso, iso[:5]


def test_chinese_labels_and_lists_use_chinese_punctuation(site):
    """职责：a、b — not "职责: a, b": the labels and lists the code writes around the data follow the edition."""
    latin = re.compile(r"[\u4e00-\u9fff](?:</strong>)?: <a\b|</a>, <a\b|[\u4e00-\u9fff]</a>; ")
    found = [p for p in pages(site) if latin.search((site / "zh" / p).read_text(encoding="utf-8"))]
    assert not found, found[:5]


def test_head_alternates_are_full_addresses_of_the_same_page_or_left_out(site, monkeypatch):
    """Search engines read hreflang links only as full addresses: with the site's address each names the same page in
    each language; without one (the shipped settings) there are none, and readers use the switch in the header."""
    from types import SimpleNamespace

    from macros.site import editions

    page = (site / "zh" / "roles" / "office-director" / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="en"' in page and not re.search(r'<link rel="alternate"[^>]*hreflang', page)
    head = '<link rel="alternate" href="../../.." hreflang="en">\n<link rel="alternate" href="../../" hreflang="zh">\n'
    monkeypatch.setenv(editions.VARIABLE, "zh")
    made = editions.head_alternates(head, "roles/x/", SimpleNamespace(site_url="https://hb.example/zh/"))
    assert made == ('<link rel="alternate" href="https://hb.example/roles/x/" hreflang="en">\n'
                    '<link rel="alternate" href="https://hb.example/zh/roles/x/" hreflang="zh">\n')
