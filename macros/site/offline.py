"""The offline bundle: a site that works from file://, search included, zipped the same way every time.

As a MkDocs hook it does nothing unless Material's `offline` plugin is on (HANDBOOK_OFFLINE=true, set by
`make offline`). Then it points Material at a local copy of the iframe-worker shim, which `make offline` fetches
from npm into .cache/, instead of the CDN address the plugin would add. As a script,
`python -m macros.site.offline SITE ZIP` packs a built site into a zip whose bytes depend only on the files.
"""

import os
import sys
import time
import zipfile
from pathlib import Path

from mkdocs.plugins import event_priority

SHIM_VERSION = "1.0.4"
SHIM_CACHE = Path(".cache") / "npm" / f"iframe-worker-{SHIM_VERSION}" / "shim" / "index.js"  # under the project
SHIM_URL = f"assets/vendor/iframe-worker-{SHIM_VERSION}.js"  # where the built site carries it
ZIP_FOLDER = "handbook"  # unzipping gives handbook/index.html, not files spilled into the current folder


def _offline_enabled(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


def _shim_source(config) -> Path:
    return Path(config.config_file_path).parent / SHIM_CACHE


@event_priority(50)  # before Material's offline plugin (priority 0): see the comment below
def on_config(config):
    if not _offline_enabled(config):
        return config
    if not _shim_source(config).is_file():
        from mkdocs.exceptions import PluginError

        raise PluginError(f"offline build: {SHIM_CACHE} is missing; run `make offline`, which fetches it from npm")
    # Material's offline plugin adds the CDN copy only when no polyfill mentions iframe-worker, and this hook's
    # on_config runs first, so the local copy replaces it.
    config.extra["polyfills"] = [*config.extra.get("polyfills", []), SHIM_URL]
    return config


def on_files(files, config):
    if _offline_enabled(config):
        from mkdocs.structure.files import File

        shim = _shim_source(config)
        files.append(File.generated(config, SHIM_URL, abs_src_path=str(shim)))
    return files


def zip_site(site: Path, target: Path, epoch: int) -> None:
    """Pack `site` into `target` with sorted names, one timestamp and fixed permissions, so equal sites zip equal."""
    stamp = max(epoch, 315532800)  # zip dates start in 1980
    date_time = time.gmtime(stamp)[:6]
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            entry = zipfile.ZipInfo(f"{ZIP_FOLDER}/{path.relative_to(site).as_posix()}", date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o100644 << 16
            entry.create_system = 3  # Unix, whatever system builds it
            bundle.writestr(entry, path.read_bytes())


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: python -m macros.site.offline SITE_DIR ZIP_FILE", file=sys.stderr)
        return 2
    site, target = Path(argv[1]), Path(argv[2])
    if not (site / "search" / "search_index.js").is_file():
        print(f"{site} is not an offline build (no search/search_index.js); build with HANDBOOK_OFFLINE=true",
              file=sys.stderr)
        return 1
    zip_site(site, target, int(os.environ.get("SOURCE_DATE_EPOCH") or 0))
    print(f"{target}: {target.stat().st_size // 1024} KB, open {ZIP_FOLDER}/index.html after unzipping")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
