"""The handbook's own words (headings, labels, buttons, table heads) in the language of the edition being built.

English is written in the code, where it is used: `words("Duties")`, `words("{count} duties").format(count=3)`.
In an edition in another language each English text is looked up in that language's table (words_zh.py), and a text
the table lacks is an error that names it, never English left in a Chinese page. One build makes one edition, so the
language is set once per process (`use`), and `using` sets it for a block of code (the tests).

tests/test_language.py reads every `words("...")` in the code and fails on a text a table lacks, or holds unused.
"""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date

ENGLISH = "en"
LANGUAGES = {"en": "English", "zh": "简体中文"}  # code -> the language's name in itself
_current = ENGLISH


class MissingWords(LookupError):
    """A text of the code has no translation in the edition's language."""


def _table(language: str) -> dict[str, str]:
    if language == "zh":
        from .words_zh import WORDS

        return WORDS
    raise MissingWords(f"no table of words for language '{language}'; add macros/data/words_{language}.py")


def use(language: str) -> None:
    """Sets the language of everything made from now on in this process."""
    global _current
    if language not in LANGUAGES:
        raise MissingWords(f"unknown language '{language}'; use one of {', '.join(LANGUAGES)}")
    if language != ENGLISH:
        _table(language)
    _current = language


def current() -> str:
    return _current


@contextmanager
def using(language: str) -> Iterator[None]:
    before = _current
    use(language)
    try:
        yield
    finally:
        use(before)


def words(english: str) -> str:
    """`english` in the edition's language."""
    if _current == ENGLISH:
        return english
    table = _table(_current)
    try:
        return table[english]
    except KeyError:
        raise MissingWords(f"macros/data/words_{_current}.py has no translation of {english!r}; add it") from None


class Titles(Mapping):
    """A table of value -> English title (duty areas, phases…), giving each title in the edition's language; its
    keys are the values the data may use (models.py builds its value sets from them)."""

    def __init__(self, titles: dict[str, str]):
        self._titles = dict(titles)

    def __getitem__(self, key: str) -> str:
        return words(self._titles[key])

    def __iter__(self):
        return iter(self._titles)

    def __len__(self) -> int:
        return len(self._titles)

    def english(self) -> list[str]:
        return list(self._titles.values())

    def english_of(self, key: str) -> str:
        return self._titles[key]


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def long_date(value: date) -> str:
    """A date as people write it on paper: 5 January 2027, or 2027年1月5日 (no locale: the same on every machine)."""
    if _current == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
