"""Each list speaks to one reader, each step is owned by the person who does it, and each number is stated once."""

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from pydantic import BaseModel

from macros.data import models
from macros.data.handbook import load_handbook

ROOT = Path(__file__).resolve().parent.parent
HANDBOOK = load_handbook(ROOT / "data")

READER = "You"  # the owner every checklist uses for the assistant who reads it
NEW_HIRE = re.compile(r"\bthe new (?:[a-z-]+ ){0,3}?"
                      r"(?:assistant|secretary|director|officer|hire|starter|joiner|recruit|employee)\b", re.I)
SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)
# A step that moves custody of the seal: it belongs to the post that holds the seal, who hands it over or takes it over.
SEAL_CUSTODY = re.compile(r"\b(?:take over|taking over|hand over|hand the seal|hand-over)\b", re.I)
SEAL_DUTY = "seal-and-introduction-letters"


def lists_of_seal_keepers() -> set[str]:
    """Checklists cited by a role whose duties include keeping the seal."""
    return {c for role in HANDBOOK.roles if SEAL_DUTY in role.duties for c in role.checklists}


# ---------------------------------------------------------------- one reader per list

@pytest.mark.parametrize("checklist", HANDBOOK.checklists, ids=lambda c: c.id)
def test_steps_never_call_the_reader_the_new_hire(checklist):
    """A list written to "you" never calls its reader "the new executive secretary", "the new hire" and the like."""
    slips = [item.id for item in checklist.items if NEW_HIRE.search(f"{item.text} {item.timing}")]
    assert not slips, f"{checklist.id}: steps that call the reader 'the new …': {slips}"


@pytest.mark.parametrize("checklist", HANDBOOK.checklists, ids=lambda c: c.id)
def test_steps_owned_by_someone_else_are_written_for_that_owner(checklist):
    """A step owned by HR, IT, Finance, a requester or a manager addresses that owner, never the assistant as "you"."""
    slips = {item.id: item.owner for item in checklist.items
             if item.owner != READER and SECOND_PERSON.search(f"{item.text} {item.timing}")}
    assert not slips, f"{checklist.id}: steps owned by someone else but written to the assistant: {slips}"


@pytest.mark.parametrize("role", HANDBOOK.roles, ids=lambda r: r.id)
def test_role_expectations_are_in_one_voice(role):
    """The 30-, 60- and 90-day expectations describe the post-holder ("Has…", "Keeps…"), never "you"."""
    expectations = [*role.expectations.day_30, *role.expectations.day_60, *role.expectations.day_90]
    slips = [e for e in expectations if SECOND_PERSON.search(e)]
    assert not slips, f"{role.id}: expectations that switch to 'you': {slips}"


# ---------------------------------------------------------------- owners

def test_seal_custody_steps_are_owned_by_the_seal_keeper():
    """In the lists of a post that keeps the seal, a step handing the seal over or taking it over is that post's own."""
    keeper_lists = lists_of_seal_keepers()
    assert keeper_lists, f"no role has the duty {SEAL_DUTY}"
    slips = [f"{c.id}/{item.id} ({item.owner})" for c in HANDBOOK.checklists if c.id in keeper_lists
             for item in c.items
             if "seal" in item.text.lower() and SEAL_CUSTODY.search(item.text) and item.owner != READER]
    assert not slips, f"seal hand-over steps not owned by the keeper who reads the list: {slips}"


# ---------------------------------------------------------------- numbers stated once, and in agreement

NUMBER = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
# "a quarter of an hour" or "half a day" is a length of time, not a deadline.
DURATION = re.compile(rf"(?<!of )(?<!half )\b({NUMBER})[ -](?:(working|calendar) )?(hour|day|week|month)s?\b", re.I)
NTH_DAY = re.compile(r"\b(first|second|third|fourth|fifth|tenth) working day\b", re.I)
WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "twelve": 12}
SKIPPED_FIELDS = {"id", "owner", "review_by", "role", "counting", "phase", "day", "area", "frequency", "theme",
                  "category", "level", "code", "duties", "requirements", "principles", "donts", "pitfalls",
                  "checklists"}


def durations(unit: str) -> set[str]:
    """The time spans and deadlines a sentence states, normalised: 'within 24 hours' -> '24 hour'."""
    found = {f"{WORDS.get(n.lower(), n)} {(kind + ' ') if kind else ''}{span}".lower()
             for n, kind, span in DURATION.findall(unit)}
    return found | {f"{nth.lower()} working day" for nth in NTH_DAY.findall(unit)}


@dataclass(frozen=True)
class Unit:
    """One sentence of a record (a checklist step counts as one, with its timing), and the title it sits under."""

    kind: str
    record_id: str
    where: str
    context: str
    text: str
    step: bool = False


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z(])", " ".join(text.split())) if s]


def clauses(sentence: str) -> list[str]:
    """A sentence cut at "; " and ", and ", where one sentence often joins two facts."""
    return [c for c in re.split(r"; |, and ", sentence) if c]


