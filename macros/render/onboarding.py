"""Onboarding plans: the list of them, and one plan whose day offsets become dates once a start date is picked."""

from ..data import models
from ..data.handbook import Handbook
from ..data.calendar import WorkingCalendar, working_calendar
from ..data.edition import Edition
from ..data.labels import PHASE_TITLES, one_line, title_of
from ..data.language import words
from .common import join_blocks, link, review_line, text
from ..output.jsonld import script_json
from .widgets import attrs, button, notice_area, related, signoff

COUNTING = {
    "working-days": "Days are counted in working days from your start date, which is day 0: weekends and public "
                    "holidays are skipped, and official make-up working days count.",
    "calendar-days": "Days are counted in calendar days from your start date, which is day 0.",
}


def plan_list(handbook: Handbook) -> str:
    rows = [
        f"| {link('onboarding', p)} | {link('roles', handbook.get('roles', p.role))} | {len(p.steps)} |"
        for p in handbook.onboarding
    ]
    head = " | ".join(words(h) for h in ("Plan", "Role", "Steps"))
    return join_blocks(f"| {head} |\n| --- | --- | --- |\n" + "\n".join(rows))


def onboarding_plan(handbook: Handbook, plan_id: str, edition: Edition) -> str:
    plan = handbook.get("onboarding", plan_id)
    calendar = working_calendar(handbook.company, edition.date.year)
    used = words("Calendar: {source}.").format(source=text(calendar.source)) if plan.counting == "working-days" else ""
    role = words("For the {role} role.").format(role=link("roles", handbook.get("roles", plan.role)))
    return join_blocks(
        f"# {text(plan.title)}", text(plan.summary), f"{role} {words(COUNTING[plan.counting])} {used}",
        plan_body(handbook, plan, calendar), review_line(plan),
    )


def plan_body(handbook: Handbook, plan: models.OnboardingPlan, calendar: WorkingCalendar) -> str:
    """Start-date controls, the steps at a glance, each phase with its steps, and the data the calendar is made from."""
    phases = []
    for phase, title in PHASE_TITLES.items():
        steps = [s for s in plan.steps if s.phase == phase]
        if steps:
            phases.append(join_blocks(f"## {title} {{#phase-{phase}}}", *(step_block(handbook, plan, s) for s in steps)))
    start_id = f"hb-start-{plan.id}"
    return f"""<div {attrs(class_="hb-plan hb-sheet", data_hb_plan=plan.id, data_hb_counting=plan.counting)} markdown="1">
<div class="hb-plan__controls" data-hb-plan-controls>
<p class="hb-plan__start"><label {attrs(for_=start_id)}>{words("Your start date")}</label> <input {attrs(type="date", id=start_id, data_hb_start=True)}></p>
<p class="hb-toolbar__actions">{button(words("Download calendar (.ics)"), "ics", primary=True)} {button(words("Print"), "print")}</p>
<p class="hb-plan__status" data-hb-status aria-live="polite">{words("Pick your start date to see the date of every step.")}</p>
</div>
<p class="hb-plan__start-print hb-print-only">{words("Start date:")} <span data-hb-start-print>______________________</span></p>
{notice_area()}

## {words("At a glance")} {{#at-a-glance}}

<div class="hb-glance" markdown="1">

{overview(plan)}

</div>

{join_blocks(*phases)}
{signoff(words("New starter"), words("Manager"))}
<script type="application/json" data-hb-plan-data>{script_json(plan_data(handbook, plan, calendar))}</script>
</div>"""


def overview(plan: models.OnboardingPlan) -> str:
    rows = [f"| {PHASE_TITLES[s.phase]} | {day_label(plan, s.day)} | {date_slot(s.day)} | [{text(s.title)}](#{s.id}) |"
            for s in plan.steps]
    head = " | ".join(words(h) for h in ("Phase", "Due", "Date", "Step"))
    return f"| {head} |\n| --- | --- | --- | --- |\n" + "\n".join(rows)


def step_block(handbook: Handbook, plan: models.OnboardingPlan, step: models.OnboardingStep) -> str:
    needs = related(handbook, step, (("checklists", words("Checklists")), ("duties", words("Duties"))))
    return join_blocks(
        f"### {text(step.title)} {{#{step.id}}}",
        f'<p class="hb-step-when">{day_label(plan, step.day, long=True)} {date_slot(step.day)}</p>',
        text(step.outcome), "  \n".join(needs),
    )


def day_label(plan: models.OnboardingPlan, day: int, long: bool = False) -> str:
    """'Start day' or '+4 working days' (long: 'Your start day' or '4 working days after you start')."""
    if not day:
        return words("Your start day") if long else words("Start day")
    unit = words(("working day" if plan.counting == "working-days" else "day") + ("s" if day != 1 else ""))
    return (words("{count} {unit} after you start") if long else words("+{count} {unit}")).format(count=day, unit=unit)


def date_slot(day: int) -> str:
    """Where the script writes the calendar date of a day offset once a start date is known."""
    return f'<time {attrs(class_="hb-date", data_hb_day=day)}></time>'


def plan_data(handbook: Handbook, plan: models.OnboardingPlan, calendar: WorkingCalendar) -> dict:
    """What the page's script needs from the plan: its steps as plain text and the working calendar they count in."""
    return {
        "id": plan.id, "title": one_line(plan.title), "counting": plan.counting, "calendar": calendar.as_json(),
        "organisation": one_line(handbook.company.name),
        "steps": [{
            "id": s.id, "phase": PHASE_TITLES[s.phase], "day": s.day, "title": one_line(s.title), "outcome": one_line(s.outcome),
            "checklists": [one_line(title_of(c)) for c in handbook.resolve("checklists", s.checklists)],
            "duties": [one_line(title_of(d)) for d in handbook.resolve("duties", s.duties)],
        } for s in plan.steps],
    }
