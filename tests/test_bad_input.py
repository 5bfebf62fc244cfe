"""Bad data that YAML or the models once turned into a traceback, a pass or a muddled report ends in one
`path:line: message` line per problem, at the fault, saying what to do."""

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT, run_handbook
from macros.data import loader
from macros.data.handbook import load_handbook
from macros.data.loader import DataError

REAL_DATA = ROOT / "data"


@dataclass
class BadInput:
    name: str
    file: str
    old: str | re.Pattern | None  # text (or a pattern, for the real data, which changes) to replace; None: the file
    new: str
    fault: str  # text on the faulty line of the result; the report must point within two lines of it
    says: str  # part of the message a person acts on


def deep(opening: str, closing: str, levels: int) -> str:
    return opening * levels + closing * levels


FIRST_ID = re.compile(r"^- id: (\S+)$", re.M)
FIRST_TITLE = re.compile(r"^  title: (.+)$", re.M)
FIRST_REVIEW = re.compile(r"^  review_by: (\S+)$", re.M)
TAG = "YAML tags (`!name`, `!!type`) are not allowed in data files; delete the tag"
ESCAPE = "written as a `\\` escape in double quotes, is not allowed in YAML; delete the escape"

# On the smallest complete data set (tests/fixtures/minimal), by class of fault.
SAMPLE = [
    # 1. A list or mapping where a record's id goes: a TypeError in the id index.
    BadInput("1 id is a mapping", "duties.yml", "- id: sample-duty", "- id: {a: 1}", "- id:",
             "duties[0].id: expected text"),
    BadInput("1 id is a list", "principles.yml", "- id: sample-principle", "- id: [x]", "- id:",
             "principles[0].id: expected text"),
    # 2. Nesting deep enough to exhaust a recursive composer: a RecursionError, or libyaml crashing the process.
    BadInput("2 flow lists 300 deep", "duties.yml", "  how: [Listen, Write, Circulate]",
             f"  how: {deep('[', ']', 300)}", "how:", "values nest more than 32 levels deep here"),
    BadInput("2 flow mappings 300 deep", "duties.yml", "  how: [Listen, Write, Circulate]",
             f"  how: {deep('{a: ', '}', 300)}", "how:", "flatten it"),
    BadInput("2 block lists 300 deep", "duties.yml", "  how: [Listen, Write, Circulate]",
             "  how:\n  " + "- " * 300 + "x", "- - -", "values nest more than 32 levels deep"),
    BadInput("2 flow lists 100000 deep", "glossary.yml", "  aliases: [seal]",
             f"  aliases: {deep('[', ']', 100_000)}", "aliases:", "values nest more than 32 levels deep"),
    # 3. A tag on a list or mapping was dropped in silence; every explicit tag is refused alike.
    BadInput("3 !!set", "duties.yml", "  how: [Listen, Write, Circulate]", "  how: !!set {Listen, Write}", "how:",
             f"tag `!!set`: {TAG}"),
    BadInput("3 !!omap", "duties.yml", "  how: [Listen, Write, Circulate]", "  how: !!omap [a: Listen]", "how:",
             f"tag `!!omap`: {TAG}"),
    BadInput("3 !!python/tuple", "duties.yml", "  how: [Listen, Write, Circulate]",
             "  how: !!python/tuple [Listen]", "how:", f"tag `!!python/tuple`: {TAG}"),
    BadInput("3 custom tag on a mapping", "roles.yml", "  expectations:", "  expectations: !custom", "expectations:",
             f"tag `!custom`: {TAG}"),
    BadInput("3 tag on text", "duties.yml", "  title: Take the minutes", "  title: !!str Take the minutes",
             "title:", f"tag `!!str`: {TAG}"),
    # 4. A control character written as an escape in double quotes, which the reader refuses written raw.
    *(BadInput(f"4 escape {escape}", "duties.yml", "  title: Take the minutes", f'  title: "Take{escape} the minutes"',
               "title:", f"character U+{code:04X}, {ESCAPE}")
      for escape, code in [("\\u0000", 0), ("\\e", 0x1B), ("\\x7f", 0x7F), ("\\x9b", 0x9B), ("\\f", 0xC),
                           ("\\v", 0xB)]),
    BadInput("4 escape in a key", "duties.yml", "  title: Take the minutes", '  "ti\\ftle": Take the minutes',
             "ti\\ftle", f"character U+000C, {ESCAPE}"),
    BadInput("4 escape on a later line of quoted text", "duties.yml", "  summary: Record what the meeting decided.",
             '  summary: "Record what\n    the meeting\\a decided."', "summary:", f"character U+0007, {ESCAPE}"),
    # 6. A file holding only null passed as a file of no records.
    BadInput("6 only ~", "duties.yml", None, "~\n", "~", "file holds no records"),
    BadInput("6 only ---", "donts.yml", None, "---\n", "---",
             "file holds no records (`~`, `null` or a bare `---` is an empty document)"),
    BadInput("6 only null", "glossary.yml", None, "null\n", "null", "file holds no records"),
    # 7. A lone anchor passed, though the alias message says anchors are not allowed.
    BadInput("7 anchor on text", "duties.yml", "  title: Take the minutes", "  title: &t Take the minutes", "&t",
             "anchor `&t`: anchors and aliases (&name, *name) are not allowed in data files; delete `&t`"),
    BadInput("7 anchor on a list", "duties.yml", "  how: [Listen, Write, Circulate]",
             "  how: &steps [Listen, Write, Circulate]", "&steps", "delete `&steps`"),
    # 8. A report over two lines, the second without its file and line (PyYAML's `in "<unicode string>"`).
    BadInput("8 merge key", "duties.yml", "  area: meetings", "  <<: {title: Other}\n  area: meetings", "<<",
             "`<<` merges another mapping into this one, which data files may not do; write the fields out in full"),
    BadInput("8 default-value key", "duties.yml", "  area: meetings", "  =: x\n  area: meetings", "=:",
             "YAML reads a plain `=` as a default-value key; quote it"),
    BadInput("8 line break in an id", "donts.yml", "- id: sample-dont", '- id: "sample\\ndont"', "- id:",
             "'sample dont' is not a valid id"),
    # 10. An occupation code in the wrong form was told to be "a valid id" of lowercase words.
    BadInput("10 occupation code", "roles.yml", "    code: 43-6011.00", "    code: 43-6011", "code:",
             "'43-6011' is not an O*NET-SOC code; write two digits, a hyphen, four digits, a point and two digits"),
    BadInput("8 line break in a field name", "duties.yml", "  title: Take the minutes", '  "ti\\ntle": Take',
             "ti\\ntle", "unknown field 'ti tle'"),
    # 9. An unclosed quote or bracket, reported where the reader gave up, not where it opened.
    BadInput("9 unclosed double quote", "duties.yml", "  title: Take the minutes", '  title: "Take the minutes',
             "title:", "the quoted text that starts here is never closed (the reader gave up on line"),
    BadInput("9 unclosed single quote", "checklists.yml", "      text: Send", "      text: 'Send", "text:",
             "end it with the quote mark it starts with"),
    BadInput("9 unclosed bracket", "duties.yml", "  how: [Listen, Write, Circulate]", "  how: [Listen, Write, Circulate",
             "how:", "the `[` list that starts here is not closed properly"),
    # Found while fuzzing: a field name YAML reads as a number, a date or null.
    BadInput("field name read as a number", "duties.yml", "  area: meetings", "  1: x\n  area: meetings", "1: x",
             "YAML reads the field name `1` as a number, not text; write a field name"),
    BadInput("field name read as a date", "pitfalls.yml", "  review_by: 2027-06-30",
             "  review_by: 2027-06-30\n  2027-01-01: x", "2027-01-01: x", "field name `2027-01-01` as a date"),
    BadInput("line separator", "duties.yml", "  title: Take the minutes", "  title: Take the\u2028minutes",
             "title:", "character U+2028 (line separator) is a line break to YAML but not to most editors"),
    BadInput("carriage return alone", "duties.yml", "  title: Take the minutes", "  title: Take the\rminutes",
             "title:", "carriage return (U+000D) without a newline after it"),
    BadInput("second document", "duties.yml", "  area: meetings", "  area: meetings\n---\n- x", "---",
             "a data file holds one YAML document: delete this `---`"),
]

