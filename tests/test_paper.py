"""The site and the handbook PDF cannot drift: every text a record's web page shows is in the PDF too."""

import html
import re
import unicodedata

import pytest
from pypdf import PdfReader

from conftest import ROOT
from macros.data.handbook import load_handbook
from macros.data.kinds import KINDS
from macros.data.labels import one_line
from macros.output import paths

HANDBOOK = load_handbook(ROOT / "data")


def comparable(text: str) -> str:
    """Text reduced to its words, so a PDF's line breaks, hyphenation and ligatures and a page's markup compare."""
    text = unicodedata.normalize("NFKC", html.unescape(text)).replace("\u2019", "'")
    text = re.sub(r"-\s+", "-", text)
    return " ".join(re.findall(r"[\w']+", text.lower()))


def texts_of(record) -> list[str]:
    """Every piece of text a record holds, nested items included, without its owner line and ids."""
    found = []

    def walk(value, field):
        if isinstance(value, str) and field not in {"id", "owner", "role", "code"} and " " in value.strip():
            found.append(one_line(value))
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item, field)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, key)

    walk(record.model_dump(mode="json"), "")
    return found


def page_of(site, kind, record) -> str:
    """The text of the built page that shows the record, Markdown links undone."""
    target = kind.url_of(record.id).split("#")[0].lstrip("/").removesuffix(".md")
    page = site / target / "index.html" if not target.endswith("index") else site / target.removesuffix("index") / "index.html"
    article = re.search(r"<article.*?</article>", page.read_text(encoding="utf-8"), re.S).group(0)
    article = re.sub(r"<script.*?</script>", " ", article, flags=re.S)  # JSON-LD is for machines, not shown
    return comparable(re.sub(r"<[^>]+>", " ", article))


@pytest.fixture(scope="module")
def pdf_text(site) -> str:
    reader = PdfReader(site / paths.HANDBOOK_PDF)
    return comparable(" ".join(page.extract_text() for page in reader.pages))


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_what_a_page_shows_of_a_record_the_pdf_shows_too(site, pdf_text, kind):
    """For each record, every text of it that its web page shows is also in the whole-handbook PDF."""
    missing = []
    for record in HANDBOOK.records[kind.name]:
        page = page_of(site, kind, record)
        for text in texts_of(record):
            words = comparable(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text))
            if words and words in page and words not in pdf_text:
                missing.append(f"{record.id}: {text[:70]}")
    assert not missing, f"{kind.name}: shown on the site, missing from the PDF:\n" + "\n".join(missing[:20])


def test_the_comparison_sees_a_missing_text(site, pdf_text):
    """The check reads real text: a duty's summary is found on its page and in the PDF, an invented one in neither."""
    duty = HANDBOOK.duties[0]
    kind = next(k for k in KINDS if k.name == "duties")
    summary = comparable(duty.summary)
    assert summary in page_of(site, kind, duty) and summary in pdf_text
    assert comparable("an invented sentence that no record holds") not in pdf_text