def units_of(kind: str, record: BaseModel) -> list[Unit]:
    title = getattr(record, "title", "") or getattr(record, "term", "")
    found = []

    def walk(value, where: str):
        if isinstance(value, str):
            found.extend(Unit(kind, record.id, where, title, s) for s in sentences(value))
        elif isinstance(value, (list, tuple)):
            for index, element in enumerate(value):
                walk(element, f"{where}[{index}]")
        elif isinstance(value, models.ChecklistItem):  # one unit: its timing finishes the sentence
            text = f"{' '.join(value.text.split())} {value.timing}"
            found.append(Unit(kind, record.id, f"{where}.{value.id}", title, text, step=True))
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                if name not in SKIPPED_FIELDS:
                    walk(getattr(value, name), f"{where}.{name}" if where else name)

    walk(record, "")
    return found


UNITS = [unit for kind, records in HANDBOOK.records.items() for record in records for unit in units_of(kind, record)]


@dataclass(frozen=True)
class Topic:
    """A fact with a number in it, found by the words of the sentence that states it, and the record that holds it
    (None: a fact that several records may state, as long as they agree)."""

    name: str
    says: tuple[str, ...]  # every pattern must occur in the sentence
    home: tuple[str, str] | None
    not_about: str | None = None  # a sentence with this in it is about something else
    about: str | None = None  # must occur in the sentence or in the title of its record

    def stated_in(self) -> list[tuple[Unit, set[str]]]:
        found = []
        for unit in UNITS:
            if not all(re.search(p, unit.text, re.I) for p in self.says):
                continue
            if self.not_about and re.search(self.not_about, unit.text, re.I):
                continue
            if self.about and not re.search(self.about, f"{unit.context} {unit.text}", re.I):
                continue
            # The numbers of the clauses that name the topic; the whole sentence's if those clauses hold none.
            named = [c for c in clauses(unit.text) if re.search(self.says[0], c, re.I)] if not unit.step else []
            spans = set().union(*map(durations, named)) if named else set()
            spans = spans or durations(unit.text)
            if spans:
                found.append((unit, spans))
        return found


SENT = r"\b(?:send|sent|circulat\w*|issue[sd]?|go(?:es)? out)\b"
TOPICS = [
    Topic("draft minutes to the chair", (r"\bdraft minutes\b",), ("checklists", "meetings")),
    Topic("minutes and actions sent out", (r"\b(?:minutes|actions)\b", SENT), ("checklists", "meetings"),
          not_about=r"\b(?:draft|resolutions?)\b"),
    Topic("resolutions issued", (r"\bresolutions?\b", r"\bissue[sd]?\b"), ("checklists", "meetings")),
    Topic("meeting papers sent ahead", (r"\b(?:papers|invitation)\b", r"\bsend\b", r"\b(?:before|ahead)\b"),
          ("checklists", "meetings"), about=r"\bmeetings?\b"),
    Topic("expense claims", (r"\bexpense claim\b",), ("checklists", "travel-arrangements")),
    Topic("the GM's itinerary", (r"\bitinerary\b",), ("checklists", "travel-arrangements"), not_about=r"\bguests?\b"),
    Topic("incoming documents registered and routed",
          (r"\bdocuments?\b", r"\b(?:register|route|submit|pass)\w*|\breaches its handler\b"),
          ("checklists", "document-lifecycle"), not_about=r"\bresolutions?\b"),
    Topic("letters, visits and complaints acknowledged", (r"\backnowledg",),
          ("duties", "reception-and-letters-visits")),
    Topic("the monthly business report", (r"\bmonthly (?:business )?report\b",), ("duties", "track-business-goals")),
    Topic("the GM's open-matters list", (r"\bopen[- ]matters\b",), ("duties", "daily-affairs")),
    Topic("guest bookings confirmed", (r"\bbookings?\b", r"\bconfirm"), ("duties", "guest-logistics")),
    Topic("rules reviewed", (r"\brules?\b", r"\breview"), None),
]


@pytest.mark.parametrize("topic", TOPICS, ids=lambda t: t.name)
def test_a_number_agrees_wherever_it_is_stated(topic):
    """Every record that states a deadline or span for the same thing states the same one."""
    stated = topic.stated_in()
    values = set().union(*(found for _, found in stated)) if stated else set()
    assert len(values) <= 1, f"{topic.name}: records disagree: " + "; ".join(
        f"{u.kind}/{u.record_id}{'.' if u.where else ''}{u.where}: {sorted(found)}" for u, found in stated)


@pytest.mark.parametrize("topic", [t for t in TOPICS if t.home], ids=lambda t: t.name)
def test_a_number_is_stated_in_its_home_record_and_cited_elsewhere(topic):
    """A rule with a number in it is written in one record; every other record points to that record instead."""
    elsewhere = [f"{u.kind}/{u.record_id}.{u.where}: {u.text}" for u, _ in topic.stated_in()
                 if (u.kind, u.record_id) != topic.home]
    assert not elsewhere, f"{topic.name} belongs in {'/'.join(topic.home)}, but is restated in: {elsewhere}"


def test_every_topic_is_found_in_its_home_record():
    """The topic patterns still match the record that holds each rule, so a rewording cannot switch a check off."""
    lost = [t.name for t in TOPICS if t.home and not any((u.kind, u.record_id) == t.home for u, _ in t.stated_in())]
    assert not lost, f"no sentence in its home record states: {lost}"
