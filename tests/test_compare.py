"""Compare two roles: the picker shows exactly the set differences of the data, prints, and works from files."""

import itertools
import subprocess

import pytest
import yaml

from conftest import ROOT

# Read from the YAML itself, not through the models or renderers, so the test checks the page against the data.
ROLES = {role["id"]: role for role in yaml.safe_load((ROOT / "data" / "roles.yml").read_text())}
PAIRS = [("office-director", "strategic-assistant"), ("executive-secretary", "administrative-officer"),
         ("general-assistant", "general-assistant")]


def expected_sets(field: str, a: str, b: str) -> dict[str, set]:
    left, right = set(ROLES[a][field]), set(ROLES[b][field])
    return {"shared": left & right, "only-a": left - right, "only-b": right - left}


def shown_sets(page, part: str) -> dict[str, set]:
    return {name: set(page.locator(f'[data-hb-part="{part}"] ul[data-hb-set="{name}"] li[data-id]')
                      .evaluate_all("items => items.map(li => li.dataset.id)"))
            for name in ("shared", "only-a", "only-b")}


def pick(page, a: str, b: str) -> None:
    page.select_option('select[data-hb-compare="a"]', a)
    page.select_option('select[data-hb-compare="b"]', b)


@pytest.mark.parametrize("a,b", PAIRS, ids=lambda v: v)
def test_the_comparison_lists_exactly_the_set_differences_of_the_data(context, served_site, a, b):
    page = context.new_page()
    page.goto(f"{served_site}/compare/")
    pick(page, a, b)
    for part in ("duties", "requirements", "pitfalls"):
        assert shown_sets(page, part) == expected_sets(part, a, b), part


def test_every_pair_of_roles_can_be_compared(context, served_site):
    page = context.new_page()
    page.goto(f"{served_site}/compare/")
    for a, b in itertools.combinations(ROLES, 2):
        pick(page, a, b)
        assert shown_sets(page, "duties") == expected_sets("duties", a, b), (a, b)


def test_requirements_show_each_roles_importance_and_level(context, served_site):
    a, b = "office-director", "strategic-assistant"
    page = context.new_page()
    page.goto(f"{served_site}/compare/")
    pick(page, a, b)
    ratings = {role: {r["id"]: r for r in ROLES[role]["requirement_ratings"]} for role in (a, b)}
    for requirement in expected_sets("requirements", a, b)["only-b"]:
        text = page.locator(f'[data-hb-part="requirements"] [data-hb-set="only-b"] li[data-id="{requirement}"]').text_content()
        rating = ratings[b][requirement]
        assert rating["importance"] in text and f"({rating['level']}/5)" in text
    # A shared requirement rated differently shows both ratings.
    differing = [r for r in ratings[a] if r in ratings[b] and ratings[a][r] != ratings[b][r]]
    assert differing
    text = page.locator(f'[data-hb-part="requirements"] [data-hb-set="shared"] li[data-id="{differing[0]}"]').text_content()
    assert f"({ratings[a][differing[0]]['level']}/5)" in text and f"({ratings[b][differing[0]]['level']}/5)" in text


def test_the_expectations_are_side_by_side_for_each_stage(context, served_site):
    a, b = "executive-secretary", "strategic-assistant"
    page = context.new_page()
    page.goto(f"{served_site}/compare/#{a}/{b}")  # the pair in the address is opened as it is
    table = page.locator('[data-hb-part="expectations"] table')
    assert table.locator("thead th").all_text_contents()[1:] == [page.locator(f'select[data-hb-compare="a"] option[value="{a}"]').text_content(),
                                                                 page.locator(f'select[data-hb-compare="b"] option[value="{b}"]').text_content()]
    for row, stage in enumerate(("day_30", "day_60", "day_90")):
        cells = table.locator("tbody tr").nth(row).locator("td")
        assert cells.nth(0).locator("li").count() == len(ROLES[a]["expectations"][stage])
        assert cells.nth(1).locator("li").count() == len(ROLES[b]["expectations"][stage])


def test_the_comparison_works_from_files(context, site):
    page = context.new_page()
    page.goto((site / "compare" / "index.html").as_uri() + "#office-director/strategic-assistant")
    assert shown_sets(page, "duties") == expected_sets("duties", "office-director", "strategic-assistant")


def test_the_printed_comparison_has_no_pickers_and_every_part(context, served_site, tmp_path):
    page = context.new_page()
    page.goto(f"{served_site}/compare/#office-director/strategic-assistant")
    target = tmp_path / "compare.pdf"
    page.pdf(path=str(target), format="A4", print_background=True)
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
    for heading in ("Duties", "Requirements", "What good looks like at 30, 60 and 90 days", "Pitfalls", "Both roles"):
        assert heading in text
    assert "First role" not in text  # the pickers are screen-only
