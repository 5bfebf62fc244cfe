"""A non-editable install works: the wheel holds every module and template, and its `handbook` command and a build run."""

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

TIMEOUT = 300


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The project's wheel, as `pip wheel .` (and so `pip install .`) builds it."""
    # Built from a copy of the repository's files: setuptools packs whatever an earlier build left in build/lib.
    source = tmp_path_factory.mktemp("source")
    for path in repository_files():
        (source / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / path, source / path)
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(out), str(source)],
                            capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == 0, result.stderr
    (found,) = out.glob("*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed; its dependencies come from the test venv's site-packages.

    A plain path in a .pth file puts that folder on sys.path without running the .pth files in it, so the test
    venv's editable install of this project (a .pth hook there) stays out and only the wheel's copy is importable.
    """
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=TIMEOUT)
    python = venv / "bin" / "python"
    site_packages = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                        capture_output=True, text=True, check=True).stdout.strip())
    (site_packages / "test-venv-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    result = subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
                            capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == 0, result.stderr
    return venv


def repository_files(folder: str = ".") -> list[str]:
    """The files of the repository under `folder`, committed or not, less what .gitignore leaves out."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", folder], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    return [path for path in listed.stdout.split() if (ROOT / path).is_file()]


def package_files() -> set[str]:
    """Every file of the macros package that an install needs (code and templates)."""
    return {path for path in repository_files("macros") if Path(path).suffix in {".py", ".html", ".css"}}


def test_wheel_holds_every_module_and_template(wheel):
    """Nothing of macros/ is left out: subpackages and the paper templates are in the wheel."""
    with zipfile.ZipFile(wheel) as archive:
        packed = set(archive.namelist())
    missing = package_files() - packed
    assert not missing, f"left out of the wheel: {sorted(missing)}"


def test_installed_command_checks_the_data(installed, tmp_path):
    """The wheel's `handbook check` runs from anywhere and imports the installed copy, not the repository's."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    where = subprocess.run([installed / "bin" / "python", "-c", "import macros; print(macros.__file__)"],
                           cwd=tmp_path, capture_output=True, text=True, timeout=TIMEOUT)
    assert where.stdout.startswith(str(installed)), where.stdout + where.stderr
    result = subprocess.run([installed / "bin" / "handbook", "check", "--data", "data"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=TIMEOUT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: "), result.stdout
    exported = subprocess.run([installed / "bin" / "handbook", "export", "--format", "json", "--data", "data"],
                              cwd=tmp_path, capture_output=True, text=True, timeout=TIMEOUT)
    assert exported.returncode == 0 and '"records"' in exported.stdout, exported.stderr


def test_site_builds_from_the_installed_package(installed, tmp_path):
    """A project with docs/, data/ and mkdocs.yml but no macros/ folder builds with the installed package."""
    for folder in ("docs", "data", "overrides"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    package = Path(subprocess.run([installed / "bin" / "python", "-c", "import macros; print(macros.__path__[0])"],
                                  capture_output=True, text=True, check=True).stdout.strip())
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    # The hooks are files named from the project; here they are the installed package's, and mkdocs-macros takes
    # the package as an installed module (its `modules` option) since the project has no macros/ folder.
    config = (config.replace("  - macros/", f"  - {package}/").replace("module_name: macros", "modules: [macros]")
              .replace("  - macros\n", ""))  # nothing to watch
    assert str(package) in config and "modules: [macros]" in config, "mkdocs.yml changed shape; update this test"
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([installed / "bin" / "python", "-m", "mkdocs", "build", "--strict", "-d", "site"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=TIMEOUT, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    first_role = yaml.safe_load((ROOT / "data" / "roles.yml").read_text(encoding="utf-8"))[0]["id"]
    assert (tmp_path / "site" / "roles" / first_role / "index.html").is_file()
    assert (tmp_path / "site" / "downloads" / f"job-description-{first_role}.pdf").stat().st_size > 1000
