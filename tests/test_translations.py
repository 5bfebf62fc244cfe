"""Translations in data/<language>/: complete (a missing field is a problem with its line) and current (a translation
made from older English is stale: a warning, a failure with `handbook check --strict`)."""

from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_handbook
from macros.data import translations
from macros.data.kinds import KINDS
from macros.data.placeholders import PLACEHOLDER


def _chinese(text: str) -> str:
    """A stand-in translation: the text's placeholders kept, the rest marked as translated."""
    return "译文：" + " ".join(f"{{{name}}}" for name in PLACEHOLDER.findall(text)) + "。"


def _translated(record: dict, shape: translations.Shape) -> dict:
    out = {"id": record["id"]} if "id" in record else {}
    for name, is_list in shape.texts.items():
        if name in record and record[name] is not None:
            out[name] = [_chinese(t) for t in record[name]] if is_list else _chinese(record[name])
    for name, (inner, many) in shape.nested.items():
        if record.get(name):
            out[name] = [_translated(r, inner) for r in record[name]] if many else _translated(record[name], inner)
    return out


def write_translation(data_dir, language="zh"):
    """A complete stand-in translation of every data file and the settings, stamped."""
    from macros.data.company import Company

    for kind in KINDS:
        english = yaml.safe_load((data_dir / f"{kind.name}.yml").read_text(encoding="utf-8"))
        shape = translations.shape_of(kind.model)
        _write(data_dir / language / f"{kind.name}.yml", [_translated(r, shape) for r in english])
    settings = yaml.safe_load((data_dir / "settings" / "company.yml").read_text(encoding="utf-8"))
    _write(data_dir / language / "settings" / "company.yml", _translated(settings, translations.shape_of(Company)))
    result = run_handbook("stamp", language, "--data", str(data_dir))
    assert result.returncode == 0, result.stderr


def _write(path, value):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def check(data_dir, *flags):
    result = run_handbook("check", "--data", str(data_dir), *flags)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def line_of(path, text: str) -> int:
    content = path.read_text(encoding="utf-8")
    assert text in content, f"test setup: {text!r} is not in {path.name}"
    return content[: content.index(text)].count("\n") + 1


def test_a_complete_stamped_translation_passes_strict(sample_data):
    write_translation(sample_data)
    result = check(sample_data, "--strict")
    assert result.returncode == 0, result.stderr
    assert "简体中文 complete" in result.stdout and "warning" not in result.stderr


def test_a_missing_field_is_a_problem_with_its_line(sample_data):
    write_translation(sample_data)
    duties = sample_data / "zh" / "duties.yml"
    text = duties.read_text(encoding="utf-8")
    record_line = line_of(duties, "- id: ")
    summary = next(line for line in text.splitlines() if line.startswith("  summary: "))
    duties.write_text(text.replace(summary + "\n", "", 1), encoding="utf-8")
    result = check(sample_data)
    assert result.returncode == 1
    assert f"zh/duties.yml:{record_line}: duties[0]: missing 'summary'; translate the English `summary:`" in result.stderr


def test_a_missing_record_and_a_short_list_are_problems(sample_data):
    write_translation(sample_data)
    checklists = sample_data / "zh" / "checklists.yml"
    records = yaml.safe_load(checklists.read_text(encoding="utf-8"))
    records[0]["items"] = records[0]["items"][:-1]
    _write(checklists, records)
    result = check(sample_data)
    assert result.returncode == 1
    assert "has no translation; add `- id: " in result.stderr, result.stderr


def test_an_english_edit_makes_the_translation_stale_a_warning_then_a_strict_failure(sample_data):
    write_translation(sample_data)
    duties = sample_data / "duties.yml"
    text = duties.read_text(encoding="utf-8")
    summary = next(line for line in text.splitlines() if line.startswith("  summary: "))
    duties.write_text(text.replace(summary, summary + " Now with a new sentence.", 1), encoding="utf-8")
    stale_line = line_of(sample_data / "zh" / "duties.yml", "- id: ")
    relaxed = check(sample_data)
    assert relaxed.returncode == 0, relaxed.stderr
    expected = f"zh/duties.yml:{stale_line}: duties[0] ("
    assert any(line.startswith("warning: ") and expected in line and "was made from an older English text" in line
               for line in relaxed.stderr.splitlines()), relaxed.stderr
    strict = check(sample_data, "--strict")
    assert strict.returncode == 1 and expected in strict.stderr and "(--strict)" in strict.stderr
    assert run_handbook("stamp", "zh", "--data", str(sample_data)).returncode == 0
    assert check(sample_data, "--strict").returncode == 0  # stamped again: current


