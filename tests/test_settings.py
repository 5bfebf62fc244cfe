"""The company settings are checked like the data, and data text names them through checked placeholders."""

import pytest

from conftest import run_handbook
from macros.data.handbook import load_handbook

SETTINGS = "settings/company.yml"


def check(data_dir):
    result = run_handbook("check", "--data", str(data_dir))
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.mark.parametrize("old,new,says", [
    ("country: CN", "country: XX", "company.country: 'XX' is not a country code the holidays calendar knows"),
    ("time_zone: Asia/Shanghai", "time_zone: Asia/Atlantis", "is not a time zone; use an IANA name"),
    ("currency: CNY", "currency: yuan", "company.currency: 'yuan' is not a currency code; write its three capital"),
    ('primary: "#0f4c5c"', 'primary: "teal"', "company.colours.primary: 'teal' is not a colour; write # and six"),
    ("email: general.office@northwind.example", "email: general office", "'general office' is not an email address"),
    ("  petty_cash: 2000", "  petty_cash: lots", "company.limits.petty_cash: expected a whole number"),
    ("short_name: Northwind", "shortname: Northwind", "unknown field 'shortname' (did you mean 'short_name'?)"),
    ('site_url: ""', "site_url: handbook.example.com", "is not a site address; write it in full"),
], ids=["country", "time zone", "currency", "colour", "email", "limit", "unknown field", "site url"])
def test_bad_settings_are_reported_with_their_line(sample_data, old, new, says):
    settings = sample_data / SETTINGS
    text = settings.read_text(encoding="utf-8")
    assert old in text, f"the sample settings changed; update this case ({old!r})"
    line = text[: text.index(old)].count("\n") + 1
    settings.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = check(sample_data)
    assert result.returncode == 1
    reported = [l for l in result.stderr.splitlines() if l.endswith(".yml") or ".yml:" in l]
    assert any(f"{SETTINGS}:{line}: " in l and says in l for l in reported), result.stderr


def test_missing_settings_file_is_a_problem(sample_data):
    (sample_data / SETTINGS).unlink()
    result = check(sample_data)
    assert result.returncode == 1 and f"{SETTINGS}:1: file is missing; copy" in result.stderr


def test_an_unknown_placeholder_is_reported_with_a_did_you_mean(sample_data):
    duties = sample_data / "duties.yml"
    text = duties.read_text(encoding="utf-8")
    duties.write_text(text.replace("  summary: ", "  summary: Ask the {office.generl_office} first. ", 1), encoding="utf-8")
    result = check(sample_data)
    assert result.returncode == 1
    assert "unknown placeholder '{office.generl_office}' (did you mean 'office.general_office'?)" in result.stderr


def test_placeholders_are_filled_and_template_syntax_stays_text(sample_data):
    duties = sample_data / "duties.yml"
    text = duties.read_text(encoding="utf-8")
    duties.write_text(text.replace("  summary: ", "  summary: Above {limit.three_quotes_above} ask {post.head_of_"
                                   "administration}; {{ 7*7 }} and {note} stay. ", 1), encoding="utf-8")
    summary = load_handbook(sample_data).duties[0].summary
    assert summary.startswith("Above CNY 5,000 ask Head of Administration; {{ 7*7 }} and {note} stay.")


def test_a_brand_colour_too_light_to_read_is_refused(sample_data):
    settings = sample_data / SETTINGS
    settings.write_text(settings.read_text(encoding="utf-8").replace('primary: "#0f4c5c"', 'primary: "#7fd3e3"'))
    result = check(sample_data)
    assert result.returncode == 1 and "company.colours.primary: #7fd3e3 is 1." in result.stderr, result.stderr


def test_the_country_codes_accepted_are_those_the_holiday_calendar_lists():
    """company._known_countries reads the holidays library's registry (fast); it must agree with the public list."""
    import holidays

    from macros.data import company

    assert company._countries_from_library() == frozenset(holidays.list_supported_countries())
    assert company._known_countries() == company._countries_from_library()
    assert {"CN", "US", "GB", "DE"} <= company._known_countries()


COUNTRIES = """
import sys
from macros.data import company
assert "CN" in company._known_countries() and "XX" not in company._known_countries()
print("holidays imported" if "holidays" in sys.modules else "holidays not imported")
"""


def test_the_country_codes_come_from_the_cache_folder_once_made(tmp_path):
    """The first run asks the holidays library and keeps its list; later runs read the list and never import the
    library (20 ms of every build); a damaged list is made again."""
    import os
    import subprocess
    import sys

    from conftest import ROOT

    def run():
        result = subprocess.run([sys.executable, "-c", COUNTRIES], cwd=ROOT, capture_output=True, text=True,
                                env={**os.environ, "HANDBOOK_CACHE": str(tmp_path)}, check=True)
        return result.stdout.strip()

    assert run() == "holidays imported"
    [kept] = (tmp_path / "holidays").glob("*-countries.json")
    assert run() == "holidays not imported"
    kept.write_text('["C', encoding="utf-8")
    assert run() == "holidays imported"
    assert run() == "holidays not imported"
