"""Mutations of the real data/ (types, nesting, keys, ids, references, YAML syntax, encodings) end in exit 0 or 1,
never a traceback; every problem is `FILE.yml:N: ...` with N inside the file; a mutation known to break the data
is never accepted.

The default (1000 examples) keeps this module to about a minute; HANDBOOK_FUZZ_EXAMPLES=5000 runs a longer search.
"""

import contextlib
import shutil
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from conftest import ROOT, run_handbook
from macros import cli
from macros.data import loader, models
from macros.data.handbook import REFERENCES

EXAMPLES = int(os.environ.get("HANDBOOK_FUZZ_EXAMPLES", "1000"))  # about 40 ms each; the default is a minute
FUZZ = settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
TODAY = "2000-01-01"  # before every review date: no overdue warnings among the problems
SUMMARY = re.compile(r"\d+ problem\(s\) found; fix them and run `handbook check` again")


# The real data, as it is when the tests start, split into the `key: value` lines the mutations work on.

FIELD = re.compile(r"(?P<lead> *(?:- )?)(?P<key>[a-z_0-9]+):(?P<value>.*)")


@dataclass(frozen=True)
class Field:
    """One `key: value` line of a data file."""

    index: int  # of the line in the file
    lead: str  # the indentation and `- ` before the key
    key: str
    value: str  # after the colon, stripped; '' when the value is a block on the lines below
    whole: bool  # the value is all on this line: not a block, folded text or plain text running on below


@dataclass(frozen=True)
class DataFile:
    name: str
    text: str
    lines: tuple[str, ...]
    fields: tuple[Field, ...]

    def where(self, test) -> list[Field]:
        return [f for f in self.fields if test(f)]


def indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def parse(name: str, text: str) -> DataFile:
    lines = tuple(text.split("\n"))
    fields = []
    for index, line in enumerate(lines):
        match = FIELD.fullmatch(line)
        if not match:
            continue
        value = match["value"].strip()
        below = lines[index + 1] if index + 1 < len(lines) else ""
        runs_on = below.strip() and indent(below) > len(match["lead"])
        whole = bool(value) and not value.startswith((">", "|")) and not runs_on
        fields.append(Field(index, match["lead"], match["key"], value, whole))
    return DataFile(name, text, lines, tuple(fields))


REAL = {path.name: path.read_text(encoding="utf-8") for path in sorted((ROOT / "data").glob("*.yml"))}
FILES = [parse(name, text) for name, text in REAL.items()]

ID_FIELDS = {field.rpartition(".")[2] for _, field in REFERENCES}  # duties, principles, ..., role


def required_everywhere() -> set[str]:
    """Field names every model that has them requires: deleting one always breaks its record."""
    found: dict[str, bool] = {}
    pending = [models.Strict]
    while pending:
        model = pending.pop()
        pending += model.__subclasses__()
        if model.__module__ != models.__name__:
            continue  # the company settings' models: the settings file is not fuzzed as a record file
        for name, info in model.model_fields.items():
            found[name] = found.get(name, True) and info.is_required()
    return {name for name, required in found.items() if required}


REQUIRED = required_everywhere()


@dataclass(frozen=True)
class Mutant:
    """One data file changed one way, and whether the change must make the check fail."""

    kind: str
    file: str
    content: bytes
    must_fail: bool
    fault: int | None = None  # the line a report must point near (within two lines), when the change has one

    def __repr__(self) -> str:
        changed = [line for line in self.content.decode("utf-8", "replace").split("\n") if line not in REAL_LINES]
        return (f"Mutant({self.kind!r}, {self.file!r}, must_fail={self.must_fail}, fault={self.fault}, "
                f"changed={changed[:3]!r})")

    def _repr_pretty_(self, printer, cycle) -> None:  # what Hypothesis prints for a failing example: the change
        printer.text(repr(self))


REAL_LINES = {line for text in REAL.values() for line in text.split("\n")}


def mutant(kind: str, file: DataFile, lines, must_fail: bool, fault: int | None = None) -> Mutant:
    """`fault` is the index of the faulty line among `lines`."""
    return Mutant(kind, file.name, "\n".join(lines).encode("utf-8"), must_fail, None if fault is None else fault + 1)


def replaced(file: DataFile, index: int, *new: str) -> list[str]:
    """The file's lines with line `index` replaced by `new` (none: deleted)."""
    return [*file.lines[:index], *new, *file.lines[index + 1:]]