# On a copy of the real data/, where faults sit among hundreds of lines (the patterns find the first record).
REAL = [
    BadInput("1 real id is a list", "roles.yml", FIRST_ID, r"- id: [\1]", "- id:", "roles[0].id: expected text"),
    BadInput("2 real date 500 deep", "checklists.yml", FIRST_REVIEW, f"  review_by: {deep('[', ']', 500)}",
             "review_by:", "values nest more than 32 levels deep"),
    BadInput("3 real tag on an id", "duties.yml", FIRST_ID, r"- id: !slug \1", "- id:", f"tag `!slug`: {TAG}"),
    BadInput("4 real escape", "principles.yml", FIRST_TITLE, r'  title: "\1\\e"', "title:",
             f"character U+001B, {ESCAPE}"),
    BadInput("6 real glossary is ~", "glossary.yml", None, "~\n", "~", "file holds no records"),
    BadInput("7 real anchor", "roles.yml", FIRST_TITLE, r"  title: &role \1", "&role", "delete `&role`"),
    BadInput("9 real unclosed quote", "duties.yml", FIRST_TITLE, r'  title: "\1', "title:",
             "the quoted text that starts here runs on over lines that look like fields, to a quote mark on line"),
]


def apply(case: BadInput, data_dir: Path) -> int:
    """Writes the fault into the copy; returns the line it is on."""
    path = data_dir / case.file
    text = path.read_text(encoding="utf-8")
    if case.old is None:
        text = case.new
    elif isinstance(case.old, re.Pattern):
        assert case.old.search(text), f"test setup: {case.old.pattern!r} matches nothing in {case.file}"
        text = case.old.sub(case.new, text, count=1)
    else:
        assert case.old in text, f"test setup: {case.old!r} not in {case.file}"
        text = text.replace(case.old, case.new, 1)
    path.write_text(text, encoding="utf-8", newline="")
    return text[: text.index(case.fault)].count("\n") + 1


