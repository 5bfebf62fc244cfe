"""Faster `mkdocs serve` rebuilds: what a page came out as last time is reused while everything it is made from stays the same.

`mkdocs serve` rebuilds the whole site on every save. After a data edit most pages come out exactly as before, yet
a rebuild spent most of its time on them: converting their Markdown (about half), Material's search indexing of
each page, and compiling the theme's templates again. Within one serve process, this module remembers:

- each page's Markdown conversion, keyed by its final Markdown, its address, the site's files and the Markdown
  settings (the glossary among them), and never when the conversion logged a warning, so a broken link is reported
  on every rebuild until it is fixed;
- each page's searchable copy (macros/site/search_index.py leaves out what no reader searches for), keyed by its HTML,
  and its search entries, keyed by that copy, its address, title, metadata and table of contents;
- the theme's compiled templates (Jinja's own bytecode cache, which checks each template's source);
- each page's rendered theme template (its HTML before on_post_page), keyed by everything of the page the theme
  shows, the navigation's titles and addresses, the site settings the theme reads and the templates' own sources:
  after a data edit that changes no page title only the edited pages are drawn again (the theme drew the full
  navigation into every page, a third of a rebuild);
- each data file's parsed YAML, kept while its bytes stay the same (`loader.keep_reads_across_builds`): after a save
  only the saved file is parsed again (parsing them all was a tenth of a rebuild);
- the theme's static files (MkDocs walks every theme folder for them on each build, Material's 14,000 icons
  included: a tenth of a rebuild), kept while the theme folders outside installed packages hold the same files;
- and it runs the work that no reloaded page waits for after the rebuild, in a thread (`in_background`: the search
  index's shaping), waited for before the next rebuild.

One slot per page, so memory stays at one site's worth. `mkdocs build` never installs any of it. This module is
kept across rebuilds (site_hooks.SERVE_CACHE): it holds the caches, so an edit to it needs a restart of serve.
"""

import hashlib
import logging
import os
import sysconfig
import threading
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

PAGE_RENDER = Page.render
INDEX_PAGE = SearchIndex.add_entry_from_context
ADD_THEME_FILES = Files.add_files_from_theme


class PerPage:
    """One slot per page: what was made from it last, under the key of everything it was made from."""

    def __init__(self):
        self.slots: dict[str, tuple[str, object]] = {}  # page src_uri -> (key, value)
        self.reused = 0  # how often the slot answered, and how often the work was done (for tests and editors)
        self.made = 0

    def get(self, page: Page, key: str):
        """The value kept for `page` under `key`, or None."""
        slot = self.slots.get(page.file.src_uri)
        if slot and slot[0] == key:
            self.reused += 1
            return slot[1]
        self.made += 1
        return None

    def put(self, page: Page, key: str, value) -> None:
        self.slots[page.file.src_uri] = (key, value)

    def drop(self, page: Page) -> None:
        self.slots.pop(page.file.src_uri, None)


@dataclass
class State:
    installed: bool = False
    markdown: PerPage = field(default_factory=PerPage)  # value: Conversion
    search: PerPage = field(default_factory=PerPage)    # value: the page's search entries
    searchable: PerPage = field(default_factory=PerPage)  # value: the page's searchable copy
    templates: PerPage = field(default_factory=PerPage)  # value: the page's rendered theme template
    site: tuple = (None, None, "")  # (config, files, digest): what every page of the current build shares
    theme: tuple = (None, "")  # (navigation, digest): what every page's theme template shares in the current build
    background: threading.Thread | None = None  # the last rebuild's work left to do after it
    theme_files: tuple = (None, ())  # (key, ((path, theme folder), ...)): the theme's static files, as MkDocs finds them
    data_reads: dict = field(default_factory=dict)  # each data file's last read (macros/data/loader.py keeps them)


@dataclass(frozen=True)
class Conversion:
    """Everything Page.render sets on a page (mkdocs 1.6)."""

    content: str
    toc: object
    title: str | None
    anchor_ids: set
    links_to_anchors: dict | None  # target src_uri -> {anchor: link as written}


class _TemplatesInMemory(jinja2.BytecodeCache):
    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])  # resets itself if the source changed

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


STATE = State()
TEMPLATES = _TemplatesInMemory()


