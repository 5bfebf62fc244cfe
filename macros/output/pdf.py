"""PDFs made with WeasyPrint: one job description per role and the whole handbook, offline, reproducible and cached."""

import atexit
import gc
import hashlib
import logging
import multiprocessing
import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache, partial
from importlib import metadata
from pathlib import Path

from . import paper
from .paths import HANDBOOK_PDF, advert_pdf, interview_kit_pdf, job_description_pdf
from ..data import collector
from ..data.edition import Edition
from ..data.handbook import Handbook
from ..data.user_cache import cache_folder, write_atomically

log = logging.getLogger("mkdocs.plugins.handbook.pdf")

ALLOWED_SCHEMES = ("file", "data")
CACHE_SIZE = 64  # PDFs kept in the cache besides the build's own: the other edition's and a few generations of edits
BACKGROUND = "handbook-pdfs"  # the name of the process that makes PDFs while `mkdocs serve` goes on
HERE = Path(__file__).resolve().parent
# Code and templates a PDF's bytes depend on besides its data (the labels give its headings): a change to any of
# them makes every PDF again.
SOURCES = (HERE / "pdf.py", HERE / "paper.py", HERE.parent / "data" / "labels.py", HERE.parent / "data" / "language.py",
           *sorted((HERE.parent / "data").glob("words_*.py")), *sorted(paper.TEMPLATES.iterdir()))


class PdfError(Exception):
    """A PDF could not be made; the message names the document and what to fix."""


@dataclass(frozen=True)
class Target:
    """One PDF: its path in the site, a fingerprint of the data it shows, and how to write its HTML when needed.

    `front`, if given, writes front matter (cover, contents) from the page number of each anchor in the HTML.
    Both are picklable (module functions with their arguments), so a target can be made in another process.
    `stylesheet`, if given, writes the edition's CSS, applied after paper.css (the documents link no styles).
    `language` is the edition's: both editions' PDFs have the same paths, each in its own site.
    """

    path: str
    inputs: str
    html: Callable[[], str] = field(compare=False)
    front: Callable[[dict[str, int]], str] | None = field(default=None, compare=False)
    stylesheet: Callable[[], str] | None = field(default=None, compare=False)
    language: str = "en"

    @classmethod
    def of_html(cls, path: str, html: str) -> "Target":
        """A target whose HTML is already written (its fingerprint is the HTML itself)."""
        return cls(path, html, partial(str, html))

    @property
    def is_whole_handbook(self) -> bool:
        """The one PDF with front matter, and the longest to make by far."""
        return self.front is not None

    @cached_property
    def key(self) -> str:
        """A fingerprint of everything the PDF's bytes depend on, so an unchanged PDF is never made twice."""
        return hashlib.sha256(f"{self.path}\x00{self.inputs}\x00{_code_fingerprint()}".encode()).hexdigest()


@cache
def _code_fingerprint() -> str:
    """The WeasyPrint version and the code and templates that make every PDF (read once per process)."""
    digest = hashlib.sha256(metadata.version("weasyprint").encode())
    for source in SOURCES:
        digest.update(source.read_bytes())
    return digest.hexdigest()


def targets(handbook: Handbook, edition: Edition) -> list[Target]:
    """Every PDF the site offers: the role job descriptions first, then the whole handbook.

    Fingerprints come from the records themselves, so a build whose PDFs are all cached writes no HTML at all.
    """
    # Besides the records each PDF prints: the edition, the language, and the company settings (names, the
    # advert's offer, the HR fields), which every PDF may show.
    stamp = f"{edition.date.isoformat()} {edition.version} {handbook.language} {handbook.company.model_dump_json()}"
    css = partial(paper.edition_css, handbook)  # the company's colour, the footers' words: in the stamp and the code
    of_edition = partial(Target, stylesheet=css, language=handbook.language)
    found = []
    for role in handbook.roles:
        shown = [role, *handbook.resolve("duties", role.duties), *handbook.resolve("requirements", role.requirements)]
        found.append(of_edition(job_description_pdf(role.id), _fingerprint(stamp, shown),
                                partial(paper.job_description_document, handbook, role, edition)))
    # The advert and the interview kit print the same records as the job description, so they share its fingerprint.
    for role in handbook.roles:
        shown = [role, *handbook.resolve("duties", role.duties), *handbook.resolve("requirements", role.requirements)]
        found.append(of_edition(advert_pdf(role.id), _fingerprint(stamp, shown),
                                partial(paper.advert_document, handbook, role, edition)))
        found.append(of_edition(interview_kit_pdf(role.id), _fingerprint(stamp, shown),
                                partial(paper.interview_kit_document, handbook, role, edition)))
    everything = [record for records in handbook.records.values() for record in records]
    if handbook.other:  # the glossary pairs each term with the other language's
        everything += handbook.other.glossary
    found.append(of_edition(HANDBOOK_PDF, _fingerprint(stamp, everything),
                            partial(paper.handbook_chapters, handbook, edition),
                            front=partial(paper.handbook_front, handbook, edition)))
    return found


