"""Review progress: the page where a manager opens an assistant's exported progress file and reads a report of it."""

from ..data.calendar import working_calendar
from ..data.edition import Edition
from ..data.handbook import Handbook
from ..output.jsonld import script_json
from ..output.paper import plain
from .checklists import item_hash
from .roles import EXPECTATION_LABELS
from ..data.language import words


def review_data(handbook: Handbook, edition: Edition) -> dict:
    """What the report is made from: every checklist's items (with the hash a tick must match) and every plan's steps,
    role, calendar, 30/60/90 expectations and the pitfalls of its role as a manager sees them."""
    calendar = working_calendar(handbook.company, edition.date.year).as_json()
    checklists = {c.id: {"title": plain(c.title), "items": [{"id": i.id, "hash": item_hash(handbook, c, i), "text": plain(i.text),
                                                              "optional": i.optional} for i in c.items]}
                  for c in handbook.checklists}
    plans = {}
    for plan in handbook.onboarding:
        role = handbook.get("roles", plan.role)
        plans[plan.id] = {
            "title": plain(plan.title), "role": plain(role.title), "counting": plan.counting, "calendar": calendar,
            "checklists": list(role.checklists),
            "pitfalls": [{"id": p.id, "title": plain(p.title), "sees": [plain(x) for x in p.manager_sees],
                          "raise": [plain(x) for x in p.how_to_raise]} for p in handbook.resolve("pitfalls", role.pitfalls)],
            "steps": [{"id": s.id, "day": s.day, "title": plain(s.title), "checklists": list(s.checklists)} for s in plan.steps],
            "expectations": [{"label": words(label), "day": int(field.split("_")[1]),
                              "items": [plain(item) for item in getattr(role.expectations, field)]}
                             for label, field in EXPECTATION_LABELS],
        }
    return {"checklists": checklists, "plans": plans}


def progress_review(handbook: Handbook, edition: Edition) -> str:
    """The file picker, the review date, where the report is drawn, and the data it is drawn from."""
    return "\n".join([
        '<div class="hb-review-controls hb-screen-only">',
        f'<p><label for="hb-review-file">{words("Progress file (.json)")}</label> '
        '<input type="file" id="hb-review-file" accept=".json,application/json" data-hb-review-file></p>',
        f'<p><label for="hb-review-date">{words("Review date")}</label> <input type="date" id="hb-review-date" data-hb-review-date> '
        f'<button type="button" class="md-button hb-print" onclick="window.print()">{words("Print")}</button></p>',
        "</div>",
        '<div class="hb-review-notice" data-hb-review-notice role="alert"></div>',
        '<div class="hb-progress-review" data-hb-review aria-live="polite"></div>',
        f'<script type="application/json" data-hb-review-data>{script_json(review_data(handbook, edition))}</script>',
    ]) + "\n"
