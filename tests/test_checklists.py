"""Checklists: the rendered form, progress saved in the browser, export and import, and the printed page."""

import hashlib
import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from macros import render
from macros.data.handbook import load_handbook

PROCUREMENT = "procurement"
NOTICE = ".hb-notice"


# ------------------------------------------------------------ helpers shared with test_onboarding.py

@pytest.fixture
def page(context):
    """A page in a fresh profile; the test fails if the page throws a script error."""
    errors = []
    tab = context.new_page()
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    # Material's search cannot load its index from file:// without the offline plugin; that is not this page's code.
    errors = [e for e in errors if not (e.startswith("Invalid script: file:") and "/search/" in e)]
    assert not errors, f"script errors on the page: {errors}"


def checklist_url(served_site: str, checklist_id: str) -> str:
    return f"{served_site}/checklists/{checklist_id}/"


def boxes(page):
    return page.locator("input[type=checkbox][data-hb-item]")


def ticked(page) -> list[str]:
    """Item ids of the ticked boxes, in page order."""
    return page.eval_on_selector_all("input[data-hb-item]", "all => all.filter(b => b.checked).map(b => b.dataset.hbItem)")


def stored(page, key: str):
    return page.evaluate("key => localStorage.getItem(key)", key)


def item_text(item) -> str:
    return " ".join(item.text.split())


LINKS = {"duties": "../../duties/#{}", "principles": "../../principles/#{}", "checklists": "../../checklists/{}/"}


def missing_links(fragment: str, record, kinds: tuple[str, ...]) -> list[str]:
    """`kind:id` of each record the given one cites that the HTML fragment (of a page two folders deep) does not link."""
    return [f"{kind}:{i}" for kind in kinds for i in getattr(record, kind) if f'href="{LINKS[kind].format(i)}"' not in fragment]


def text_hash(value: str) -> str:
    return hashlib.sha256(" ".join(value.split()).encode()).hexdigest()[:8]


# ------------------------------------------------------------ the rendered form

def test_every_item_has_a_box_labelled_by_its_text_and_the_hash_of_that_text(site, handbook):
    """Each step's box is labelled by the step's text and carries sha256(text)[:8], so edited steps start unticked."""
    for checklist in handbook.checklists:
        page_html = (site / "checklists" / checklist.id / "index.html").read_text(encoding="utf-8")
        for item in checklist.items:
            box_id = f"hb-{checklist.id}--{item.id}"
            box = re.search(rf'<input [^>]*id="{box_id}"[^>]*>', page_html)
            assert box, f"{checklist.id}/{item.id}: no checkbox"
            assert f'data-hb-hash="{text_hash(item.text)}"' in box.group(0), f"{checklist.id}/{item.id}: wrong hash"
            assert f'<label for="{box_id}">' in page_html, f"{checklist.id}/{item.id}: box has no label"


def test_every_item_links_to_the_duties_and_principles_behind_it(site, handbook):
    for checklist in handbook.checklists:
        page_html = (site / "checklists" / checklist.id / "index.html").read_text(encoding="utf-8")
        for item in checklist.items:
            row = re.search(rf'<tr>\s*<td class="hb-col-box"><input [^>]*data-hb-item="{item.id}".*?</tr>', page_html, re.DOTALL)
            missing = missing_links(row.group(0), item, ("duties", "principles"))
            assert not missing, f"{checklist.id}/{item.id} has no link to {missing}"


def test_data_text_reaches_the_form_as_literal_text(sample_data):
    """Markup and template syntax in the data are escaped in the label, the table and the attributes."""
    hostile = "<script>alert(1)</script> {{ 7*7 }} \" onmouseover=\"x"
    path = sample_data / "checklists.yml"
    path.write_text(path.read_text().replace("text: Send the agenda.", f"text: '{hostile}'")
                    .replace("owner: You", "owner: '<b>You</b>'", 1))
    block = render.checklist(load_handbook(sample_data), "sample-checklist")
    assert "<script>" not in block and "<b>" not in block and "49" not in block
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in block and "&lt;b&gt;You&lt;/b&gt;" in block
    assert f'data-hb-hash="{text_hash(hostile)}"' in block


