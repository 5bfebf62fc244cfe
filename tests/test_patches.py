"""The one patch of private MkDocs and Material APIs (macros/site/serve_cache.py) still fits what it patches.

The serve cache replaces `Page.render`, Material's `SearchIndex.add_entry_from_context` and MkDocs's
`Files.add_files_from_theme` under `mkdocs serve`, and restores on a cached page exactly the attributes the original
sets. If an upgrade renames one, adds one or changes a
signature, these tests fail before a rebuild silently serves a page with a stale part.
"""

import ast
import inspect
import textwrap

from material.plugins.search.plugin import SearchIndex
from mkdocs.structure.pages import Page

from macros.site import serve_cache


def attributes_assigned(function, owner: str) -> set[str]:
    """Names of the `<owner>.<name> = ...` assignments in a function's source (owner: "self", "page")."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    return {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Store) and isinstance(node.value, ast.Name) and node.value.id == owner}


def test_page_render_sets_exactly_what_a_cached_conversion_restores():
    """Page.render(self, config, files) sets content, toc, title, anchors and anchor links: what _restore sets."""
    assert list(inspect.signature(serve_cache.PAGE_RENDER).parameters) == ["self", "config", "files"]
    assert attributes_assigned(serve_cache.PAGE_RENDER, "self") == attributes_assigned(serve_cache._restore, "page")


def test_search_index_adds_a_page_to_its_entries_list():
    """Material's SearchIndex keeps its entries in a list `entries` and adds a page by add_entry_from_context(page)."""
    assert list(inspect.signature(serve_cache.INDEX_PAGE).parameters) == ["self", "page"]
    assert SearchIndex().entries == []


def test_the_patches_are_not_installed_by_a_plain_build():
    """Only `mkdocs serve` installs the patch (site/hooks.py on_startup); importing the module changes nothing."""
    assert Page.render is serve_cache.PAGE_RENDER or serve_cache.STATE.installed
    assert SearchIndex.add_entry_from_context is serve_cache.INDEX_PAGE or serve_cache.STATE.installed
    from mkdocs.structure.files import Files

    assert Files.add_files_from_theme is serve_cache.ADD_THEME_FILES or serve_cache.STATE.installed


def test_the_language_switch_override_differs_from_materials_only_in_its_link():
    """overrides/partials/alternate.html is Material's partial with one line changed (the link keeps the page): if an
    upgrade changes Material's partial, this fails, so the override is brought up to date rather than hiding it."""
    import re
    from pathlib import Path

    import material

    def lines(path: Path) -> list[str]:
        text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        return [line.strip() for line in text.splitlines() if line.strip()]

    theirs = lines(Path(material.__file__).parent / "templates" / "partials" / "alternate.html")
    ours = lines(Path(__file__).resolve().parent.parent / "overrides" / "partials" / "alternate.html")
    changed = [(a, b) for a, b in zip(theirs, ours) if a != b]
    assert len(theirs) == len(ours) and len(changed) == 1, changed
    assert 'href="{{ alt.link | url }}"' in changed[0][0] and "page.url" in changed[0][1]


def test_the_colour_switch_override_is_materials_form_with_our_mark_and_script():
    """overrides/partials/palette.html is Material's form with `data-md-component="palette"` (which mounts Material's
    own component) replaced by our mark, followed by our script (with docs/assets/palette.js). If an upgrade changes
    Material's form, or the storage helpers our scripts call, this fails, so the override is brought up to date."""
    import re
    from pathlib import Path

    import material

    templates = Path(material.__file__).parent / "templates"

    def lines(text: str) -> list[str]:
        text = re.sub(r"\{#.*?#\}", "", text, flags=re.S)
        return [line.strip() for line in text.splitlines() if line.strip()]

    theirs = lines((templates / "partials" / "palette.html").read_text(encoding="utf-8"))
    ours = (Path(__file__).resolve().parent.parent / "overrides" / "partials" / "palette.html").read_text(encoding="utf-8")
    form, script = ours.split("</form>", 1)
    ours = lines(form + "</form>")
    changed = [(a, b) for a, b in zip(theirs, ours) if a != b]
    assert len(theirs) == len(ours) and changed == [(
        '<form class="md-header__option" data-md-component="palette">',
        '<form class="md-header__option" data-hb-palette>')], changed
    script += (Path(__file__).resolve().parent.parent / "docs" / "assets" / "palette.js").read_text(encoding="utf-8")
    helpers = (templates / "partials" / "javascripts" / "base.html").read_text(encoding="utf-8")
    for name in ("__md_get", "__md_set"):
        assert name in script and f"{name}=" in helpers, name


