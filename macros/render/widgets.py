"""Raw-HTML pieces shared by the interactive blocks (checklists, onboarding plans): attributes, notices, sign-off."""

import html

from ..data.handbook import Handbook
from ..data.language import words
from .common import labelled, links


def attrs(**values: str | int | bool | None) -> str:
    """HTML attributes from keyword arguments (`data_hb_item` -> `data-hb-item`), every value escaped."""
    parts = []
    for name, value in values.items():
        name = name.rstrip("_").replace("_", "-")
        if value is True:
            parts.append(name)
        elif value is not None and value is not False:
            parts.append(f'{name}="{html.escape(str(value), quote=True)}"')
    return " ".join(parts)


def notice_area() -> str:
    """Where the script shows notices (unreadable saved data, refused imports); read out when it changes."""
    return '<div class="hb-notices" data-hb-notices aria-live="polite"></div>'


def button(label: str, action: str, primary: bool = False) -> str:
    kind = "md-button md-button--primary" if primary else "md-button"
    return f'<button {attrs(type="button", class_=f"{kind} hb-button", data_hb_action=action)}>{html.escape(label)}</button>'


def related(handbook: Handbook, record, kinds: tuple[tuple[str, str], ...]) -> list[str]:
    """'Duties: a, b' style Markdown fragments for each (kind, label) the record cites."""
    return [labelled(label, links(kind, handbook.resolve(kind, getattr(record, kind))))
            for kind, label in kinds if getattr(record, kind)]


def screen_only(markdown: str) -> str:
    """A Markdown block left off paper (a printed form needs no cross-references)."""
    return f'<div class="hb-screen-only" markdown="1">\n\n{markdown}\n\n</div>' if markdown else ""


def signoff(*rows: str) -> str:
    """Lines to fill in by hand on paper: one row per person, each with a name, date and signature line."""
    lines = []
    for who in rows:
        fields = "".join(f'<span class="hb-signoff__label">{html.escape(label)}</span><span class="hb-signoff__line"></span>'
                         for label in (who, words("Date"), words("Signature")))
        lines.append(f'<div class="hb-signoff__row">{fields}</div>')
    return '<div class="hb-signoff hb-print-only">\n' + "\n".join(lines) + "\n</div>"
