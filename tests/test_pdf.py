"""The PDFs made at build time: complete, one or two A4 pages per job description, offline, reproducible and cached."""

import gc
import hashlib
import os
import re
import shutil
import subprocess
import sys
import threading
import unicodedata
from functools import cache, partial

import pytest
from pypdf import PdfReader

from conftest import ROOT, SAMPLE_DATA
from macros.output import paper, paths, pdf
from macros.data.edition import current
from macros.data.handbook import load_handbook
from sites import build, copy_project, run_script

HANDBOOK = load_handbook(ROOT / "data")
A4 = (595.28, 841.89)  # points


def normalised(text: str) -> str:
    """Text as extracted from a PDF, made comparable: ligatures undone, lines joined, breaks after hyphens closed."""
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'")
    return re.sub(r"-\s+", "-", " ".join(text.split()))


def pdf_text(reader: PdfReader) -> str:
    return normalised(" ".join(page.extract_text() for page in reader.pages))


@pytest.mark.parametrize("role", HANDBOOK.roles, ids=lambda r: r.id)
def test_job_description_pdf_is_one_or_two_a4_pages_with_every_duty(site, role):
    path = site / paths.job_description_pdf(role.id)
    assert path.is_file(), f"{path.name} was not written"
    reader = PdfReader(path)
    assert 1 <= len(reader.pages) <= 2, f"{path.name} has {len(reader.pages)} pages"
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=0.5)
    text = pdf_text(reader)
    expected = [role.title, role.reports_to] + [d.title for d in HANDBOOK.resolve("duties", role.duties)]
    expected += [r.title for r in HANDBOOK.resolve("requirements", role.requirements)]
    missing = [e for e in expected if normalised(e) not in text]
    assert not missing, f"{path.name} lacks {missing}"


def test_handbook_pdf_has_contents_whose_page_numbers_are_right(site):
    reader = PdfReader(site / paths.HANDBOOK_PDF)
    pages = [normalised(page.extract_text()) for page in reader.pages]
    contents = next(i for i, text in enumerate(pages) if text.startswith("Contents"))
    front = contents + 1  # the chapters' page 1 follows the cover and contents
    for role in HANDBOOK.roles:
        match = re.search(re.escape(normalised(role.title)) + r"[ .]*?(\d+)\b", pages[contents])
        assert match, f"contents do not list {role.title!r}"
        number = int(match.group(1))
        assert normalised(role.title) in pages[front + number - 1], f"{role.title!r} is not on page {number}"
        assert f"Page {number} of {len(pages) - front}" in pages[front + number - 1]


@pytest.mark.parametrize("role", HANDBOOK.roles[:1], ids=lambda r: r.id)
def test_a_job_descriptions_footer_names_it_and_its_version_in_the_editions_words(site, role):
    """The footers' words come from the edition's stylesheet (paper_edition.css), which no document links."""
    text = pdf_text(PdfReader(site / paths.job_description_pdf(role.id)))
    footer = re.escape(f"Job description: {normalised(role.title)} · version ") + r"[0-9a-f]{6,}"
    assert re.search(footer, text), text[-300:]


def test_paper_css_is_parsed_once_per_process_and_again_when_its_text_changes(monkeypatch, tmp_path):
    import weasyprint

    parsed = []

    class Counted(weasyprint.CSS):
        def __init__(self, *args, **kwargs):
            parsed.append(kwargs.get("string", "")[:40])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(weasyprint, "CSS", Counted)
    monkeypatch.setattr(pdf, "_parsed_css", pdf.lru_cache(maxsize=8)(pdf._parsed_css.__wrapped__))  # none kept from earlier
    for body in ("<p>One</p>", "<p>Two</p>", "<h1>Three</h1>"):
        pdf.render(page_html(body))
    assert len(parsed) == 2  # paper.css and the (empty) edition rules, for all three PDFs
    pdf.render(pdf.Target("downloads/test.pdf", "x", page_html("<p>Four</p>").html, stylesheet=lambda: "p { color: red }"))
    assert len(parsed) == 3  # other edition rules: parsed, paper.css not
    templates = tmp_path / "templates"
    shutil.copytree(paper.TEMPLATES, templates)
    (templates / "paper.css").write_text((paper.TEMPLATES / "paper.css").read_text() + "\nh1 { color: red }\n")
    monkeypatch.setattr(paper, "TEMPLATES", templates)  # paper.css edited, as under `mkdocs serve`
    pdf.render(page_html("<p>Five</p>"))
    assert len(parsed) == 4
    monkeypatch.setattr(os, "getpid", lambda: -1)  # a worker forked after those PDFs parses its own
    pdf.render(page_html("<p>Six</p>"))
    assert len(parsed) == 6


