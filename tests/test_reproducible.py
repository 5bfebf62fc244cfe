"""Reproducible builds: two builds of the same commit, in different folders and settings, are byte-identical."""

import json
import os
import subprocess
import time
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest

from conftest import ROOT
from sites import MKDOCS

# What may differ between two machines or runs and must not change a byte: folder, hash seed, time zone, locale.
SETTINGS = (
    {"PYTHONHASHSEED": "1", "TZ": "UTC", "LC_ALL": "C.UTF-8"},
    {"PYTHONHASHSEED": "2", "TZ": "Asia/Shanghai", "LC_ALL": "C"},
)


# The builds here are dated this long before the commit, so any date taken from the clock instead stands out.
SHIFT = 10 * 24 * 3600


def source_date_epoch() -> int:
    """The value the Makefile exports (the caller's, else the last commit's time), moved back by SHIFT."""
    value = os.environ.get("SOURCE_DATE_EPOCH") or subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return max(int(value or 0) - SHIFT, 0)


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def first_difference(a: bytes, b: bytes) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"at byte {at}: {a[max(0, at - 40):at + 40]!r} vs {b[max(0, at - 40):at + 40]!r}"


def start_build(site: Path, settings: dict[str, str], epoch: int, pdf_cache: Path) -> subprocess.Popen:
    env = {**os.environ, **settings, "SOURCE_DATE_EPOCH": str(epoch), "NO_MKDOCS_2_WARNING": "1",
           "HANDBOOK_PDF_CACHE": str(pdf_cache)}
    return subprocess.Popen([*MKDOCS, "build", "--strict", "-d", str(site)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """The project built twice side by side (one commit, one working tree), each with an empty PDF cache.

    The second starts two seconds later, so a time of day taken from the clock differs between them.
    """
    work = tmp_path_factory.mktemp("reproducible")
    epoch = source_date_epoch()
    sites = [work / f"build-{n}" / "site" for n in (1, 2)]
    runs = []
    for site, settings in zip(sites, SETTINGS):
        runs.append(start_build(site, settings, epoch, site.parent / "pdf-cache"))
        time.sleep(2)
    for process in runs:
        _, stderr = process.communicate(timeout=600)
        assert process.returncode == 0, stderr[-3000:]
    return sites, epoch


def test_two_builds_are_byte_identical(two_builds):
    """Every file (pages, search index, sitemap, exports, PDFs) is the same in both builds, and none is missing."""
    (first, second), _ = two_builds
    a, b = files_of(first), files_of(second)
    assert a.keys() == b.keys(), f"only in one build: {sorted(a.keys() ^ b.keys())}"
    differ = [f"{name} differs {first_difference(a[name], b[name])}" for name in a if a[name] != b[name]]
    assert not differ, f"{len(differ)} file(s) differ between two builds of one commit:\n" + "\n".join(differ[:20])
    assert any(name.endswith(".pdf") for name in a), "no PDF in the build: the comparison covered none"
    assert "search/search_index.json" in a and "sitemap.xml.gz" in a


def test_dates_in_the_output_come_from_source_date_epoch(two_builds):
    """The edition date is the SOURCE_DATE_EPOCH day, and today's date is written nowhere, PDFs included."""
    (first, _), epoch = two_builds
    edition = json.loads((first / "downloads" / "handbook.json").read_text(encoding="utf-8"))["edition"]
    assert edition["date"] == datetime.fromtimestamp(epoch, timezone.utc).date().isoformat()
    from pypdf import PdfReader

    today = datetime.now(timezone.utc).date()
    forms = {today.isoformat(), f"{today:%Y%m%d}", f"{today.day} {today:%B %Y}", f"{today:%B} {today.day}, {today.year}"}
    found = []
    for name, content in files_of(first).items():
        text = content.decode("latin-1")
        if name.endswith(".pdf") and "job-description" in name:  # small PDFs: their printed text too
            text += "".join(page.extract_text() for page in PdfReader(first / name).pages)
        found += [f"{name}: {form}" for form in forms if form in text]
    assert not found, "today's date, not SOURCE_DATE_EPOCH's, in the output:\n" + "\n".join(found)


def test_offline_zip_depends_only_on_the_files(two_builds, tmp_path):
    """Zipping a site twice, with the files' times changed in between, gives the same bytes."""
    from macros.site.offline import zip_site

    (site, _), epoch = two_builds
    zip_site(site, tmp_path / "one.zip", epoch)
    for path in site.rglob("*"):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    zip_site(site, tmp_path / "two.zip", epoch)
    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()
    with zipfile.ZipFile(tmp_path / "one.zip") as bundle:
        names = bundle.namelist()
    assert names == sorted(names) and names[0].startswith("handbook/")
