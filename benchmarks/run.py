"""`make bench`: build overhead, check scaling, live reload, page weight and PDFs, as one table in RESULTS.md.

Everything is measured on a copy of the working tree taken at the start, so edits made meanwhile change nothing.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

from . import reload, report, weight
from .capture import MACROS_ONLY_CONFIG, PLAIN_CONFIG
from .project import PYTHON, Timing, load_average, median, medians, mkdocs_build, run, run_json, snapshot
from .report import Row, kilobytes, megabytes, seconds
from .synthetic import generate

BUILD_RATIO = 1.25
CHECK_SECONDS = 0.3
LINEAR_RATIO = 1.10
RELOAD_SECONDS = 1.5
ROLE_PAGE_BYTES = 60_000
SEARCH_INDEX_BYTES = 250_000  # issue #16: at most 250 KB for the English content of 2026-12-01
SCALES = (10, 100)
SECTIONS = ("build", "check", "reload", "weight", "pdf")

NOTES = [
    ("**Timing**: every command is a fresh process timed from outside, as a user runs it; CPU time is its user + "
     "system time. Other engineers' test runs share the two cores, which inflates wall time a lot and CPU time less "
     "(still by tens of percent), so runs that are compared are interleaved, figures are medians, a ratio is the "
     "median of the ratios of runs made back to back, and every time target but live reload is judged on CPU time."),
    ("**Build overhead**: `mkdocs build` of the handbook against a plain Material build of the very same pages. "
     "`benchmarks/capture.py` builds the handbook once with an extra plugin that saves every page's final Markdown "
     "(after macros and hooks), the generated files (exports, PDFs) and the expanded navigation; the plain build uses "
     "that Markdown with the same theme, extensions and non-macros plugins, and no macros plugin or hooks. Its HTML "
     "pages come out identical but for what our `on_post_page` hooks change. The mkdocs-macros row builds the same "
     "static pages with the plugin on and no module (page bodies in a Jinja raw block)."),
    ("**Order of the builds**: each run builds plain, mkdocs-macros and full once, in an order that rotates from run "
     "to run. The builds with an empty PDF cache run after all of those: they keep both cores busy for many seconds, "
     "and when they were interleaved the builds after them came out slower, unevenly, by up to a third."),
    ("**PDFs in the build**: PDFs come from a cache keyed by their content (`HANDBOOK_PDF_CACHE`, a private folder "
     "here). The full build row reuses PDFs made by an earlier build, as every rebuild after the first does; the "
     "'PDFs made from scratch' row gives every build an empty cache."),
    ("**Check**: `load_handbook` timed inside one process after an untimed load of the real data (medians of the "
     "runs); the `handbook check` row is the whole command (`python -m macros.cli check`) from start to exit. "
     "Synthetic data (`benchmarks/synthetic.py`) is N renamed copies of data/, each copy citing only itself, so every "
     "record keeps the real number of cross-references; one load per process, 10x and 100x interleaved, twice as many "
     "runs as elsewhere. Growth is "
     "the 100x time over ten times the 10x time. Peak memory is tracemalloc's peak during a separate load, and that "
     "process's peak RSS."),
    ("**Live reload**: `mkdocs serve` on a free port of 127.0.0.1 in a copy of the project; each run saves "
     "data/roles.yml with a new word in the first role's summary and polls that role's page over HTTP every 10 ms "
     "until the word is served; the time is from the end of the save. One second of quiet between runs."),
    ("**Page weight**: HTML bytes of the largest built page of each type. The first visit is Debian's Chromium (via "
     "Playwright) opening the home page with an empty cache; bytes are counted by the local HTTP server as it sends "
     "them (bodies, uncompressed), including the search index that Material fetches after load. The search index "
     "rows compare the index as shipped (`macros/site/search_index.py` shapes it) with Material's own, from a second "
     "build of the same project without that hook and with the search plugin's default options; the first visit is "
     "measured on both."),
    "**PDFs**: `macros.output.pdf.render` for each target, in one process, after one untimed PDF that loads WeasyPrint.",
]


def say(message: str) -> None:
    print(f"benchmark: {message}", file=sys.stderr, flush=True)


def measure_builds(work: Path, project: Path, runs: int) -> tuple[list[Row], Path]:
    """Plain Material, mkdocs-macros alone and the full handbook, interleaved; then (if it makes PDFs) the full
    handbook with an empty PDF cache. Returns the rows and the full site."""
    say("capturing every page's final Markdown for the plain build")
    plain = work / "plain"
    run([PYTHON, "-m", "benchmarks.capture", str(project), str(plain)], project)
    makes_pdfs = any((plain / "docs").rglob("*.pdf"))
    site = work / "site"
    times: dict[str, list[Timing]] = {"plain": [], "macros": [], "full": [], "cold": []}
    builds = {
        "plain": lambda: mkdocs_build(plain, work / "site-plain", PLAIN_CONFIG),
        "macros": lambda: mkdocs_build(plain, work / "site-macros", MACROS_ONLY_CONFIG),
        "full": lambda: mkdocs_build(project, site),
    }
    for number in range(runs):  # interleaved, so a slow spell of the shared machine touches all alike
        say(f"builds, run {number + 1} of {runs}")
        names = list(builds)
        for name in names[number % 3:] + names[:number % 3]:  # each build goes first, second and third in turn
            times[name].append(builds[name]())
    # After the others: see "Order of the builds" in NOTES.
    for number in range(runs if makes_pdfs else 0):
        say(f"builds with an empty PDF cache, run {number + 1} of {runs}")
        cache = Path(tempfile.mkdtemp(prefix="pdf-cache-", dir=work))
        times["cold"].append(mkdocs_build(project, work / "site-cold", HANDBOOK_PDF_CACHE=str(cache)))
        makes_pdfs = any(cache.glob("*.pdf"))  # else the build ignores the variable and a warm cache was timed
        if not makes_pdfs:
            break
    rows = [
        Row("Build", "Plain Material build of the same pages as static Markdown", timed(medians(times["plain"]))),
        Row("Build", "The same with mkdocs-macros enabled and no macros module",
            f"{timed(medians(times['macros']))}; {ratios(times['macros'], times['plain'])} plain"),
        Row("Build", "Full handbook build, `mkdocs build`", timed(medians(times["full"]))),
        overhead_row("Build overhead: full / plain", times["full"], times["plain"]),
    ]
    if not makes_pdfs:
        reason = "the build ignores HANDBOOK_PDF_CACHE" if times["cold"] else "the build makes no PDF"
        return rows + [Row("Build", "Full build making every PDF", f"not measured: {reason}")], site
    return rows + [
        Row("Build", "Full build making every PDF from scratch (empty PDF cache)", timed(medians(times["cold"]))),
        # Not judged against the build target: this is the first build after a change to the data or the paper
        # templates. Every later build, and every serve rebuild, takes the PDFs from the cache (row above); the PDF
        # rows below give what making them costs.
        Row("Build", "Full build making every PDF from scratch, against plain (first build of a new edition)",
            f"{ratios(times['cold'], times['plain'])} plain"),
    ], site


def timed(timing: Timing) -> str:
    return f"{seconds(timing.wall)} wall, {seconds(timing.cpu)} CPU"


def paired(timings: list[Timing], bases: list[Timing]) -> Timing:
    """The median ratio of runs made back to back: a slow spell of the shared machine touches both of a pair."""
    return Timing(median(t.wall / b.wall for t, b in zip(timings, bases)),
                  median(t.cpu / b.cpu for t, b in zip(timings, bases)))


def ratios(timings: list[Timing], bases: list[Timing]) -> str:
    ratio = paired(timings, bases)
    return f"{ratio.cpu:.2f}x CPU ({ratio.wall:.2f}x wall)"


def overhead_row(label: str, timings: list[Timing], bases: list[Timing]) -> Row:
    """Judged on CPU time: on cores shared with others' test runs, wall-time ratios swing the most."""
    return Row("Build", label, ratios(timings, bases), f"<= {BUILD_RATIO}x",
               paired(timings, bases).cpu <= BUILD_RATIO)


