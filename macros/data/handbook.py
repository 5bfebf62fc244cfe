"""The loaded handbook: every record kind, id look-ups, cross-reference and coverage checks."""

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from . import collector
from . import models
from . import placeholders
from .language import using as words_of
from .company import Company, load_company
from .kinds import BY_NAME, KINDS
from .loader import DataError, Problem, SourceMap, did_you_mean, files_read_once, loc_text, read_yaml, validate_records

# Every cross-reference: (kind, field) -> the kind its ids must exist in (from kinds.py).
# A dotted field ("items.duties") is a list of ids inside each element of a list field.
REFERENCES: dict[tuple[str, str], str] = {(kind.name, field): target for kind in KINDS for field, target in kind.cites}

# Kinds whose every record must be cited somewhere, or it would never reach a reader's path through a role.
MUST_BE_CITED = tuple(kind.name for kind in KINDS if kind.must_be_cited)


@dataclass(frozen=True)
class Reference:
    """One id in a cross-reference field, with where it sits."""

    kind: str
    record_id: str
    loc: tuple
    target: str
    target_id: str


@dataclass(frozen=True)
class Handbook:
    """All records, by kind, in file order, with id look-ups and the reverse 'cited by' index."""

    records: dict[str, tuple[models.Record, ...]]
    by_id: dict[str, dict[str, models.Record]]
    cited_by: dict[tuple[str, str], tuple[tuple[str, str], ...]]  # (kind, id) -> ((kind, id) citing it, ...)
    company: Company  # the settings (data/settings/company.yml) the text was filled in from
    language: str = "en"  # the language of the text: English, or a translation's (data/<language>/)
    # The same handbook in the other language, where there is one (see with_other_language): the Chinese edition's
    # glossary names each term's English, and a checklist step's saved tick is kept by its English text.
    other: "Handbook | None" = None

    @property
    def english(self) -> "Handbook":
        return self if self.language == "en" or self.other is None else self.other

    def __repr__(self) -> str:
        # Short on purpose: mkdocs-macros 1.5 turns every variable into text for a debug message on every build,
        # even with debug off, and the full repr of every record was half of a rebuild (benchmarks/).
        return f"Handbook({', '.join(f'{count} {kind}' for kind, count in self.counts().items())})"

    @property
    def roles(self) -> tuple[models.Role, ...]:
        return self.records["roles"]

    @property
    def duties(self) -> tuple[models.Duty, ...]:
        return self.records["duties"]

    @property
    def principles(self) -> tuple[models.Principle, ...]:
        return self.records["principles"]

    @property
    def donts(self) -> tuple[models.Dont, ...]:
        return self.records["donts"]

    @property
    def pitfalls(self) -> tuple[models.Pitfall, ...]:
        return self.records["pitfalls"]

    @property
    def requirements(self) -> tuple[models.Requirement, ...]:
        return self.records["requirements"]

    @property
    def checklists(self) -> tuple[models.Checklist, ...]:
        return self.records["checklists"]

    @property
    def onboarding(self) -> tuple[models.OnboardingPlan, ...]:
        return self.records["onboarding"]

    @property
    def scenarios(self) -> tuple[models.Scenario, ...]:
        return self.records["scenarios"]

    @property
    def glossary(self) -> tuple[models.Term, ...]:
        return self.records["glossary"]

    def get(self, kind: str, record_id: str) -> models.Record:
        return self.by_id[kind][record_id]

    def resolve(self, kind: str, ids) -> list[models.Record]:
        """The records of `kind` named by `ids`, in the order given."""
        return [self.by_id[kind][i] for i in ids]

    def citing(self, kind: str, record_id: str, citing_kind: str) -> list[models.Record]:
        """Records of `citing_kind` that cite the record `kind`/`record_id`, in file order."""
        ids = {i for k, i in self.cited_by.get((kind, record_id), ()) if k == citing_kind}
        return [r for r in self.records[citing_kind] if r.id in ids]

    def plan_for(self, role_id: str) -> models.OnboardingPlan | None:
        return next((plan for plan in self.records["onboarding"] if plan.role == role_id), None)

    def counts(self) -> dict[str, int]:
        return {kind: len(records) for kind, records in self.records.items()}

    def overdue(self, today: date) -> list[tuple[str, models.Record]]:
        """(kind, record) pairs whose review-by date has passed, oldest first."""
        late = [(k, r) for k, rs in self.records.items() for r in rs if r.review_by < today]
        return sorted(late, key=lambda pair: (pair[1].review_by, pair[0], pair[1].id))


