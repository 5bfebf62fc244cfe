"""Valid synthetic data at N times the real record counts: N renamed copies of data/, each citing only itself."""

import argparse
import sys
import shutil
from pathlib import Path

import yaml

from macros.data import models
from macros.data.handbook import REFERENCES
from macros.data.kinds import KINDS

ROOT = Path(__file__).resolve().parent.parent
# libyaml when PyYAML has it: at 100x the pure-Python dumper alone takes a minute
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes every value out in full: data files may not use anchors or aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


RATINGS = ("duty_ratings", "requirement_ratings")


def suffix(copy: int) -> str:
    """Copy 0 keeps the real ids; copy k (k >= 1) appends `-c<k>` to every record id."""
    return f"-c{copy}" if copy else ""


def renamed(kind: str, record: dict, copy: int) -> dict:
    """One record of copy `copy`: its id, titles and every cross-reference moved into that copy."""
    tail = suffix(copy)
    record = {**record, "id": record["id"] + tail}
    if copy:  # distinct titles and terms, as a real handbook would have
        for field in ("title", "term"):
            if field in record:
                record[field] = f"{record[field]} {copy + 1}"
        if "aliases" in record:
            record["aliases"] = [f"{alias} {copy + 1}" for alias in record["aliases"]]
    for source_kind, field_path in REFERENCES:
        if source_kind != kind:
            continue
        outer, _, inner = field_path.partition(".")
        if not inner:
            record[outer] = _moved(record.get(outer), tail)
        elif outer in record:
            record[outer] = [{**element, inner: _moved(element.get(inner), tail)} if inner in element else element
                             for element in record[outer]]
    for ratings in RATINGS:  # a role's ratings name its duties and requirements by id, checked against those lists
        if ratings in record:
            record[ratings] = [{**rating, "id": rating["id"] + tail} for rating in record[ratings]]
    return record


def _moved(value, tail: str):
    """An id, or a list of ids, pointing into the same copy."""
    if value is None:
        return None
    return [item + tail for item in value] if isinstance(value, list) else value + tail


def generate(scale: int, out: Path, source: Path = ROOT / "data") -> dict[str, int]:
    """Writes one YAML file per kind into `out` with `scale` copies of every record; returns the record counts."""
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for kind in KINDS:
        real = yaml.load((source / f"{kind.name}.yml").read_text(encoding="utf-8"), Loader=LOADER)
        records = [renamed(kind.name, record, copy) for copy in range(scale) for record in real]
        header = f"# Synthetic: {scale}x the records of data/{kind.name}.yml, written by benchmarks/synthetic.py\n"
        body = yaml.dump(records, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=120)
        (out / f"{kind.name}.yml").write_text(header + body, encoding="utf-8")
        counts[kind.name] = len(records)
    shutil.copytree(source / "settings", out / "settings", dirs_exist_ok=True)  # one company, whatever the scale
    return counts


def project(scale: int, target: Path, source: Path) -> dict[str, int]:
    """Writes into `target` a copy of the project `source` whose data/ is `scale` copies of its records, for timing
    the site build; returns the record counts. English only: `generate` writes no translation (data/zh/)."""
    from .project import snapshot

    snapshot(target, source=source)
    shutil.rmtree(target / "data")
    return generate(scale, target / "data", source=source / "data")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.synthetic", description=__doc__)
    parser.add_argument("--scale", type=int, required=True, help="how many copies of the real records (1 or more)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the YAML files into")
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale must be 1 or more")
    counts = generate(args.scale, args.out)
    print(f"wrote {sum(counts.values())} records ({args.scale}x) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
