"""Every record of the handbook as JSON (one document, by kind) or CSV (one row per record)."""

import csv
import io
import json

from ..data.edition import Edition
from ..data.handbook import Handbook

LEADING_COLUMNS = ("kind", "id", "title", "owner", "review_by")

# A spreadsheet runs a cell that starts with one of these as a formula; a leading apostrophe makes it plain text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def records(handbook: Handbook) -> dict[str, list[dict]]:
    """kind -> its records as plain JSON values, in file order."""
    return {kind: [r.model_dump(mode="json") for r in rs] for kind, rs in handbook.records.items()}


def to_json(handbook: Handbook, edition: Edition) -> str:
    """One JSON document: the edition it comes from, and every record by kind."""
    document = {"edition": {"date": edition.date.isoformat(), "version": edition.version},
                "records": records(handbook)}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_csv(handbook: Handbook) -> str:
    """One row per record; the columns are every field of every kind, lists one item per line, nested values as JSON."""
    rows = [{"kind": kind, **record} for kind, values in records(handbook).items() for record in values]
    columns = list(LEADING_COLUMNS)
    for row in rows:
        columns += [name for name in row if name not in columns]
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: _cell(value) for name, value in row.items()})
    return out.getvalue()


def _cell(value) -> str:
    if isinstance(value, list) and all(isinstance(v, str) and "\n" not in v for v in value):
        text = "\n".join(value)
    elif isinstance(value, (list, dict)):
        text = json.dumps(value, ensure_ascii=False)
    elif value is None:
        text = ""  # a field left empty (an HR field the company has not filled in)
    elif isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