def test_handbook_pdf_has_bookmarks_for_every_chapter(site):
    outline = PdfReader(site / paths.HANDBOOK_PDF).outline
    titles = [item.title for item in outline if not isinstance(item, list)]
    for chapter in ("Role guides", "Duties", "Principles", "Conduct rules", "Pitfalls", "Requirements",
                    "Checklists", "Onboarding plans", "Worked cases", "Glossary"):
        assert chapter in titles


def test_every_checklist_in_the_handbook_pdf_has_its_columns_in_the_same_place(site):
    """The checklists' tables are laid out fixed (paper.css): each header stands where every other one does. Under
    auto layout each table sized its columns to its own words, and Owner and When moved from checklist to checklist."""
    places = set()
    for page in PdfReader(site / paths.HANDBOOK_PDF).pages:
        # Layout mode sets each line's words out by where they stand on the page, so a column is a character offset.
        for line in page.extract_text(extraction_mode="layout").splitlines():
            if re.search(r"Done\s+Step\s+Owner\s+When", line):
                places.add((line.index("Owner"), line.index("When")))
    assert places, "no checklist header row found in the handbook PDF"
    assert len(places) == 1, f"the checklists' Owner and When headers stand in {len(places)} places: {places}"


def test_pdfs_record_the_editions_date_not_the_builds(site):
    timestamp = current().timestamp
    for path in sorted((site / "downloads").glob("*.pdf")):
        metadata = PdfReader(path).metadata
        assert metadata.creation_date == timestamp and metadata.modification_date == timestamp, path.name


RENDER_ALL = """
import hashlib, json, sys
from datetime import date
from pathlib import Path
from macros.output import paper, paths, pdf
from macros.data.edition import Edition
from macros.data.handbook import load_edition
edition = Edition(date.fromisoformat(sys.argv[1]), sys.argv[2])
targets = pdf.targets(load_edition(Path("data"), "en"), edition)  # as the build loads it: with its translation
print(json.dumps({t.path: hashlib.sha256(pdf.render(t)).hexdigest() for t in targets}))
"""


def test_pdfs_are_byte_identical_when_made_again(site):
    """A fresh process (other hash seed, no cache) makes exactly the bytes the build wrote, for the same edition."""
    import json

    edition = json.loads((site / "downloads" / "handbook.json").read_text(encoding="utf-8"))["edition"]
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run([sys.executable, "-c", RENDER_ALL, edition["date"], edition["version"]], cwd=ROOT,
                            capture_output=True, text=True, timeout=600, env=env)
    assert result.returncode == 0, result.stderr
    made_again = json.loads(result.stdout)
    built = {path: hashlib.sha256((site / path).read_bytes()).hexdigest() for path in made_again}
    assert made_again == built


def page_html(body: str) -> pdf.Target:
    """A one-page target on paper.css (which every PDF gets, linked or not)."""
    return pdf.Target.of_html("downloads/test.pdf", f"<html><body>{body}</body></html>")


@pytest.mark.parametrize("resource", [
    '<img src="https://example.com/logo.png">',
    '<link rel="stylesheet" href="http://fonts.example.com/font.css">',
    '<style>@font-face { font-family: X; src: url(ftp://example.com/x.woff) }</style><p style="font-family: X">x</p>',
])
def test_pdf_refuses_anything_but_file_and_data_urls(resource):
    with pytest.raises(pdf.PdfError) as error:
        pdf.render(page_html(resource))
    assert "may load only file: and data: URLs" in str(error.value)
    assert "downloads/test.pdf" in str(error.value) and "example.com" in str(error.value)


def test_pdf_stops_on_a_missing_local_resource():
    with pytest.raises(pdf.PdfError, match=r"missing resource 'file:///.*/macros/output/templates/no-such-logo\.png'"):
        pdf.render(page_html('<img src="no-such-logo.png">'))


