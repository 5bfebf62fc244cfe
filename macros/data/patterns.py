"""Text that must have a set form (an id, an occupation code, a colour), each with the hint its error message gives.

A pattern alone makes pydantic say "should match pattern '^#[0-9a-fA-F]{6}$'"; the loader looks the pattern up here
and tells the person what to write instead (macros/data/loader.py, _explain)."""

from typing import Annotated

from pydantic import StringConstraints

HINTS: dict[str, str] = {}  # pattern -> what to write, after "'<given>' "


def matching(pattern: str, hint: str):
    """A string type that must match `pattern`; `hint` finishes the message "'<given>' ..." when it does not."""
    HINTS[pattern] = hint
    return Annotated[str, StringConstraints(pattern=pattern)]


def hint(pattern: str) -> str:
    return HINTS.get(pattern, f"does not have the form this field needs (the pattern {pattern})")
