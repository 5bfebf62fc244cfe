"""Which edition of the handbook a build is: a date and a version that stay the same for every build of one commit."""

import hashlib
import os
import subprocess
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Edition:
    """The date printed on job descriptions and PDFs, and the handbook's version."""

    date: date
    version: str

    @property
    def timestamp(self) -> datetime:
        """Midnight UTC of the edition date: what PDFs record as their creation and modification time."""
        return datetime(self.date.year, self.date.month, self.date.day, tzinfo=timezone.utc)



@lru_cache(maxsize=4)
def current(root: Path = ROOT) -> Edition:
    """The edition of the project at `root`: SOURCE_DATE_EPOCH, else the last commit, else the newest data file."""
    commit, committed = _git_head(root)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        when = int(epoch)
    elif committed is not None:
        when = committed
    else:
        # No git (a copied project, as the tests make): the data's own age is still the same on every build.
        when = int(max((p.stat().st_mtime for p in (root / "data").glob("*.yml")), default=0))
    try:
        version = metadata.version("gm-assistant-handbook")
    except metadata.PackageNotFoundError:
        version = "0"
    return Edition(date=datetime.fromtimestamp(when, timezone.utc).date(),
                   version=f"{version}+{commit}" if commit else version)


def digest(*parts: str) -> str:
    """A short, stable fingerprint of some text: a job description's version changes only when its text does."""
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:8]


def _git_head(root: Path) -> tuple[str | None, int | None]:
    """The short hash and commit time of HEAD, or (None, None) outside a git checkout."""
    try:
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%h %ct"], capture_output=True,
                             text=True, timeout=10, check=True).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return None, None
    return (out[0], int(out[1])) if len(out) == 2 else (None, None)
