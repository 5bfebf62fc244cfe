"""Imports run one way through the layers of macros/: data, then output, then render, then site."""

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "macros"
# Each layer may import the layers before it, never one after it.
LAYERS = ("data", "output", "render", "site")
# Libraries only the site layer may use: the others are plain Python a later move off MkDocs keeps as they are.
SITE_ONLY = ("mkdocs", "material", "markdown", "pymdownx")


def layer_of(module: str) -> str | None:
    """'macros.render.roles' -> 'render'; None for modules outside the layers (the package itself, the CLI)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "macros" and parts[1] in LAYERS else None


def module_name(path: Path) -> str:
    relative = path.relative_to(ROOT).with_suffix("")
    parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
    return ".".join(parts)


def imports(path: Path, package: str | None = None) -> list[tuple[int, str]]:
    """(line, absolute name) of everything the file imports, at any depth (late imports too); relative imports are
    resolved against `package`, by default the file's own. `from .common import text` gives macros.render.common.text."""
    if package is None:
        package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            anchor = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
            base = ".".join([*anchor, *([node.module] if node.module else [])])
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if layer_of(module_name(p)))


def test_every_module_sits_in_a_layer():
    """Besides the package's entry points, every module of macros/ belongs to one of the layers."""
    loose = [p.name for p in PACKAGE.glob("*.py") if p.name not in ("__init__.py", "cli.py")]
    assert not loose, f"modules outside data/, output/, render/, site/: {loose}"
    assert {layer_of(module_name(p)) for p in MODULES} == set(LAYERS)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_one_way(path):
    """A module imports only from its own layer and the layers before it; only the site layer uses MkDocs."""
    own = LAYERS.index(layer_of(module_name(path)))
    against = []
    for line, name in imports(path):
        target = layer_of(name)
        if name == "macros" or name.startswith("macros.") and target is None:
            against.append(f"line {line}: {name} (outside the layers)")
        elif target is not None and LAYERS.index(target) > own:
            against.append(f"line {line}: {name} ({target} comes after {LAYERS[own]})")
        elif own < LAYERS.index("site") and name.split(".")[0] in SITE_ONLY:
            against.append(f"line {line}: {name} (only the site layer may use {name.split('.')[0]})")
    assert not against, f"{path.relative_to(ROOT)} imports against the layers:\n" + "\n".join(against)


def test_the_reader_resolves_relative_imports(tmp_path):
    """`from ..site import hooks` read as a module of macros.render is an import of macros.site: the check sees it."""
    probe = tmp_path / "probe.py"
    probe.write_text("from ..site import hooks\nfrom .common import text\nimport mkdocs.plugins\n")
    names = [name for _, name in imports(probe, package="macros.render")]
    assert names == ["macros.site.hooks", "macros.render.common.text", "mkdocs.plugins"]
    assert [layer_of(name) for name in names] == ["site", "render", None]
