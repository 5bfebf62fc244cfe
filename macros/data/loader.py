"""Reads one YAML data file into checked models, reporting every problem as `path:line: field: message`."""

import difflib
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from . import patterns

Loc = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, located in a file and line."""

    path: str
    line: int
    message: str

    def __post_init__(self) -> None:
        # One problem, one line: a message may quote YAML text or a library's message, either of which can hold
        # line breaks, and a reader (or a tool reading `path:line:`) takes each line as a problem of its own.
        object.__setattr__(self, "message", " ".join(self.message.split()))

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
                return _within(self.text, self.lines[loc[:end]])  # an empty value at the end sits past the last line
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


# Values nested deeper than this are refused. Records nest six levels at most (file, record, items, item, duties,
# id), and both composers recurse once per level: PyYAML's in Python (a RecursionError a few hundred levels down),
# libyaml's in C (it crashes the process some ten thousand levels down, sooner on a small thread stack).
MAX_DEPTH = 32
_DEPTH_MESSAGE = (f"values nest more than {MAX_DEPTH} levels deep here; a field holds text, a number, a date, "
                  "a list of them or a mapping of fields: flatten it")
_ALIAS_MESSAGE = "anchors and aliases (&name, *name) are not allowed in data files; write the value out in full"
_TAG_MESSAGE = ("YAML tags (`!name`, `!!type`) are not allowed in data files; delete the tag and write the value "
                "as plain YAML (quote it if it is text)")


class _YamlProblem(Exception):
    def __init__(self, line: int, message: str):
        self.line, self.message = line, message


class _PurePythonLoader(yaml.SafeLoader):
    """PyYAML's own safe loader, refusing nesting past MAX_DEPTH before its recursive composer runs out of stack."""

    _depth = 0

    def compose_node(self, parent, index):
        if self._depth > MAX_DEPTH:  # the node about to be composed sits `_depth` collections down
            raise _YamlProblem(self.peek_event().start_mark.line + 1, _DEPTH_MESSAGE)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


# libyaml scans, parses and composes in C, many times faster than PyYAML's Python (which stands in without it).
# Neither expands aliases: an alias is the anchored node again, which _to_python refuses when it meets it twice.
_Loader = getattr(yaml, "CSafeLoader", _PurePythonLoader)
# libyaml composes in C, out of reach of a depth count: text that could nest deeper than this gets one first.
_LIBYAML_SAFE_DEPTH = 1000


_PLAIN_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_CANONICAL = {"tag:yaml.org,2002:bool": {"true", "false"}}
_TEXT = "tag:yaml.org,2002:str"
_KIND_OF = {bool: "true or false", int: "a number", float: "a number", type(None): "null (nothing)"}
_TAB_IN_INDENT = re.compile(r"^[^\S\n]*\t", re.M)  # a tab among the whitespace that starts a line
_CONTENT_LINE = re.compile(r"^[^\S\n]*[^\s#]", re.M)  # a line that is neither blank nor a comment
# Each two block levels take at least one more column of the indentation and indicators (`- `, `? `, `: `) a line
# starts with, so blocks nesting half of _LIBYAML_SAFE_DEPTH deep need a line starting with a quarter of it in them.
# Searched from a newline rather than with `^` and re.M: a literal start lets the search skip ahead (5x faster).
_DEEP_INDENT = re.compile(rf"\n[ ?:-]{{{_LIBYAML_SAFE_DEPTH // 4}}}")
# A flow collection holding no other and closed on its line: nothing in it (quote, comment, tag) can hide a bracket,
# so its `]` or `}` closes it, and it can only be the innermost level of a nesting (or a bracket in prose, no level).
_FLOW_LEAF = re.compile(r"\[[^\[\]{}\"'#!\n]*\]|\{[^\[\]{}\"'#!\n]*\}")
_NOT_ALLOWED = yaml.reader.Reader.NON_PRINTABLE  # the characters both YAML readers refuse when written raw
# Scanner and parser errors whose context mark (where a construct opened) is nearer the cause than where the
# reader gave up (an unclosed quote is found at the end of the file): context -> (what opened there, the fix).
_OPENED_HERE = {
    "while scanning a quoted scalar": ("the quoted text that starts here is never closed",
                                       "end it with the quote mark it starts with"),
    "while scanning a simple key": ("this line has no `: ` after its field name", "add `: ` after the field name"),
    "while parsing a flow sequence": ("the `[` list that starts here is not closed properly",
                                      "close it with `]` and separate its items with `, ` (quote an item that "
                                      "holds a comma, colon or bracket)"),
    "while parsing a flow mapping": ("the `{` mapping that starts here is not closed properly",
                                     "close it with `}` and separate its entries with `, `"),
}
# Fixes for other errors, by context, where the one for any error would mislead.
_FIXES = {
    "expected a single document in the stream": "a data file holds one YAML document: delete this `---` or `...` "
                                                "line and put every record in one list",
    "while parsing a quoted scalar": "in double quotes a backslash starts an escape: write `\\\\` for a backslash, "
                                     "or use single quotes",
    "while scanning a double-quoted scalar": "in double quotes a backslash starts an escape: write `\\\\` for a "
                                             "backslash, or use single quotes",
}
_LOOKS_LIKE_STRUCTURE = re.compile(r"\s*(?:- |[A-Za-z_][\w-]*:(?: |$))")  # `  key: value`, `  key:`, `  - item`
# Characters YAML reads as line breaks where editors mostly show none, with what to do about each.
_ODD_BREAKS = {
    "\r": "carriage return (U+000D) without a newline after it: YAML starts a new line here, most editors do not; "
          "save the file with LF (or CRLF) line endings",
    "\x85": "character U+0085 (next line) is a line break to YAML but not to most editors; replace it with a space "
            "or a newline",
    "\u2028": "character U+2028 (line separator) is a line break to YAML but not to most editors; replace it with a "
              "space or a newline",
    "\u2029": "character U+2029 (paragraph separator) is a line break to YAML but not to most editors; replace it "
              "with a space or a newline",
}
_ODD_BREAK = re.compile("\r(?!\n)|[\x85\u2028\u2029]")
_ANY_FIX = "check this line's indentation, colons and quotes (quote text that holds `: ` or starts with a symbol)"
# Keys YAML gives a meaning of their own: `<<` merges another mapping in, `=` names a default value.
_SPECIAL_KEYS = {
    "tag:yaml.org,2002:merge": "`<<` merges another mapping into this one, which data files may not do; write the "
                               "fields out in full (or quote `<<` if it is text)",
    "tag:yaml.org,2002:value": "YAML reads a plain `=` as a default-value key; quote it if it is text",
}


