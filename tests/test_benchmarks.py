"""The benchmark's synthetic data is valid, scales every kind of record and keeps every cross-reference."""

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
