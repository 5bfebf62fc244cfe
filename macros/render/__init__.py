"""Pure functions from checked records to Markdown blocks, one module per kind of page."""

from .catalogues import (dont_catalogue, duty_catalogue, glossary, glossary_abbreviations, pitfall_catalogue,
                         principle_catalogue, requirement_catalogue, scenario_catalogue)
from .checklists import checklist, checklist_list
from .onboarding import onboarding_plan, plan_list
from .roles import role_guide, role_list

__all__ = [
    "checklist", "checklist_list", "dont_catalogue", "duty_catalogue", "glossary", "glossary_abbreviations",
    "onboarding_plan", "pitfall_catalogue", "plan_list", "principle_catalogue", "requirement_catalogue",
    "role_guide", "role_list", "scenario_catalogue",
]