def test_pdf_may_use_inline_data():
    dot = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    assert pdf.render(page_html(f'<img src="data:image/png;base64,{dot}" alt="">')).startswith(b"%PDF-")


def test_the_pdfs_one_process_makes_share_its_fonts_and_a_forked_worker_finds_its_own(monkeypatch):
    from weasyprint.text import fonts

    made = []

    class Counted(fonts.FontConfiguration):
        def __init__(self):
            made.append(self)
            super().__init__()

    monkeypatch.setattr(fonts, "FontConfiguration", Counted)
    monkeypatch.setattr(pdf, "_fonts", cache(pdf._fonts.__wrapped__))  # none kept from earlier tests
    for body in ("<p>One</p>", "<p>Two</p>", "<h1>Three</h1>"):
        pdf.render(page_html(body))
    assert len(made) == 1
    monkeypatch.setattr(os, "getpid", lambda: -1)  # as in a worker forked after those PDFs
    pdf.render(page_html("<p>Four</p>"))
    assert len(made) == 2


def test_the_fonts_kept_for_a_process_are_dropped_with_their_folder_before_python_shuts_down():
    target = page_html('<style>@font-face { font-family: X; src: url(data:font/woff2;base64,AAAA) }</style>'
                       '<p style="font-family: X">x</p>')
    pdf.render(target)  # WeasyPrint puts a document's own fonts in a temporary folder of its font set
    folder = pdf._fonts(os.getpid())._folder
    assert folder and os.path.isdir(folder)
    pdf.drop_fonts()  # what the process runs as it exits (atexit)
    assert not os.path.exists(folder)
    assert pdf._fonts.cache_info().currsize == 0 and pdf._parsed_css.cache_info().currsize == 0


def test_a_pdf_is_made_with_the_cycle_collector_paused_and_restored_after():
    collecting = []

    def html():
        collecting.append(gc.isenabled())
        return page_html("<p>One</p>").html()

    pdf.render(pdf.Target("downloads/test.pdf", "one", html))
    assert collecting == [False] and gc.isenabled()


def test_a_worker_leaves_its_pdfs_pages_to_the_process_not_to_a_collector_pass(tmp_path, monkeypatch):
    """A build's PDF worker answers as soon as the PDF is in the cache: no collector pass walks the pages it laid out
    (0.27 s after the handbook PDF)."""
    passes = []
    record = lambda phase, info: phase == "start" and passes.append(info["generation"])
    target = pdf.Target("downloads/test.pdf", "x", page_html("<p>One line of the chapters.</p>" * 300).html,
                        front=lambda pages: "<p>Front</p>")  # the whole handbook's kind: made at the build's priority
    monkeypatch.setattr(pdf, "_FORKED", [target])
    gc.collect()
    gc.callbacks.append(record)
    try:
        pdf._make_forked(0, str(tmp_path))
        after = [[]]  # an allocation, which would set off a young pass that is due
    finally:
        gc.callbacks.remove(record)
    assert (tmp_path / f"{target.key}.pdf").is_file() and after
    assert passes == [], f"collector passes after the PDF: generations {passes}"


def test_loading_the_data_pauses_the_cycle_collector_too(monkeypatch):
    from macros.data import handbook

    collecting, read = [], handbook.read_yaml
    monkeypatch.setattr(handbook, "read_yaml", lambda *args: collecting.append(gc.isenabled()) or read(*args))
    handbook.load_handbook(SAMPLE_DATA)
    assert collecting and not any(collecting) and gc.isenabled()


def test_a_missing_resource_fails_the_build_with_a_clear_message(tmp_path):
    project = copy_project(tmp_path / "project", data=SAMPLE_DATA)
    css = project / "macros" / "output" / "templates" / "paper.css"
    css.write_text(css.read_text() + "\n.hb-jd__head { background: url(letterhead.png); }\n")
    env_cache = {"HANDBOOK_PDF_CACHE": str(tmp_path / "cache")}
    os.environ.update(env_cache)
    try:
        result = build(project, tmp_path / "site")
    finally:
        os.environ.pop("HANDBOOK_PDF_CACHE")
    assert result.returncode != 0
    assert "could not make a PDF: downloads/job-description-" in result.stderr
    assert "missing resource 'file://" in result.stderr and "letterhead.png" in result.stderr
    assert "Traceback" not in result.stderr