def assert_reported(case: BadInput, fault_line: int, returncode: int, report: str, data_dir: Path) -> None:
    """The contract: a failure, every line but the summary `FILE.yml:N: ...` with N a line of FILE, one of them at
    the fault saying what to do, and nothing from inside Python or PyYAML."""
    prefix = f"{data_dir.as_posix()}/"
    assert returncode == 1, report
    assert "Traceback" not in report and "<unicode string>" not in report, report
    *problems, summary = report.splitlines()
    assert re.fullmatch(r"\d+ problem\(s\) found; fix them and run `handbook check` again", summary), report
    for line in problems:
        match = re.match(rf"{re.escape(prefix)}(?P<file>[a-z]+\.yml):(?P<line>\d+): \S", line)
        assert match, f"not `FILE.yml:N: ...`: {line!r}"
        lines = (data_dir / match["file"]).read_bytes().split(b"\n")
        assert 1 <= int(match["line"]) <= len(lines) - (lines[-1] == b""), f"not a line of the file: {line!r}"
    here = [line for line in problems if line.startswith(f"{prefix}{case.file}:")]
    near = [line for line in here if abs(int(line.split(":")[1]) - fault_line) <= 2 and case.says in line]
    assert near, f"nothing within two lines of {case.file}:{fault_line} saying {case.says!r} in:\n{report}"


@pytest.mark.parametrize("case", SAMPLE, ids=lambda c: c.name)
def test_bad_sample_data_is_reported_at_the_fault(case, sample_data):
    """Each fault in the sample data fails `handbook check` with its file, its line and what to do."""
    fault_line = apply(case, sample_data)
    result = run_handbook("check", "--data", str(sample_data))
    assert_reported(case, fault_line, result.returncode, result.stderr, sample_data)


@pytest.fixture
def real_data(tmp_path) -> Path:
    """A writable copy of the real data/."""
    target = tmp_path / "data"
    shutil.copytree(REAL_DATA, target)
    return target


@pytest.mark.parametrize("case", REAL, ids=lambda c: c.name)
def test_bad_real_data_is_reported_at_the_fault(case, real_data):
    """The same faults among the real records: the report points at them, not hundreds of lines away."""
    fault_line = apply(case, real_data)
    result = run_handbook("check", "--data", str(real_data))
    assert_reported(case, fault_line, result.returncode, result.stderr, real_data)


YAML_LEVEL = [case for case in SAMPLE if case.name[0] in "234679"]


@pytest.mark.parametrize("case", YAML_LEVEL, ids=lambda c: c.name)
def test_pure_python_yaml_reports_the_same(case, sample_data, monkeypatch):
    """Without libyaml, PyYAML's own (recursive, Python) loader stands in and refuses the same faults alike."""
    monkeypatch.setattr(loader, "_Loader", loader._PurePythonLoader)
    fault_line = apply(case, sample_data)
    prefix = f"{sample_data.as_posix()}/"
    with pytest.raises(DataError) as error:
        load_handbook(sample_data, shown_prefix=prefix)
    problems = error.value.problems
    report = "\n".join(map(str, problems)) + f"\n{len(problems)} problem(s) found; fix them and run `handbook check` again"
    assert_reported(case, fault_line, 1, report, sample_data)


def test_a_problem_is_not_hidden_by_one_on_the_same_line_of_another_file(sample_data):
    """A YAML surprise on line 5 of one file does not silence a different problem on line 5 of a later one."""
    apply(BadInput("", "roles.yml", "  title: Sample role", "  title: no", "title:", ""), sample_data)
    apply(BadInput("", "duties.yml", "  title: Take the minutes", "  title: [Take the minutes]", "title:", ""),
          sample_data)
    result = run_handbook("check", "--data", str(sample_data))
    assert f"{sample_data.as_posix()}/duties.yml:5: duties[0].title: expected text" in result.stderr, result.stderr


def test_every_message_is_one_line():
    """A message holding line breaks or tabs is folded into one line, so every line of a report is a problem."""
    problem = loader.Problem("data/x.yml", 3, "cannot read it:\n  in \"here\"\tnow")
    assert str(problem) == 'data/x.yml:3: cannot read it: in "here" now'