def with_value(field: Field, value: str) -> str:
    return f"{field.lead}{field.key}: {value}"


def inner_lead(field: Field) -> str:
    """The indentation of a sibling key: a `- ` turned into spaces."""
    return " " * len(field.lead)


@st.composite
def a_field(draw, test=lambda f: True) -> tuple[DataFile, Field]:
    file = draw(st.sampled_from([f for f in FILES if f.where(test)]))
    return file, draw(st.sampled_from(file.where(test)))


def whole(f: Field) -> bool:
    return f.whole


# Types: text, dates, numbers and lists become something else. None of these values suits any field but the ones
# listed, so each is invalid everywhere else.
OTHER_TYPES = ["3.5", "-7", "~", "[3.5]", "{x: y}", "true", "2027-01-05", "''"]
SUITS = {("example", "~"), ("optional", "true"), ("review_by", "2027-01-05")}


@st.composite
def wrong_type(draw) -> Mutant:
    file, field = draw(a_field(whole))
    value = draw(st.sampled_from(OTHER_TYPES))
    return mutant("wrong type", file, replaced(file, field.index, with_value(field, value)),
                  must_fail=(field.key, value) not in SUITS, fault=field.index)


# Nesting: a value wrapped in a list or mapping, once or thousands of times (libyaml's composer recurses in C).

@st.composite
def wrapped(draw) -> Mutant:
    file, field = draw(a_field(whole))
    opening, closing = draw(st.sampled_from([("[", "]"), ("{wrapped: ", "}")]))
    # 480 stays under the bracket count that sends text to an exact depth count first, and is deep enough to
    # exhaust Python's recursion on the way from nodes to values; 50 000 would crash libyaml's composer.
    levels = draw(st.sampled_from([1, 2, 33, 300, 480, 3000, 50_000]))
    value = opening * levels + field.value + closing * levels
    return mutant(f"wrapped {levels} deep", file, replaced(file, field.index, with_value(field, value)), True,
                  fault=field.index)


@st.composite
def nested_block(draw) -> Mutant:
    file, field = draw(a_field(whole))
    levels = draw(st.sampled_from([2, 40, 400]))
    block = f"{inner_lead(field)}  " + "- " * levels + field.value
    return mutant(f"block list {levels} deep", file, replaced(file, field.index, f"{field.lead}{field.key}:", block),
                  True, fault=field.index + 1)


# Keys: renamed, deleted, duplicated, or a key no model has.

@st.composite
def renamed_key(draw) -> Mutant:
    file, field = draw(a_field())
    new = draw(st.sampled_from([field.key + "s", field.key[:-1], field.key.upper(), "x" + field.key]))
    line = file.lines[field.index].replace(f"{field.key}:", f"{new}:", 1)
    return mutant("renamed key", file, replaced(file, field.index, line), must_fail=new != field.key,
                  fault=field.index)


@st.composite
def deleted_field(draw) -> Mutant:
    file, field = draw(a_field(lambda f: f.whole and "-" not in f.lead))
    return mutant("deleted field", file, replaced(file, field.index), must_fail=field.key in REQUIRED)


@st.composite
def duplicated_key(draw) -> Mutant:
    file, field = draw(a_field(whole))
    copy = f"{inner_lead(field)}{field.key}: {field.value}"
    return mutant("duplicated key", file, replaced(file, field.index, file.lines[field.index], copy), True,
                  fault=field.index + 1)


@st.composite
def unknown_key(draw) -> Mutant:
    file, field = draw(a_field(whole))
    # Plain names, and names YAML reads as something else: a merge key, a default-value key, a number, a date.
    name = draw(st.sampled_from(["colour", "notes", "id_", "titel", "<<", "=", "1", "null", "2027-01-01", "'1'"]))
    extra = f"{inner_lead(field)}{name}: extra"
    return mutant("unknown key", file, replaced(file, field.index, file.lines[field.index], extra), True,
                  fault=field.index + 1)


# Ids: not a slug, a copy of another record's, or not text at all.

def is_id(f: Field) -> bool:
    return f.key == "id" and f.whole


@st.composite
def bad_slug(draw) -> Mutant:
    file, field = draw(a_field(is_id))
    value = draw(st.sampled_from(["Not A Slug", "snake_case", "-leading", "trailing-", "double--hyphen", "UPPER",
                                  "'quoted space'", "é-accent", '"line\\nbreak"', '"tab\\tin"']))
    return mutant("bad slug", file, replaced(file, field.index, with_value(field, value)), True, fault=field.index)


