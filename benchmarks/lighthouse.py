"""Lighthouse (npm, pinned) in Debian's Chromium on one page of each kind: the four scores, LCP, TBT and CLS, and the
audits that cost the points."""

import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from .project import ROOT

# Installed by `make bench` (the Makefile's LIGHTHOUSE rule, the same path): 12.x is the last to run on Node 20.
CLI = ROOT / ".cache" / "npm" / "lighthouse-12.2.3" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = {"performance": "performance", "accessibility": "accessibility", "best-practices": "best practices",
              "seo": "SEO"}
METRICS = {"largest-contentful-paint": "LCP", "total-blocking-time": "TBT", "cumulative-layout-shift": "CLS"}
SHOWN_LOSSES = 4  # per category: the audits that cost the most points
# Each page's reported run, whole, for reading every audit (Lighthouse's viewer opens it); ignored by git.
KEPT = ROOT / ".cache" / "bench" / "lighthouse"


def pages(site: Path, data: Path) -> dict[str, str]:
    """Page kind -> its address: a record's page is the first record of its kind in data/ (role, checklist, plan);
    the start page and the HR pages are the first role's. Fails if the build has no such page."""
    def first(kind: str) -> str:
        return yaml.safe_load((data / f"{kind}.yml").read_text(encoding="utf-8"))[0]["id"]

    role = first("roles")
    found = {
        "home": "/",
        "role": f"/roles/{role}/",
        "start page": f"/start/{role}/",
        "record catalogue": "/duties/",
        "checklist": f"/checklists/{first('checklists')}/",
        "onboarding plan": f"/onboarding/{first('onboarding')}/",
        "manager view": "/manager/",
        "HR: job advert": f"/hr/adverts/{role}/",
        "HR: interview kit": f"/hr/interviews/{role}/",
        "glossary": "/glossary/",
        "Chinese home": "/zh/",
    }
    missing = [path for path in found.values() if not (site / path.lstrip("/") / "index.html").is_file()]
    if missing:
        raise SystemExit(f"benchmark: the built site has no page at {', '.join(missing)}; "
                         "update benchmarks/lighthouse.py")
    return found


def run(url: str, out: Path, attempts: int = 2) -> dict:
    """One Lighthouse run with its default config (a phone, simulated slow 4G and a 4x slower CPU); its report.

    A failed run is tried once more: on a busy machine Chromium now and then misses one of Lighthouse's deadlines,
    and one such miss should not throw away the half hour of `make bench` before it."""
    command = ["node", str(CLI), url, "--chrome-flags=--headless=new --no-sandbox", "--output=json",
               f"--output-path={out}", "--quiet", "--no-enable-error-reporting"]
    for _ in range(attempts):
        out.unlink(missing_ok=True)
        try:
            result = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True,
                                    text=True, timeout=300, check=False)
        except subprocess.TimeoutExpired:
            problem = "no report within 300 s"
            continue
        report = json.loads(out.read_text(encoding="utf-8")) if out.is_file() else {}
        # A page that did not load has a runtimeError and null scores, which are not low scores.
        problem = (result.stdout + result.stderr)[-3000:] if result.returncode or not report else \
            str(report.get("runtimeError") or "")
        if not problem:
            return report
    raise SystemExit(f"benchmark: Lighthouse failed on {url} ({attempts} attempts):\n{problem}")


def keep(report: dict, kind: str) -> Path:
    """Saves a page's reported run as .cache/bench/lighthouse/<kind>.json, replacing the last `make bench`'s."""
    KEPT.mkdir(parents=True, exist_ok=True)
    path = KEPT / f"{re.sub(r'[^a-z0-9]+', '-', kind.lower()).strip('-')}.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    return path


@dataclass(frozen=True)
class Result:
    """What one report says of a page: scores out of 100, metrics as Lighthouse shows them, what cost points."""

    scores: dict[str, int]
    metrics: dict[str, str]
    losses: list[str]


def score(report: dict, category: str = "performance") -> int:
    """A category's score out of 100. One Lighthouse could not compute is null: counted as 0, so it misses its
    target instead of vanishing."""
    return round(100 * (report["categories"][category]["score"] or 0))


def summary(report: dict) -> Result:
    scores = {name: score(report, key) for key, name in CATEGORIES.items()}
    metrics = {name: _shown(report["audits"][key].get("displayValue", "?")) for key, name in METRICS.items()}
    return Result(scores, metrics, losses(report))


def median_run(reports: list[dict]) -> dict:
    """The report with the median performance score (the lower middle one of an even number)."""
    ordered = sorted(reports, key=lambda report: report["categories"]["performance"]["score"] or 0)
    return ordered[(len(ordered) - 1) // 2]


def performance_spread(reports: list[dict]) -> str:
    """The lowest and highest performance score among a page's runs: how far its one median can be trusted."""
    scores = sorted(map(score, reports))
    return f"performance in its {len(scores)} runs {scores[0]} to {scores[-1]}"


def losses(report: dict) -> list[str]:
    """Per category that lost points: its audits that cost them, the costliest first, with what Lighthouse measured.

    A category's score is the weighted mean of its audits' scores, so an audit costs weight * (1 - score) / total
    weight. Performance is weighted on its metrics only; what to change for them is in the failing audits that
    Lighthouse says would save time, listed after the metrics with the milliseconds each would save.
    """
    found = []
    for key, name in CATEGORIES.items():
        category = report["categories"][key]
        total = sum(ref["weight"] for ref in category["auditRefs"]) or 1
        costs = []
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                costs.append((100 * ref["weight"] * (1 - audit["score"]) / total, ref["id"], _measured(audit)))
        costs = sorted((cost for cost in costs if cost[0] >= 0.5), reverse=True)  # under half a point rounds away
        if not costs:
            continue
        text = f"{name}: " + ", ".join(f"{audit_id} {measured}(-{cost:.0f})" for cost, audit_id, measured in
                                       costs[:SHOWN_LOSSES])
        if key == "performance" and (gains := savings(report)[:SHOWN_LOSSES]):
            text += "; would save: " + ", ".join(gains)
        found.append(text)
    return found


def savings(report: dict) -> list[str]:
    """Failing audits with the time Lighthouse estimates they cost, the largest first."""
    found = []
    for audit_id, audit in report["audits"].items():
        saved = audit.get("metricSavings") or {}
        if audit["score"] is not None and audit["score"] < 1 and any(saved.values()):
            found.append((max(saved.values()), audit_id, _measured(audit),
                          ", ".join(f"{metric} {ms:.0f} ms" for metric, ms in saved.items() if ms)))
    found.sort(reverse=True)
    return [f"{audit_id} {measured}({what})" for _, audit_id, measured, what in found]


def _measured(audit: dict) -> str:
    shown = audit.get("displayValue")
    if shown:
        return f"{_shown(shown)} "
    items = (audit.get("details") or {}).get("items")
    return f"{len(items)} item(s) " if items else ""


def _shown(text: str) -> str:
    return text.replace("\xa0", " ")  # Lighthouse puts no-break spaces between number and unit
