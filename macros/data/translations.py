"""Translations of the data: `data/<language>/<file>.yml` beside each English file, checked field by field.

A translation file is the English file's records, in the same order and with the same ids, holding only their free
text (every field typed `Text`, as a single text or a list) in the other language; nested records (a checklist's
items, a plan's steps, a role's occupation codes) the same way. Each record also records `source:`, a fingerprint of
the English text it was translated from, so that an English edit makes its translation stale:

    - id: meeting-minutes
      source: "3f2a9c1e"
      title: 会议纪要
      how:
        - ...

`check` reports, as `path:line` problems, every field missing, extra or of the wrong shape (a list of another length),
and, as warnings, every record whose English changed since its `source` (or that has none). `stamp` writes the
current fingerprints once the translations are checked (`handbook stamp zh`). `translate` gives the English data with the other language's
text put in, for the loader to check and fill as it does the English.

`handbook check` checks every language folder it finds; `handbook stamp zh` stamps one.
"""

import hashlib
import json
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from . import inline_text, language
from .kinds import KINDS
from .loader import Loc, Problem, SourceMap, loc_text, read_yaml
from .placeholders import PLACEHOLDER

# The languages a data folder may translate into (data/<code>/), each with its name in itself.
LANGUAGES = {code: name for code, name in language.LANGUAGES.items() if code != language.ENGLISH}
SOURCE = "source"
SETTINGS = "settings/company.yml"
# Fields whose number of items may differ from the English: other words people search for, which differ per language.
FREE_LENGTH = frozenset({"also_called", "aliases"})


# ---------------------------------------------------------------------------------------------- which fields are text

@dataclass(frozen=True)
class Shape:
    """The translatable part of a model: its text fields (single or list) and its nested records."""

    texts: dict[str, bool]  # field -> True when it is a list of texts
    nested: dict[str, tuple["Shape", bool]] = field(default_factory=dict)  # field -> (its shape, a list of records?)


def _is_text(info) -> bool:
    return "_allowed_text" in repr(info.annotation) + repr(info.metadata)


def _models_in(annotation) -> tuple[type[BaseModel] | None, bool]:
    """(the model a field holds, whether as a list): `OnetCode | None` -> (OnetCode, False)."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is list and args:
        model, _ = _models_in(args[0])
        return model, True
    if origin in (typing.Union, types.UnionType):
        for arg in args:
            model, many = _models_in(arg)
            if model:
                return model, many
    if origin is typing.Annotated:
        return _models_in(args[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    return None, False


def shape_of(model: type[BaseModel]) -> Shape:
    texts, nested = {}, {}
    for name, info in model.model_fields.items():
        if _is_text(info):
            texts[name] = typing.get_origin(info.annotation) is list or "list[" in repr(info.annotation)
            continue
        inner, many = _models_in(info.annotation)
        if inner is not None:
            inner_shape = shape_of(inner)
            if inner_shape.texts or inner_shape.nested:
                nested[name] = (inner_shape, many)
    return Shape(texts, nested)


# ---------------------------------------------------------------------------------------------- fingerprints

def fingerprint(record: dict, shape: Shape) -> str:
    """Eight hex digits of the English record's own text, with that of the mappings it holds (a role's occupation
    codes, the settings' offices), but not of its lists of records (checklist items), which carry their own."""
    return hashlib.sha256(json.dumps(_own_text(record, shape), ensure_ascii=False, sort_keys=True).encode("utf-8")
                          ).hexdigest()[:8]


def _own_text(record: dict, shape: Shape) -> dict:
    own = {name: record[name] for name in shape.texts if name in record}
    for name, (inner, many) in shape.nested.items():
        if not many and isinstance(record.get(name), dict):
            own[name] = _own_text(record[name], inner)
    return own


# ---------------------------------------------------------------------------------------------- checking one file

@dataclass
class Report:
    """What checking a language found: problems (the translation is incomplete or malformed) and stale records."""

    problems: list[Problem] = field(default_factory=list)
    stale: list[Problem] = field(default_factory=list)
    stamps: list[tuple[str, Loc, str]] = field(default_factory=list)  # (shown path, loc of the record, fingerprint)


