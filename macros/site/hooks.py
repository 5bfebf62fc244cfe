"""MkDocs hooks: fresh macros code on every rebuild, and the generated pages added to files and navigation."""

import os
import sys
from pathlib import Path

import jinja2
import material
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File


# Loaded by `mkdocs serve` only, and not reloaded on a rebuild: it holds the caches that make rebuilds fast.
SERVE_CACHE = "macros.site.serve_cache"
MATERIAL = Path(material.__file__).parent / "templates"


# The command this process runs (`build`, `serve`, `gh-deploy`). MkDocs loads a hook module once per process and keeps
# it across `mkdocs serve` rebuilds (mkdocs.config.config_options.Hooks._load_hook is cached), so it can live here.
COMMAND = "build"


def on_startup(command, dirty):
    global COMMAND
    COMMAND = command  # under `mkdocs serve` the PDFs are made in the background (macros.downloads.write_pdfs)
    from macros.site import editions

    if os.environ.get(editions.IN_BACKGROUND):
        from macros.output.pdf import lower_priority

        lower_priority()  # a translation rebuilt behind `mkdocs serve`: the English rebuilds come first
    if command == "serve":
        from macros.site import serve_cache

        serve_cache.install()


def _code_stamp() -> tuple:
    """Every file of the macros package (code, paper templates, words) with its size and modification time."""
    files = (path for path in PACKAGE.rglob("*") if path.is_file() and "__pycache__" not in path.parts)
    return tuple(sorted((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files))


# The package as imported: the hook modules after this one (search_index.py) import it while MkDocs reads mkdocs.yml,
# moments before the first on_config.
PACKAGE = Path(__file__).resolve().parent.parent
IMPORTED = _code_stamp()


@event_priority(100)  # before mkdocs-macros imports the package in its own on_config
def on_config(config):
    # mkdocs-macros imports `macros` once per process, so `mkdocs serve` would keep running old code after an edit
    # to it. Dropping the package from sys.modules then makes the rebuild import the files as they are now; while
    # the files stay as they were imported (every build's first run, a serve rebuild after a data edit) the
    # package stays, and is not imported twice (40 ms a build).
    global IMPORTED
    imported = sys.modules.get("macros")
    ours = imported is not None and Path(imported.__file__).resolve().parent == PACKAGE  # not another project's
    if (stamp := _code_stamp()) != IMPORTED or not ours:
        for name in [name for name in sys.modules if name == "macros" or name.startswith("macros.")]:
            if name != SERVE_CACHE:
                del sys.modules[name]
        IMPORTED = stamp
        if SERVE_CACHE in sys.modules:
            sys.modules[SERVE_CACHE].STATE.data_reads.clear()  # read by the code as it was
    if SERVE_CACHE in sys.modules:
        from macros.data import collector, loader

        loader.keep_reads_across_builds(sys.modules[SERVE_CACHE].STATE.data_reads)
        collector.hand_over_kept(False)  # every rebuild loads the data again: see collector.HANDS_OVER
    from macros.data import edition

    edition.current.cache_clear()  # a commit made while serve runs dates the next rebuild
    from macros.site import editions

    editions.configure(config)  # before Material's search plugin reads the language
    return config


def on_pre_build(config):
    # The first event after mkdocs-macros has loaded the data (in its on_config). New PDFs are started here rather
    # than with the files: the whole-handbook PDF is what a first build waits for last, and MkDocs listing the docs
    # and the theme's files before on_files took 0.13-0.15 s that its worker can have.
    if COMMAND != "serve":  # under serve they are made after each rebuild, in the background
        from macros.site.downloads import start_pdfs

        start_pdfs(config, config.plugins["macros"].variables["handbook"])  # made on the other cores meanwhile


def on_files(files, config):
    from macros.site import company, editions
    from macros.site.downloads import register  # imported late: the fresh copy, not a stale one
    from macros.site.pages import generated_pages, nav_children, nav_titles

    handbook = config.plugins["macros"].variables["handbook"]
    editions.prose_pages(files, config)  # a translation's run: docs/x.zh.md is the page docs/x.md
    for src_uri, content in generated_pages(handbook).items():
        files.append(File.generated(config, src_uri, content=content))
    # Navigation is built from config.nav right after this event, so each section index gets its pages here.
    children = nav_children(handbook)
    config.plugins["macros"].variables["nav_titles"] = nav_titles(handbook)
    config.nav = [_expand(entry, children) for entry in editions.navigation(config.nav)]
    register(files, config, handbook)  # JSON, CSV and PDF downloads, so links to them are checked like any page
    files.append(File.generated(config, company.STYLESHEET, content=company.stylesheet(handbook.company)))
    return files


def on_serve(server, config, builder):
    from macros.site.live_reload import use_system_file_events

    use_system_file_events(server)
    return server


def on_page_content(html, page, config, files):
    # After mkdocs-macros rendered the page and before any page's navigation is drawn (MkDocs reads every page first).
    if title := config.plugins["macros"].variables["nav_titles"].get(page.file.src_uri):
        page.title = title
    from macros.site.tables import framed

    return framed(html)


def on_build_error(error):
    from macros.site.downloads import stop_pdfs

    stop_pdfs()  # the PDFs started in on_pre_build and not begun yet are not made


def on_shutdown():
    # The end of `mkdocs build` and of serve: the site is written and the process exits next (gh-deploy only pushes
    # the site first). Python's shutdown would walk and free what the build still holds: 0.1 s of every build's CPU
    # (collector.leave_the_rest_to_exit).
    from macros.data import collector
    from macros.output.pdf import drop_fonts

    drop_fonts()  # first: the fonts' folder goes when they are collected
    collector.leave_the_rest_to_exit()


def on_env(env, config, files):
    # Material's own templates under a "material/" prefix, so an override can include the template it extends
    # (overrides/partials/search.html names the search dialog that way).
    env.loader = jinja2.ChoiceLoader([env.loader, jinja2.PrefixLoader({"material": jinja2.FileSystemLoader(MATERIAL)})])
    from macros.site.page_scripts import scripts_for

    env.globals["hb_page_scripts"] = scripts_for  # overrides/main.html: each page loads the scripts its blocks need
    if SERVE_CACHE in sys.modules:
        sys.modules[SERVE_CACHE].use_for_templates(env)
    return env


@event_priority(-100)  # last: the search index is shaped (search_index.py) while the PDF workers finish
def on_post_build(config):
    from macros.site import editions
    from macros.site.downloads import write_pdfs

    write_pdfs(config, config.plugins["macros"].variables["handbook"], in_background=COMMAND == "serve")
    editions.localise_404(config)  # a translation's 404 page links into its own edition
    editions.build_translations(config, in_background=COMMAND == "serve")  # /zh/, once the English is done


def _expand(entry, children):
    """A nav entry `Title: folder/index.md` becomes a section holding the index and the generated pages."""
    if isinstance(entry, dict):
        (title, target), = entry.items()
        if isinstance(target, str) and target in children:
            return {title: [target, *children[target]]}
        if isinstance(target, list):
            return {title: [_expand(child, children) for child in target]}
    return entry


def on_post_page(output, page, config):
    from macros.site.editions import head_alternates
    from macros.site.minify import strip_indentation

    return head_alternates(strip_indentation(output), page.url, config)


def on_post_template(output_content, template_name, config):
    # 404.html is a theme template, not a page, so on_post_page never sees it.
    from macros.site.minify import strip_indentation

    return strip_indentation(output_content)