# ------------------------------------------------------------ progress in the browser

def test_two_ticks_survive_a_reload(page, served_site, handbook):
    checklist = handbook.get("checklists", PROCUREMENT)
    first, second = checklist.items[1], checklist.items[4]
    page.goto(checklist_url(served_site, PROCUREMENT))
    page.get_by_role("checkbox", name=item_text(first)).check()
    page.get_by_role("checkbox", name=item_text(second)).check()
    page.reload()
    assert ticked(page) == [first.id, second.id]
    assert page.locator("[data-hb-count]").inner_text() == f"2 of {len(checklist.items)} done"


def test_ticks_survive_navigating_away_and_back(page, served_site, handbook):
    items = handbook.get("checklists", "team-dinner").items
    page.goto(checklist_url(served_site, "team-dinner"))
    boxes(page).nth(0).check()
    boxes(page).nth(3).check()
    # Away through the site's navigation (a tab, then its menu) and back the same way.
    page.locator(".md-tabs__link", has_text="How we work").first.click()
    page.locator(".md-nav__link:visible", has_text="Worked cases").first.click()
    page.wait_for_url("**/scenarios/")
    page.locator(".md-tabs__link", has_text="Checklists and plans").first.click()
    page.locator("article a", has_text="Arranging a team dinner").first.click()  # the list of checklists
    page.wait_for_url("**/checklists/team-dinner/")
    assert ticked(page) == [items[0].id, items[3].id]
    page.go_back()
    page.go_forward()
    assert ticked(page) == [items[0].id, items[3].id]


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory):
    """The sample handbook published at an address (the settings' site_url), served at the address it was built for.

    A site_url in the company settings switches Material's instant navigation on (macros/site/company.py); it only
    follows links listed in sitemap.xml (and Material keeps the port), so the port is chosen first.
    """
    import functools
    import http.server
    import threading

    from conftest import SAMPLE_DATA, QuietHandler
    from sites import build, copy_project

    root = tmp_path_factory.mktemp("instant")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root / "site")))
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    project = copy_project(root / "project", data=SAMPLE_DATA)
    settings = project / "data" / "settings" / "company.yml"
    source = settings.read_text()
    assert 'site_url: ""' in source and "navigation.instant" not in (project / "mkdocs.yml").read_text()
    settings.write_text(source.replace('site_url: ""', f'site_url: "{url}"'))
    result = build(project, root / "site")
    assert result.returncode == 0, result.stderr
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url
    server.shutdown()


def test_ticks_survive_materials_instant_navigation(page, instant_site):
    """With instant navigation, pages are swapped without a reload; the script sets each new page up again."""
    page.goto(f"{instant_site}checklists/sample-checklist/")
    boxes(page).nth(1).check()
    page.evaluate("window.hbSameDocument = true")  # gone if the browser loads a page the ordinary way
    page.locator(".md-tabs__link", has_text="Reference").first.click()
    page.locator(".md-nav__link:visible", has_text="Glossary").first.click()
    page.wait_for_url("**/glossary/")
    page.locator(".md-tabs__link", has_text="Checklists and plans").first.click()
    page.locator("article a", has_text="Meeting checklist").first.click()  # the list of checklists
    page.wait_for_url("**/checklists/sample-checklist/")
    assert page.evaluate("window.hbSameDocument === true"), "navigation was not instant: the test proves nothing"
    page.wait_for_selector("[data-hb-toolbar]:not([hidden])", timeout=5000)
    assert ticked(page) == ["minutes"]
    assert page.locator("[data-hb-count]").inner_text() == "1 of 2 done"