def references(kind: str, record: models.Record) -> list[Reference]:
    """Every id the record cites, with its location inside the record."""
    found = []
    for (source_kind, field_path), target in REFERENCES.items():
        if source_kind != kind:
            continue
        outer, _, inner = field_path.partition(".")
        if inner:
            holders = [((outer, i), element, inner) for i, element in enumerate(getattr(record, outer))]
        else:
            holders = [((), record, outer)]
        for prefix, holder, name in holders:
            value = getattr(holder, name)
            ids = [(prefix + (name, i), v) for i, v in enumerate(value)] if isinstance(value, list) else [(prefix + (name,), value)]
            found.extend(Reference(kind, record.id, loc, target, target_id) for loc, target_id in ids)
    return found


# The cycle collector is paused: the data makes no cycles, and at 100x the records the collector's full passes over
# every live node made loading grow faster than the data (benchmarks/).
@collector.paused(keeps=True)
def load_edition(data_dir: Path | str, language: str, shown_prefix: str | None = None) -> Handbook:
    """The handbook in `language`, holding the other language's handbook as `other` where there is one: English and
    its translation, or a translation and the English it was made from."""
    from . import translations

    with files_read_once():  # a translation is read with the English files it translates, read here already
        english = load_handbook(data_dir, shown_prefix)
        others = [code for code in translations.languages(Path(data_dir)) if code != language]
        if language == "en":
            if not others:
                return english
            return replace(english, other=load_handbook(data_dir, shown_prefix, language=others[0]))
        return replace(load_handbook(data_dir, shown_prefix, language=language), other=english)


@collector.paused(keeps=True)  # also here: `handbook check` and every tool load one language without load_edition
def load_handbook(data_dir: Path | str, shown_prefix: str | None = None, language: str = "en") -> Handbook:
    """Loads and checks every data file (in `language`: the English with that language's translation put in, see
    translations.py); raises DataError listing every problem at once."""
    with words_of(language):  # placeholders and labels in the text are filled in the text's own language
        return _load(Path(data_dir), shown_prefix, language)


