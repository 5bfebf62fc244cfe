"""Role guides, the manager's view and the maintenance page: complete, linked both ways, and safe with any data text."""

import re
from dataclasses import replace
from datetime import date
from html import unescape
from html.parser import HTMLParser

import pytest

from conftest import ROOT, run_handbook
from linkcheck import Site
from macros.output import paper
from macros.data.edition import Edition
from macros.data.handbook import REFERENCES, load_handbook
from macros.render import manager, roles
from macros.render.common import RECORD_URLS

HANDBOOK = load_handbook(ROOT / "data")
EDITION = Edition(date(2026, 1, 31), "1.2.3")
HOSTILE = "<script>alert(1)</script> {{ 7*7 }} {% raw %}"


# ---------------------------------------------------------------- reading the built pages

class Article(HTMLParser):
    """The <article> of a built page: links grouped by the record heading they follow, and the job description's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: dict[str | None, list[str]] = {None: []}  # heading id (None: before any) -> hrefs after it
        self.link_texts: list[str] = []
        self.jd_text: list[str] = []
        self._in_article = False
        self._section = None
        self._link_text: list[str] | None = None
        self._jd_divs = 0  # <div> nesting inside the job description block; counting divs only survives loose tags

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self._in_article |= tag == "article"
        if not self._in_article:
            return
        if tag == "div" and (self._jd_divs or "hb-jd" in (attrs.get("class") or "").split()):
            self._jd_divs += 1
        if re.fullmatch(r"h[1-6]", tag) and attrs.get("id"):
            self._section = attrs["id"]
            self.links.setdefault(self._section, [])
        if tag == "a" and attrs.get("href") and "headerlink" not in (attrs.get("class") or ""):
            self.links[self._section].append(attrs["href"])
            self._link_text = []

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article = False
        if tag == "div" and self._jd_divs:
            self._jd_divs -= 1
        if tag == "a" and self._link_text is not None:
            self.link_texts.append(" ".join("".join(self._link_text).split()))
            self._link_text = None

    def handle_data(self, data):
        if self._link_text is not None:
            self._link_text.append(data)
        if self._jd_divs:
            self.jd_text.append(data)

    @property
    def job_description(self) -> str:
        return " ".join(" ".join(self.jd_text).split())

    def every_link(self) -> list[str]:
        return [href for hrefs in self.links.values() for href in hrefs]


def page_file(kind: str, record_id: str) -> tuple[str, str | None]:
    """The built file and fragment where a record is shown, from the same table the links are made from."""
    target = RECORD_URLS[kind].format(id=record_id).lstrip("/")
    path, _, fragment = target.partition("#")
    return f"{path.removesuffix('.md')}/index.html", fragment or None


@pytest.fixture(scope="module")
def built(site):
    """The built site, with each page's article parsed once."""
    pages: dict[str, Article] = {}

    def article(path: str) -> Article:
        if path not in pages:
            parser = Article()
            parser.feed((site / path).read_text(encoding="utf-8"))
            pages[path] = parser
        return pages[path]

    return Site(site), article


def resolved(site: Site, base: str, hrefs: list[str]) -> set[tuple[str, str | None]]:
    """The (file, fragment) each link of a page leads to."""
    out = set()
    for href in hrefs:
        path, _, fragment = href.partition("#")
        target = site.target_file(base, path) if path else base
        if target:
            out.add((target, fragment or None))
    return out


def section_links(built, kind: str, record_id: str) -> set[tuple[str, str | None]]:
    """Where the links shown with one record lead: its whole page, or its section of a shared page."""
    site, article = built
    path, fragment = page_file(kind, record_id)
    parsed = article(path)
    hrefs = parsed.links.get(fragment, []) if fragment else parsed.every_link()
    return resolved(site, path, hrefs)


def leads_to(links: set, kind: str, record_id: str) -> bool:
    path, fragment = page_file(kind, record_id)
    return (path, fragment) in links or (fragment is None and any(p == path for p, _ in links))


# ---------------------------------------------------------------- role pages

@pytest.mark.parametrize("role", HANDBOOK.roles, ids=lambda r: r.id)
def test_role_page_links_every_duty_and_requirement(built, role):
    """The guide links each of the role's duties and requirements to its entry, under its own title."""
    site, article = built
    path, _ = page_file("roles", role.id)
    links = resolved(site, path, article(path).every_link())
    for kind, ids in (("duties", role.duties), ("requirements", role.requirements)):
        missing = [i for i in ids if not leads_to(links, kind, i)]
        assert not missing, f"{role.id} page has no link to {kind} {missing}"
        for record in HANDBOOK.resolve(kind, ids):
            assert " ".join(record.title.split()) in article(path).link_texts, f"{record.title!r} not on {role.id}"


@pytest.mark.parametrize("role", [r for r in HANDBOOK.roles if r.also_called], ids=lambda r: r.id)
def test_role_page_names_the_other_words_for_the_role(site, role):
    """'Also called: chief of staff, ...' under the role's title, as every record with other names shows them."""
    import html

    page = (site / "roles" / role.id / "index.html").read_text(encoding="utf-8")
    line = page[page.index("<em>Also called:</em>"):].split("</p>", 1)[0]
    words = html.unescape(re.sub(r"<[^>]+>", "", line))  # a glossary term in it is wrapped in <abbr>
    assert all(word in words for word in role.also_called), line
    assert page.index("<em>Also called:</em>") < page.index('id="overview"')


