"""MkDocs hooks: fresh macros code on every rebuild, and the generated pages added to files and navigation."""

import sys

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File


@event_priority(100)  # before mkdocs-macros imports the package in its own on_config
def on_config(config):
    # mkdocs-macros imports `macros` once per process, so `mkdocs serve` would keep running old code.
    # Dropping the package from sys.modules makes every rebuild import the files as they are now.
    for name in [name for name in sys.modules if name == "macros" or name.startswith("macros.")]:
        del sys.modules[name]
    return config


def on_files(files, config):
    from macros.pages import generated_pages, nav_children  # imported late: the fresh copy, not a stale one

    handbook = config.plugins["macros"].variables["handbook"]
    for src_uri, content in generated_pages(handbook).items():
        files.append(File.generated(config, src_uri, content=content))
    # Navigation is built from config.nav right after this event, so each section index gets its pages here.
    children = nav_children(handbook)
    config.nav = [_expand(entry, children) for entry in config.nav]
    return files


def _expand(entry, children):
    """A nav entry `Title: folder/index.md` becomes a section holding the index and the generated pages."""
    if isinstance(entry, dict):
        (title, target), = entry.items()
        if isinstance(target, str) and target in children:
            return {title: [target, *children[target]]}
        if isinstance(target, list):
            return {title: [_expand(child, children) for child in target]}
    return entry