def measure_check(work: Path, project: Path, runs: int) -> list[Row]:
    """The real data in process and as a command, then synthetic data at 10x and 100x."""
    say("handbook check on the real data")
    loadtime = [PYTHON, "-m", "benchmarks.loadtime"]
    real = run_json([*loadtime, "data", str(runs)], project)
    commands, floors = [], []
    for _ in range(runs):  # interleaved with what any pydantic-based check must pay before it reads a file
        commands.append(run([PYTHON, "-m", "macros.cli", "check"], project))
        floors.append(run([PYTHON, "-c", "import pydantic.main, yaml"], project))
    command = medians(commands)
    rows = [
        Row("Check", f"`load_handbook`, real data ({real['records']} records), in process",
            f"{seconds(median(real['wall']))} wall, {seconds(median(real['cpu']))} CPU", f"< {CHECK_SECONDS} s",
            median(real["cpu"]) < CHECK_SECONDS),
        Row("Check", "`handbook check` command, real data, start to exit", timed(command),
            f"< {CHECK_SECONDS} s", command.cpu < CHECK_SECONDS),
        Row("Check", "For scale: Python starting and importing pydantic and PyYAML, nothing else",
            timed(medians(floors))),
    ]
    folders = {scale: work / f"data-{scale}x" for scale in SCALES}
    for scale, folder in folders.items():
        generate(scale, folder, source=project / "data")
    loads: dict[int, list[dict]] = {scale: [] for scale in SCALES}
    # One load per process, scales interleaved: others' load hits both alike. Twice the runs: growth is a ratio of
    # two timings, and read 0.89 to 1.24 from one pair to the next on this machine.
    for number in range(1, 2 * runs + 1):
        say(f"load_handbook on synthetic data at {' and '.join(f'{s}x' for s in SCALES)}, run {number} of {2 * runs}")
        for scale, folder in folders.items():
            loads[scale].append(run_json([*loadtime, str(folder), "1"], project))
    times = {scale: Timing(median(r["wall"][0] for r in results), median(r["cpu"][0] for r in results))
             for scale, results in loads.items()}
    peaks = {scale: run_json([*loadtime, str(folder), "--memory"], project) for scale, folder in folders.items()}
    for scale in SCALES:
        rows.append(Row("Check", f"`load_handbook`, {scale}x data ({loads[scale][0]['records']} records)",
                        f"{timed(times[scale])}; peak {megabytes(peaks[scale]['peak_bytes'])} traced, "
                        f"{peaks[scale]['max_rss_kb'] / 1000:.0f} MB RSS"))
    low, high = SCALES
    factor = high / low
    as_timings = {scale: [Timing(r["wall"][0], r["cpu"][0]) for r in loads[scale]] for scale in SCALES}
    growth = paired(as_timings[high], as_timings[low])
    cpu, wall = growth.cpu / factor, growth.wall / factor
    memory = peaks[high]["peak_bytes"] / peaks[low]["peak_bytes"] / factor
    rows.append(Row("Check", f"Growth {low}x -> {high}x against linear (1.00 = linear)",
                    f"{cpu:.2f} CPU time ({wall:.2f} wall); {memory:.2f} peak memory", f"<= {LINEAR_RATIO:.2f}",
                    cpu <= LINEAR_RATIO))
    return rows


