"""Shared pieces of rendering: safe text, links to records, headings with anchors, 'cited by' lines."""

import re
from collections.abc import Iterable

from ..data import inline_text, models
from ..data.kinds import BY_NAME, KINDS
from ..data.handbook import Handbook
from ..data.labels import title_of
from ..data.language import long_date, words

# Where each kind of record is shown (kinds.py). Links start with "/" and MkDocs resolves them from docs/
# (validation.links.absolute_links: relative_to_docs), so a block renders the same on any page.
RECORD_URLS = {kind.name: kind.url for kind in KINDS}
KIND_LABELS = {kind.name: kind.noun for kind in KINDS}


def text(value: str) -> str:
    """Data text made safe for Markdown: shown literally but for the inline Markdown macros/data/inline_text.py allows."""
    # Checked again here though the models refuse the rest: a record made without validation (model_construct)
    # must not get a javascript: link, an image or an abbreviation onto a page either.
    return inline_text.to_markdown(value)


def cell(value: str) -> str:
    """Data text for a Markdown table cell, where a bare pipe would start a new column."""
    return inline_text.to_markdown(value, in_table=True)


def url(kind: str, record: models.Record) -> str:
    return RECORD_URLS[kind].format(id=record.id)


def link(kind: str, record: models.Record) -> str:
    return f"[{cell(title_of(record))}]({url(kind, record)})"


def links(kind: str, records: Iterable[models.Record]) -> str:
    return words(", ").join(link(kind, r) for r in records)


def labelled(label: str, value: str) -> str:
    """"Duties: a, b" as the edition writes it (Chinese: 职责：a、b)."""
    return words("{label}: {value}").format(label=label, value=value)


def slug(english: str) -> str:
    """The anchor MkDocs makes of an English heading ("Your position and staff work" -> your-position-and-staff-work):
    a heading that carries it in every edition has the same link in each (a Chinese heading would get "_1")."""
    return re.sub(r"[\s-]+", "-", re.sub(r"[^\w\s-]", "", english.lower())).strip("-")


def anchor_heading(level: int, record: models.Record) -> str:
    return f"{'#' * level} {text(title_of(record))} {{#{record.id}}}"


def bullets(items: Iterable[str]) -> str:
    return "\n".join(f"- {text(item)}" for item in items)


def review_line(record: models.Record) -> str:
    line = words("Owner: {owner} · review by {date}").format(owner=text(record.owner), date=long_date(record.review_by))
    return f'<small class="hb-review">{line}</small>'


def cited_by(handbook: Handbook, kind: str, record: models.Record) -> str:
    """'Cited by' line: every role, duty, checklist, plan and scenario that points at this record."""
    parts = []
    for citing_kind in ("roles", "duties", "checklists", "onboarding", "scenarios"):
        citing = handbook.citing(kind, record.id, citing_kind)
        if citing:
            parts.append(labelled(words(BY_NAME[citing_kind].plural.capitalize()), links(citing_kind, citing)))
    return f"**{words('Cited by')}**{words(' — ')}" + words("; ").join(parts) if parts else ""


def join_blocks(*blocks: str) -> str:
    return "\n\n".join(block for block in blocks if block) + "\n"