@st.composite
def duplicate_id(draw) -> Mutant:
    file = draw(st.sampled_from([f for f in FILES if len(f.where(lambda f: f.lead == "- " and f.key == "id")) > 1]))
    first, other = draw(st.lists(st.sampled_from(file.where(lambda f: f.lead == "- " and f.key == "id")),
                                 min_size=2, max_size=2, unique=True))
    # Reported at whichever of the two comes later in the file.
    return mutant("duplicate id", file, replaced(file, other.index, with_value(other, first.value)), True,
                  fault=max(first.index, other.index))


@st.composite
def id_not_text(draw) -> Mutant:
    file, field = draw(a_field(is_id))
    value = draw(st.sampled_from(["{a: 1}", "[x]", "[]", "{}", f"[{field.value}]", "~", "42"]))
    return mutant("id not text", file, replaced(file, field.index, with_value(field, value)), True,
                  fault=field.index)


# References: an id that names no record.

@st.composite
def dangling_reference(draw) -> Mutant:
    file, field = draw(a_field(lambda f: f.whole and f.key in ID_FIELDS and f.value not in ("[]", "")))
    ids = [i.strip() for i in field.value.strip("[]").split(",")] if field.value.startswith("[") else [field.value]
    ids[draw(st.integers(0, len(ids) - 1))] = draw(st.sampled_from(["no-such-record", ids[0] + "x", "x" + ids[0]]))
    value = f"[{', '.join(ids)}]" if field.value.startswith("[") else ids[0]
    return mutant("dangling reference", file, replaced(file, field.index, with_value(field, value)), True,
                  fault=field.index)


# YAML syntax: unclosed quotes and brackets, tabs, tags, anchors and aliases, indentation off by one.

@st.composite
def unclosed(draw) -> Mutant:
    file, field = draw(a_field(lambda f: f.whole and not f.value.startswith(("'", '"', "["))))
    mark = draw(st.sampled_from(['"', "'", "[", "{"]))
    return mutant(f"unclosed {mark}", file, replaced(file, field.index, with_value(field, mark + field.value)), True,
                  fault=field.index)


@st.composite
def tab_indent(draw) -> Mutant:
    file, field = draw(a_field())
    line = file.lines[field.index]
    at = draw(st.integers(0, indent(line)))
    return mutant("tab in indentation", file, replaced(file, field.index, line[:at] + "\t" + line[at:]), True,
                  fault=field.index)


@st.composite
def tagged(draw) -> Mutant:
    file, field = draw(a_field())
    tag = draw(st.sampled_from(["!!str", "!!set", "!!omap", "!!python/tuple", "!!binary", "!custom", "!", "!<x>"]))
    line = file.lines[field.index].replace(f"{field.key}:", f"{field.key}: {tag}", 1)
    return mutant(f"tag {tag}", file, replaced(file, field.index, line), True, fault=field.index)


@st.composite
def anchored(draw) -> Mutant:
    file, field = draw(a_field())
    line = file.lines[field.index].replace(f"{field.key}:", f"{field.key}: &a", 1)
    lines = replaced(file, field.index, line)
    if draw(st.booleans()):  # and used: the same value again as an alias, as a new field of a later record
        later = draw(st.sampled_from(file.where(lambda f: f.whole and f.index > field.index) or [field]))
        lines.insert(later.index + 1, f"{inner_lead(later)}aliased: *a")
    return mutant("anchor", file, lines, True, fault=field.index)


@st.composite
def lone_alias(draw) -> Mutant:
    file, field = draw(a_field(whole))
    return mutant("alias of nothing", file, replaced(file, field.index, with_value(field, "*nothing")), True,
                  fault=field.index)


@st.composite
def shifted(draw) -> Mutant:
    file, field = draw(a_field(lambda f: f.whole and len(f.lead) > 0))
    line = file.lines[field.index]
    line = " " + line if draw(st.booleans()) else line[1:]
    return mutant("indentation off by one", file, replaced(file, field.index, line), must_fail=False,
                  fault=field.index)


# Encodings: bytes that are not UTF-8, a byte-order mark, control characters written raw and as escapes.

