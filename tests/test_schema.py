"""The JSON Schemas for editors are generated from the models, committed, current, and referenced by the data."""

import json

import pytest

from conftest import ROOT, run_handbook
from macros.data import schema
from macros.data.kinds import KINDS


def test_committed_schemas_are_current():
    """`handbook schema --check` passes: the committed files equal what the models produce."""
    result = run_handbook("schema", "--check")
    assert result.returncode == 0, f"{result.stderr}\nrun `make schema` and commit schemas/"


def test_stale_schema_is_detected(tmp_path):
    """A schema file that differs from the models is reported by name."""
    schema.write_all(tmp_path)
    stale = tmp_path / "duties.schema.json"
    stale.write_text("{}\n")
    result = run_handbook("schema", "--check", "--out", str(tmp_path))
    assert result.returncode == 1
    assert f"{stale}: out of date" in result.stderr


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_data_file_points_editors_at_its_schema(kind):
    """Each data file's first line tells the YAML language server which schema to use."""
    first_line = (ROOT / "data" / f"{kind.name}.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == f"# yaml-language-server: $schema=../schemas/{kind.name}.schema.json"


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_schema_forbids_unknown_fields(kind):
    """Editors flag unknown fields too: the exported schema closes every record."""
    document = json.loads((ROOT / "schemas" / f"{kind.name}.schema.json").read_text())
    record = document["$defs"][kind.model.__name__]
    assert record["additionalProperties"] is False
    assert "id" in record["required"]


def test_company_settings_point_editors_at_their_schema():
    first_line = (ROOT / "data" / "settings" / "company.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first_line == "# yaml-language-server: $schema=../../schemas/company.schema.json"
    document = json.loads((ROOT / "schemas" / "company.schema.json").read_text())
    assert document["additionalProperties"] is False and "id" not in document["properties"]