def test_the_checklist_list_shows_progress_of_each(page, served_site, handbook):
    page.goto(checklist_url(served_site, PROCUREMENT))
    boxes(page).nth(0).check()
    boxes(page).nth(1).check()
    page.goto(f"{served_site}/checklists/")
    total = len(handbook.get("checklists", PROCUREMENT).items)
    assert page.locator(f'[data-hb-progress-of="{PROCUREMENT}"]').inner_text() == f"2 of {total} done"
    assert page.locator('[data-hb-progress-of="meetings"]').inner_text() == "Not started"


def test_reset_unticks_every_step_and_undo_brings_them_back(page, served_site):
    page.goto(checklist_url(served_site, "meetings"))
    boxes(page).nth(0).check()
    boxes(page).nth(2).check()
    page.get_by_role("button", name="Reset").click()
    assert ticked(page) == [] and stored(page, "gm-handbook/checklist/meetings") is None
    page.reload()
    assert ticked(page) == []
    page.get_by_role("button", name="Reset").click()
    page.get_by_role("button", name="Undo").click()  # undoing a reset of nothing keeps nothing
    assert ticked(page) == []
    boxes(page).nth(1).check()
    page.get_by_role("button", name="Reset").click()
    page.get_by_role("button", name="Undo").click()
    assert len(ticked(page)) == 1
    page.reload()
    assert len(ticked(page)) == 1


def test_an_item_whose_text_changed_starts_unticked(page, served_site, handbook):
    """A saved tick whose hash no longer matches the item's text (the text was edited) no longer counts."""
    checklist = handbook.get("checklists", "meetings")
    page.goto(checklist_url(served_site, "meetings"))
    boxes(page).nth(0).check()
    boxes(page).nth(1).check()
    key = "gm-handbook/checklist/meetings"
    record = json.loads(stored(page, key))
    assert record["done"] == {item.id: text_hash(item.text) for item in checklist.items[:2]}
    record["done"][checklist.items[0].id] = text_hash("The step as it read before it was edited.")
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, json.dumps(record)])
    page.reload()
    assert ticked(page) == [checklist.items[1].id]
    assert "reworded since you ticked them" in page.locator(NOTICE).inner_text()
    # the same when the page changes instead: the box's hash no longer matches what was saved
    page.evaluate("document.querySelectorAll('input[data-hb-item]')[1].dataset.hbHash = '00000000'")
    page.evaluate("window.dispatchEvent(new StorageEvent('storage', {key: null}))")
    assert ticked(page) == []


@pytest.mark.parametrize("garbage", [
    "{not json",
    '"a string"',
    '{"format": "someone-else", "version": 1}',
    '{"format": "gm-handbook-checklist", "version": 1, "checklist": "meetings", "done": {"agenda": 42}}',
    '{"format": "gm-handbook-checklist", "version": 1, "checklist": "procurement", "done": {}}',
], ids=["not-json", "string", "foreign", "bad-hash", "other-checklist"])
def test_corrupted_storage_shows_a_notice_and_the_page_still_works(page, served_site, garbage):
    page.goto(checklist_url(served_site, "meetings"))
    page.evaluate("value => localStorage.setItem('gm-handbook/checklist/meetings', value)", garbage)
    page.reload()
    notice = page.locator(NOTICE)
    assert notice.is_visible() and "could not be read" in notice.inner_text()
    assert ticked(page) == []
    boxes(page).nth(2).check()
    assert page.locator("[data-hb-count]").inner_text().startswith("1 of ")
    assert page.locator(NOTICE).count() == 0  # the tick replaced the damaged record
    page.reload()
    assert len(ticked(page)) == 1 and page.locator(NOTICE).count() == 0


def test_progress_is_kept_when_the_site_is_opened_from_files(page, site):
    """Offline use: the built site opened from file:// keeps ticks across a reload."""
    page.goto((site / "checklists" / "meetings" / "index.html").as_uri())
    boxes(page).nth(0).check()
    page.reload()
    assert len(ticked(page)) == 1
    assert page.locator("[data-hb-toolbar]").is_visible()