@st.composite
def invalid_utf8(draw) -> Mutant:
    file = draw(st.sampled_from(FILES))
    data = file.text.encode("utf-8")
    at = draw(st.integers(0, len(data)))
    byte = draw(st.sampled_from([b"\x80", b"\xbf", b"\xc0", b"\xfe", b"\xff"]))  # never valid where inserted
    return Mutant("invalid UTF-8", file.name, data[:at] + byte + data[at:], True, fault=data.count(b"\n", 0, at) + 1)


@st.composite
def byte_order_mark(draw) -> Mutant:
    file = draw(st.sampled_from(FILES))
    return Mutant("byte-order mark", file.name, b"\xef\xbb\xbf" + file.text.encode("utf-8"), must_fail=False)


REFUSED = [chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F, 0x80, 0x9B, 0x9F]]


@st.composite
def raw_control(draw) -> Mutant:
    file, field = draw(a_field(whole))
    line = file.lines[field.index]
    at = draw(st.integers(len(line) - len(field.value), len(line)))
    char = draw(st.sampled_from(REFUSED))
    return mutant(f"raw U+{ord(char):04X}", file, replaced(file, field.index, line[:at] + char + line[at:]), True,
                  fault=field.index)


@st.composite
def escaped_control(draw) -> Mutant:
    file, field = draw(a_field(whole))
    escape = draw(st.sampled_from(["\\0", "\\a", "\\b", "\\e", "\\f", "\\v", "\\x01", "\\x7f", "\\x9b", "\\u0000",
                                   "\\u009f", "\\ud800", "\\ufffe", "\\U0000001f"]))
    value = f'"Some{escape} text"'
    return mutant(f"escape {escape}", file, replaced(file, field.index, with_value(field, value)), True,
                  fault=field.index)


@st.composite
def odd_line_break(draw) -> Mutant:
    """A line break YAML counts but editors mostly do not (CR alone, NEL, LS, PS) would put later lines off: refused.
    A CR just before the newline makes a CRLF line end, which is fine."""
    file, field = draw(a_field(whole))
    line = file.lines[field.index]
    char = draw(st.sampled_from(["\r", "\x85", "\u2028", "\u2029", "\r\n"]))
    # At the end of a line the break only adds an empty line, which YAML reads without a complaint.
    at = len(line) if draw(st.booleans()) else draw(st.integers(len(line) - len(field.value), len(line)))
    return mutant(f"line break {char!r}", file, replaced(file, field.index, line[:at] + char + line[at:]),
                  must_fail=char in ("\x85", "\u2028", "\u2029") or char == "\r" and at < len(line), fault=field.index)


# Files: no records at all. Only `[]` may pass (a kind nothing has to cite may have no records).

@st.composite
def emptied_file(draw) -> Mutant:
    file = draw(st.sampled_from(FILES))
    content = draw(st.sampled_from(["", "# only a comment\n", "~\n", "null\n", "---\n", "--- ~\n", "{}\n", "[]\n"]))
    empty = content != "[]\n"  # `[]` is sound in itself: what fails is any citing of its records, elsewhere
    return Mutant(f"file of {content.strip()!r}", file.name, content.encode(), must_fail=empty, fault=1 if empty else None)


# Records: a record twice (its id twice), or a record gone (what cited it now dangles, or nothing does).

def records(file: DataFile) -> list[tuple[int, int]]:
    starts = [f.index for f in file.fields if f.lead == "- " and f.key == "id"] + [len(file.lines)]
    return list(zip(starts, starts[1:]))


@st.composite
def duplicated_record(draw) -> Mutant:
    file = draw(st.sampled_from(FILES))
    start, end = draw(st.sampled_from(records(file)))
    body = [line for line in file.lines[start:end] if line.strip()]
    return mutant("duplicated record", file, [*file.lines, *body], True, fault=len(file.lines))


@st.composite
def deleted_record(draw) -> Mutant:
    file = draw(st.sampled_from(FILES))
    start, end = draw(st.sampled_from(records(file)))
    return mutant("deleted record", file, [*file.lines[:start], *file.lines[end:]], must_fail=len(records(file)) == 1)


MUTATIONS = [
    wrong_type, wrapped, nested_block, renamed_key, deleted_field, duplicated_key, unknown_key, bad_slug,
    duplicate_id, id_not_text, dangling_reference, unclosed, tab_indent, tagged, anchored, lone_alias, shifted,
    invalid_utf8, byte_order_mark, raw_control, escaped_control, odd_line_break, emptied_file, duplicated_record,
    deleted_record,
]
MUTANTS = st.one_of([mutation() for mutation in MUTATIONS])


