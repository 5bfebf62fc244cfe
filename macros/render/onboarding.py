"""Onboarding plans: the list of them, and one plan with dated steps."""

from ..handbook import Handbook
from .common import PHASE_TITLES, join_blocks, link, links, review_line, text


def plan_list(handbook: Handbook) -> str:
    rows = [
        f"| {link('onboarding', p)} | {link('roles', handbook.get('roles', p.role))} | {len(p.steps)} |"
        for p in handbook.onboarding
    ]
    return join_blocks("| Plan | Role | Steps |\n| --- | --- | --- |\n" + "\n".join(rows))


def onboarding_plan(handbook: Handbook, plan_id: str) -> str:
    plan = handbook.get("onboarding", plan_id)
    unit = "working day" if plan.counting == "working-days" else "day"
    blocks = [f"# {text(plan.title)}", text(plan.summary),
              f"For the {link('roles', handbook.get('roles', plan.role))} role. Days count {unit}s from your start day (day 0)."]
    for step in plan.steps:
        needs = []
        if step.checklists:
            needs.append(f"Checklists: {links('checklists', handbook.resolve('checklists', step.checklists))}")
        if step.duties:
            needs.append(f"Duties: {links('duties', handbook.resolve('duties', step.duties))}")
        blocks.append(join_blocks(
            f"## {PHASE_TITLES[step.phase]}: {text(step.title)} {{#{step.id}}}",
            f"*{unit.capitalize()} {step.day}.* {text(step.outcome)}", "  \n".join(needs),
        ))
    blocks.append(review_line(plan))
    return join_blocks(*blocks)