class _FileCheck:
    """Compares one translation file with its English file and merges the translated text into a copy of it."""

    def __init__(self, name: str, source_map: SourceMap, report: Report, language: str):
        self.name, self.map, self.report, self.language = name, source_map, report, language

    def problem(self, loc: Loc, message: str) -> None:
        self.report.problems.append(Problem(self.map.path, self.map.line(loc), f"{loc_text(self.name, loc)}: {message}"))

    def records(self, english: list, translated: Any, shape: Shape, loc: Loc) -> list:
        """The English records with their translations put in; every mismatch is a problem at its line."""
        if not isinstance(translated, list):
            self.problem(loc, "expected a list of records (- id: ...), one per English record, in the same order")
            return english
        by_id = {}
        for index, item in enumerate(translated):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                self.problem(loc + (index,), "expected a record starting with `id:` (the English record's id)")
                continue
            by_id.setdefault(item["id"], (index, item))
        english_ids = [r.get("id") for r in english if isinstance(r, dict)]
        for unknown in [i for i in by_id if i not in english_ids]:
            self.problem(loc + (by_id[unknown][0],), f"'{unknown}' is not a record of the English file; "
                                                     "delete it or use the English record's id")
        merged = []
        for position, record in enumerate(english):
            if not isinstance(record, dict):
                merged.append(record)
                continue
            found = by_id.get(record.get("id"))
            if found is None:
                self.problem(loc, f"'{record.get('id')}' has no translation; add `- id: {record.get('id')}` with its "
                                  f"text (English record {position + 1} of {len(english)})")
                merged.append(record)
                continue
            merged.append(self.record(record, found[1], shape, loc + (found[0],)))
        return merged

    def record(self, english: dict, translated: dict, shape: Shape, loc: Loc, stamped: bool = True) -> dict:
        """One record merged; `stamped`: it carries its own `source:` (a mapping inside a record is the record's)."""
        merged = dict(english)
        allowed = {"id", *shape.texts, *shape.nested} | ({SOURCE} if stamped else set())
        for name in translated:
            if name not in allowed:
                why = "is not text, and stays as the English file has it" if name in english else "is not a field"
                self.problem(loc + (name,), f"'{name}' {why}; delete it here")
        for name, is_list in shape.texts.items():
            if name not in english:
                if name in translated:
                    self.problem(loc + (name,), f"the English record has no '{name}'; delete it here")
                continue
            merged[name] = self.text(english[name], translated.get(name), name, is_list, loc)
        for name, (inner, many) in shape.nested.items():
            if name not in english or english[name] is None:
                continue
            if name not in translated:
                self.problem(loc, f"missing '{name}'; translate it as the English record has it")
                continue
            if many:
                merged[name] = self.records(english[name], translated[name], inner, loc + (name,))
            elif isinstance(translated[name], dict):
                merged[name] = self.record(english[name], translated[name], inner, loc + (name,), stamped=False)
            else:
                self.problem(loc + (name,), "expected a mapping of its text fields")
        if not stamped:
            return merged
        current = fingerprint(english, shape)
        made_from = translated.get(SOURCE)
        made_from = str(made_from) if made_from is not None else None
        self.report.stamps.append((self.map.path, loc, current))
        if made_from != current:
            why = ("has no `source:` fingerprint yet" if made_from is None else
                   f"was made from an older English text (source {made_from}, now {current})")
            named = f"{loc_text(self.name, loc)} ({english['id']})" if "id" in english else loc_text(self.name, loc)
            self.report.stale.append(Problem(self.map.path, self.map.line(loc), (
                f"{named}: the translation {why}; check it against the English, then run "
                f"`handbook stamp {self.language}`")))
        return merged

    def text(self, english: Any, translated: Any, name: str, is_list: bool, loc: Loc) -> Any:
        if translated is None:
            self.problem(loc, f"missing '{name}'; translate the English `{name}:`")
            return english
        if not is_list:
            if not isinstance(translated, str) or not translated.strip():
                self.problem(loc + (name,), "expected the translated text")
                return english
            self.same_rules(english, translated, loc + (name,))
            return translated
        if not isinstance(translated, list) or not all(isinstance(t, str) and t.strip() for t in translated):
            self.problem(loc + (name,), "expected a list of translated texts (one `- text` per line)")
            return english
        if name not in FREE_LENGTH and isinstance(english, list) and len(translated) != len(english):
            self.problem(loc + (name,), f"has {len(translated)} items, the English {len(english)}; translate each "
                                        "English item once, in the same order")
            return english
        if name in FREE_LENGTH and not translated and english:
            self.problem(loc + (name,), "give at least one word people use for it")
        for position, item in enumerate(translated):
            self.same_rules(english[position] if name not in FREE_LENGTH else "", item, loc + (name, position))
        return translated

    def same_rules(self, english: str, translated: str, loc: Loc) -> None:
        """The text policy of English text (macros/data/inline_text.py), and the English text's placeholders."""
        message = inline_text.problem(translated)
        if message:
            self.problem(loc, message)
        have, want = set(PLACEHOLDER.findall(translated)), set(PLACEHOLDER.findall(english))
        if have - want:
            self.problem(loc, "uses " + ", ".join(f"{{{n}}}" for n in sorted(have - want)) + " where the English text "
                              "does not; translate the English as written")
        if want - have:
            self.problem(loc, "leaves out " + ", ".join(f"{{{n}}}" for n in sorted(want - have)) + " of the English "
                              "text; keep each placeholder, in braces, where Chinese grammar puts it")