# Files already parsed in a `files_read_once` block, by path and name shown; None outside such a block.
_READ_ONCE: dict[tuple[Path, str], tuple[Any, "SourceMap", list[Problem]]] | None = None


@contextmanager
def files_read_once():
    """Within the block, a file read again gives what its first read gave, without parsing it again.

    An edition holds the English records and a translation's, and the translation is the English files with the
    other language's text put in: loading both, or checking the data and then its translation, read every English
    file twice (about 30 ms in `handbook check`). Nothing changes what a read gives (filling placeholders and putting
    translations in make new values), so the reads can share it. Nested blocks share the outer block's reads.
    """
    global _READ_ONCE
    if _READ_ONCE is not None:
        yield
        return
    _READ_ONCE = {}
    try:
        yield
    finally:
        _READ_ONCE = None


def read_yaml(path: Path, shown: str) -> tuple[Any, SourceMap, list[Problem]]:
    """Parses a YAML file into plain Python values with a line for every value; never raises."""
    key = (Path(path), shown)
    if _READ_ONCE is not None and key in _READ_ONCE:
        return _READ_ONCE[key]
    read = _kept_or_parsed(*key)
    if _READ_ONCE is not None:
        _READ_ONCE[key] = read
    return read


# Under `mkdocs serve`: each file's last read with the bytes it was read from, kept across rebuilds. The serve
# process hands the dict in (`keep_reads_across_builds`) from a module that outlives a reimport of this package.
# None otherwise: `mkdocs build` and `handbook check` read each file once anyway.
_KEPT: dict[tuple[Path, str], tuple[bytes, tuple[Any, "SourceMap", list[Problem]]]] | None = None


def keep_reads_across_builds(kept: dict | None) -> None:
    """From now on a file whose bytes are those of its last read gives that read again, unparsed. Parsing every file
    was a tenth of a serve rebuild after an editor saved one of them. Safe for the reason `files_read_once` is."""
    global _KEPT
    _KEPT = kept


def _kept_or_parsed(path: Path, shown: str) -> tuple[Any, SourceMap, list[Problem]]:
    if _KEPT is None:
        return _parsed(path, shown)
    try:
        data = path.read_bytes()
    except OSError:
        return _parsed(path, shown)  # which says what is wrong with the file
    kept = _KEPT.get((path, shown))
    if kept is not None and kept[0] == data:
        return kept[1]
    read = _parsed(path, shown, data)
    _KEPT[(path, shown)] = (data, read)
    return read


