"""Reads one YAML data file into checked models, reporting every problem as `path:line: field: message`."""

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

Loc = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, located in a file and line."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class DataError(Exception):
    """Raised when the data has problems; carries all of them, sorted."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__("\n".join(map(str, self.problems)))


@dataclass
class SourceMap:
    """Where each value of a file sits: a location path (record index, field, item index...) to its line."""

    path: str
    kind: str
    text: str = ""  # the file as read; its lines are mapped only when a problem needs one
    raw: dict[Loc, str] = field(default_factory=dict)  # unquoted scalars YAML read as something other than text
    _lines: dict[Loc, int] | None = field(default=None, repr=False)

    @property
    def lines(self) -> dict[Loc, int]:
        """Location -> line, made on first use by reading the text again. Valid data never needs it, and a line for
        every value was most of the memory of a load and made loading grow faster than the data (benchmarks/)."""
        if self._lines is None:
            self._lines = _line_index(self)
        return self._lines

    def line(self, loc: Loc) -> int:
        """The line of the deepest known part of `loc` (a missing field points at its record)."""
        for end in range(len(loc), 0, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


def did_you_mean(word: str, choices) -> str:
    """A ' (did you mean 'x'?)' hint for a near miss, or ''."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def loc_text(kind: str, loc: Loc) -> str:
    """Renders ('roles', 3, 'duties', 1) as `roles[3].duties[1]`."""
    text = kind
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


# libyaml scans, parses and composes in C, many times faster than PyYAML's Python (which stands in without it).
# Neither expands aliases: an alias is the anchored node again, which _to_python refuses when it meets it twice.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ALIAS_MESSAGE = "anchors and aliases (&name, *name) are not allowed in data files; write the value out in full"


class _YamlProblem(Exception):
    def __init__(self, line: int, message: str):
        self.line, self.message = line, message


_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_CANONICAL = {"tag:yaml.org,2002:bool": {"true", "false"}}
_TEXT = "tag:yaml.org,2002:str"
_TAB_IN_INDENT = re.compile(r"^[^\S\n]*\t", re.M)  # a tab among the whitespace that starts a line
_CONTENT_LINE = re.compile(r"^[^\S\n]*[^\s#]", re.M)  # a line that is neither blank nor a comment