def measure_reload(work: Path, project: Path, runs: int) -> list[Row]:
    say("live reload under mkdocs serve")
    served = snapshot(work / "serve", source=project)  # a copy of its own: this measurement edits the data
    latencies = reload.measure(served, runs)
    return [Row("Live reload", "Save data/roles.yml -> rebuilt role page served",
                f"{seconds(median(latencies))} (fastest {seconds(min(latencies))}, slowest {seconds(max(latencies))})",
                f"< {RELOAD_SECONDS} s", median(latencies) < RELOAD_SECONDS)]


def measure_weight(work: Path, project: Path, site: Path) -> list[Row]:
    say("page weight, and a first visit in Chromium")
    rows = []
    for page_type, (path, size, count) in weight.largest_pages(site).items():
        target = f"<= {ROLE_PAGE_BYTES // 1000} KB" if page_type == "role" else ""
        rows.append(Row("Page weight", f"HTML of the largest {page_type} page (of {count}): `{path}`",
                        kilobytes(size), target, size <= ROLE_PAGE_BYTES if page_type == "role" else None))
    by_kind, outside = weight.first_visit(site)
    parts = ", ".join(f"{kind} {kilobytes(size)}" for kind, size in by_kind.most_common())
    rows.append(Row("Page weight", "First visit to the home page, everything fetched",
                    f"{kilobytes(sum(by_kind.values()))} ({parts})"))
    rows.append(Row("Page weight", "Requests to other sites on that visit", str(len(outside)), "0", not outside))
    say("the search index, and the same first visit with Material's own index")
    unshaped = work / "site-search-unshaped"
    mkdocs_build(project, unshaped, weight.write_unshaped_config(project))
    shaped_bytes, unshaped_bytes = weight.search_index_bytes(site), weight.search_index_bytes(unshaped)
    rows.append(Row("Page weight", "Search index as Material makes it (without `macros/site/search_index.py`)",
                    kilobytes(unshaped_bytes)))
    rows.append(Row("Page weight", "Search index as shipped (`search/search_index.json`)",
                    f"{kilobytes(shaped_bytes)} ({shaped_bytes / unshaped_bytes:.0%} of Material's)",
                    f"<= {SEARCH_INDEX_BYTES // 1000} KB", shaped_bytes <= SEARCH_INDEX_BYTES))
    by_kind, _ = weight.first_visit(unshaped)
    parts = ", ".join(f"{kind} {kilobytes(size)}" for kind, size in by_kind.most_common())
    rows.append(Row("Page weight", "The same first visit with Material's own search index",
                    f"{kilobytes(sum(by_kind.values()))} ({parts})"))
    return rows


