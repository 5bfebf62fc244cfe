"""Turns a handbook project into a plain Material project of the very same pages as static Markdown.

Run as `python -m benchmarks.capture PROJECT PLAIN`: builds PROJECT once with an extra plugin that saves each page's
final Markdown (after macros and hooks), every generated non-page file, the expanded navigation and the Markdown
extensions' settings as the build used them, then writes PLAIN:
a copy of PROJECT whose docs/ holds those files and whose `mkdocs.plain.yml` drops the macros plugin and our hooks
(but for the template loader the theme overrides need).
`mkdocs.macros-only.yml` builds the same static pages with mkdocs-macros enabled but no macros module: what the plugin
alone costs, before any of our loading and rendering.
"""

import copy
import shutil
import sys
import tempfile
import types
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.utils.yaml import yaml_load

LAST = -1000  # after mkdocs-macros and every hook, so what is saved is what MkDocs turns into HTML
FIRST = 1000  # before our hooks: the page's own title, to see whether a hook changed it
# Settings our hooks fill in at build time (from data/settings/company.yml): written out, so plain pages show them.
SETTINGS = ("site_name", "site_url", "copyright", "extra_css", "extra_javascript")
PLAIN_CONFIG = "mkdocs.plain.yml"
MACROS_ONLY_CONFIG = "mkdocs.macros-only.yml"
MACROS_ONLY_DOCS = "docs-macros-only"
# No module_name: mkdocs-macros then looks for main.py, which the project does not have, and carries on without one.
NO_MODULE = {"macros": {"on_error_fail": True, "on_undefined": "strict"}}
# The one thing our hooks do for the theme rather than the content: overrides/ includes Material's own partials under
# a "material/" prefix (macros/site/hooks.py on_env). The plain builds keep that, or the theme does not render.
THEME_HOOK = "plain_theme_hook.py"
THEME_HOOK_SOURCE = '''"""Material's templates under "material/", as in macros/site/hooks.py (benchmarks/capture.py)."""
from pathlib import Path

import jinja2
import material


def on_env(env, config, files):
    templates = jinja2.FileSystemLoader(Path(material.__file__).parent / "templates")
    env.loader = jinja2.ChoiceLoader([env.loader, jinja2.PrefixLoader({"material": templates})])
    return env
'''


class Capture(BasePlugin):
    """Saves the Markdown of every page and every generated file under `docs`, and the final nav."""

    def __init__(self, docs: Path):
        self.docs = docs
        self.nav = None
        self.extensions = []  # Markdown extensions with their settings as the build used them
        self.generated = []  # generated files that are not pages: exports, PDFs
        self.settings = {}
        self.features = []  # Material's features, which the settings can add to
        self.headings = {}  # src_uri -> the page's title before our hooks saw it
        self.titles = {}  # src_uri -> the title our hooks gave the page instead (a start page's short name)

    @event_priority(LAST)
    def on_files(self, files, config):
        self.nav = copy.deepcopy(config.nav)
        self.settings = {name: copy.deepcopy(config[name]) for name in SETTINGS}
        self.features = list(config.theme["features"])
        # Settings made at build time (the glossary as abbreviations) are written out, so plain pages render the same.
        self.extensions = [{name: copy.deepcopy(config.mdx_configs[name])} if config.mdx_configs.get(name) else name
                           for name in config.markdown_extensions]
        self.generated = [file for file in files if file.generated_by and not file.is_documentation_page()]
        return files

    @event_priority(LAST)
    def on_page_markdown(self, markdown, page, config, files):
        front = f"---\n{yaml.safe_dump(dict(page.meta), allow_unicode=True)}---\n\n" if page.meta else ""
        self._write(page.file.src_uri, (front + markdown).encode("utf-8"))
        return markdown

    @event_priority(FIRST)
    def _heading(self, html, page, config, files):
        self.headings[page.file.src_uri] = page.title
        return html

    @event_priority(LAST)
    def _title(self, html, page, config, files):
        if page.title != self.headings[page.file.src_uri]:
            self.titles[page.file.src_uri] = page.title
        return html

    on_page_content = CombinedEvent(_heading, _title)

    @event_priority(LAST)
    def on_post_build(self, config):
        # Taken from the built site, as some (the PDFs) are written only after the pages.
        for file in self.generated:
            self._write(file.src_uri, (Path(config.site_dir) / file.dest_uri).read_bytes())

    def _write(self, src_uri: str, content: bytes) -> None:
        target = self.docs / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def plain_plugins(config_path: Path) -> list:
    """The project's plugins without mkdocs-macros (search and Material's own plugins stay)."""
    with config_path.open("rb") as file:
        raw = yaml_load(file)
    plugins = raw.get("plugins", ["search"])
    entries = plugins.items() if isinstance(plugins, dict) else [
        next(iter(entry.items())) if isinstance(entry, dict) else (entry, None) for entry in plugins]
    return [name if options is None else {name: options} for name, options in entries if name != "macros"]