def install() -> None:
    """Called once per serve process (site_hooks.on_startup)."""
    if not STATE.installed:
        Page.render = _render
        SearchIndex.add_entry_from_context = _index_page
        Files.add_files_from_theme = _add_files_from_theme
        STATE.installed = True


def use_for_templates(env: jinja2.Environment) -> None:
    """The theme's Jinja environment (new on every build) shares one cache of compiled templates, and the page
    templates it hands MkDocs remember what they drew for each page."""
    if STATE.installed:
        env.bytecode_cache = TEMPLATES
        get_template = env.get_template
        env.get_template = lambda name, *args, **kwargs: _RememberingTemplate(get_template(name, *args, **kwargs))


# The settings the theme's templates read (Material's base.html and partials), besides the page and the navigation.
THEME_SETTINGS = ("site_name", "site_url", "site_description", "site_author", "copyright", "repo_url", "repo_name",
                  "edit_uri", "extra", "extra_css", "extra_javascript", "theme", "use_directory_urls")


class _RememberingTemplate:
    """A theme template that, drawn for a page, gives back what it drew last time when nothing it shows changed.

    MkDocs renders `main.html` for every page through `template.render(context)`; anything else (404.html,
    sitemap.xml, a template without a page) renders as it is. Everything else is the Jinja template's own."""

    def __init__(self, template: jinja2.Template):
        self._template = template

    def __getattr__(self, name):
        return getattr(self._template, name)

    def render(self, context) -> str:
        page = context.get("page") if isinstance(context, dict) else None
        if not isinstance(page, Page):
            return self._template.render(context)
        key = _digest(_theme_digest(context), self._template.name, page.url, page.title, page.content, page.meta,
                      _toc_outline(page.toc), _near(page.previous_page), _near(page.next_page),
                      [ancestor.title for ancestor in page.ancestors], page.canonical_url, page.edit_url)
        output = STATE.templates.get(page, key)
        if output is None:
            output = self._template.render(context)
            STATE.templates.put(page, key, output)
        return output


def _theme_digest(context) -> str:
    """The navigation (every entry's title and address, in order), the theme settings and the templates' sources:
    the same for every page of a build, so digested once per build."""
    nav, config = context["nav"], context["config"]
    last_nav, digest = STATE.theme
    if nav is not last_nav:
        theme = config["theme"]
        sources = [(path, path.stat().st_mtime_ns) for folder in theme.dirs for path in _templates_in(folder)]
        digest = _digest(_nav_outline(nav.items), [(name, repr(config.get(name))) for name in THEME_SETTINGS],
                         dict(theme.items()) if hasattr(theme, "items") else repr(theme), sources)
        STATE.theme = (nav, digest)
    return digest


def _templates_in(folder: str) -> list[Path]:
    """The HTML templates in a theme folder. Folders whose names start with a dot are not entered: no template lives
    in one, and Material's .icons holds 14,000 SVG files, which walking took a twentieth of a rebuild."""
    found = []
    for parent, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        found.extend(Path(parent, name) for name in sorted(names) if name.endswith(".html"))
    return found


def _nav_outline(items) -> list:
    return [(item.title, getattr(item, "url", None), _nav_outline(getattr(item, "children", None) or ()))
            for item in items]


def _near(page) -> tuple | None:
    return (page.title, page.url) if page is not None else None


def _digest(*parts: object) -> str:
    return hashlib.sha256("\x00".join(map(str, parts)).encode()).hexdigest()


def _site_digest(config, files) -> str:
    """The Markdown settings and every file's address: the same for every page of a build, so digested once."""
    last_config, last_files, digest = STATE.site
    if config is not last_config or files is not last_files:
        digest = _digest(config["markdown_extensions"], config["mdx_configs"], config["validation"],
                         [(file.src_uri, file.url) for file in files])
        STATE.site = (config, files, digest)
    return digest


def _render(page: Page, config, files) -> None:
    key = _digest(page.file.src_uri, page.url, page.markdown, _site_digest(config, files))
    conversion = STATE.markdown.get(page, key)
    if conversion is not None:
        _restore(page, conversion, files)
        return
    with _WarningCounter() as warnings:
        PAGE_RENDER(page, config, files)
    if warnings.count == 0:
        STATE.markdown.put(page, key, _conversion_of(page))
    else:
        STATE.markdown.drop(page)


