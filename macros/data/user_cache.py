"""Where a build keeps what it made before (PDFs, holiday calendars), so that the next build does not make it again."""

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def cache_folder(part: str) -> Path:
    """$HANDBOOK_CACHE/<part>, else <part> in the user's cache folder ($XDG_CACHE_HOME or ~/.cache)."""
    configured = os.environ.get("HANDBOOK_CACHE")
    root = Path(configured) if configured else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") \
        / "gm-assistant-handbook"
    return root / part


def write_atomically(path: Path, data: bytes) -> None:
    """Writes a file so that no reader (another build, a worker) ever sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def for_library(library: str, name: str) -> Path:
    """The cache file `name` of what an installed library gives, kept per version: a new version makes it again."""
    from importlib import metadata

    return cache_folder(library) / f"{metadata.version(library)}-{name}.json"


def kept_as_json(path: Path, make: Callable[[], T], dump: Callable[[T], Any], load: Callable[[Any], T]) -> T:
    """What `make()` gives, read back from `path` when a copy is kept there, else made and kept (as `dump` writes it
    in JSON; `load` turns it back, raising ValueError, KeyError or TypeError for a copy that is not one)."""
    try:
        return load(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        pass  # not made yet, or unreadable (cut short, edited): made again below
    value = make()
    try:
        write_atomically(path, json.dumps(dump(value)).encode("utf-8"))
    except OSError:
        pass  # a read-only or full disk costs the next build the time again, nothing else
    return value
