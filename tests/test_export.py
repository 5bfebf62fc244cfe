"""`handbook export` writes every record as JSON or CSV, and the site offers the same JSON for download."""

import csv
import io
import json

import pytest

from conftest import ROOT, run_handbook
from macros.output import export, paths
from macros.data.edition import current
from macros.data.handbook import load_handbook

HANDBOOK = load_handbook(ROOT / "data")
TOTAL = sum(HANDBOOK.counts().values())


def test_json_export_holds_every_record_exactly():
    result = run_handbook("export", "--format", "json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert set(document["edition"]) == {"date", "version"}
    for kind, records in HANDBOOK.records.items():
        assert document["records"][kind] == [r.model_dump(mode="json") for r in records], f"{kind} differs"


def test_csv_export_has_a_row_per_record_that_gives_back_its_fields():
    result = run_handbook("export", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert len(rows) == TOTAL
    assert list(rows[0])[:5] == ["kind", "id", "title", "owner", "review_by"]
    by_key = {(row["kind"], row["id"]): row for row in rows}
    for kind, records in HANDBOOK.records.items():
        for record in records:
            row = by_key[(kind, record.id)]
            for name, value in record.model_dump(mode="json").items():
                assert read_cell(row[name], value) == value, f"{kind}/{record.id}.{name} does not round-trip"


def read_cell(text: str, like):
    """A CSV cell back as the JSON value it came from (the shape of `like` says how it was written)."""
    text = text[1:] if text.startswith("'") else text
    if isinstance(like, list) and all(isinstance(v, str) for v in like):
        return text.split("\n") if text else []
    if isinstance(like, (list, dict)):
        return json.loads(text)
    if isinstance(like, bool):
        return text == "true"
    if like is None:
        return None if text == "" else text
    return type(like)(text)


def test_export_writes_to_a_file_with_out(tmp_path):
    target = tmp_path / "records.csv"
    result = run_handbook("export", "--format", "csv", "--out", str(target))
    assert result.returncode == 0
    assert f"wrote {TOTAL} records to {target}" in result.stderr
    assert target.read_bytes().startswith(b"kind,id,title,owner,review_by,")


@pytest.mark.parametrize("args,message", [
    (["--format", "json", "--out", "/no/such/folder/x.json"], "/no/such/folder/x.json: cannot write it"),
    (["--format", "xml"], "invalid choice: 'xml'"),
    (["--out", "x.json"], "the following arguments are required: --format"),
])
def test_export_mistakes_get_clear_messages(args, message):
    result = run_handbook("export", *args)
    assert result.returncode in (1, 2)
    assert message in result.stderr and "Traceback" not in result.stderr


def test_export_of_bad_data_lists_the_problems(sample_data):
    duties = sample_data / "duties.yml"
    duties.write_text(duties.read_text().replace("frequency: weekly", "frequency: weakly"))
    result = run_handbook("export", "--format", "json", "--data", str(sample_data))
    assert result.returncode == 1 and result.stdout == ""
    assert "duties.yml:7: duties[0].frequency: 'weakly' is not allowed" in result.stderr
    assert "run `handbook export` again" in result.stderr


def test_export_has_help():
    result = run_handbook("export", "--help")
    assert result.returncode == 0 and "--format {json,csv}" in result.stdout


def test_spreadsheet_formulas_in_data_stay_text():
    """A cell that a spreadsheet would run as a formula starts with an apostrophe instead."""
    role = HANDBOOK.roles[0].model_copy(update={"title": '=HYPERLINK("http://x","y")', "summary": "+1", "purpose": "@a"})
    handbook = HANDBOOK.__class__({**HANDBOOK.records, "roles": (role,)}, HANDBOOK.by_id, HANDBOOK.cited_by,
                                  HANDBOOK.company)
    row = next(csv.DictReader(io.StringIO(export.to_csv(handbook), newline="")))
    assert (row["title"], row["summary"], row["purpose"]) == ("'=HYPERLINK(\"http://x\",\"y\")", "'+1", "'@a")


def test_site_offers_the_same_json_for_download(site):
    offered = json.loads((site / paths.JSON_DOWNLOAD).read_text(encoding="utf-8"))
    assert offered["records"] == json.loads(export.to_json(HANDBOOK, current()))["records"]
    assert (site / paths.CSV_DOWNLOAD).read_bytes().decode("utf-8") == export.to_csv(HANDBOOK)
