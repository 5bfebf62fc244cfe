"""PDFs made with WeasyPrint: one job description per role and the whole handbook, offline, reproducible and cached."""

import hashlib
import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import paper
from .edition import Edition
from .handbook import Handbook

log = logging.getLogger("mkdocs.plugins.handbook.pdf")

HANDBOOK_PDF = "downloads/handbook.pdf"
ALLOWED_SCHEMES = ("file", "data")
CACHE_SIZE = 64  # PDFs kept in the cache: every current one plus a few generations of edits
SOURCES = (Path(__file__), *sorted(paper.TEMPLATES.iterdir()))  # what a cached PDF also depends on


def job_description_pdf(role_id: str) -> str:
    """Where a role's job-description PDF sits in the site."""
    return f"downloads/job-description-{role_id}.pdf"


class PdfError(Exception):
    """A PDF could not be made; the message names the document and what to fix."""


@dataclass(frozen=True)
class Target:
    """One PDF to make: its path in the site and its HTML, plus front matter that needs the HTML's page numbers."""

    path: str
    html: str
    front: Callable[[dict[str, int]], str] | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        """A fingerprint of everything the PDF's bytes depend on, so an unchanged PDF is never made twice."""
        digest = hashlib.sha256(self.html.encode())
        if self.front:
            digest.update(self.front({}).encode())
        for source in SOURCES:
            digest.update(source.read_bytes())
        digest.update(_weasyprint_version().encode())
        return digest.hexdigest()


def targets(handbook: Handbook, edition: Edition) -> list[Target]:
    """Every PDF the site offers: the role job descriptions first, then the whole handbook."""
    found = [Target(job_description_pdf(role.id), paper.job_description_document(handbook, role, edition))
             for role in handbook.roles]
    found.append(Target(HANDBOOK_PDF, paper.handbook_chapters(handbook, edition),
                        front=lambda pages: paper.handbook_front(handbook, edition, pages)))
    return found


def render(target: Target) -> bytes:
    """The PDF of one target; raises PdfError on a resource that is not local or does not exist."""
    import weasyprint  # imported here: a build whose PDFs are all cached never pays for loading it
    from weasyprint.urls import FatalURLFetchingError

    def layout(html: str):
        return weasyprint.HTML(string=html, base_url=paper.TEMPLATES.as_uri() + "/", url_fetcher=_local_fetcher()).render()

    try:
        document = layout(target.html)
        if target.front:
            # Contents with page numbers in one pass: lay out the chapters, read where each anchor landed, then lay
            # out the short front matter with those numbers. CSS target-counter() would lay out all pages again.
            pages = {anchor: number for number, page in enumerate(document.pages, 1) for anchor in page.anchors}
            front = layout(target.front(pages))
            document = front.copy(front.pages + document.pages)
        # The PDF's /ID and its dates are what would otherwise differ between two builds of the same commit.
        return document.write_pdf(pdf_identifier=hashlib.md5(target.key.encode()).hexdigest().encode())
    except FatalURLFetchingError as error:
        raise PdfError(f"{target.path}: {error}") from None


def cache_dir() -> Path:
    """Where made PDFs are kept between builds: $HANDBOOK_PDF_CACHE, else the user's cache folder."""
    configured = os.environ.get("HANDBOOK_PDF_CACHE")
    if configured:
        return Path(configured)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "gm-assistant-handbook" / "pdf"


def cached(target: Target, cache: Path) -> Path | None:
    """The cached PDF for `target`, if it was made before."""
    path = cache / f"{target.key}.pdf"
    return path if path.is_file() else None


def make(target: Target, cache: Path) -> Path:
    """The PDF for `target` from the cache, rendering and caching it first when it is new."""
    path = cached(target, cache)
    if path is None:
        path = cache / f"{target.key}.pdf"
        _write_atomically(path, render(target))
    else:
        os.utime(path)  # recently used: kept when the cache is trimmed
    return path


def write_all(pending: list[Target], site_dir: Path, cache: Path) -> None:
    """Makes each PDF (or takes it from the cache) and puts it in the site."""
    for target in pending:
        _write_atomically(site_dir / target.path, make(target, cache).read_bytes())
    _trim(cache)


def write_in_background(pending: list[Target], site_dir: Path, cache: Path) -> threading.Thread:
    """`mkdocs serve`: cached PDFs go in the site now, new ones follow from a thread so the reload does not wait."""
    fresh = [t for t in pending if cached(t, cache) is not None]
    write_all(fresh, site_dir, cache)
    rest = [t for t in pending if t not in fresh]

    def work():
        try:
            write_all(rest, site_dir, cache)
            log.info("PDFs ready: %s", ", ".join(t.path for t in rest))
        except PdfError as error:
            log.error("%s", error)

    thread = threading.Thread(target=work, name="handbook-pdfs", daemon=True)
    if rest:
        log.info("Making %d PDF(s) in the background", len(rest))
        thread.start()
    return thread


def _local_fetcher():
    """A WeasyPrint URL fetcher that loads only existing file: and data: resources and stops the PDF otherwise."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    class LocalOnly(URLFetcher):
        def fetch(self, url, headers=None):
            # WeasyPrint logs an ordinary fetch error and carries on without the resource; a fatal one stops it.
            scheme = url.partition(":")[0].lower()
            if scheme not in ALLOWED_SCHEMES:
                raise FatalURLFetchingError(f"the PDF may load only file: and data: URLs, but asked for {url!r}; "
                                            "put the resource in macros/templates/ and refer to it by a relative path")
            try:
                return super().fetch(url, headers)
            except OSError as error:
                reason = getattr(error, "reason", None) or getattr(error, "strerror", None) or error
                raise FatalURLFetchingError(f"missing resource {url!r} ({reason}); add the file to macros/templates/ "
                                            "or remove the reference") from None

    return LocalOnly(allowed_protocols=ALLOWED_SCHEMES, fail_on_errors=True)


def _weasyprint_version() -> str:
    from importlib import metadata

    return metadata.version("weasyprint")


def _write_atomically(path: Path, data: bytes) -> None:
    """Writes via a temporary file, so a reader (or a second build) never sees half a PDF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def _trim(cache: Path) -> None:
    """Keeps the most recently used PDFs in the cache and removes the rest."""
    entries = sorted(cache.glob("*.pdf"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[CACHE_SIZE:]:
        old.unlink(missing_ok=True)
