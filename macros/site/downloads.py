"""The files the site offers for download: known to MkDocs from the start (so links to them are checked), PDFs written last."""

from pathlib import Path

from mkdocs.structure.files import File

from ..output import export, pdf
from ..output.paths import CSV_DOWNLOAD, HANDBOOK_PDF, JSON_DOWNLOAD, advert_pdf, interview_kit_pdf, job_description_pdf
from ..data.edition import current
from ..data.handbook import Handbook

class WrittenLater(File):
    """A file MkDocs lists (links to it validate) but does not copy: the PDFs are written after the pages."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


def register(files, config, handbook: Handbook) -> None:
    """Adds the JSON and CSV exports and a placeholder for every PDF to the site's files."""
    edition = current()
    files.append(File.generated(config, JSON_DOWNLOAD, content=export.to_json(handbook, edition)))
    files.append(File.generated(config, CSV_DOWNLOAD, content=export.to_csv(handbook)))
    hiring = [maker(role.id) for role in handbook.roles for maker in (advert_pdf, interview_kit_pdf)]
    for path in [job_description_pdf(role.id) for role in handbook.roles] + hiring + [HANDBOOK_PDF]:
        files.append(WrittenLater.generated(config, path, content=b""))


# The PDFs `mkdocs build` started making when its files were known, by site folder, until its pages are written.
_STARTED: dict[str, pdf.Started] = {}


def start_pdfs(config, handbook: Handbook) -> None:
    """`mkdocs build`, once the data is loaded: new PDFs are made by worker processes from now on, while MkDocs lists
    the files and builds the pages."""
    _STARTED[config.site_dir] = pdf.start(pdf.targets(handbook, current()), pdf.cache_dir())


def stop_pdfs() -> None:
    """The build failed: PDFs not begun are not made."""
    while _STARTED:
        _STARTED.popitem()[1].cancel()


def write_pdfs(config, handbook: Handbook, in_background: bool = False) -> None:
    """Writes every PDF into the site; `in_background` (under `mkdocs serve`), new ones are made by another process."""
    edition = current()
    site_dir, cache = Path(config.site_dir), pdf.cache_dir()
    if in_background:
        pdf.write_in_background(pdf.targets(handbook, edition), site_dir, cache,
                                Path(config.config_file_path).parent / "data", edition, language=handbook.language)
        return
    started = _STARTED.pop(config.site_dir, None) or pdf.Started(pdf.targets(handbook, edition), cache)
    try:
        started.finish(site_dir)
    except pdf.PdfError as error:
        from mkdocs.exceptions import PluginError  # a clean "Aborted" with the message, not a traceback

        raise PluginError(f"could not make a PDF: {error}") from None
