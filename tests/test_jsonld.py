"""Each role page carries valid schema.org Occupation JSON-LD that matches the data and cannot break out of its script."""

import json
import re
from html.parser import HTMLParser

import pytest

from conftest import ROOT
from macros.output import jsonld
from macros.data.handbook import load_handbook

HANDBOOK = load_handbook(ROOT / "data")
REQUIRED = ("name", "description", "responsibilities", "skills", "qualifications", "educationRequirements",
            "experienceRequirements", "occupationalCategory")
CODE_FORMATS = {"O*NET-SOC 2019": r"\d{2}-\d{4}\.\d{2}", "ISCO-08": r"\d{4}"}


class Scripts(HTMLParser):
    """The text of every <script type="application/ld+json"> in a page, as a browser would read it."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.found: list[str] = []
        self._open = False

    def handle_starttag(self, tag, attrs):
        self._open = tag == "script" and dict(attrs).get("type") == "application/ld+json"
        if self._open:
            self.found.append("")

    def handle_endtag(self, tag):
        self._open = False

    def handle_data(self, data):
        if self._open:
            self.found[-1] += data


def ld_json(html: str) -> list[str]:
    parser = Scripts()
    parser.feed(html)
    return parser.found


@pytest.mark.parametrize("role", HANDBOOK.roles, ids=lambda r: r.id)
def test_role_page_has_one_valid_occupation(site, role):
    scripts = ld_json((site / "roles" / role.id / "index.html").read_text(encoding="utf-8"))
    assert len(scripts) == 1, f"{role.id}: expected one JSON-LD block, found {len(scripts)}"
    data = json.loads(scripts[0])
    assert data["@context"] == "https://schema.org" and data["@type"] == "Occupation"
    empty = [field for field in REQUIRED if not data.get(field)]
    assert not empty, f"{role.id}: JSON-LD fields missing or empty: {empty}"
    assert data == jsonld.occupation(HANDBOOK, role), "the page's JSON-LD is not the role's data"
    assert data["name"] == role.title
    assert len(data["responsibilities"]) == len(role.duties)


@pytest.mark.parametrize("role", HANDBOOK.roles, ids=lambda r: r.id)
def test_occupation_codes_are_well_formed_and_from_the_data(site, role):
    data = json.loads(ld_json((site / "roles" / role.id / "index.html").read_text(encoding="utf-8"))[0])
    codes = {c["inCodeSet"]["name"]: c for c in data["occupationalCategory"]}
    assert set(codes) == set(CODE_FORMATS)
    for code_set, pattern in CODE_FORMATS.items():
        entry = codes[code_set]
        assert entry["@type"] == "CategoryCode" and entry["inCodeSet"]["@type"] == "CategoryCodeSet"
        assert re.fullmatch(pattern, entry["codeValue"]), f"{role.id}: {code_set} code {entry['codeValue']!r}"
        assert entry["name"] and entry["description"], f"{role.id}: {code_set} code needs its title and reason"
    assert codes["O*NET-SOC 2019"]["codeValue"] == role.onet.code
    assert codes["ISCO-08"]["codeValue"] == role.isco.code


def test_every_requirement_lands_in_one_property():
    role = HANDBOOK.roles[0]
    data = jsonld.occupation(HANDBOOK, role)
    placed = [item for prop in set(jsonld.PROPERTY_OF_CATEGORY.values()) for item in data[prop]]
    assert len(placed) == len(role.requirements)


HOSTILE = ['</script><script>alert(1)</script>', "<!-- x", "</SCRIPT >", "a & b <b>", "{{ 7*7 }}", "tab\tand  spaces"]


@pytest.mark.parametrize("value", HOSTILE)
def test_no_data_text_can_end_the_script_element(value):
    """Data is escaped so that the HTML parser sees one script whose JSON gives back the text exactly."""
    role = HANDBOOK.roles[0].model_copy(update={"title": value, "summary": value})
    block = jsonld.script(HANDBOOK, role)
    assert block.count("</") == 1 and block.endswith("</script>")
    assert "<!--" not in block
    found = ld_json(f"<html><body>{block}<p>after</p></body></html>")
    assert len(found) == 1
    data = json.loads(found[0])
    assert data["name"] == " ".join(value.split()) and data["description"] == data["name"]
