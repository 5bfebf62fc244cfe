"""Compare two roles: the data of every role as JSON, and the picker the page's script fills in (docs/assets/hr.js)."""

import html

from ..data.handbook import Handbook
from ..data.labels import FREQUENCY_TITLES
from ..data.language import words
from ..output.jsonld import script_json
from ..output.paper import LEVEL_WORDS, plain, rated_duties, rated_requirements
from .roles import EXPECTATION_LABELS


def comparison_data(handbook: Handbook) -> dict:
    """Every role's duties and requirements (with importance), 30/60/90 expectations and pitfalls, as plain words in
    the edition's language: the page's script shows them as they are."""
    roles = []
    for role in handbook.roles:
        roles.append({
            "id": role.id,
            "title": plain(role.title),
            "duties": [{"id": d.record.id, "title": plain(d.record.title), "importance": words(d.importance),
                        "often": FREQUENCY_TITLES[d.frequency]} for d in rated_duties(handbook, role)],
            "requirements": [{"id": r.record.id, "title": plain(r.record.title), "importance": words(r.importance),
                              "level": r.level, "levelWord": LEVEL_WORDS.get(r.level, "")}
                             for r in rated_requirements(handbook, role)],
            "expectations": {words(label): [plain(item) for item in getattr(role.expectations, field)]
                             for label, field in EXPECTATION_LABELS},
            "pitfalls": [{"id": p.id, "title": plain(p.title)} for p in handbook.resolve("pitfalls", role.pitfalls)],
            "tools": [plain(t) for t in role.tools],
        })
    return {"roles": roles}


def role_comparison(handbook: Handbook) -> str:
    """Two role pickers, the place the comparison is drawn, and the data it is drawn from."""
    first, second = handbook.roles[0].id, handbook.roles[min(1, len(handbook.roles) - 1)].id

    def picker(name: str, label: str, chosen: str) -> str:
        options = "".join(f'<option value="{html.escape(r.id)}"{" selected" if r.id == chosen else ""}>'
                          f"{html.escape(plain(r.title))}</option>" for r in handbook.roles)
        return (f'<label class="hb-compare__pick">{label} <select data-hb-compare="{name}">{options}</select></label>')

    return "\n".join([
        f'<div class="hb-compare__pickers hb-screen-only">{picker("a", words("First role"), first)} '
        f'{picker("b", words("Second role"), second)} '
        f'<button type="button" class="md-button hb-print" onclick="window.print()">{words("Print")}</button></div>',
        '<div class="hb-compare" data-hb-comparison aria-live="polite">'
        "<p><em>" + words("The comparison needs JavaScript; each role's own page lists the same facts.") + "</em></p></div>",
        f'<script type="application/json" data-hb-compare-data>{script_json(comparison_data(handbook))}</script>',
    ]) + "\n"