def _parsed(path: Path, shown: str, data: bytes | None = None) -> tuple[Any, SourceMap, list[Problem]]:
    source_map = SourceMap(shown, Path(shown).stem)
    try:
        data = path.read_bytes() if data is None else data
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
    breaks = _odd_line_breaks(text, shown)
    if breaks:
        return None, source_map, breaks
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
        hidden = _unseen_in_nodes(text, shown) if _may_hide_problems(text) else []
        if hidden:
            return None, source_map, hidden
        loader = _Loader(text)  # PyYAML checks characters here, libyaml while parsing: both are caught below
        node = loader.get_single_node()
        problems: list[Problem] = []
        value = _to_python(loader, node, (), source_map, problems, set()) if node is not None else None
    except _YamlProblem as problem:
        return None, source_map, [Problem(shown, _within(text, problem.line), problem.message)]
    except yaml.MarkedYAMLError as error:
        return None, source_map, [_syntax_problem(error, text, shown)]
    except yaml.reader.ReaderError as error:
        line = text[: max(text.find(chr(error.character)), 0)].count("\n") + 1
        return None, source_map, [Problem(shown, line, f"character U+{error.character:04X} is not allowed in YAML; "
                                                       "delete it (it often comes in unseen with pasted text)")]
    finally:
        if loader is not None:
            loader.dispose()
    if value is None:  # `~`, `null` or a bare `---`: a document, but no records in it
        line = _within(text, node.start_mark.line + 1 if node is not None else 1)
        return None, source_map, [Problem(shown, line, "file holds no records (`~`, `null` or a bare `---` is an "
                                                       "empty document); it should hold a YAML list of records "
                                                       "(- id: ...)")]
    return value, source_map, problems


def _odd_line_breaks(text: str, shown: str) -> list[Problem]:
    """Line breaks YAML counts but editors mostly do not (a lone CR, NEL, LS, PS), which would put every later line
    number off; found by `in` first, since valid data has none."""
    if not any(char in text for char in _ODD_BREAKS):
        return []
    return [Problem(shown, text.count("\n", 0, found.start()) + 1, _ODD_BREAKS[found.group()])
            for found in _ODD_BREAK.finditer(text)]


def _within(text: str, line: int) -> int:
    """`line`, or the file's last line when a mark points past it (the end of a file that ends with a newline)."""
    return max(1, min(line, text.count("\n") + (not text.endswith("\n"))))


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, shown: str) -> Problem:
    """A scanner, parser or composer error as one problem, at the mark nearer its cause, with what to do."""
    gave_up = error.problem_mark.line + 1 if error.problem_mark else 1
    what = error.problem or error.context or "unreadable YAML"
    if error.context and error.problem and not error.context.startswith("while"):
        what = f"{error.context}, {error.problem}"  # "expected a single document in the stream, but found another"
    opened, fix = _OPENED_HERE.get(error.context or "", (None, _FIXES.get(error.context or "", _ANY_FIX)))
    if opened and error.context_mark and error.context_mark.line + 1 < gave_up:
        return Problem(shown, _within(text, error.context_mark.line + 1),
                       f"not valid YAML: {opened} (the reader gave up on line {gave_up}: {what}); {fix}")
    runaway = _runaway_quote(text, gave_up)
    if runaway:
        return Problem(shown, runaway, f"not valid YAML: the quoted text that starts here runs on over lines that "
                                       f"look like fields, to a quote mark on line {gave_up}, where the reader gave "
                                       f"up ({what}); end the text here with the quote mark it starts with")
    return Problem(shown, _within(text, gave_up), f"not valid YAML: {what}; {fix}")


def _runaway_quote(text: str, gave_up: int) -> int | None:
    """The first line of the first quoted scalar before the point the reader gave up that runs over lines that look
    like fields or list items: a quote never closed, which ran on to the next quote mark in the file. The first one
    is the cause; any after it are the rest of the file read with its quotes paired the wrong way round."""
    loader = _Loader(text)
    lines = text.split("\n")
    try:
        while loader.check_token():
            token = loader.get_token()
            if token.start_mark.line + 1 > gave_up:
                break
            if (isinstance(token, yaml.ScalarToken) and not token.plain and token.end_mark.line > token.start_mark.line
                    and any(_LOOKS_LIKE_STRUCTURE.match(line)
                            for line in lines[token.start_mark.line + 1 : token.end_mark.line])):
                return token.start_mark.line + 1
    except yaml.YAMLError:
        pass  # the scanner's own error: the tokens before it are all there is
    finally:
        loader.dispose()
    return None


