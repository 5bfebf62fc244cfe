"""What a build gives mkdocs-macros: the checked handbook, hover definitions and one macro per page block."""

from functools import partial
from pathlib import Path

from .. import render
from ..data.edition import current
from . import company, editions
from ..data import language
from ..data.handbook import load_edition
from ..data.loader import DataError
from ..render import compare, hiring, manager, review, start

BLOCKS = (
    render.role_list,
    render.duty_catalogue,
    render.principle_catalogue,
    render.dont_catalogue,
    render.pitfall_catalogue,
    render.requirement_catalogue,
    render.scenario_catalogue,
    render.glossary,
    render.checklist_list,
    render.checklist,
    render.plan_list,
    manager.area_matrix,
    manager.duty_matrix,
    manager.requirement_matrix,
    manager.role_expectations,
    manager.download_list,
    start.role_picker,
    start.chosen_week,
    start.start_page,
    hiring.hiring_table,
    compare.role_comparison,
    manager.pitfalls_for_managers,
)
# Blocks that print the edition (its date, version): it is read once per build here, so renderers never run git.
DATED_BLOCKS = (
    render.role_guide,
    render.onboarding_plan,
    manager.review_schedule,
    start.start_page,
    start.chosen_week,
    hiring.job_advert,
    hiring.interview_kit,
    review.progress_review,
)


def register(env):
    """Load the handbook for this build and make every block callable from the pages."""
    from mkdocs.exceptions import PluginError  # the only MkDocs import: it turns problems into a clean failure

    try:
        language.use(editions.language())  # one edition per run: its words, labels and dates
        handbook = load_edition(Path(env.project_dir) / "data", language.current(), shown_prefix="data/")
    except DataError as error:
        raise PluginError(f"the handbook's data has {len(error.problems)} problem(s):\n{error}") from None
    except language.MissingWords as error:
        raise PluginError(str(error)) from None
    env.variables["handbook"] = handbook
    env.variables["company"] = handbook.company  # for prose pages: {{ company.offices.general_office }}
    offline = bool(env.conf.plugins.get("material/offline") and env.conf.plugins["material/offline"].config.enabled)
    company.apply(env.conf, handbook.company, offline)
    # Hover definitions through abbr's glossary option: one dictionary for every page. Appending `*[term]:` lines to
    # each page instead made Markdown re-test the shrinking block after every line, most of the build's time.
    env.conf["mdx_configs"].setdefault("abbr", {})["glossary"] = render.glossary_abbreviations(handbook)
    for block in BLOCKS:
        env.macro(partial(block, handbook), block.__name__)
    edition = current()
    for block in DATED_BLOCKS:
        env.macro(partial(block, handbook, edition=edition), block.__name__)