def test_the_live_reload_server_still_watches_as_the_observer_swap_expects():
    """macros/site/live_reload.py moves MkDocs's watches to an inotify observer in on_serve. That needs the server to
    make its observer in __init__ and start it only in serve(), to count watched paths in `_watched_paths`, and to
    schedule and unschedule on `self.observer` in watch() and unwatch(), and to wait `build_delay` seconds for a
    save's events to stop coming before it rebuilds."""
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=".")
    try:
        assert not server.observer.is_alive() and server._watched_paths == {}
        for method in (LiveReloadServer.watch, LiveReloadServer.unwatch):
            assert "self.observer." in inspect.getsource(method) and "_watched_paths" in inspect.getsource(method)
        assert "self.observer.start()" in inspect.getsource(LiveReloadServer.serve)
        assert "timeout=self.build_delay" in inspect.getsource(LiveReloadServer._build_loop)
        from macros.site.live_reload import SETTLE, use_system_file_events

        server.watch(".")
        server.watch(".")
        assert use_system_file_events(server)
        from watchdog.observers.inotify import InotifyObserver

        assert isinstance(server.observer, InotifyObserver)
        assert list(server._watched_paths.values()) == [2] and len(server.observer.emitters) == 1
        assert server.build_delay == SETTLE < 0.1
    finally:
        server.server_close()


def test_theme_files_listed_once_are_the_files_mkdocs_lists(tmp_path):
    """Under serve, the theme's static files come from a list made once (serve_cache._add_files_from_theme) by
    MkDocs's own Files.add_files_from_theme(self, env, config). The collection it gives must be the one MkDocs gives,
    a file in docs/ standing in for the theme's included, and a file added to overrides/ must show up at once."""
    from pathlib import Path

    from mkdocs.config import load_config
    from mkdocs.structure.files import File, Files

    assert list(inspect.signature(serve_cache.ADD_THEME_FILES).parameters) == ["self", "env", "config"]
    root = Path(__file__).resolve().parent.parent
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.theme.dirs.insert(0, str(tmp_path / "overrides"))  # a theme folder an editor may add files to
    (tmp_path / "overrides").mkdir()
    env = config.theme.get_env()

    every = Files([])
    serve_cache.ADD_THEME_FILES(every, env, config)
    shadowed = sorted(every.src_uris)[0]

    def collection(add) -> list[tuple]:
        # A file of docs/ at an address the theme also has a file for: the theme's file is left out.
        files = Files([File(shadowed, str(root / "docs"), config.site_dir, True)])
        add(files, env, config)
        return sorted((f.src_uri, f.abs_src_path, f.abs_dest_path, f.url) for f in files)

    theirs = collection(serve_cache.ADD_THEME_FILES)
    assert len(theirs) == len(every) > 20 and [f[1] for f in theirs if f[0] == shadowed] == [str(root / "docs" / shadowed)]
    assert collection(serve_cache._add_files_from_theme) == theirs
    assert collection(serve_cache._add_files_from_theme) == theirs  # from the list made once

    (tmp_path / "overrides" / "new.svg").write_text("<svg/>")
    assert collection(serve_cache._add_files_from_theme) == collection(serve_cache.ADD_THEME_FILES) != theirs