def _may_hide_problems(text: str) -> bool:
    """Whether a cheap search finds what composed nodes cannot show: a possible tag or anchor, a backslash (an
    escape in double quotes), or room for nesting deeper than libyaml's composer can safely recurse."""
    return _may_hold_property(text) or "\\" in text or (
        _Loader is not _PurePythonLoader and _could_nest_past(text, _LIBYAML_SAFE_DEPTH))


def _may_hold_property(text: str) -> bool:
    """Whether an `&` or `!` could start an anchor or a tag: a property starts a token, so one right after a letter
    or digit is plain text (`R&D`, `Stop!`). str.find, where any regex with a lookbehind was a fifth of a load."""
    for mark in "&!":
        at = text.find(mark)
        while at != -1:
            if at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_"):
                return True
            at = text.find(mark, at + 1)
    return False


def _could_nest_past(text: str, depth: int) -> bool:
    """An over-estimate of the nesting: each flow level but the innermost needs a bracket that does not close on
    its own line (a leaf, like `[a, b]` or `[]`), each two block levels a column of indentation."""
    brackets = text.count("[") + text.count("{") - text.count("[]") - text.count("{}")
    if brackets > depth // 2:  # the regex costs ten times the counts: only for text with many brackets
        brackets = text.count("[") + text.count("{") - len(_FLOW_LEAF.findall(text))
    return brackets > depth // 2 or bool(_DEEP_INDENT.search(f"\n{text}"))


def _unseen_in_nodes(text: str, shown: str) -> list[Problem]:
    """Each explicit tag, anchor and control character written as an escape, nesting past MAX_DEPTH (once), and a
    syntax error after any of them, from the parser's events: a composed node no longer shows any of these."""
    found: list[Problem] = []
    loader = _Loader(text)
    depth = 0  # collections open around the next event
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
                continue
            if not isinstance(event, yaml.NodeEvent) or isinstance(event, yaml.AliasEvent):
                continue  # an alias needs an anchor, refused here; without one the composer refuses it
            line = _within(text, event.start_mark.line + 1)
            if depth > MAX_DEPTH:
                return [*found, Problem(shown, line, _DEPTH_MESSAGE)]
            if event.anchor is not None:
                found.append(Problem(shown, line, f"anchor `&{event.anchor}`: anchors and aliases (&name, *name) are "
                                                  f"not allowed in data files; delete `&{event.anchor}` and write out "
                                                  f"in full each value that `*{event.anchor}` stands for"))
            if event.tag is not None:
                found.append(Problem(shown, line, f"tag `{_as_written(event.tag)}`: {_TAG_MESSAGE}"))
            if isinstance(event, yaml.ScalarEvent):
                found += _escape_problems(event, line, shown)
            else:
                depth += 1
    except yaml.MarkedYAMLError as error:
        if not found:
            raise  # a syntax error alone is reported as any other
        found.append(_syntax_problem(error, text, shown))  # all at once: what came before it, and it
    finally:
        loader.dispose()
    return found


def _as_written(tag: str) -> str:
    """A resolved tag as it is usually written: `tag:yaml.org,2002:set` is `!!set`."""
    return tag.replace("tag:yaml.org,2002:", "!!", 1) if tag.startswith("tag:yaml.org,2002:") else tag