def test_an_unstamped_translation_is_stale(sample_data):
    write_translation(sample_data)
    pitfalls = sample_data / "zh" / "pitfalls.yml"
    pitfalls.write_text("\n".join(line for line in pitfalls.read_text(encoding="utf-8").splitlines()
                                  if not line.strip().startswith("source:")), encoding="utf-8")
    result = check(sample_data, "--strict")
    assert result.returncode == 1 and "has no `source:` fingerprint yet" in result.stderr


@pytest.mark.parametrize("change,says", [
    (lambda t: t + " {company.short_name}", "uses {company.short_name} where the English text does not"),
    (lambda t: t + " ![图](x.png)", "image"),
], ids=["added placeholder", "image"])
def test_translated_text_follows_the_english_rules(sample_data, change, says):
    write_translation(sample_data)
    duties = sample_data / "zh" / "duties.yml"
    records = yaml.safe_load(duties.read_text(encoding="utf-8"))
    records[0]["title"] = change(records[0]["title"])
    _write(duties, records)
    result = check(sample_data)
    assert result.returncode == 1 and "duties[0].title: " in result.stderr and says in result.stderr, result.stderr


def test_a_field_that_is_not_text_is_refused_in_a_translation(sample_data):
    write_translation(sample_data)
    duties = sample_data / "zh" / "duties.yml"
    records = yaml.safe_load(duties.read_text(encoding="utf-8"))
    records[0]["area"] = "会议"
    _write(duties, records)
    result = check(sample_data)
    assert result.returncode == 1
    assert "'area' is not text, and stays as the English file has it; delete it here" in result.stderr


def test_the_shipped_translations_are_complete_and_current():
    """CI's gate: every language folder of data/ translates every record, from today's English."""
    result = check(ROOT / "data", "--strict")
    assert result.returncode == 0, result.stderr
    assert "简体中文 complete" in result.stdout


def test_a_check_and_an_edition_parse_each_file_once(monkeypatch, capsys):
    """A translation is the English files with its text put in: checking it after the English, or loading it with
    the English, reads the English files again, and that read comes from the first, not a second parse. Outside
    such a command a read parses the file as it is now (`mkdocs serve` reads edited files)."""
    from macros import cli
    from macros.data import handbook, loader

    parsed = []
    parse = loader._parsed
    monkeypatch.setattr(loader, "_parsed", lambda path, shown: parsed.append(Path(path)) or parse(path, shown))
    english = sorted((ROOT / "data").glob("*.yml"))
    assert cli.main(["check", "--data", str(ROOT / "data")]) == 0
    assert "简体中文 complete" in capsys.readouterr().out
    assert english and all(parsed.count(path) == 1 for path in english), parsed
    assert (ROOT / "data" / "zh" / "roles.yml") in parsed  # the translation was checked, its files read

    parsed.clear()
    handbook.load_edition(ROOT / "data", "zh")
    assert all(parsed.count(path) == 1 for path in english) and (ROOT / "data" / "zh" / "roles.yml") in parsed

    parsed.clear()
    loader.read_yaml(english[0], "data/x.yml")
    loader.read_yaml(english[0], "data/x.yml")
    assert parsed == [english[0], english[0]]


def test_a_prose_page_needs_its_translation_made_from_todays_english(tmp_path):
    """docs/x.md needs docs/x.zh.md; once stamped it is current, and an English edit makes it stale, with its line."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "guide.md").write_text("# Guide\n\nRead this first.\n", encoding="utf-8")
    report = translations.Report()
    translations.check_prose(docs, "zh", "docs/", report)
    assert [str(p) for p in report.problems] == ["docs/guide.zh.md:1: docs/guide.md has no 简体中文 page; write it "
                                                  "(same headings and anchors, same macro calls)"]
    (docs / "guide.zh.md").write_text("---\nhide: [toc]\n---\n\n# 指南 {#guide}\n\n请先读这一页。\n", encoding="utf-8")
    report = translations.Report()
    translations.check_prose(docs, "zh", "docs/", report)
    assert not report.problems and "has no `source:` fingerprint yet" in str(report.stale[0])
    assert translations._stamp_prose(docs / "guide.zh.md", report.stamps[0][2])
    report = translations.Report()
    translations.check_prose(docs, "zh", "docs/", report)
    assert not report.problems and not report.stale
    (docs / "guide.md").write_text("# Guide\n\nRead this first, then your role.\n", encoding="utf-8")
    report = translations.Report()
    translations.check_prose(docs, "zh", "docs/", report)
    assert [p.line for p in report.stale] == [2] and "was made from an older English page" in str(report.stale[0])