# ------------------------------------------------------------ export and import

def export_progress(page, tmp_path: Path) -> Path:
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    return target


def import_progress(page, path: Path) -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import progress").click()
    chooser.value.set_files(str(path))
    # The page reads the file asynchronously; its notice ("Progress imported" or "Nothing imported") comes last.
    page.locator(NOTICE).filter(has_text="imported").first.wait_for()


def test_export_then_import_into_a_fresh_profile_restores_progress(page, browser, served_site, tmp_path):
    page.goto(f"{served_site}/onboarding/onboarding-office-director/")
    page.fill("input[data-hb-start]", "2026-03-02")
    page.goto(checklist_url(served_site, "team-dinner"))
    boxes(page).nth(1).check()
    boxes(page).nth(4).check()
    expected = ticked(page)
    exported = export_progress(page, tmp_path)
    data = json.loads(exported.read_text())
    assert re.fullmatch(r"handbook-progress-\d{4}-\d{2}-\d{2}\.json", exported.name)
    assert data["format"] == "gm-handbook-progress" and data["version"] == 1
    assert data["onboarding"] == {"onboarding-office-director": {"start": "2026-03-02"}}

    fresh = browser.new_context()
    try:
        other = fresh.new_page()
        other.goto(checklist_url(served_site, "team-dinner"))
        assert ticked(other) == []
        import_progress(other, exported)
        assert ticked(other) == expected
        assert "restored" in other.locator(NOTICE).inner_text()
        other.reload()
        assert ticked(other) == expected
        other.goto(f"{served_site}/onboarding/onboarding-office-director/")
        assert other.input_value("input[data-hb-start]") == "2026-03-02"
    finally:
        fresh.close()


# Files an import (and the manager's review page, tests/test_review.py) must refuse, with the reason it gives.
REFUSED_FILES = pytest.mark.parametrize("content,reason", [
    ("this is not json", "it is not JSON"),
    ('{"name": "a shopping list"}', "not a handbook progress file"),
    ('{"format": "gm-handbook-progress", "version": 2, "checklists": {}, "onboarding": {}}', "version 2"),
    ('{"format": "gm-handbook-progress", "version": 1, "checklists": {"meetings": {"agenda": "xyz"}}, "onboarding": {}}',
     'checklist "meetings" is damaged'),
    ('{"format": "gm-handbook-progress", "version": 1, "checklists": {}, "onboarding": {"p": {"start": "2026-02-30"}}}',
     'plan "p" is damaged'),
], ids=["not-json", "foreign", "newer-version", "bad-hash", "impossible-date"])


@REFUSED_FILES
def test_import_refuses_a_foreign_or_damaged_file_and_says_why(page, served_site, tmp_path, content, reason):
    page.goto(checklist_url(served_site, "meetings"))
    boxes(page).nth(0).check()
    before = stored(page, "gm-handbook/checklist/meetings")
    path = tmp_path / "progress.json"
    path.write_text(content)
    import_progress(page, path)
    notice = page.get_by_role("alert")
    assert "Nothing imported" in notice.inner_text() and reason in notice.inner_text()
    assert stored(page, "gm-handbook/checklist/meetings") == before and len(ticked(page)) == 1


# ------------------------------------------------------------ accessibility

def test_every_checkbox_has_its_step_as_accessible_name(page, served_site, handbook):
    """The accessible name of each box (as a screen reader gets it, from the accessibility tree) is its step's text."""
    for checklist in handbook.checklists:
        page.goto(checklist_url(served_site, checklist.id))
        tree = yaml.safe_load(page.locator(".hb-checklist__table").aria_snapshot())  # one call: names as assistive tech sees them
        names = [json.loads(match.group(1)) for node in nodes(tree) if (match := re.match(r'checkbox ("(?:[^"\\]|\\.)*")', node))]
        assert names == [item_text(item) for item in checklist.items], f"{checklist.id}: checkbox names differ"
    first = handbook.checklists[-1].items[0]
    assert page.get_by_role("checkbox", name=item_text(first), exact=True).count() == 1


