"""Where a build keeps what it made before (PDFs, holiday calendars), so that the next build does not make it again."""

import os
from pathlib import Path


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
