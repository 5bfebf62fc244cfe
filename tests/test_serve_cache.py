"""`mkdocs serve` rebuilds reuse unchanged pages (macros/site/serve_cache.py) yet come out exactly as a clean build."""

import filecmp
import json
import subprocess
import sys
import textwrap

from conftest import SAMPLE_DATA
from sites import build, copy_project

# What `mkdocs serve` does: on_startup('serve') once, then a fresh config and a build in the same process per change.
SERVE_SCRIPT = textwrap.dedent("""
    import json, pathlib, sys
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    project, site = pathlib.Path(sys.argv[1]), sys.argv[2]
    first = load_config(str(project / "mkdocs.yml"), site_dir=site)
    first.plugins.on_startup(command="serve", dirty=False)
    from macros.site import serve_cache

    def rebuild(config=None):
        state = serve_cache.STATE
        before = (state.markdown.made, state.markdown.reused, state.search.reused, state.templates.made,
                  state.templates.reused, state.searchable.reused)
        reads = {shown: read for (_, shown), (_, read) in state.data_reads.items()}
        try:
            build(config or load_config(str(project / "mkdocs.yml"), site_dir=site))
            serve_cache.wait_for_background()  # the search index is shaped after the build, as serve does it
            outcome = "built"
        except Abort:
            outcome = "aborted"
        return {"outcome": outcome, "converted": state.markdown.made - before[0],
                "reused": state.markdown.reused - before[1], "search reused": state.search.reused - before[2],
                "drawn": state.templates.made - before[3], "drawn before": state.templates.reused - before[4],
                "searchable reused": state.searchable.reused - before[5],
                "parsed": sorted(shown for (_, shown), (_, read) in state.data_reads.items()
                                 if reads.get(shown) is not read),
                "hands over": sys.modules["macros.data.collector"].HANDS_OVER}

    steps = {"first": rebuild(first)}
    roles = project / "data" / "roles.yml"
    roles.write_text(roles.read_text().replace("title: Sample role", "title: Edited role"))
    steps["data edit"] = rebuild()
    roles.write_text(roles.read_text().replace("summary: A role used only by the tests.",
                                               "summary: A role used only by the tests, edited."))
    steps["summary edit"] = rebuild()
    (project / "keep").mkdir()
    for path in pathlib.Path(site).rglob("*"):
        if path.is_file():
            target = project / "keep" / path.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    maintenance = project / "docs" / "maintenance.md"
    maintenance.write_text(maintenance.read_text() + "\\n[A broken link](no-such-page.md)\\n")
    steps["broken link"] = rebuild()
    steps["no change"] = rebuild()
    print(json.dumps(steps))
""")


def test_serve_rebuilds_reuse_unchanged_pages_and_match_a_clean_build(tmp_path):
    project = copy_project(tmp_path / "project", data=SAMPLE_DATA)
    result = subprocess.run([sys.executable, "-c", SERVE_SCRIPT, str(project), str(tmp_path / "served")],
                            cwd=project, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    steps = json.loads(result.stdout.strip().splitlines()[-1])

    assert steps["first"]["outcome"] == "built" and steps["first"]["reused"] == 0
    edit = steps["data edit"]
    assert edit["outcome"] == "built"
    assert edit["reused"] > 0 and edit["search reused"] > 0 and edit["searchable reused"] > 0, \
        "nothing was reused: the cache is not in use"
    assert 0 < edit["converted"] < steps["first"]["converted"], "the edited role's pages must be converted again"
    # Of the data files, the saved one alone is parsed again (every one was, on each rebuild).
    assert "data/roles.yml" in steps["first"]["parsed"] and len(steps["first"]["parsed"]) > 5
    assert edit["parsed"] == ["data/roles.yml"] and steps["no change"]["parsed"] == []
    # Loaded again on every rebuild, the data is not handed to the collector's oldest generation: the last rebuild's
    # garbage would go with it, and serve's memory grew by 6 MB a save.
    assert not any(step["hands over"] for step in steps.values())
    # A new role title is in every page's navigation: every page is drawn again. A new summary changes no title:
    # only the pages showing it are drawn again, the others come from the cache.
    assert edit["drawn before"] == 0 and edit["drawn"] == steps["first"]["drawn"]
    summary = steps["summary edit"]
    assert summary["drawn before"] > 0 and 0 < summary["drawn"] < steps["first"]["drawn"], summary

    # The cached rebuild equals a clean `mkdocs build` of the same edited project, page for page.
    (project / "docs" / "maintenance.md").write_text((project / "docs" / "maintenance.md").read_text()
                                                     .replace("\n[A broken link](no-such-page.md)\n", ""))
    clean = build(project, tmp_path / "clean")
    assert clean.returncode == 0, clean.stderr
    pages = sorted(p.relative_to(tmp_path / "clean") for p in (tmp_path / "clean").rglob("*.html"))
    assert pages
    differing = [str(p) for p in pages if not filecmp.cmp(tmp_path / "clean" / p, project / "keep" / p, shallow=False)]
    assert not differing, f"a cached rebuild differs from a clean build in {differing}"
    search = "search/search_index.json"
    assert json.loads((tmp_path / "clean" / search).read_text()) == json.loads((project / "keep" / search).read_text())

    # A page that warns is never cached: strict mode stops every rebuild until the link is fixed.
    assert steps["broken link"]["outcome"] == "aborted"
    assert steps["no change"]["outcome"] == "aborted"