def read_yaml(path: Path, shown: str) -> tuple[Any, SourceMap, list[Problem]]:
    """Parses a YAML file into plain Python values with a line for every value; never raises."""
    source_map = SourceMap(shown, Path(shown).stem)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, source_map, [Problem(shown, 1, "file is missing; create it as a YAML list of records")]
    except OSError as error:
        return None, source_map, [Problem(shown, 1, f"cannot read the file: {error.strerror}")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        return None, source_map, [Problem(shown, line, f"byte 0x{byte:02x} is not valid UTF-8; save the file as UTF-8")]
    source_map.text = text
    tabs = [  # searched first: splitting a large file into lines costs more than the search
        Problem(shown, number, "tab character in indentation; indent with spaces only")
        for number, line in enumerate(text.splitlines(), start=1)
        if "\t" in line[: len(line) - len(line.lstrip())]
    ] if _TAB_IN_INDENT.search(text) else []
    if tabs:
        return None, source_map, tabs
    if not _CONTENT_LINE.search(text):
        return None, source_map, [Problem(shown, 1, "file is empty; it should hold a YAML list of records (- id: ...)")]
    loader = None
    try:
        loader = _Loader(text)  # PyYAML checks characters here, libyaml while parsing: both are caught below
        node = loader.get_single_node()
        problems: list[Problem] = []
        value = _to_python(loader, node, (), source_map, problems, set())
    except _YamlProblem as problem:
        return None, source_map, [Problem(shown, problem.line, problem.message)]
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return None, source_map, [Problem(shown, line, f"not valid YAML: {error.problem or error.context}")]
    except yaml.reader.ReaderError as error:
        line = text[: max(text.find(chr(error.character)), 0)].count("\n") + 1
        return None, source_map, [Problem(shown, line, f"character U+{error.character:04X} is not allowed in YAML; "
                                                       "delete it (it often comes in unseen with pasted text)")]
    finally:
        if loader is not None:
            loader.dispose()
    return value, source_map, problems


def _line_index(source_map: SourceMap) -> dict[Loc, int]:
    """The line of every location in the source map's text, from a second read that records them."""
    lines: dict[Loc, int] = {}
    loader = None
    try:
        loader = _Loader(source_map.text)
        _to_python(loader, loader.get_single_node(), (), SourceMap(source_map.path, source_map.kind), [], set(), lines)
    except (_YamlProblem, yaml.YAMLError):
        pass  # the lines before the fault, as far as the first read got
    finally:
        if loader is not None:
            loader.dispose()
    return lines


def _to_python(loader, node, loc: Loc, source_map: SourceMap, problems: list[Problem], seen: set[int],
               lines: dict[Loc, int] | None = None) -> Any:
    """Turns a composed node into lists, dicts and scalars, refusing aliases (a node met twice) and duplicate keys
    and, given `lines`, recording the line of every location in it."""
    _first_visit(node, seen)
    if lines is not None:
        lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(loader, item, loc + (i,), source_map, problems, seen, lines)
                for i, item in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            _first_visit(key_node, seen)
            key = _scalar(loader, key_node, loc, source_map, problems)
            line = key_node.start_mark.line + 1
            if key in first_seen:
                problems.append(Problem(
                    source_map.path, line,
                    f"{loc_text(source_map.kind, loc + (key,))}: duplicate key '{key}' (first given on line "
                    f"{first_seen[key]}); keep one",
                ))
                continue
            first_seen[key] = line
            if lines is not None:
                lines[loc + (key,)] = line
            result[key] = _to_python(loader, value_node, loc + (key,), source_map, problems, seen, lines)
        return result
    return _scalar(loader, node, loc, source_map, problems)


def _first_visit(node, seen: set[int]) -> None:
    """Records a node; a node met a second time is an alias of an anchored one, which data files may not use."""
    if id(node) in seen:
        raise _YamlProblem(node.start_mark.line + 1, _ALIAS_MESSAGE)
    seen.add(id(node))


def _scalar(loader, node, loc: Loc, source_map: SourceMap, problems: list[Problem]) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        raise _YamlProblem(node.start_mark.line + 1, "a key must be plain text, not a list or mapping")
    if node.tag == _TEXT:  # most values: what the constructor would return, without the call
        return node.value
    try:
        value = loader.construct_object(node, deep=True)
    except (ValueError, yaml.constructor.ConstructorError) as error:
        raise _YamlProblem(node.start_mark.line + 1, f"cannot read `{node.value}`: {error}; quote it if it is text")
    if not node.style and not isinstance(value, str):  # plain style: None from PyYAML, '' from libyaml
        source_map.raw[loc] = node.value
        surprising = (
            node.tag in _CANONICAL and node.value not in _CANONICAL[node.tag]
            or isinstance(value, int) and not isinstance(value, bool) and not _PLAIN_INT.fullmatch(node.value)
        )
        if surprising:
            problems.append(Problem(
                source_map.path, node.start_mark.line + 1,
                f"{loc_text(source_map.kind, loc)}: YAML 1.1 reads unquoted `{node.value}` as {value!r}; "
                f"quote it if you mean the text, or write {'true/false' if isinstance(value, bool) else 'plain digits'}",
            ))
    return value


def validate_records(
    kind: str, model: type[BaseModel], value: Any, source_map: SourceMap, problems: list[Problem]
) -> list[tuple[int, BaseModel]]:
    """Checks each record against its model; returns (index, record) for the valid ones."""
    if not isinstance(value, list):
        problems.append(Problem(source_map.path, source_map.line(()),
                                f"{kind}: the file must be a YAML list of records, each starting with `- id:`"))
        return []
    reported = {p.line for p in problems}  # YAML surprises, already explained more precisely
    valid = []
    for index, raw in enumerate(value):
        if not isinstance(raw, dict):
            problems.append(Problem(source_map.path, source_map.line((index,)),
                                    f"{kind}[{index}]: a record must be a mapping of fields (id: ..., title: ...)"))
            continue
        try:
            valid.append((index, model.model_validate(raw)))
        except ValidationError as error:
            for detail in error.errors():
                loc = (index,) + tuple(detail["loc"])
                if source_map.line(loc) in reported:
                    continue
                problems.append(Problem(
                    source_map.path, source_map.line(loc),
                    f"{loc_text(kind, loc)}: {_explain(detail, model, loc, source_map)}",
                ))
    return valid


def _explain(detail: dict, model: type[BaseModel], loc: Loc, source_map: SourceMap) -> str:
    """A message a person can act on, for one pydantic error."""
    kind, given = detail["type"], detail.get("input")
    raw = source_map.raw.get(loc)
    if kind == "missing":
        return f"required field is missing; add `{loc[-1]}: ...`"
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[1:-1])
        return f"unknown field '{loc[-1]}'{did_you_mean(loc[-1], allowed)}; allowed fields: {', '.join(allowed)}"
    if kind == "string_pattern_mismatch":
        return f"'{given}' is not a valid id; use lowercase words and digits joined by hyphens, like 'meeting-minutes'"
    if kind == "string_too_short":
        return "must not be empty; write the text or remove the field"
    if kind == "string_type":
        if given is None:
            return "is empty; write the text after the colon"
        if raw:
            return f"expected text, but YAML read unquoted `{raw}` as a {type(given).__name__}; put it in quotes"
        if isinstance(given, dict):
            return "expected text, but a `: ` inside unquoted text starts a mapping; put the whole text in quotes"
        return f"expected text, got {type(given).__name__} {given!r}"
    if kind == "literal_error":
        expected = detail["ctx"]["expected"]
        choices = re.findall(r"'([^']*)'", expected)
        return f"'{given}' is not allowed{did_you_mean(given, choices)}; use one of {expected}"
    if kind in ("date_type", "date_parsing", "date_from_datetime_inexact"):
        return f"expected a date written as YYYY-MM-DD without quotes, got {given!r}"
    if kind == "list_type":
        return f"expected a list (one `- item` per line), got {type(given).__name__}"
    if kind == "too_short":
        return f"needs at least {detail['ctx']['min_length']} item(s)"
    if kind == "bool_type":
        return f"expected true or false, got {given!r}"
    if kind == "int_type":
        return f"expected a whole number, got {given!r}"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"{given!r} is out of range: {detail['msg'].lower()}"
    if kind in ("model_type", "dict_type"):
        return f"expected a mapping of fields, got {type(given).__name__}"
    return detail["msg"]


def _fields_at(model: type[BaseModel], path: Loc) -> list[str]:
    """The field names of the (possibly nested) model that `path` points into."""
    current = model
    for part in path:
        if isinstance(part, int):
            continue
        annotation = current.model_fields[part].annotation
        inner = getattr(annotation, "__args__", (annotation,))[0]  # list[Item] -> Item
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            current = inner
    return list(current.model_fields)
