"""What a build's process does once the site is written: it leaves what it holds to the process's exit."""

import os

from conftest import SAMPLE_DATA
from sites import copy_project, run_script

# A real `mkdocs build`, after which, as it returns, the process leaves an object in a reference cycle that says when
# the collector frees it, or ("pdf") makes a PDF itself, as it does when a worker stops.
BUILD_THEN_EXIT = """
import gc, sys
import mkdocs.commands.build as building
from mkdocs.__main__ import cli
from macros.output import pdf

class InACycle:
    def __init__(self):
        self.me = self

    def __del__(self):
        print("freed by the collector", flush=True)

def build_then_leave_garbage(*args, **kwargs):
    building_result = build(*args, **kwargs)
    if sys.argv[2] == "pdf":
        page = ('<style>@font-face { font-family: X; src: url(data:font/woff2;base64,AAAA) }</style>'
                '<p style="font-family: X">x</p>')
        pdf.render(pdf.Target.of_html("downloads/x.pdf", page))
        print("fonts folder", pdf._fonts(__import__("os").getpid())._folder, flush=True)
    else:
        gc.disable()  # no pass before the exit frees it
        InACycle()
    return building_result

build, building.build = building.build, build_then_leave_garbage
cli(["build", "-q", "-d", sys.argv[1]])
"""


def build_then_exit(tmp_path, after: str) -> str:
    project = copy_project(tmp_path / "project", data=SAMPLE_DATA)
    return run_script(project, BUILD_THEN_EXIT, str(tmp_path / "site"), after, pdf_cache=tmp_path / "pdf")


def test_a_build_leaves_what_it_holds_to_the_processs_exit_not_to_pythons_shutdown(tmp_path):
    """Python's shutdown walked and freed what a build still held: 0.1 s of every build's CPU (hooks.on_shutdown)."""
    assert "freed by the collector" not in build_then_exit(tmp_path, "garbage")


def test_a_build_that_made_a_pdf_itself_still_removes_the_fonts_folder_as_it_ends(tmp_path):
    """The PDF fonts' temporary folder goes only when they are freed, so they are dropped before the rest is left."""
    shown = build_then_exit(tmp_path, "pdf")
    folder = shown.split("fonts folder ", 1)[1].split()[0]
    assert folder != "None" and not os.path.exists(folder), shown