def nodes(tree) -> list[str]:
    """Every role-and-name string in a Playwright ARIA snapshot (parsed YAML), in document order."""
    if isinstance(tree, str):
        return [tree]
    if isinstance(tree, list):
        return [node for child in tree for node in nodes(child)]
    if isinstance(tree, dict):
        return [node for key, value in tree.items() for node in [key, *nodes(value)]]
    return []


# ------------------------------------------------------------ print

def read_pgm(path: Path) -> tuple[int, int, bytes]:
    """Width, height and pixels of a binary greyscale PGM (what `pdftoppm -gray` writes)."""
    _, width, height, _, pixels = path.read_bytes().split(maxsplit=4)
    return int(width), int(height), pixels


def printed_boxes(path: Path, smallest: int = 12, largest: int = 24) -> int:
    """Counts empty or ticked squares with thin black sides (the printed tick boxes) in a page image."""
    width, height, pixels = read_pgm(path)

    def dark(x, y):
        return pixels[y * width + x] < 128

    found: list[tuple[int, int]] = []
    for y in range(height - largest):
        x = 0
        while x < width:
            if not dark(x, y):
                x += 1
                continue
            left = x
            while x < width and dark(x, y):
                x += 1
            size, right = x - left, x - 1
            if not smallest <= size <= largest:
                continue
            rows = range(y + 3, y + size - 3)
            thin_sides = all(dark(left, r) and dark(right, r) and not dark(left + 2, r) and not dark(right - 2, r)
                             for r in rows)
            bottom = any(all(dark(c, r) for c in range(left, right + 1)) for r in range(y + size - 3, y + size + 1))
            if thin_sides and bottom and not any(abs(fy - y) < 4 and abs(fx - left) < 4 for fx, fy in found):
                found.append((left, y))
    return len(found)


def test_a_printed_checklist_is_an_a4_form_with_boxes_and_no_site_chrome(page, served_site, handbook, tmp_path):
    from pypdf import PdfReader

    checklist = handbook.get("checklists", PROCUREMENT)
    page.goto(checklist_url(served_site, PROCUREMENT))
    boxes(page).nth(0).check()  # a ticked box still prints as a box
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", "[data-hb-toolbar]", ".hb-screen-only"):
        assert not page.locator(chrome).first.is_visible(), f"{chrome} shows on paper"
    page.screenshot(path=tmp_path / "print.png", full_page=True)
    pdf = tmp_path / "checklist.pdf"
    page.pdf(path=pdf, prefer_css_page_size=True)

    reader = PdfReader(pdf)
    assert 1 <= len(reader.pages) <= 2, f"{len(reader.pages)} pages"
    for sheet in reader.pages:
        assert (round(float(sheet.mediabox.width)), round(float(sheet.mediabox.height))) == (595, 842)  # A4
    words = " ".join(" ".join(sheet.extract_text().split()) for sheet in reader.pages)
    for item in checklist.items:
        assert item_text(item)[:40] in words, f"{item.id} is missing on paper"
    for line in ("Completed by", "Checked by (manager)", "Date", "Signature", "OWNER", "WHEN"):
        assert line in words, f"no '{line}' on paper"
    for chrome in ("Export progress", "Worked cases", "Written and maintained by", "Cited by"):
        assert chrome not in words, f"'{chrome}' printed"

    subprocess.run(["pdftoppm", "-gray", "-r", "100", str(pdf), str(tmp_path / "sheet")], check=True)
    counted = sum(printed_boxes(image) for image in sorted(tmp_path.glob("sheet-*.pgm")))
    assert counted == len(checklist.items), f"{counted} boxes printed for {len(checklist.items)} steps"