# ---------------------------------------------------------------------------------------------- a whole language

def translate(kind: str, english: Any, data_dir: Path, prefix: str, language: str, report: Report) -> Any:
    """The English records of `kind` with the language's text put in (unchanged where the translation is unusable)."""
    model = next(k.model for k in KINDS if k.name == kind)
    value, source_map, problems = read_yaml(data_dir / language / f"{kind}.yml", f"{prefix}{language}/{kind}.yml")
    if problems or value is None:
        report.problems += problems
        return english
    if not isinstance(english, list):
        return english
    return _FileCheck(kind, source_map, report, language).records(english, value, shape_of(model), ())


def translate_settings(english: Any, data_dir: Path, prefix: str, language: str, report: Report) -> Any:
    """The company settings with the language's names (company, offices, posts, contact, hiring) put in."""
    from .company import Company  # company.py imports the loader, as this module does: imported when needed

    value, source_map, problems = read_yaml(data_dir / language / SETTINGS, f"{prefix}{language}/{SETTINGS}")
    if problems or value is None:
        report.problems += problems
        return english
    if not isinstance(english, dict):
        return english
    if not isinstance(value, dict):
        report.problems.append(Problem(source_map.path, 1, "expected a mapping of the settings' names (name: ...)"))
        return english
    return _FileCheck("company", source_map, report, language).record(english, value, shape_of(Company), ())


def languages(data_dir: Path) -> list[str]:
    """The languages that have a translation folder in `data_dir`."""
    return [code for code in LANGUAGES if (Path(data_dir) / code).is_dir()]


def check(data_dir: Path, language: str, prefix: str | None = None, docs_dir: Path | None = None) -> Report:
    """Every problem and stale record of one language's translation, against the English files as written; with
    `docs_dir`, its prose pages too."""
    data_dir = Path(data_dir)
    prefix = prefix if prefix is not None else f"{data_dir.as_posix().rstrip('/')}/"
    report = Report()
    if docs_dir is not None and Path(docs_dir).is_dir():
        check_prose(Path(docs_dir), language, f"{prefix.removesuffix('data/')}docs/" if prefix.endswith("data/")
                    else f"{Path(docs_dir).as_posix()}/", report)
    for kind in KINDS:
        english, _, problems = read_yaml(data_dir / f"{kind.name}.yml", f"{prefix}{kind.name}.yml")
        if english is not None and not problems:
            translate(kind.name, english, data_dir, prefix, language, report)
    english, _, problems = read_yaml(data_dir / SETTINGS, f"{prefix}{SETTINGS}")
    if english is not None and not problems:
        translate_settings(english, data_dir, prefix, language, report)
    return report


# ---------------------------------------------------------------------------------------------- prose pages

_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_PROSE_SOURCE = re.compile(rf'^{SOURCE}: "?([0-9a-f]{{8}})"?$', re.M)


def prose_fingerprint(english: str) -> str:
    """Eight hex digits of an English prose page (docs/x.md) as written."""
    return hashlib.sha256(english.encode("utf-8")).hexdigest()[:8]