def measure_pdfs(project: Path, runs: int) -> list[Row]:
    say("PDFs with WeasyPrint")
    result = run_json([PYTHON, "-m", "benchmarks.pdfs", str(runs)], project)
    if "missing" in result:
        return [Row("PDFs", "Job-description and whole-handbook PDFs", f"not measured: {result['missing']}")]
    per_target = {path: median(times) for path, times in result["seconds"].items()}
    whole = per_target.pop(result["handbook"])
    return [
        Row("PDFs", f"Job-description PDF, per role ({len(per_target)} roles)",
            f"{seconds(median(per_target.values()))} median, {seconds(max(per_target.values()))} slowest"),
        Row("PDFs", "Whole-handbook PDF", seconds(whole)),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure; the median is reported (default 5)")
    parser.add_argument("--only", choices=SECTIONS, action="append",
                        help="measure only this (repeatable); RESULTS.md is written only when everything is measured")
    args = parser.parse_args(argv)
    sections = args.only or list(SECTIONS)
    load_before = load_average()
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as temporary:
        work = Path(temporary)
        os.environ["HANDBOOK_PDF_CACHE"] = str(work / "pdf-cache")  # a private cache: the user's is never touched
        project = snapshot(work / "project")
        rows: list[Row] = []
        site = None
        if "build" in sections:
            build_rows, site = measure_builds(work, project, args.runs)
            rows += build_rows
        elif "weight" in sections:  # the weight alone needs only the handbook built once
            site = work / "site"
            mkdocs_build(project, site)
        if "check" in sections:
            rows += measure_check(work, project, args.runs)
        if "reload" in sections:
            rows += measure_reload(work, project, args.runs)
        if "weight" in sections:
            rows += measure_weight(work, project, site)
        if "pdf" in sections:
            rows += measure_pdfs(project, max(1, min(args.runs, 3)))
    header = report.context(args.runs, load_before, load_average())
    if args.only:
        print("\n".join(header + ["", report.table(rows)]))
    else:
        print(report.write(rows, header, NOTES))
        say(f"written to {report.RESULTS.relative_to(report.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
