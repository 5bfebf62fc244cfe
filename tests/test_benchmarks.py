"""The benchmark's synthetic data is valid, scales every kind of record and keeps every cross-reference."""

import re
import shutil
import subprocess
import sys
from collections import Counter

import pytest

from conftest import ROOT, run_handbook
from macros.data.handbook import load_handbook, references


@pytest.fixture(scope="module")
def doubled(tmp_path_factory):
    """The real data at 2x, written by the generator's command line as `make bench` runs it."""
    out = tmp_path_factory.mktemp("synthetic") / "data"
    result = subprocess.run([sys.executable, "-m", "benchmarks.synthetic", "--scale", "2", "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return out


def reference_counts(handbook) -> Counter:
    """How many ids each (citing kind, cited kind) pair holds across all records."""
    return Counter((ref.kind, ref.target) for kind, records in handbook.records.items()
                   for record in records for ref in references(kind, record))


def test_synthetic_data_passes_handbook_check(doubled):
    """`handbook check` accepts the generated data: valid records, no orphans, one plan per role."""
    result = run_handbook("check", "--data", str(doubled))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ")


def test_every_kind_scales_by_the_factor(doubled, handbook):
    """Each kind of record appears exactly twice as often as in data/."""
    generated = load_handbook(doubled).counts()
    assert generated == {kind: 2 * count for kind, count in handbook.counts().items()}


def test_cross_references_are_kept_and_resolve_within_their_copy(doubled, handbook):
    """Every reference of the real data is there twice, and each copy cites records of its own copy."""
    generated = load_handbook(doubled)
    real = reference_counts(handbook)
    assert real, "the real data should cite something"
    assert reference_counts(generated) == Counter({pair: 2 * count for pair, count in real.items()})
    for kind, records in generated.records.items():
        for record in records:
            copy = "-c1" if record.id.endswith("-c1") else ""
            for ref in references(kind, record):
                assert ref.target_id in generated.by_id[ref.target], f"{kind}/{record.id} -> {ref.target_id}"
                assert ref.target_id.endswith("-c1") == bool(copy), f"{kind}/{record.id} cites across copies"


# ------------------------------------------------------------------------- what `make bench` builds, serves and reads

def test_the_growth_project_is_the_english_edition_with_scaled_data(tmp_path):
    """The site-build growth copy has N times the records, the company settings, and no translation folder."""
    from benchmarks import synthetic
    from macros.data.translations import languages

    counts = synthetic.project(2, tmp_path / "project", ROOT)
    data = tmp_path / "project" / "data"
    assert languages(data) == [], "a translation in the copy would time the Chinese edition too"
    assert (data / "settings" / "company.yml").is_file()
    assert counts == {kind: 2 * count for kind, count in load_handbook(ROOT / "data").counts().items()}


def test_the_english_only_copy_has_no_translation_and_the_rest_of_the_project(tmp_path):
    """`english_only` drops data/zh and keeps the English data, docs and configuration."""
    from benchmarks.project import english_only
    from macros.data.translations import languages

    copy = english_only(ROOT, tmp_path / "english")
    assert languages(copy / "data") == []
    assert (copy / "data" / "roles.yml").read_bytes() == (ROOT / "data" / "roles.yml").read_bytes()
    assert (copy / "mkdocs.yml").is_file() and (copy / "docs" / "index.md").is_file()


@pytest.mark.skipif(shutil.which("envsubst") is None, reason="envsubst (Debian's gettext-base) is not installed")
def test_nginx_config_is_the_template_filled_in_and_listens_on_loopback_only(tmp_path):
    """Both placeholders are filled, nginx's own variables are left alone, and only 127.0.0.1 is listened on."""
    from benchmarks import nginx

    config = nginx.site_config(tmp_path / "site", 8123)
    assert "${HANDBOOK_" not in config
    assert f"root {tmp_path / 'site'};" in config
    assert re.findall(r"^\s*listen\s+(\S+);", config, re.MULTILINE) == ["127.0.0.1:8123"]
    assert "map $uri $handbook_cache_control" in config  # envsubst given the list touches nothing else


def test_nginx_access_log_lines_are_read_as_path_bytes_and_compression(tmp_path):
    """Each line of the benchmark's log format gives the path, the body bytes sent and whether it was gzip."""
    from benchmarks import nginx

    log = tmp_path / "access.log"
    log.write_text("/index.html 21354 gzip\n/assets/logo.svg 297 -\n", encoding="utf-8")
    assert nginx.sent(log) == [("/index.html", 21354, True), ("/assets/logo.svg", 297, False)]


def lighthouse_report(performance: float | None, tbt_score: float = 1.0) -> dict:
    """The parts of a Lighthouse JSON report benchmarks/lighthouse.py reads."""
    def audit(score, shown="", **extra):
        return {"score": score, "displayValue": shown, **extra}

    refs = {"performance": [("total-blocking-time", 30), ("largest-contentful-paint", 25), ("dom-size", 0)],
            "accessibility": [("color-contrast", 7), ("target-size", 7)], "best-practices": [("errors-in-console", 1)],
            "seo": [("link-text", 1), ("hreflang", 1), ("robots-txt", 0)]}
    audits = {
        "total-blocking-time": audit(tbt_score, "620\xa0ms"),
        "largest-contentful-paint": audit(1, "1.5\xa0s"),
        "cumulative-layout-shift": audit(1, "0.001"),
        "dom-size": audit(0, "894 elements", metricSavings={"TBT": 400}),
        "unused-css-rules": audit(0, "Potential savings of 16 KiB", metricSavings={"FCP": 150, "LCP": 300}),
        "color-contrast": audit(1), "target-size": audit(0, details={"items": [{}, {}]}),
        "errors-in-console": audit(1), "link-text": audit(0, "2 links found"), "hreflang": audit(1),
        "robots-txt": audit(None),
    }
    categories = {key: {"score": performance if key == "performance" else 1,
                        "auditRefs": [{"id": audit_id, "weight": weight} for audit_id, weight in audit_refs]}
                  for key, audit_refs in refs.items()}
    return {"categories": categories, "audits": audits, "environment": {"benchmarkIndex": 1366.5}}


def test_lighthouse_summary_gives_scores_out_of_100_and_metrics_as_shown():
    """Scores are rounded percentages (a null score counts as 0, so it misses); metrics keep Lighthouse's units."""
    from benchmarks import lighthouse

    result = lighthouse.summary(lighthouse_report(0.84))
    assert result.scores == {"performance": 84, "accessibility": 100, "best practices": 100, "SEO": 100}
    assert result.metrics == {"LCP": "1.5 s", "TBT": "620 ms", "CLS": "0.001"}
    assert lighthouse.summary(lighthouse_report(None)).scores["performance"] == 0


def test_lighthouse_shows_the_lowest_and_highest_performance_of_a_pages_runs():
    """A null score (a page that did not load) counts as 0 there too."""
    from benchmarks import lighthouse

    runs = [lighthouse_report(score) for score in (0.97, 0.88, None, 0.99, 0.951)]
    assert lighthouse.performance_spread(runs) == "performance in its 5 runs 0 to 99"
    assert lighthouse.performance_spread(runs[:2]) == "performance in its 2 runs 88 to 97"


def test_lighthouse_losses_are_weighted_points_costliest_first_with_what_was_measured():
    """An audit costs weight x (1 - score) of 100 points over its category's weights; zero-weight audits cost none;
    performance adds the failing audits Lighthouse says would save time, the largest saving first."""
    from benchmarks import lighthouse

    assert lighthouse.losses(lighthouse_report(0.84, tbt_score=0.48)) == [  # TBT: 30 x 0.52 of 55 weight
        "performance: total-blocking-time 620 ms (-28); would save: dom-size 894 elements (TBT 400 ms), "
        "unused-css-rules Potential savings of 16 KiB (FCP 150 ms, LCP 300 ms)",
        "accessibility: target-size 2 item(s) (-50)",
        "SEO: link-text 2 links found (-50)",
    ]


def test_lighthouse_median_run_is_the_middle_performance_score():
    """Of three runs the one with the middle performance score is reported, whatever order they ran in."""
    from benchmarks import lighthouse

    runs = [lighthouse_report(0.90), lighthouse_report(0.70), lighthouse_report(0.80)]
    assert lighthouse.median_run(runs)["categories"]["performance"]["score"] == 0.80
    assert lighthouse.median_run(runs[:2])["categories"]["performance"]["score"] == 0.70


def test_the_rebuild_times_are_read_from_serve_log_after_the_first_build(tmp_path):
    from benchmarks import reload

    (tmp_path / "serve.log").write_text("INFO    -  Documentation built in 2.10 seconds\n"
                                        "INFO    -  [10:33:09] Detected file changes\nINFO    -  Building documentation...\n"
                                        "INFO    -  Documentation built in 0.56 seconds\n"
                                        "INFO    -  Documentation built in 0.49 seconds\n")
    assert reload.rebuild_times(tmp_path) == [0.56, 0.49]


def test_the_whole_handbook_pdf_is_set_against_the_median_plain_build_of_the_same_run():
    """The least a first build can take on the machine, shown beside the cold / plain ratio it bounds."""
    from benchmarks.project import Timing
    from benchmarks.run import floor_row

    row = floor_row(4.5, [Timing(1.5, 9.0), Timing(2.0, 9.0), Timing(3.0, 9.0)])
    assert row.result == "2.25x wall"  # on the median wall time, not the CPU time or the first run
    assert row.target == "" and row.met is None  # a figure that explains a target, not one of its own


def test_the_first_builds_cpu_time_spread_over_the_cores_is_set_against_the_median_plain_build():
    """The least any sharing of the first build's work could take: its median CPU over the cores, in plain builds."""
    from benchmarks.project import Timing
    from benchmarks.run import cores_floor_row

    cold = [Timing(5.0, 9.0), Timing(6.0, 10.0), Timing(9.0, 14.0)]
    row = cores_floor_row(cold, [Timing(1.5, 1.4), Timing(2.0, 1.9), Timing(3.0, 2.8)], cores=2)
    assert row.result == "2.50x wall"  # median CPU 10.0 over 2 cores, over the median plain wall time 2.0
    assert "2 cores" in row.measure and row.met is None


def test_a_judged_ratio_is_the_median_of_back_to_back_pairs_with_their_spread_on_the_judged_clock():
    """The spread says how far the median can be trusted on shared cores; CPU time is judged unless wall is asked."""
    from benchmarks.project import Timing
    from benchmarks.run import judged_ratio

    full = [Timing(2.4, 2.2), Timing(2.6, 2.6), Timing(3.0, 2.2)]
    plain = [Timing(2.0, 2.0), Timing(2.0, 2.0), Timing(2.0, 2.0)]
    on_cpu = judged_ratio("Build overhead", full, plain, 1.15)
    assert on_cpu.result == "1.10x CPU (1.30x wall); pairs 1.10 to 1.30" and on_cpu.met is True
    on_wall = judged_ratio("First build", full, plain, 1.15, on_wall=True)
    assert on_wall.result.endswith("; pairs 1.20 to 1.50") and on_wall.met is False


def test_the_site_build_growth_is_the_median_of_pairs_against_linear_with_their_spread():
    """Each 10x build over the 3x build just before it, over 10/3: one pair alone swung by a tenth between runs."""
    from benchmarks.project import Timing
    from benchmarks.run import growth_row

    middles = [Timing(3.0, 3.0)] * 3
    bigs = [Timing(10.0, 10.0), Timing(12.0, 11.5), Timing(10.5, 10.4)]
    row = growth_row(3, 10, bigs, middles)
    assert row.result == "1.04 CPU time (1.05 wall); pairs 1.00 to 1.15" and row.met is True
    assert growth_row(3, 10, bigs[1:2], middles[:1]).result == "1.15 CPU time (1.20 wall)"
    assert growth_row(3, 10, bigs[1:2], middles[:1]).met is False