def render(target: Target) -> bytes:
    """The PDF of one target; raises PdfError on a resource that is not local or does not exist."""
    import weasyprint  # imported here: a build whose PDFs are all cached never pays for loading it
    from weasyprint.urls import FatalURLFetchingError

    def layout(html: str, stylesheets: list):
        document = weasyprint.HTML(string=html, base_url=paper.TEMPLATES.as_uri() + "/", url_fetcher=_local_fetcher())
        return document.render(font_config=_fonts(os.getpid()), stylesheets=stylesheets)

    # The cycle collector is paused: its full passes over the pages laid out so far were a fifth of the handbook
    # PDF's time, and the PDF keeps its pages to the end anyway (see macros/data/collector.py).
    try:
        with collector.paused():
            sheets = _stylesheets(os.getpid(), target.stylesheet() if target.stylesheet else "")
            document = layout(target.html(), sheets)
            if target.front:
                # Contents with page numbers in one pass: lay out the chapters, read where each anchor landed, then
                # lay out the short front matter with those numbers. CSS target-counter() would lay out all pages again.
                pages = {anchor: number for number, page in enumerate(document.pages, 1) for anchor in page.anchors}
                front = layout(target.front(pages), sheets)
                document = front.copy(front.pages + document.pages)
            # The PDF's /ID and its dates are what would otherwise differ between two builds of the same commit.
            return document.write_pdf(pdf_identifier=hashlib.md5(target.key.encode()).hexdigest().encode())
    except FatalURLFetchingError as error:
        raise PdfError(f"{target.path}: {error}") from None