def _escape_problems(event: yaml.ScalarEvent, line: int, shown: str) -> list[Problem]:
    """A control character in a double-quoted scalar came from an escape (the reader refuses it raw): refuse it."""
    bad = _NOT_ALLOWED.search(event.value) if event.style == '"' else None
    if bad is None:
        return []
    return [Problem(shown, line, f"character U+{ord(bad.group()):04X}, written as a `\\` escape in double quotes, "
                                 "is not allowed in YAML; delete the escape")]


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
    """Turns a composed node into lists, dicts and scalars, refusing aliases (a node met twice), nesting past
    MAX_DEPTH, keys that are not text and duplicate keys and, given `lines`, recording the line of every location."""
    _first_visit(node, seen)
    if len(loc) > MAX_DEPTH:  # libyaml composed it (in C, safe this deep); the models could not hold it
        raise _YamlProblem(node.start_mark.line + 1, _DEPTH_MESSAGE)
    if lines is not None:
        lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.SequenceNode):
        if not loc:  # the file's list of records: each record's nodes go as soon as it is converted
            return _records_to_python(loader, node, source_map, problems, seen, lines)
        return [_to_python(loader, item, loc + (i,), source_map, problems, seen, lines)
                for i, item in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            _first_visit(key_node, seen)
            key = _scalar(loader, key_node, loc, source_map, problems)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                problems.append(Problem(
                    source_map.path, line,
                    f"{loc_text(source_map.kind, loc)}: YAML reads the field name `{key_node.value}` as "
                    f"{_KIND_OF.get(type(key), 'a ' + type(key).__name__)}, not text; write a field name, such as "
                    "`title`",
                ))
                continue
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


def _records_to_python(loader, node, source_map: SourceMap, problems: list[Problem], seen: set[int],
                       lines: dict[Loc, int] | None) -> list:
    """A file's records, each record's nodes let go of once it is converted: freed while they are still in the CPU's
    caches, and the file's node tree never outlives its conversion (loads of 10x and 100x data: about 8 % faster).
    `seen` stays sound: every node was composed before any is freed, so no node met later can reuse a freed one's id.
    """
    records, items = [], node.value
    for i in range(len(items)):
        records.append(_to_python(loader, items[i], (i,), source_map, problems, seen, lines))
        items[i] = None
    return records


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
    if node.tag in _SPECIAL_KEYS:
        raise _YamlProblem(node.start_mark.line + 1, _SPECIAL_KEYS[node.tag])
    try:
        value = loader.construct_object(node, deep=True)
    except (ValueError, yaml.constructor.ConstructorError) as error:
        # A constructor error's text ends with where it happened (`in "<unicode string>", line 4`), on lines of
        # its own; its problem alone is the message.
        reason = getattr(error, "problem", None) or str(error)
        raise _YamlProblem(node.start_mark.line + 1, f"cannot read `{node.value}`: {reason}; quote it if it is text")
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


def _short(value: Any, limit: int = 60) -> str:
    """The value's repr, cut to `limit` characters: enough to recognise it, never a whole list."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 3]}..."


def validate_records(
    kind: str, model: type[BaseModel], value: Any, source_map: SourceMap, problems: list[Problem]
) -> list[tuple[int, BaseModel]]:
    """Checks each record against its model; returns (index, record) for the valid ones."""
    if not isinstance(value, list):
        problems.append(Problem(source_map.path, source_map.line(()),
                                f"{kind}: the file must be a YAML list of records, each starting with `- id:`"))
        return []
    reported = {p.line for p in problems if p.path == source_map.path}  # YAML surprises, explained more precisely
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


def validate_mapping(name: str, model: type[BaseModel], value: Any, source_map: SourceMap,
                     problems: list[Problem]) -> BaseModel | None:
    """Checks a file that holds one mapping of settings (company.yml) against its model; the model, or None."""
    if not isinstance(value, dict):
        problems.append(Problem(source_map.path, source_map.line(()),
                                f"{name}: the file must be a mapping of settings (name: ..., country: ...), not a list"))
        return None
    reported = {p.line for p in problems if p.path == source_map.path}
    try:
        return model.model_validate(value)
    except ValidationError as error:
        for detail in error.errors():
            loc = tuple(detail["loc"])
            if source_map.line(loc) not in reported:
                # _explain reads a location as (record index, field...): the settings are one record, number 0.
                problems.append(Problem(source_map.path, source_map.line(loc),
                                        f"{loc_text(name, loc)}: {_explain(detail, model, (0, *loc), source_map)}"))
    return None


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
        return f"'{given}' {patterns.hint(detail['ctx']['pattern'])}"
    if kind == "string_too_short":
        return "must not be empty; write the text or remove the field"
    if kind == "string_type":
        if given is None:
            return "is empty; write the text after the colon"
        if raw:
            return f"expected text, but YAML read unquoted `{raw}` as a {type(given).__name__}; put it in quotes"
        if isinstance(given, dict):
            return "expected text, but a `: ` inside unquoted text starts a mapping; put the whole text in quotes"
        return (f"expected text, got {type(given).__name__} {_short(given)}; write the text itself (in quotes if it "
                "starts with `[`, `{` or `-`)")
    if kind == "literal_error":
        expected = detail["ctx"]["expected"]
        choices = re.findall(r"'([^']*)'", expected)
        return f"'{given}' is not allowed{did_you_mean(given, choices)}; use one of {expected}"
    if kind in ("date_type", "date_parsing", "date_from_datetime_inexact"):
        return f"expected a date written as YYYY-MM-DD without quotes, got {_short(given)}"
    if kind == "list_type":
        return f"expected a list (one `- item` per line), got {type(given).__name__}"
    if kind == "too_short":
        return f"needs at least {detail['ctx']['min_length']} item(s)"
    if kind == "bool_type":
        return f"expected true or false, got {_short(given)}"
    if kind == "int_type":
        return f"expected a whole number, got {_short(given)}"
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