@pytest.mark.parametrize("role", HANDBOOK.roles, ids=lambda r: r.id)
def test_printed_job_description_has_what_hr_needs(built, role):
    """The print-only job description: title, purpose, reporting line, every duty and requirement, version and date."""
    site, article = built
    jd = article(page_file("roles", role.id)[0]).job_description
    expected = [role.title, role.purpose, role.reports_to, "Version", "issued", "next review by"]
    expected += [d.title for d in HANDBOOK.resolve("duties", role.duties)]
    expected += [r.title for r in HANDBOOK.resolve("requirements", role.requirements)]
    missing = [text for text in expected if " ".join(text.split()) not in jd]
    assert not missing, f"{role.id}: the printed job description lacks {missing}"


@pytest.mark.parametrize("role", HANDBOOK.roles, ids=lambda r: r.id)
def test_role_page_offers_print_and_pdf(built, role):
    """A print button and a Download PDF link that reaches the role's PDF in the built site."""
    site, article = built
    path, _ = page_file("roles", role.id)
    html = (site.root / path).read_text(encoding="utf-8")
    assert re.search(r'<button type="button" class="md-button hb-print" onclick="window.print\(\)">', html)
    pdf_links = [h for h in article(path).every_link() if h.endswith(f"job-description-{role.id}.pdf")]
    assert pdf_links, f"{role.id} has no Download PDF link"
    target = site.target_file(path, pdf_links[0])
    assert target and (site.root / target).read_bytes().startswith(b"%PDF-"), f"{pdf_links[0]} is not a PDF"


@pytest.mark.parametrize("citing,field", sorted(REFERENCES), ids=lambda v: str(v))
def test_links_work_both_ways(built, citing, field):
    """Every cross-reference is a link from the citing record to the cited one, and back ("cited by")."""
    cited = REFERENCES[(citing, field)]
    outer, _, inner = field.partition(".")
    problems = []
    for record in HANDBOOK.records[citing]:
        value = getattr(record, outer)
        ids = {value} if isinstance(value, str) else (
            {i for element in value for i in getattr(element, inner)} if inner else set(value))
        forward = section_links(built, citing, record.id)
        for target_id in sorted(ids):
            if not leads_to(forward, cited, target_id):
                problems.append(f"{citing}/{record.id} does not link to {cited}/{target_id}")
            if not leads_to(section_links(built, cited, target_id), citing, record.id):
                problems.append(f"{cited}/{target_id} does not link back to {citing}/{record.id}")
    assert not problems, "\n".join(problems[:20])


def test_both_ways_check_notices_a_missing_backlink(built):
    """The check above fails when a 'cited by' link is missing (here: a section with no links at all)."""
    _, article = built
    duties = article("duties/index.html")
    kept = duties.links["meeting-minutes"]
    duties.links["meeting-minutes"] = []
    try:
        assert not leads_to(section_links(built, "duties", "meeting-minutes"), "roles", "executive-secretary")
    finally:
        duties.links["meeting-minutes"] = kept
    assert leads_to(section_links(built, "duties", "meeting-minutes"), "roles", "executive-secretary")


def test_role_guide_and_job_description_show_data_text_literally():
    """Markup and template syntax in data reach the page as text, in the guide and in the printed job description."""
    handbook = with_role_text(title=HOSTILE, summary=HOSTILE, purpose=HOSTILE, reports_to=HOSTILE)
    role = handbook.roles[0]
    for output in (roles.role_guide(handbook, role.id, EDITION), paper.job_description_block(handbook, role, EDITION)):
        assert "<script>alert" not in output
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in output
        assert "{{ 7*7 }}" in output and "49" not in output.replace(role.id, "")


def test_job_description_block_is_hidden_from_search_and_screen():
    """The printed copy is marked for print only and left out of the search index (Material's data-search-exclude)."""
    block = paper.job_description_block(HANDBOOK, HANDBOOK.roles[0], EDITION)
    assert block.startswith('<div class="hb-jd hb-print-only" data-search-exclude>') and block.endswith("</div>")
    assert "\n\n" not in block, "a blank line would end the raw HTML block and hand the rest to Markdown"


# ---------------------------------------------------------------- manager's view

def table_rows(markdown: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip("|").split(" | ")] for line in markdown.splitlines()
            if line.startswith("| ") and "---" not in line]


def test_area_matrix_counts_each_roles_duties_per_area():
    rows = table_rows(manager.area_matrix(HANDBOOK))
    header, body = rows[0], rows[1:]
    assert len(body) == len(HANDBOOK.roles)
    for role, row in zip(HANDBOOK.roles, body):
        assert f"({RECORD_URLS['roles'].format(id=role.id)}" in row[0]
        duties = HANDBOOK.resolve("duties", role.duties)
        for area_title, value in zip(header[1:-1], row[1:-1]):
            count = sum(manager.AREA_TITLES[d.area] == area_title for d in duties)
            assert value == (str(count) if count else "–"), f"{role.id} × {area_title}"
        assert row[-1] == str(len(duties))