@cache
def _fonts(process: int):
    """The fonts WeasyPrint has found and loaded, kept for every PDF this process makes: a fresh set per PDF looked
    up and opened the same fonts again, with empty caches (the 18 short PDFs in one process, 6 interleaved runs: 3.9 ->
    3.3 s CPU). Kept per process (`process` is its id), so a forked worker never uses the open font files of the
    process it was forked from."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@atexit.register
def drop_fonts() -> None:
    """Drops the kept fonts and stylesheets while Python still runs. A font set removes its temporary folder (the
    fonts of a document's @font-face) when dropped; dropped only as Python shut down, it failed ("Exception ignored in
    FontConfiguration.__del__") and left the folder in /tmp. Only in a process that made a PDF: a build's own
    process seldom does (its workers do, and they leave without Python's shutdown). A build's process calls this
    itself as it ends (macros/site/hooks.py on_shutdown), before it sets the collector aside for the exit."""
    if _fonts.cache_info().currsize:
        _parsed_css.cache_clear()
        _fonts.cache_clear()
        gc.collect()  # the documents laid out with a font set hold it in reference cycles too


def _stylesheets(process: int, edition_css: str) -> list:
    """paper.css, then the edition's rules, as WeasyPrint stylesheets. Parsed once per process and text: parsing
    paper.css for each PDF (its rules and selectors) took a tenth of a short PDF's layout. Passed to WeasyPrint as user
    stylesheets, both keep their order and their precedence over WeasyPrint's defaults, and the PDFs' bytes are the
    same as when each document linked them."""
    paper_css = (paper.TEMPLATES / "paper.css").read_text(encoding="utf-8")
    return [_parsed_css(process, paper_css), _parsed_css(process, edition_css)]


@lru_cache(maxsize=8)
def _parsed_css(process: int, css: str):
    import weasyprint

    return weasyprint.CSS(string=css, base_url=paper.TEMPLATES.as_uri() + "/", url_fetcher=_local_fetcher(),
                          font_config=_fonts(process))


def cache_dir() -> Path:
    """Where made PDFs are kept between builds: $HANDBOOK_PDF_CACHE, else pdf/ in the build's cache folder."""
    configured = os.environ.get("HANDBOOK_PDF_CACHE")
    return Path(configured) if configured else cache_folder("pdf")


def cached(target: Target, cache: Path) -> Path | None:
    """The cached PDF for `target`, if it was made before."""
    path = cache / f"{target.key}.pdf"
    return path if path.is_file() else None


def make(target: Target, cache: Path) -> Path:
    """The PDF for `target` from the cache, rendering and caching it first when it is new."""
    path = cached(target, cache)
    if path is None:
        path = cache / f"{target.key}.pdf"
        write_atomically(path, render(target))
    else:
        os.utime(path)  # recently used: kept when the cache is trimmed
    latest = _latest(target, cache)
    if not latest.is_file() or latest.read_text() != target.key:
        write_atomically(latest, target.key.encode())
    return path


def previous(target: Target, cache: Path) -> Path | None:
    """The last PDF made for the target's path, whatever its data was then (None if none is cached)."""
    latest = _latest(target, cache)
    path = cache / f"{latest.read_text()}.pdf" if latest.is_file() else None
    return path if path and path.is_file() else None


def write_all(pending: list[Target], site_dir: Path, cache: Path) -> None:
    """Makes each PDF (or takes it from the cache) and puts it in the site."""
    for target in pending:
        write_atomically(site_dir / target.path, make(target, cache).read_bytes())
    _trim(cache, len(pending))


# The targets forked workers make (see `start`): a worker inherits this list, so only an index is sent to it, never
# the handbook the target's HTML is written from.
_FORKED: list[Target] = []


@dataclass
class Started:
    """PDFs being made by worker processes while MkDocs builds the pages (`start`); `finish` puts them in the site."""

    pending: list[Target]
    cache: Path
    pool: ProcessPoolExecutor | None = None
    futures: dict[str, Future] = field(default_factory=dict)  # by target path

    def finish(self, site_dir: Path) -> None:
        """Waits for the workers, then writes every PDF into the site (raises PdfError as `render` does, for the
        first PDF in the site's order that failed, whichever failed first in time)."""
        try:
            for target in self.pending:
                if future := self.futures.get(target.path):
                    future.result()
        except BrokenProcessPool:
            log.warning("a PDF worker process stopped; making the rest of the PDFs in this process")
        finally:
            self.cancel()
        write_all(self.pending, site_dir, self.cache)  # from the cache now; anything a worker did not make, made here

    def cancel(self) -> None:
        """The build stopped: PDFs not started yet are dropped (one being made runs to its end)."""
        if self.pool:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = None


def start(pending: list[Target], cache: Path, workers: int | None = None) -> Started:
    """Starts making the PDFs the cache lacks, one worker process per core, the whole handbook (the longest) first.

    `mkdocs build` calls this once the data is loaded and goes on building pages meanwhile: the handbook PDF alone
    takes longer than all the pages. The workers are forked, so they share the loaded data and WeasyPrint, loaded
    once here. Forking is safe where it is the platform's own way (Linux) and the build runs no other thread; elsewhere
    `finish` makes the PDFs one after another in this process, as before.
    """
    missing = sorted((t for t in pending if cached(t, cache) is None), key=lambda t: not t.is_whole_handbook)
    started = Started(pending, cache)
    if not missing or not sys.platform.startswith("linux"):
        return started
    import weasyprint  # noqa: F401  (loaded before the fork, once for every worker)

    _FORKED[:] = missing
    started.pool = ProcessPoolExecutor(max_workers=min(len(missing), workers or os.cpu_count() or 1),
                                       mp_context=multiprocessing.get_context("fork"))
    started.futures = {target.path: started.pool.submit(_make_forked, index, str(cache))
                       for index, target in enumerate(missing)}
    return started


def _make_forked(index: int, cache: str) -> None:
    """In a worker: make one of the targets inherited from `start` into the cache.

    The short PDFs are made below the build's priority: the whole handbook is what a cold build waits for last, and
    while the pages were being built three processes shared two cores. At one priority the handbook's worker had
    85 % of a core (5.1 s of CPU in 6.0 s), and now 98 % (5.6 s in 5.7 s); the short ones wait for the pages."""
    target = _FORKED[index]
    if not target.is_whole_handbook:
        lower_priority()
    # A PDF's laid-out pages are garbage once it is written, held in reference cycles: the collector's first young
    # pass after the handbook PDF walked and freed them for 0.27 s while the build waited for this worker's answer.
    # A worker lives for one build, so what it leaves joins the oldest generation and goes with the process.
    with collector.paused(keeps=True):
        make(target, Path(cache))


def write_in_background(pending: list[Target], site_dir: Path, cache: Path, data_dir: Path, edition: Edition,
                        start=None, language: str = "en"):
    """`mkdocs serve`: cached PDFs go in the site now; new ones are made by another process, so no reload waits.

    A separate process, not a thread: WeasyPrint is busy Python for seconds, and a thread would hold the
    interpreter lock while the next rebuild runs. Returns the process (None when nothing was left to make).
    """
    fresh = [t for t in pending if cached(t, cache) is not None]
    write_all(fresh, site_dir, cache)
    keys = [t.key for t in pending if t not in fresh]
    for target in pending:
        if target not in fresh and (stale := previous(target, cache)):
            write_atomically(site_dir / target.path, stale.read_bytes())  # a link never breaks while it is remade
    for child in multiprocessing.active_children():
        if child.name == BACKGROUND:
            child.terminate()  # an earlier edit's PDFs are out of date already
    if not keys:
        return None
    log.info("Making %d PDF(s) in the background", len(keys))
    start = start or multiprocessing.get_context("spawn").Process
    worker = start(target=make_in_background, args=(data_dir, edition, keys, site_dir, cache, language),
                   name=BACKGROUND, daemon=True)
    worker.start()
    return worker


def make_in_background(data_dir: Path, edition: Edition, keys: list[str], site_dir: Path, cache: Path,
                       language: str = "en") -> None:
    """In the background process: load the data afresh and make the PDFs with these keys (others are newer edits').
    The edition is loaded as the build loads it, in its language and with its translation (the glossary's pairs),
    so that the PDFs come out as the build would have made them."""
    from ..data import language as languages
    from ..data.handbook import load_edition
    from ..data.loader import DataError

    if multiprocessing.parent_process() is not None:  # its own process (a test may run this in a thread)
        lower_priority()
    try:
        # The data may have been saved again, broken, since the build that started this process: then the build of
        # that save reports the problems, and this process only says them again as path:line lines and stops.
        languages.use(language)
        handbook = load_edition(data_dir, language, shown_prefix="data/")
        write_all([t for t in targets(handbook, edition) if t.key in keys], site_dir, cache)
    except DataError as error:
        log.error("PDFs not made, the data has %d problem(s):\n%s", len(error.problems), error)
    except PdfError as error:
        log.error("%s", error)


BACKGROUND_NICENESS = 10  # below the rebuild an editor waits for, which gets the cores first


_LOWERED_IN: int | None = None  # the process lower_priority() has lowered (a forked worker inherits the value)


def lower_priority() -> None:
    """For work `mkdocs serve` does in the background (new PDFs, the translations' rebuilds): the next rebuild after
    a save is what the editor waits for, and at the same priority the two shared the cores (a reload took 4x longer).
    Also for the short PDFs of a build (`_make_forked`). Once per process: a worker asks for each PDF it makes."""
    global _LOWERED_IN
    if _LOWERED_IN == os.getpid():
        return
    _LOWERED_IN = os.getpid()
    try:
        os.nice(BACKGROUND_NICENESS)
    except (AttributeError, OSError):  # no niceness on this system: the work still gets done
        pass


def _latest(target: Target, cache: Path) -> Path:
    """Where the key of the last PDF made for the target's path in its edition's language is noted. (Noted by path
    alone, the Chinese handbook, made after the English, stood in for the English one under `mkdocs serve`.)"""
    return cache / "latest" / f"{target.language}--{target.path.replace('/', '--')}.key"


def _fingerprint(stamp: str, records) -> str:
    digest = hashlib.sha256(stamp.encode())
    for record in records:
        digest.update(record.model_dump_json().encode())
    return digest.hexdigest()


def _local_fetcher():
    """A WeasyPrint URL fetcher that loads only existing file: and data: resources and stops the PDF otherwise."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    class LocalOnly(URLFetcher):
        def fetch(self, url, headers=None):
            # WeasyPrint logs an ordinary fetch error and carries on without the resource; a fatal one stops it.
            scheme = url.partition(":")[0].lower()
            if scheme not in ALLOWED_SCHEMES:
                raise FatalURLFetchingError(f"the PDF may load only file: and data: URLs, but asked for {url!r}; "
                                            "put the resource in macros/output/templates/ and refer to it by a relative path")
            try:
                return super().fetch(url, headers)
            except OSError as error:
                reason = getattr(error, "reason", None) or getattr(error, "strerror", None) or error
                raise FatalURLFetchingError(f"missing resource {url!r} ({reason}); add the file to macros/output/templates/ "
                                            "or remove the reference") from None

    return LocalOnly(allowed_protocols=ALLOWED_SCHEMES, fail_on_errors=True)


def _trim(cache: Path, in_use: int) -> None:
    """Keeps the `in_use` PDFs the build just used and the CACHE_SIZE used before them; drops the rest and any write
    cut short an hour ago. (A fixed size made a handbook with more PDFs than that remake every one on every build.)"""
    entries = sorted(cache.glob("*.pdf"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[in_use + CACHE_SIZE:]:
        old.unlink(missing_ok=True)
    for leftover in cache.glob(".*.tmp"):
        if leftover.stat().st_mtime < time.time() - 3600:
            leftover.unlink(missing_ok=True)