def _load(data_dir: Path, shown_prefix: str | None, language: str) -> Handbook:
    from . import translations

    prefix = shown_prefix if shown_prefix is not None else f"{data_dir.as_posix().rstrip('/')}/"
    if not data_dir.is_dir():
        raise DataError([Problem(prefix.rstrip("/"), 1, "data folder not found; pass --data with the folder "
                                 "that holds roles.yml, duties.yml and the other data files")])
    problems: list[Problem] = []
    translated = translations.Report()
    company = load_company(data_dir, prefix, problems, language=language, report=translated)
    known = placeholders.values(company) if company else None  # with no valid settings, placeholders stay as written
    records: dict[str, tuple[models.Record, ...]] = {}
    maps: dict[str, SourceMap] = {}
    indexes: dict[str, dict[str, int]] = {}  # kind -> record id -> index in file
    written_ids: dict[str, set | None] = {}  # kind -> every id written in its file; None if the file is unreadable
    for kind in KINDS:
        value, source_map, file_problems = read_yaml(data_dir / f"{kind.name}.yml", f"{prefix}{kind.name}.yml")
        problems += file_problems
        if language != "en" and value is not None and not file_problems:
            value = translations.translate(kind.name, value, data_dir, prefix, language, translated)
        if known is not None and value is not None:
            value = placeholders.fill(value, known, _placeholder_reporter(kind.name, source_map, known, problems))
        valid = validate_records(kind.name, kind.model, value, source_map, problems) if value is not None else []
        maps[kind.name] = source_map
        # Ids of records that exist but are invalid: references to them are not reported twice. Only text can be
        # an id; a list or mapping written as one is the record's own problem (and cannot go in a set).
        written_ids[kind.name] = {
            r["id"] for r in value if isinstance(r, dict) and isinstance(r.get("id"), str)
        } if isinstance(value, list) else None
        indexes[kind.name] = {}
        kept = []
        for index, record in valid:
            if record.id in indexes[kind.name]:
                first = source_map.line((indexes[kind.name][record.id],))
                problems.append(Problem(source_map.path, source_map.line((index, "id")),
                                        f"{kind.name}[{index}].id: duplicate id '{record.id}' (first used on line {first}); "
                                        "give each record its own id"))
                continue
            indexes[kind.name][record.id] = index
            kept.append(record)
        records[kind.name] = tuple(kept)
        problems += _nested_id_problems(kind.name, valid, source_map)

    by_id = {kind: {r.id: r for r in rs} for kind, rs in records.items()}
    cited_by: dict[tuple[str, str], dict[tuple[str, str], None]] = defaultdict(dict)
    nouns = {kind.name: kind.noun for kind in KINDS}
    for kind, kind_records in records.items():
        for record in kind_records:
            for ref in references(kind, record):
                if ref.target_id in by_id[ref.target]:
                    cited_by[(ref.target, ref.target_id)][(kind, record.id)] = None  # a dict: ordered, no repeats
                    continue
                if written_ids[ref.target] is None or ref.target_id in written_ids[ref.target]:
                    continue  # the target's own problem is reported; a second report here would mislead
                loc = (indexes[kind][record.id],) + ref.loc
                problems.append(Problem(
                    maps[kind].path, maps[kind].line(loc),
                    f"{loc_text(kind, loc)}: unknown {nouns[ref.target]} '{ref.target_id}'"
                    f"{did_you_mean(ref.target_id, by_id[ref.target])}; define it in {ref.target}.yml or fix the id",
                ))
    problems += translated.problems  # a stale translation is a warning (handbook check), not a reason to stop
    handbook = Handbook(records, by_id, {k: tuple(v) for k, v in cited_by.items()}, company, language)
    if not problems:  # orphans are only meaningful once every file and reference is sound
        problems += _coverage_problems(handbook, maps, indexes, nouns)
    if problems:
        raise DataError(problems)
    return for_company_type(handbook)


def for_company_type(handbook: Handbook) -> Handbook:
    """The handbook as the company's kind shows it: records and checklist steps marked `applies_to` other kinds of
    company are left out, and so are the references to them (every reference was checked before, against all)."""
    kind_of_company = handbook.company.company_type
    applies = lambda item: not item.applies_to or kind_of_company in item.applies_to
    left_out = {(kind, r.id) for kind, rs in handbook.records.items() for r in rs if not applies(r)}
    if not left_out and all(applies(item) for c in handbook.checklists for item in c.items):
        return handbook
    records = {}
    for kind, kind_records in handbook.records.items():
        kept = [r for r in kind_records if (kind, r.id) not in left_out]
        records[kind] = tuple(_without(r, left_out, applies) for r in kept)
    by_id = {kind: {r.id: r for r in rs} for kind, rs in records.items()}
    cited_by = {target: tuple(c for c in citing if c not in left_out)
                for target, citing in handbook.cited_by.items() if target not in left_out}
    return Handbook(records, by_id, {t: c for t, c in cited_by.items() if c}, handbook.company, handbook.language)