def _conversion_of(page: Page) -> Conversion:
    links = page.links_to_anchors
    return Conversion(page.content, page.toc, page._title_from_render, set(page.present_anchor_ids or ()),
                      None if links is None else {target.src_uri: dict(anchors) for target, anchors in links.items()})


def _restore(page: Page, conversion: Conversion, files) -> None:
    page.content = conversion.content
    page.toc = conversion.toc
    page._title_from_render = conversion.title
    page.present_anchor_ids = set(conversion.anchor_ids)
    if conversion.links_to_anchors is not None:
        # Anchor links are checked after the build against this build's File objects, found again by path.
        page.links_to_anchors = {files.get_file_from_path(src_uri): dict(anchors)
                                 for src_uri, anchors in conversion.links_to_anchors.items()}


def _index_page(index: SearchIndex, page: Page) -> None:
    key = _digest(page.content, page.url, page.title, page.meta, _toc_outline(page.toc))
    entries = STATE.search.get(page, key)
    if entries is None:
        first = len(index.entries)
        INDEX_PAGE(index, page)
        entries = [dict(entry) for entry in index.entries[first:]]
        STATE.search.put(page, key, entries)
    else:
        index.entries.extend(dict(entry) for entry in entries)


def searchable_copy(page: Page, html: str, make) -> str:
    """The page's searchable copy, `make(html)`, from the last build while the page's HTML is the same."""
    if not STATE.installed:
        return make(html)
    key = _digest(html)
    copy = STATE.searchable.get(page, key)
    if copy is None:
        copy = make(html)
        STATE.searchable.put(page, key, copy)
    return copy


def _add_files_from_theme(files: Files, env: jinja2.Environment, config) -> None:
    """Files.add_files_from_theme, with the theme's files listed once while its own folders stay the same.

    MkDocs lists every file of every theme folder on each build and keeps those that are not templates and that no
    file in docs/ stands in for. The list, found by MkDocs's own code (on an empty collection, so that nothing stands
    in), is kept under a key of the theme's settings and the names in the theme folders that are not in an installed
    package (overrides/, which an editor may change while serve runs; an installed theme does not change)."""
    key = (tuple(config.theme.dirs), tuple(config.theme.static_templates), config.site_dir, config.use_directory_urls,
           [(folder, _names_in(folder)) for folder in config.theme.dirs if not _installed(folder)])
    if STATE.theme_files[0] != key:
        found = Files([])
        ADD_THEME_FILES(found, env, config)
        STATE.theme_files = (key, tuple((file.src_uri, file.src_dir) for file in found))
    for path, folder in STATE.theme_files[1]:
        if files.get_file_from_path(path) is None:  # a file in docs/ stands in for the theme's
            files.append(File(path, folder, config.site_dir, config.use_directory_urls))


def _installed(folder: str) -> bool:
    packages = {Path(sysconfig.get_paths()[name]).resolve() for name in ("purelib", "platlib")}
    return any(Path(folder).resolve().is_relative_to(root) for root in packages)


def _names_in(folder: str) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in Path(folder).rglob("*"))


def in_background(work) -> None:
    """Runs `work()` in a thread under `mkdocs serve` (after the previous one ends), at once otherwise."""
    if not STATE.installed:
        work()
        return
    wait_for_background()

    def logged():
        try:
            work()
        except Exception:  # noqa: BLE001  (a thread's exception would otherwise vanish)
            logging.getLogger("mkdocs.handbook").exception("work after the rebuild failed")

    STATE.background = threading.Thread(target=logged, name="after-rebuild", daemon=True)
    STATE.background.start()


def wait_for_background() -> None:
    if STATE.background is not None:
        STATE.background.join()
        STATE.background = None


def _toc_outline(toc) -> list:
    return [(item.id, item.url, item.title, _toc_outline(item.children)) for item in toc or ()]


class _WarningCounter(logging.Handler):
    """Counts warnings MkDocs logs while it is attached (MkDocs' own loggers all sit under "mkdocs")."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def __enter__(self):
        logging.getLogger("mkdocs").addHandler(self)
        return self

    def __exit__(self, *exc):
        logging.getLogger("mkdocs").removeHandler(self)