def fake_render(calls: list, gate: threading.Event | None = None):
    def render(target):
        if gate:
            gate.wait(10)
        calls.append(target.path)
        return b"%PDF-fake " + target.path.encode()
    return render


def test_unchanged_pdfs_are_taken_from_the_cache(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(pdf, "render", fake_render(calls))
    targets = [page_html("one"), pdf.Target.of_html("downloads/two.pdf", "<p>two</p>")]
    pdf.write_all(targets, tmp_path / "site1", tmp_path / "cache")
    pdf.write_all(targets, tmp_path / "site2", tmp_path / "cache")
    assert calls == ["downloads/test.pdf", "downloads/two.pdf"], "the second build rendered again"
    assert (tmp_path / "site2" / "downloads" / "two.pdf").read_bytes() == b"%PDF-fake downloads/two.pdf"
    pdf.write_all([pdf.Target.of_html("downloads/two.pdf", "<p>two, edited</p>")], tmp_path / "site3", tmp_path / "cache")
    assert calls[-1] == "downloads/two.pdf", "an edited PDF was not made again"


def test_a_warm_build_writes_no_html(tmp_path, monkeypatch):
    """Cached PDFs are found from the records' fingerprints: no template is rendered and no PDF made."""
    calls = []
    monkeypatch.setattr(pdf, "render", fake_render(calls))
    targets = pdf.targets(load_handbook(SAMPLE_DATA), current())
    pdf.write_all(targets, tmp_path / "site1", tmp_path / "cache")
    monkeypatch.setattr(pdf.paper, "ENV", None)  # any template rendering now fails
    pdf.write_all(pdf.targets(load_handbook(SAMPLE_DATA), current()), tmp_path / "site2", tmp_path / "cache")
    assert len(calls) == len(targets)


def render_with_pid(target):
    return f"%PDF-fake {target.path} made by {os.getpid()}".encode()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_a_build_makes_new_pdfs_in_worker_processes_while_it_goes_on(tmp_path, monkeypatch):
    """`mkdocs build` starts the PDFs in on_pre_build (pdf.start) and collects them in on_post_build (finish)."""
    monkeypatch.setattr(pdf, "render", render_with_pid)  # inherited by the forked workers
    targets = pdf.targets(load_handbook(SAMPLE_DATA), current())
    started = pdf.start(targets, tmp_path / "cache", workers=2)
    assert started.pool is not None and len(started.futures) == len(targets)
    started.finish(tmp_path / "site")
    makers = {(tmp_path / "site" / t.path).read_bytes().rpartition(b" by ")[2] for t in targets}
    assert makers and str(os.getpid()).encode() not in makers, "the PDFs were made by the build's own process"
    again = pdf.start(targets, tmp_path / "cache")
    assert again.pool is None and not again.futures, "PDFs in the cache were made again"


# A build in which MkDocs listing the docs and the theme's files, and the PDFs starting, each print their name.
ORDER_OF_START = """
import sys
import mkdocs.commands.build as building
from mkdocs.__main__ import cli
from macros.output import pdf

def noted(name, function):
    def call(*args, **kwargs):
        print(name, flush=True)
        return function(*args, **kwargs)
    return call

building.get_files = noted("files listed", building.get_files)
pdf.start = noted("pdf.start", pdf.start)
pdf.render = lambda target: b"%PDF-fake"
cli(["build", "-q", "-d", sys.argv[1]])
"""


def test_a_build_starts_its_pdfs_as_soon_as_the_data_is_loaded_before_mkdocs_lists_the_files(tmp_path):
    """The whole handbook PDF is what a first build waits for last: its worker is not kept waiting while MkDocs walks
    the docs and the theme (on_pre_build, not on_files)."""
    project = copy_project(tmp_path / "project", data=SAMPLE_DATA)
    shown = run_script(project, ORDER_OF_START, str(tmp_path / "site"), pdf_cache=tmp_path / "pdf")
    assert shown.split() == ["pdf.start", "files", "listed"], shown


def render_with_niceness(target):
    return f"%PDF-fake made at niceness {os.nice(0)}".encode()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_a_builds_short_pdfs_yield_the_cores_to_the_whole_handbook_and_the_pages(tmp_path, monkeypatch):
    """The whole handbook is the PDF a cold build waits for last: it is made at the build's own priority."""
    monkeypatch.setattr(pdf, "render", render_with_niceness)
    targets = pdf.targets(load_handbook(SAMPLE_DATA), current())
    pdf.start(targets, tmp_path / "cache", workers=2).finish(tmp_path / "site")
    made_at = {t.path: int((tmp_path / "site" / t.path).read_bytes().split()[-1]) for t in targets}
    build = os.nice(0)
    assert made_at.pop(paths.HANDBOOK_PDF) == build
    assert set(made_at.values()) == {build + pdf.BACKGROUND_NICENESS}, made_at


def test_a_pdf_that_fails_in_a_worker_fails_the_build_with_its_message(tmp_path, monkeypatch):
    def broken(target):
        raise pdf.PdfError(f"{target.path}: missing resource 'file:///x/letterhead.png'")

    monkeypatch.setattr(pdf, "render", broken)
    started = pdf.start([page_html("one")], tmp_path / "cache")
    with pytest.raises(pdf.PdfError, match="downloads/test.pdf: missing resource"):
        started.finish(tmp_path / "site")


def test_under_serve_a_pdf_being_remade_is_stood_in_for_by_its_own_editions_last_one_not_the_other_languages(
        tmp_path, monkeypatch):
    """Both editions' PDFs have the same paths (downloads/handbook.pdf in site/ and in site/zh/) and one cache. The
    Chinese handbook, made after the English, once stood in for the English while the English was remade."""
    from macros.data import handbook, language

    monkeypatch.setattr(pdf, "render", lambda target: f"%PDF-fake {target.inputs}".encode())
    english, chinese = (pdf.Target(paths.HANDBOOK_PDF, f"{code} first", str, language=code) for code in ("en", "zh"))
    pdf.write_all([english], tmp_path / "site", tmp_path / "cache")
    pdf.write_all([chinese], tmp_path / "site" / "zh", tmp_path / "cache")  # the translation builds after
    edited = pdf.Target(paths.HANDBOOK_PDF, "en edited", str, language="en")
    assert pdf.previous(edited, tmp_path / "cache").read_bytes() == b"%PDF-fake en first"
    # and every target of an edition carries its language
    try:
        language.use("zh")
        assert {t.language for t in pdf.targets(handbook.load_edition(ROOT / "data", "zh"), current())} == {"zh"}
    finally:
        language.use("en")


def test_under_serve_new_pdfs_are_made_in_the_background(tmp_path, monkeypatch):
    """A live reload does not wait for new PDFs: cached ones are in place at once, new ones follow."""
    calls, gate = [], threading.Event()
    handbook, edition = load_handbook(SAMPLE_DATA), current()
    first, *rest = pdf.targets(handbook, edition)
    monkeypatch.setattr(pdf, "render", fake_render(calls))
    pdf.write_all([first], tmp_path / "earlier", tmp_path / "cache")
    monkeypatch.setattr(pdf, "render", fake_render(calls, gate))
    worker = pdf.write_in_background([first, *rest], tmp_path / "site", tmp_path / "cache", SAMPLE_DATA, edition,
                                     start=threading.Thread)
    assert (tmp_path / "site" / first.path).is_file(), "the cached PDF is not in the site at once"
    assert not any((tmp_path / "site" / t.path).exists() for t in rest), "the reload waited for the new PDFs"
    gate.set()
    worker.join(10)
    assert all((tmp_path / "site" / t.path).read_bytes().startswith(b"%PDF-fake") for t in rest)


def test_under_serve_the_previous_pdf_stands_in_until_the_new_one_is_ready(tmp_path, monkeypatch):
    calls, gate = [], threading.Event()
    monkeypatch.setattr(pdf, "render", fake_render(calls))
    old = pdf.Target.of_html("downloads/jd.pdf", "<p>old</p>")
    pdf.write_all([old], tmp_path / "earlier", tmp_path / "cache")
    monkeypatch.setattr(pdf, "render", lambda target: gate.wait(10) and b"%PDF-new")
    new = pdf.Target("downloads/jd.pdf", "<p>new</p>", partial(str, "<p>new</p>"))
    worker = pdf.write_in_background([new], tmp_path / "site", tmp_path / "cache", SAMPLE_DATA, current(),
                                     start=lambda target, args, **_: threading.Thread(
                                         target=pdf.write_all, args=([new], tmp_path / "site", tmp_path / "cache")))
    assert (tmp_path / "site" / "downloads" / "jd.pdf").read_bytes() == b"%PDF-fake downloads/jd.pdf"
    gate.set()
    worker.join(10)
    assert (tmp_path / "site" / "downloads" / "jd.pdf").read_bytes() == b"%PDF-new"


def test_the_background_process_makes_real_pdfs(tmp_path):
    """The default worker is another Python process that loads the data itself and writes the PDFs."""
    edition = current()
    targets = pdf.targets(load_handbook(SAMPLE_DATA), edition)
    worker = pdf.write_in_background(targets, tmp_path / "site", tmp_path / "cache", SAMPLE_DATA, edition)
    assert worker.name == pdf.BACKGROUND
    worker.join(300)
    assert worker.exitcode == 0
    for target in targets:
        assert (tmp_path / "site" / target.path).read_bytes().startswith(b"%PDF-"), target.path


def test_the_background_process_makes_the_pdfs_of_an_edition_with_a_translation(tmp_path):
    """The real data has a Chinese translation, which the English handbook PDF's glossary pairs with each term: the
    background process loads the edition as the build does, so it makes the very PDF the build asked for."""
    from macros.data.handbook import load_edition

    edition = current()
    wanted = [t for t in pdf.targets(load_edition(ROOT / "data", "en"), edition) if t.path == paths.HANDBOOK_PDF]
    worker = pdf.write_in_background(wanted, tmp_path / "site", tmp_path / "cache", ROOT / "data", edition)
    worker.join(300)
    assert worker.exitcode == 0
    assert (tmp_path / "site" / paths.HANDBOOK_PDF).read_bytes().startswith(b"%PDF-"), "the build's PDF was not made"


def test_a_pdfs_key_follows_the_translation_and_the_settings_it_prints():
    """A cached PDF is made again when what it prints changes outside its own records: the other language's glossary
    terms (the handbook's glossary pairs) and the company settings (names, the advert's offer, HR fields)."""
    from dataclasses import replace

    from macros.data.handbook import load_edition

    english = load_edition(ROOT / "data", "en")
    keys = lambda handbook: {t.path: t.key for t in pdf.targets(handbook, current())}
    before = keys(english)
    alone = keys(replace(english, other=None))
    assert alone[paths.HANDBOOK_PDF] != before[paths.HANDBOOK_PDF]
    assert alone[paths.job_description_pdf(english.roles[0].id)] == before[paths.job_description_pdf(english.roles[0].id)]
    renamed = keys(replace(english, company=english.company.model_copy(update={"name": "Contoso Trading Ltd."})))
    assert all(renamed[path] != key for path, key in before.items())


def test_cache_key_changes_with_the_data_and_the_stylesheet(monkeypatch, tmp_path):
    target = page_html("x")
    key = target.key
    assert pdf.Target.of_html(target.path, target.html() + " ").key != key
    css = tmp_path / "paper.css"
    css.write_text("p { color: red }")
    monkeypatch.setattr(pdf, "SOURCES", (*pdf.SOURCES, css))
    pdf._code_fingerprint.cache_clear()  # read once per process; every build (and serve rebuild) imports pdf afresh
    try:
        assert page_html("x").key != key
    finally:
        pdf._code_fingerprint.cache_clear()


def test_the_background_process_reports_data_broken_since_the_build_as_lines_not_a_traceback(tmp_path, capfd):
    """Under serve, data saved broken after the build that started the PDF process gives path:line lines only."""
    edition = current()
    targets = pdf.targets(load_handbook(SAMPLE_DATA), edition)
    data = tmp_path / "data"
    data.mkdir()
    for source in SAMPLE_DATA.glob("*.yml"):
        (data / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    roles = data / "roles.yml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("  title: ", "  title: [unclosed ", 1), encoding="utf-8")
    capfd.readouterr()
    worker = pdf.write_in_background(targets, tmp_path / "site", tmp_path / "cache", data, edition)
    worker.join(300)
    err = capfd.readouterr().err
    assert worker.exitcode == 0, err
    assert "Traceback" not in err, err
    assert re.search(r"^data/roles\.yml:\d+: ", err, re.M), err
    assert not any((tmp_path / "site" / t.path).exists() for t in targets), "PDFs made from broken data"