def _without(record, left_out: set[tuple[str, str]], applies):
    """The record with its references to left-out records, and its steps that do not apply, taken out."""
    changes = {}
    if isinstance(record, models.Checklist):
        changes["items"] = [item for item in record.items if applies(item)]
    for field_path, target in BY_NAME[_kind_of(record)].cites:
        outer, _, inner = field_path.partition(".")
        if inner:  # ids inside each element of a list field: items.duties
            elements = changes.get(outer, getattr(record, outer))
            changes[outer] = [_kept(element, inner, target, left_out) for element in elements]
        else:
            updated = _kept(record, outer, target, left_out)
            if updated is not record:
                changes[outer] = getattr(updated, outer)
    return record.model_copy(update=changes) if changes else record


def _kept(holder, name: str, target: str, left_out: set[tuple[str, str]]):
    """`holder` with the ids of left-out records taken out of its list field `name` (itself if none were)."""
    value = getattr(holder, name)
    if not isinstance(value, list) or not any((target, i) in left_out for i in value):
        return holder
    return holder.model_copy(update={name: [i for i in value if (target, i) not in left_out]})


def _kind_of(record) -> str:
    return next(kind.name for kind in KINDS if isinstance(record, kind.model))


def _placeholder_reporter(kind: str, source_map: SourceMap, known: dict[str, str], problems: list[Problem]):
    """Reports an unknown {placeholder} in a data file with its line and the nearest known name."""
    def report(loc: tuple, name: str) -> None:
        problems.append(Problem(source_map.path, source_map.line(loc),
                                f"{loc_text(kind, loc)}: unknown placeholder '{{{name}}}'{did_you_mean(name, known)}; "
                                f"use a name from settings/company.yml such as {{company.short_name}} or "
                                f"{{office.general_office}}, or write the text without braces"))
    return report


def _nested_id_problems(kind: str, valid, source_map: SourceMap) -> list[Problem]:
    """Checklist items and onboarding steps need ids unique within their record (progress is saved by them)."""
    nested = {"checklists": "items", "onboarding": "steps"}.get(kind)
    problems = []
    for index, record in valid if nested else ():
        seen: dict[str, int] = {}
        for position, element in enumerate(getattr(record, nested)):
            if element.id in seen:
                loc = (index, nested, position, "id")
                problems.append(Problem(source_map.path, source_map.line(loc),
                                        f"{loc_text(kind, loc)}: duplicate id '{element.id}' in {record.id} "
                                        f"(first at {nested}[{seen[element.id]}]); give each its own id"))
            seen.setdefault(element.id, position)
    return problems


def _coverage_problems(handbook: Handbook, maps, indexes, nouns) -> list[Problem]:
    """Orphans and gaps: uncited records, roles without a plan, plans for unknown or doubled roles."""
    problems = []
    for kind in MUST_BE_CITED:
        for record in handbook.records[kind]:
            if (kind, record.id) not in handbook.cited_by:
                problems.append(Problem(maps[kind].path, maps[kind].line((indexes[kind][record.id], "id")),
                                        f"{kind}[{indexes[kind][record.id]}]: {nouns[kind]} '{record.id}' is cited by "
                                        "no role, duty, checklist or scenario; cite it or remove it"))
    planned: dict[str, str] = {}
    for plan in handbook.records["onboarding"]:
        if plan.role in planned:
            loc = (indexes["onboarding"][plan.id], "role")
            problems.append(Problem(maps["onboarding"].path, maps["onboarding"].line(loc),
                                    f"{loc_text('onboarding', loc)}: role '{plan.role}' already has the plan "
                                    f"'{planned[plan.role]}'; keep one plan per role"))
        planned.setdefault(plan.role, plan.id)
    for role in handbook.records["roles"]:
        if role.id not in planned:
            problems.append(Problem(maps["roles"].path, maps["roles"].line((indexes["roles"][role.id], "id")),
                                    f"roles[{indexes['roles'][role.id]}]: role '{role.id}' has no onboarding plan; "
                                    "add one to onboarding.yml with `role: " + role.id + "`"))
    return problems


__all__ = ["DataError", "Handbook", "Problem", "load_handbook", "references", "REFERENCES"]
