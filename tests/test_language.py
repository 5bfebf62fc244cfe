"""The handbook's own words in every language: each text the code gives words() has a translation, and no
translation is left over once the English it translated is gone."""

import pytest

from macros.data import language
from macros.data.words_zh import WORDS
from words_used import used


def test_every_text_of_the_code_has_its_chinese():
    missing = sorted(used() - set(WORDS))
    assert not missing, "macros/data/words_zh.py lacks:\n" + "\n".join(map(repr, missing))


def test_no_chinese_is_left_over_from_english_that_is_gone():
    unused = sorted(set(WORDS) - used())
    assert not unused, "macros/data/words_zh.py translates texts the code no longer uses:\n" + "\n".join(map(repr, unused))


def test_a_translation_keeps_every_placeholder_of_its_english():
    import re

    field = re.compile(r"\{(\w*)\}")
    wrong = [english for english, chinese in WORDS.items() if sorted(field.findall(english)) != sorted(field.findall(chinese))]
    assert not wrong, wrong


def test_a_missing_text_is_an_error_that_names_it():
    with language.using("zh"):
        assert language.words("Duties") == WORDS["Duties"]
        with pytest.raises(language.MissingWords, match="has no translation of 'A text nobody wrote'"):
            language.words("A text nobody wrote")
    assert language.words("A text nobody wrote") == "A text nobody wrote"  # English is written in the code


def test_dates_are_written_as_each_language_writes_them():
    from datetime import date

    assert language.long_date(date(2027, 1, 5)) == "5 January 2027"
    with language.using("zh"):
        assert language.long_date(date(2027, 1, 5)) == "2027年1月5日"
