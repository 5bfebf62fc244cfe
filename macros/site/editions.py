"""The editions: English at the site's root and each translation in a folder of its own (/zh/), made by a second
run of MkDocs once the English is built, with a language switch on every page that leads to the same page in the
other language.

Why a second run rather than mkdocs-static-i18n: every page here is made from data (one page per record, generated
in on_files) and every block reads the handbook of one language; a run per language keeps "one build, one language"
true for the navigation, Material's own labels and search language, the macros and the PDFs alike, with no page
needing to know which language it is in. The second run is the same project with HANDBOOK_LANGUAGE set: its hooks
make it the translation (this module), its data the translated data, its prose the `*.zh.md` page beside each page.
"""

import os
import re
import subprocess
import sys
import threading
from pathlib import Path

from ..data.language import LANGUAGES, words

VARIABLE = "HANDBOOK_LANGUAGE"
IN_BACKGROUND = "HANDBOOK_IN_BACKGROUND"  # set for a translation's build that `mkdocs serve` runs after each rebuild
ENGLISH = "en"
SUFFIX = ".{language}.md"  # docs/index.zh.md is the Chinese of docs/index.md


def language() -> str:
    """The language this run makes: English, unless it is a translation's run."""
    return os.environ.get(VARIABLE, ENGLISH)


def translations(project_dir: Path) -> list[str]:
    """The languages the project has a translation of (a data/<language>/ folder)."""
    from ..data.translations import languages

    return languages(project_dir / "data")


def configure(config) -> None:
    """Material's language and the language switch, for this run's language."""
    import logging

    # Material's search segments Chinese with jieba, which reports loading its dictionary on every build.
    logging.getLogger("jieba").setLevel(logging.WARNING)
    own = language()
    project = Path(config.config_file_path).parent
    codes = [ENGLISH, *translations(project)]
    if len(codes) == 1:
        return
    config.theme["language"] = own
    # The index's languages. Chinese goes with English: lunr's Chinese alone would segment queries with a native
    # library a browser does not have, while Material has already segmented the text with jieba at build time.
    for name in ("material/search", "search"):
        if name in config.plugins:
            config.plugins[name].config.lang = [ENGLISH] if own == ENGLISH else [ENGLISH, own]
    # Each edition's root, seen from this run's root; overrides/partials/alternate.html adds the page's own path.
    def root_of(code: str) -> str:
        if code == own:
            return ""
        up = "" if own == ENGLISH else "../"
        return up if code == ENGLISH else f"{up}{code}/"

    config.extra["alternate"] = [{"name": LANGUAGES[code], "lang": code, "link": root_of(code)} for code in codes]


def prose_pages(files, config) -> None:
    """The translation's prose: each page's `.zh.md` twin becomes the page (English runs leave the twins out)."""
    own = language()
    twins = [file for file in files if any(file.src_uri.endswith(SUFFIX.format(language=code)) for code in LANGUAGES)]
    for twin in twins:
        files.remove(twin)
    if own == ENGLISH:
        return
    from mkdocs.structure.files import File

    docs = Path(config.docs_dir)
    for file in [f for f in files if f.is_documentation_page() and not f.generated_by]:
        twin = docs / (file.src_uri.removesuffix(".md") + SUFFIX.format(language=own))
        if not twin.is_file():
            from mkdocs.exceptions import PluginError

            raise PluginError(f"docs/{file.src_uri} has no {LANGUAGES[own]} page; write docs/{twin.relative_to(docs)}")
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=twin.read_text(encoding="utf-8")))


def navigation(entries: list) -> list:
    """mkdocs.yml's navigation with its section and page titles in this run's language."""
    if language() == ENGLISH:
        return entries
    from mkdocs.exceptions import PluginError
    from ..data.language import MissingWords

    try:
        return _translated(entries)
    except MissingWords as error:
        raise PluginError(str(error)) from None


def _translated(entries: list) -> list:
    out = []
    for entry in entries:
        if isinstance(entry, dict):
            (title, target), = entry.items()
            out.append({words(title): _translated(target) if isinstance(target, list) else target})
        else:
            out.append(entry)
    return out


_HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="([a-z-]+)">\n?')


def head_alternates(html: str, page_url: str, config) -> str:
    """The `<link rel="alternate" hreflang>` lines Material writes in each page's head point at each edition's root,
    by a relative address. Search engines read them only as full addresses of the same page in the other language:
    with the site's address in the settings they become that; without one, they go (the language switch in the
    header, overrides/partials/alternate.html, is what readers use)."""
    if not config.site_url:
        return _HEAD_ALTERNATE.sub("", html)
    own = language()
    english_root = config.site_url.removesuffix(f"{own}/") if own != ENGLISH else config.site_url

    def absolute(match: re.Match) -> str:
        code = match.group(1)
        root = english_root if code == ENGLISH else f"{english_root}{code}/"
        return f'<link rel="alternate" href="{root}{page_url}" hreflang="{code}">\n'

    return _HEAD_ALTERNATE.sub(absolute, html)


def localise_404(config) -> None:
    """A translation's 404 page links to its own edition. MkDocs writes the 404 page with links from the site's root
    (a server shows it at any depth): without an address in the settings that root is "/", the English edition's, so
    each root link is moved into /zh/ (the language switch's link back to English climbs out again)."""
    own = language()
    page = Path(config.site_dir) / "404.html"
    if own == ENGLISH or not page.is_file():
        return
    html = page.read_text(encoding="utf-8")
    if not config.site_url:
        html = re.sub(r'((?:href|src)=")/(?!/)', rf"\1/{own}/", html)
    page.write_text(html.replace(f'="/{own}/../', '="/'), encoding="utf-8")


def build_translations(config, in_background: bool) -> None:
    """After the English run: one run per translation, into <site>/<language>/."""
    if language() != ENGLISH:
        return
    project = Path(config.config_file_path).parent
    for code in translations(project):
        command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", config.config_file_path,
                   "-d", str(Path(config.site_dir) / code)] + (["--strict"] if config.strict else [])
        environment = {**os.environ, VARIABLE: code}
        if in_background:  # `mkdocs serve`: the English page reloads now, the translation follows
            environment[IN_BACKGROUND] = "1"  # at a lower priority than the next English rebuild (hooks.on_startup)
            threading.Thread(target=subprocess.run, args=(command,), kwargs={"env": environment, "cwd": project},
                             daemon=True).start()
            continue
        result = subprocess.run(command, env=environment, cwd=project)
        if result.returncode:
            from mkdocs.exceptions import Abort

            raise Abort(f"the {LANGUAGES[code]} edition did not build (see above)")