def make_plain(project: Path, plain: Path) -> Path:
    """Writes the plain project and its two configs; returns the path of the plain one."""
    shutil.copytree(project, plain, symlinks=True)
    docs = plain / "docs"
    for page in docs.rglob("*.md"):  # every page comes back as captured Markdown, and only those
        page.unlink()
    capture = Capture(docs)
    config = load_config(str(project / "mkdocs.yml"), site_dir=tempfile.mkdtemp(prefix="capture-site-"))
    config.plugins["benchmark-capture"] = capture
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(config.site_dir, ignore_errors=True)
    shutil.copytree(docs, plain / MACROS_ONLY_DOCS)
    for page in (plain / MACROS_ONLY_DOCS).rglob("*.md"):
        page.write_text(_raw_for_jinja(page.read_text(encoding="utf-8")), encoding="utf-8")
    plugins = plain_plugins(project / "mkdocs.yml")
    (plain / THEME_HOOK).write_text(THEME_HOOK_SOURCE, encoding="utf-8")
    for name, extra, docs_dir in ((PLAIN_CONFIG, [], "docs"), (MACROS_ONLY_CONFIG, [NO_MODULE], MACROS_ONLY_DOCS)):
        overrides = {"INHERIT": "mkdocs.yml", "docs_dir": docs_dir, "plugins": plugins + extra, "hooks": [THEME_HOOK],
                     "watch": [], "nav": _titled(capture.nav, capture.titles),
                     "markdown_extensions": capture.extensions, **capture.settings,
                     "theme": {"features": capture.features}}
        (plain / name).write_text(yaml.dump(overrides, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False),
                                  encoding="utf-8")
    return plain / PLAIN_CONFIG


def _titled(nav, titles: dict[str, str]):
    """The navigation with a title for each page our hooks retitled (as `Title: page.md`)."""
    if isinstance(nav, list):
        return [_titled(entry, titles) for entry in nav]
    if isinstance(nav, dict):
        return {title: _titled(target, titles) for title, target in nav.items()}
    return {titles[nav]: nav} if nav in titles else nav


class _ConfigDumper(yaml.SafeDumper):
    """Writes a function in the extensions' settings (pymdownx.emoji's index and generator) as MkDocs's
    `!!python/name:module.function`, the form mkdocs.yml gives it in."""


_ConfigDumper.add_representer(types.FunctionType, lambda dumper, function: dumper.represent_scalar(
    f"tag:yaml.org,2002:python/name:{function.__module__}.{function.__qualname__}", ""))


def _raw_for_jinja(page: str) -> str:
    """The page's body in a Jinja raw block: still read by mkdocs-macros, but `{#id}` is not taken for a comment."""
    front, separator, body = page.partition("---\n\n") if page.startswith("---\n") else ("", "", page)
    return f"{front}{separator}{{% raw %}}{body}{{% endraw %}}\n"


if __name__ == "__main__":
    print(make_plain(Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()))
