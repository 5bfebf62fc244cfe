"""Every link and anchor in the built site resolves, and the only outbound links are the listed ones."""

import json
import textwrap

from linkcheck import OUTBOUND, Site, check_site

# Files readers download or print: each must be linked from some page, or nobody can reach it.
DOWNLOAD_SUFFIXES = (".pdf", ".csv", ".json", ".ics", ".zip", ".xlsx", ".docx")
NOT_DOWNLOADS = ("search/search_index.json", "zh/search/search_index.json")  # fetched by the search script


def test_every_internal_link_and_anchor_resolves(site):
    """Every href/src in HTML, url() in CSS and search result location points at a file, and a fragment at an id."""
    problems = check_site(site)
    assert not problems, f"{len(problems)} broken link(s):\n" + "\n".join(problems[:50])


def test_every_download_is_linked_from_a_page(site):
    """PDFs, exports and calendar files in the build are reachable by a link, not just present on disk."""
    checked = Site(site)
    downloads = sorted(f for f in checked.files if f.endswith(DOWNLOAD_SUFFIXES) and f not in NOT_DOWNLOADS)
    linked = set()
    for ref in checked.references():
        if ref.what == "<a href>" and "://" not in ref.url:
            target = checked.target_file(ref.source, ref.url.split("#")[0].split("?")[0])
            linked.add(target)
    orphans = [f for f in downloads if f not in linked]
    assert not orphans, f"files no page links to: {orphans}"


def test_listed_outbound_links_are_used(site):
    """An entry in OUTBOUND that no page uses any more is removed, so the list stays the truth."""
    used = {ref.url for ref in Site(site).references()}
    assert not (OUTBOUND - used), f"OUTBOUND lists links no page has: {sorted(OUTBOUND - used)}"


def _write(root, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(content), encoding="utf-8")


def test_checker_reports_each_kind_of_broken_reference(tmp_path):
    """The checker names file, line and problem for each way a reference breaks, and passes the good ones."""
    _write(tmp_path, {
        "index.html": """\
            <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
            <a href="guide/">ok</a> <a href="guide/#step-2">ok</a> <a href="guide/#step-3">bad anchor</a>
            <a href="missing/">bad page</a> <a href="files/role.pdf">ok pdf</a> <a href="files/gone.pdf">bad pdf</a>
            <img src="data:image/png;base64,AAAA" alt=""> <img srcset="pic.png 1x, nope.png 2x" alt="">
            <a href="/guide/">root path</a> <a href="../outside.html">outside</a>
            <a href="https://example.org/listed">listed</a> <a href="https://example.org/other">unlisted</a>
            <script src="https://cdn.example.org/x.js"></script>
            <div style="background: url('https://example.org/bg.png')"></div>
            <style>@import "https://example.org/font.css";</style>
            """,
        "guide/index.html": '<h2 id="step-2">Step 2</h2><a name="old"></a><a href="../#top">bad</a>',
        "files/broken.pdf": "%PDF-1.7 cut short",
        "pic.png": "",
        "assets/site.css": ".x { background: url(../pic.png) } .y { background: url(img/none.png) }",
        "search/search_index.json": json.dumps({"docs": [{"location": "guide/#step-2"}, {"location": "gone/"}]}),
    })
    import weasyprint  # a real PDF: links to a named place in it, a relative link and a web address

    weasyprint.HTML(string='<h1 id="top">Role</h1><a href="#top">ok</a> <a href="../roles/">relative</a> '
                           '<a href="https://example.org/listed">listed</a> <a href="https://example.org/pdf">unlisted</a>',
                    base_url=str(tmp_path / "files") + "/").write_pdf(tmp_path / "files" / "role.pdf")
    problems = check_site(tmp_path, outbound=frozenset({"https://example.org/listed"}))
    expected = [
        "assets/site.css:1: url() img/none.png points at no file in the site",
        "files/broken.pdf:0: PDF cannot be read as a PDF",
        f"files/role.pdf:1: PDF link {(tmp_path / 'roles').as_uri()}/ leads outside the PDF",
        "files/role.pdf:1: PDF link https://example.org/pdf leads outside the PDF",
        "guide/index.html:1: <a href> ../#top: index.html has no element with id 'top'",
        "index.html:1: <link href> external URL https://fonts.googleapis.com/css?family=Roboto",
        "index.html:2: <a href> guide/#step-3: guide/index.html has no element with id 'step-3'",
        "index.html:3: <a href> missing/ points at no file in the site",
        "index.html:3: <a href> files/gone.pdf points at no file in the site",
        "index.html:4: <img srcset> nope.png points at no file in the site",
        "index.html:5: <a href> root-relative /guide/ breaks when the site is opened from a folder or file://",
        "index.html:5: <a href> ../outside.html points at no file in the site",
        "index.html:6: <a href> external URL https://example.org/other",
        "index.html:7: <script src> external URL https://cdn.example.org/x.js",
        "index.html:8: <div style> url() external URL https://example.org/bg.png",
        "index.html:9: <style> url() external URL https://example.org/font.css",
        "search/search_index.json:0: search location gone/ points at no file in the site",
    ]
    for line in expected:
        assert any(p.startswith(line) for p in problems), f"not reported: {line}\ngot:\n" + "\n".join(problems)
    assert len(problems) == len(expected), "\n".join(problems)