# Running the check, and the contract every run keeps.

@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """A copy of the real data, as the tests started; each example changes one file and puts it back."""
    target = tmp_path_factory.mktemp("fuzz") / "data"
    target.mkdir()
    for name, text in REAL.items():
        (target / name).write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "data" / "settings", target / "settings")  # the company settings, not mutated here
    return target


@contextlib.contextmanager
def written(workspace: Path, mutant: Mutant):
    path = workspace / mutant.file
    path.write_bytes(mutant.content)
    try:
        yield
    finally:
        path.write_text(REAL[mutant.file], encoding="utf-8")


def check_in_process(data_dir: Path) -> tuple[int, str, str]:
    """`handbook check` as main() runs it, output captured: any exception escaping is a failure of the test."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["check", "--data", str(data_dir), "--today", TODAY])
    return code, out.getvalue(), err.getvalue()


def line_count(content: bytes) -> int:
    return content.count(b"\n") + (not content.endswith(b"\n"))


def assert_contract(mutant: Mutant, code: int, out: str, err: str, data_dir: Path) -> None:
    assert code in (0, 1), f"exit {code}\n{err}"
    assert "Traceback" not in err and "<unicode string>" not in err, err
    prefix = cli._shown(data_dir)
    if code == 0:
        assert out.startswith("ok: ") and not err, f"exit 0 with problems:\n{err}"
    else:
        *problems, summary = err.splitlines()
        assert SUMMARY.fullmatch(summary), err
        for problem in problems:
            match = re.match(rf"{re.escape(prefix)}(?P<file>[a-z]+\.yml):(?P<line>\d+): \S", problem)
            assert match, f"not `FILE.yml:N: ...`: {problem!r}"
            assert match["file"] in REAL, problem
            content = mutant.content if match["file"] == mutant.file else REAL[match["file"]].encode()
            assert 1 <= int(match["line"]) <= line_count(content), f"line outside the file: {problem!r}"
        if mutant.fault:
            lines = [int(p.split(":")[1]) for p in problems if p.startswith(f"{prefix}{mutant.file}:")]
            assert any(abs(line - mutant.fault) <= 2 for line in lines), f"nothing near line {mutant.fault}:\n{err}"
    if mutant.must_fail:
        assert code == 1, f"{mutant.kind} was accepted: {out}"


@FUZZ
@given(mutant=MUTANTS)
def test_mutated_real_data_fails_cleanly_or_passes(mutant, workspace):
    """Every mutation ends in a clean pass or a clean report; those that break the data always fail."""
    with written(workspace, mutant):
        code, out, err = check_in_process(workspace)
    event(f"{mutant.kind.split(' ')[0]}: exit {code}")  # shown by pytest --hypothesis-show-statistics
    assert_contract(mutant, code, out, err, workspace)


@settings(FUZZ, max_examples=6)
@given(mutant=MUTANTS)
def test_mutated_real_data_through_the_real_command(mutant, workspace):
    """A few of the same examples through `python -m macros.cli check`, as a person runs it (exit code included)."""
    with written(workspace, mutant):
        result = run_handbook("check", "--data", str(workspace), "--today", TODAY)
    assert_contract(mutant, result.returncode, result.stdout, result.stderr, workspace)


@settings(FUZZ, max_examples=max(10, EXAMPLES // 100))
@given(mutant=MUTANTS)
def test_pure_python_yaml_keeps_the_contract(mutant, workspace):
    """Without libyaml, PyYAML's own loader (recursive, in Python) stands in: the same contract holds."""
    original = loader._Loader
    loader._Loader = loader._PurePythonLoader
    try:
        with written(workspace, mutant):
            code, out, err = check_in_process(workspace)
    finally:
        loader._Loader = original
    assert_contract(mutant, code, out, err, workspace)


def test_the_real_data_passes_unmutated(workspace):
    """The mutations start from valid data, so a failure is the mutation's doing."""
    code, out, err = check_in_process(workspace)
    assert code == 0, err


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.__name__)
def test_every_mutation_kind_keeps_the_contract(mutation, workspace):
    """Each kind of mutation alone, a few examples, so none is starved by the others in the mixed run."""

    @settings(FUZZ, max_examples=max(8, EXAMPLES // 100))
    @given(mutant=mutation())
    def one_kind(mutant):
        with written(workspace, mutant):
            code, out, err = check_in_process(workspace)
        assert_contract(mutant, code, out, err, workspace)

    one_kind()