def check_prose(docs_dir: Path, language: str, shown: str, report: Report) -> None:
    """Each English page of docs/ has its translation beside it (docs/x.zh.md), made from today's English: its front
    matter's `source:` is the English page's fingerprint."""
    docs_dir = Path(docs_dir)
    for english in sorted(docs_dir.rglob("*.md")):
        if any(english.name.endswith(f".{code}.md") for code in LANGUAGES):
            continue
        relative = english.relative_to(docs_dir).as_posix()
        twin = english.with_name(english.name.removesuffix(".md") + f".{language}.md")
        twin_shown = f"{shown}{relative.removesuffix('.md')}.{language}.md"
        if not twin.is_file():
            report.problems.append(Problem(twin_shown, 1, f"{shown}{relative} has no {LANGUAGES[language]} page; "
                                                          f"write it (same headings and anchors, same macro calls)"))
            continue
        text, current = twin.read_text(encoding="utf-8"), prose_fingerprint(english.read_text(encoding="utf-8"))
        front = _FRONT.match(text)
        found = _PROSE_SOURCE.search(front.group(1)) if front else None
        report.stamps.append((twin_shown, ("prose", str(twin)), current))
        if not found or found.group(1) != current:
            line = front.group(1)[: found.start()].count("\n") + 2 if found else 1
            why = "has no `source:` fingerprint yet" if not found else "was made from an older English page"
            report.stale.append(Problem(twin_shown, line, f"the translation {why}; check it against {shown}{relative}, "
                                                          f"then run `handbook stamp {language}`"))


def _stamp_prose(path: Path, current: str) -> bool:
    text = path.read_text(encoding="utf-8")
    front = _FRONT.match(text)
    line = f'{SOURCE}: "{current}"'
    if front and _PROSE_SOURCE.search(front.group(1)):
        body = _PROSE_SOURCE.sub(line, front.group(1), count=1)
        new = f"---\n{body}\n---\n" + text[front.end():]
    elif front:
        new = f"---\n{line}\n{front.group(1)}\n---\n" + text[front.end():]
    else:
        new = f"---\n{line}\n---\n\n" + text
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


# ---------------------------------------------------------------------------------------------- stamping

_ID_LINE = re.compile(r"^(?P<indent>\s*(?:-\s+)?)id:\s")


def stamp(data_dir: Path, language: str, docs_dir: Path | None = None) -> int:
    """Writes each translated record's (and prose page's) current fingerprint as its `source:`; returns how many
    changed."""
    data_dir = Path(data_dir)
    prefix = f"{data_dir.as_posix().rstrip('/')}/"
    report = check(data_dir, language, prefix, docs_dir)
    changed = 0
    by_file: dict[str, list[tuple[Loc, str]]] = {}
    for shown, loc, current in report.stamps:
        if loc and loc[0] == "prose":
            changed += _stamp_prose(Path(loc[1]), current)
            continue
        by_file.setdefault(shown, []).append((loc, current))
    for shown, stamps in by_file.items():
        path = Path(shown)
        source_map = read_yaml(path, shown)[1]
        lines = source_map.text.split("\n")
        edits = {}
        for loc, current in stamps:
            if loc == ():  # the settings file: one mapping, its fingerprint on the first line that is not a comment
                number = next(n for n, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#"))
                indent = ""
            else:
                number = source_map.lines.get(loc + ("id",), 0) - 1
                match = _ID_LINE.match(lines[number]) if 0 <= number < len(lines) else None
                if not match:
                    continue
                indent = " " * len(match.group("indent"))
                number += 1
            edits[number] = (indent, current)
        for number in sorted(edits, reverse=True):
            indent, current = edits[number]
            stamp_line = f'{indent}{SOURCE}: "{current}"'  # quoted: YAML reads 86528528 as a number
            existing = lines[number] if number < len(lines) else ""
            if re.match(rf"^\s*{SOURCE}:\s", existing):
                if existing != stamp_line:
                    lines[number] = stamp_line
                    changed += 1
            else:
                lines.insert(number, stamp_line)
                changed += 1
        path.write_text("\n".join(lines), encoding="utf-8")
    return changed
