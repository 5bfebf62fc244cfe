"""JSON Schemas for editors, exported from the pydantic models (the models stay the only schema)."""

import json
from pathlib import Path

from pydantic import TypeAdapter

from .company import FILE, Company
from .kinds import KINDS


def schema_text(kind) -> str:
    """The JSON Schema of one data file (a list of records of that kind), as stable, sorted JSON."""
    return _document(TypeAdapter(list[kind.model]).json_schema(), f"data/{kind.name}.yml")


def company_schema_text() -> str:
    """The JSON Schema of the company settings file."""
    # The id is filled in by the model, never written in the file.
    document = TypeAdapter(Company).json_schema()
    document["properties"].pop("id", None)
    return _document(document, f"data/{FILE}")


def _document(document: dict, title: str) -> str:
    document = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": title, **document}
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


def expected_files(out: Path) -> dict[Path, str]:
    files = {Path(out) / f"{kind.name}.schema.json": schema_text(kind) for kind in KINDS}
    files[Path(out) / "company.schema.json"] = company_schema_text()
    return files


def write_all(out: Path, check_only: bool = False) -> list[Path]:
    """Writes every schema file (unless check_only); returns the files that were missing or stale."""
    stale = []
    for path, text in expected_files(out).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
            if not check_only:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    return stale
