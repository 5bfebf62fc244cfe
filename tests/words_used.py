"""Every English text the code gives `words()`: written in a call (`words("Duties")`) or held in a table whose
entries reach `words()` at run time (label tables, kind names, question texts). A language's table of words must
translate exactly these (tests/test_language.py); `python tests/words_used.py zh` lists what it lacks."""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MACROS = ROOT / "macros"
sys.path.insert(0, str(ROOT))
# `words("...")` or `words('...')` with a literal, in Python and in the paper templates (Jinja, HTML and CSS).
_CALL = re.compile(r"""\bwords\(\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')""", re.S)
_EACH = re.compile(r"""\bwords\((\w+)\) for \1 in \(([^)]*)\)""")
_JOINED = re.compile(r"""\bwords\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)""")


def _literal(text: str) -> str:
    return bytes(text, "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8") if "\\" in text else text


def in_calls() -> set[str]:
    found = set()
    templates = MACROS / "output" / "templates"
    for path in [*MACROS.rglob("*.py"), *templates.glob("*.html"), *templates.glob("*.css")]:
        if path.name == "language.py" or path.name.startswith("words_"):
            continue
        source = path.read_text(encoding="utf-8")
        for match in _JOINED.finditer(source):  # "a " "b" written over two lines
            found.add("".join(_literal(part) for part in re.findall(r'"((?:[^"\\]|\\.)*)"', match.group(1))))
        for match in _EACH.finditer(source):  # words(h) for h in ("Checklist", "Steps"): a table's column heads
            found.update(_literal(a or b) for a, b in re.findall(r'"((?:[^"\\]|\\.)*)"|\'((?:[^\'\\]|\\.)*)\'', match.group(2)))
        for match in _CALL.finditer(source):
            if match.group(1) is not None and _JOINED.match(source, match.start()):
                continue
            found.add(_literal(match.group(1) if match.group(1) is not None else match.group(2)))
    return found


def in_tables() -> set[str]:
    """The texts that reach `words()` from tables, not from a literal in the call."""
    from macros.data import labels
    from macros.data.kinds import KINDS
    from macros.output import paper
    from macros.render import manager, onboarding, roles

    found = set()
    for table in (labels.AREA_TITLES, labels.THEME_TITLES, labels.CATEGORY_TITLES, labels.COMPANY_TYPE_TITLES,
                  labels.FREQUENCY_TITLES, labels.PHASE_TITLES):
        found.update(table.english())
    for kind in KINDS:
        found.update({kind.noun, kind.plural.capitalize(), kind.title})
    found.update(label for label, _ in roles.EXPECTATION_LABELS)
    found.update(label for label, _ in paper.HR_FIELDS)
    found.update(paper.LEVEL_WORDS.values())
    found.update(paper.QUESTIONS.values())
    found.update({paper.OFFER_BLANK, paper.APPLY_BLANK})
    found.update(onboarding.COUNTING.values())
    found.update(manager.IMPORTANCE_MARKS.values())
    found.update({"essential", "preferred", "core", "supplemental", "Required.", "Preferred."})  # rating values shown
    found.update({"working day", "working days", "day", "days"})  # onboarding.day_label's units
    found.update({"Employee", "Manager", "Principles", "Conduct rules", "Pitfalls", "Checklists", "Duties"})  # templates
    from macros.data import placeholders
    found.update([*placeholders.LEADERSHIP.values(), *placeholders.STAFF_BODIES.values()])
    found.update(nav_titles())
    return found


def nav_titles() -> set[str]:
    """The section and page titles of mkdocs.yml's nav (macros/site/navigation.py translates them)."""
    from mkdocs.utils.yaml import yaml_load

    with (ROOT / "mkdocs.yml").open("rb") as file:
        nav = yaml_load(file)["nav"]
    found = set()

    def walk(entries):
        for entry in entries:
            if isinstance(entry, dict):
                (title, target), = entry.items()
                found.add(title)
                if isinstance(target, list):
                    walk(target)
    walk(nav)
    return found


def used() -> set[str]:
    return in_calls() | in_tables()


if __name__ == "__main__":
    from macros.data.language import _table

    table = _table(sys.argv[1] if len(sys.argv) > 1 else "zh")
    for text in sorted(used() - set(table)):
        print(repr(text))