def test_duty_and_requirement_matrices_tick_exactly_each_roles_records():
    for kind, markdown in (("duties", manager.duty_matrix(HANDBOOK)), ("requirements", manager.requirement_matrix(HANDBOOK))):
        ticked = {}
        for row in table_rows(markdown):
            match = re.search(r"\(/[a-z]+\.md#([a-z0-9-]+)\)", row[0])
            if match:
                ticked[match.group(1)] = row[-len(HANDBOOK.roles):]
        assert set(ticked) == {r.id for r in HANDBOOK.records[kind]}, f"{kind} matrix is missing records"
        for index, role in enumerate(HANDBOOK.roles):
            marked = {record_id for record_id, cells in ticked.items() if cells[index]}
            assert marked == set(getattr(role, kind)), f"{kind} matrix column {role.id} is wrong"


def test_manager_page_shows_expectations_and_warning_signs_per_role(site):
    html = (site / "manager" / "index.html").read_text(encoding="utf-8")
    sections = re.split(r'<h3 id="expect-', html)[1:]
    assert [s.split('"', 1)[0] for s in sections] == [r.id for r in HANDBOOK.roles]
    for role, section in zip(HANDBOOK.roles, sections):
        text = page_text(section)
        expected = [*role.expectations.day_30, *role.expectations.day_60, *role.expectations.day_90]
        for pitfall in HANDBOOK.resolve("pitfalls", role.pitfalls):
            expected += [pitfall.title, *pitfall.warning_signs]
        missing = [e for e in expected if " ".join(e.split()) not in text]
        assert not missing, f"manager page, {role.id}: missing {missing}"


def test_manager_page_links_every_download(built):
    site, article = built
    links = resolved(site, "manager/index.html", article("manager/index.html").every_link())
    wanted = {"downloads/handbook.json", "downloads/handbook.csv", "downloads/handbook.pdf"}
    wanted |= {f"downloads/job-description-{r.id}.pdf" for r in HANDBOOK.roles}
    assert wanted <= {path for path, _ in links}


# ---------------------------------------------------------------- maintenance

def test_review_schedule_lists_overdue_first_then_by_date():
    today = date(2027, 7, 15)  # between the data's review dates: some records are overdue, some not
    markdown = manager.review_schedule(HANDBOOK, EDITION, today)
    overdue = [(k, r) for k, rs in HANDBOOK.records.items() for r in rs if r.review_by < today]
    assert overdue and markdown.startswith(f'!!! danger "{len(overdue)} record(s) overdue')
    owners = re.findall(r"^### (.+) \{#owner-", markdown, re.M)
    late_owners = {r.owner for _, r in overdue}
    assert set(owners[:len(late_owners)]) == late_owners, "owners with overdue records come first"
    for owner_section in markdown.split("\n### ")[1:]:
        dates = re.findall(r"^\| (\d{4}-\d\d-\d\d) \|", owner_section, re.M)
        assert dates == sorted(dates), "each owner's records run from the oldest review-by date"
        statuses = re.findall(r"^\| \d{4}-\d\d-\d\d \| ([^|]*) \|", owner_section, re.M)
        assert statuses == sorted(statuses, key=lambda s: "Overdue" not in s)
    listed = re.findall(r"^\| \d{4}-\d\d-\d\d \| [^|]* \| \[", markdown, re.M)
    assert len(listed) == sum(HANDBOOK.counts().values()), "every record is listed exactly once"


def test_review_schedule_says_when_nothing_is_overdue():
    assert manager.review_schedule(HANDBOOK, EDITION, date(2000, 1, 1)).startswith('!!! success "Nothing is overdue')


def test_maintenance_page_is_in_the_site_with_every_owner(site):
    headings = re.findall(r"<h3 [^>]*>(.*?)</h3>", (site / "maintenance" / "index.html").read_text(encoding="utf-8"))
    owners = {r.owner for rs in HANDBOOK.records.values() for r in rs}
    assert owners <= {page_text(h).removesuffix("¶").strip() for h in headings}


def test_check_warns_about_overdue_records_without_failing():
    result = run_handbook("check", "--today", "2099-01-01")
    assert result.returncode == 0
    assert "warning: roles/general-assistant was due for review on" in result.stderr


# ---------------------------------------------------------------- helpers

def page_text(html: str) -> str:
    """The text of some built HTML as a reader sees it: inline tags (glossary terms, links) vanish, blocks separate."""
    html = re.sub(r"</?(?:a|abbr|strong|em|code|span)\b[^>]*>", "", html)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def with_role_text(**fields):
    """The real handbook with the first role's text fields replaced."""
    role = HANDBOOK.roles[0].model_copy(update=fields)
    records = {**HANDBOOK.records, "roles": (role, *HANDBOOK.roles[1:])}
    by_id = {**HANDBOOK.by_id, "roles": {**HANDBOOK.by_id["roles"], role.id: role}}
    return replace(HANDBOOK, records=records, by_id=by_id)

