"""Correct variants (``tests/variants/LAB/GRADE_ID_STYLE.py``) get full marks from their exercise's test cells.

Each lab's variants run in one ``python -m autograder mutate LAB --variants`` pass (one kernel per lab):
the variant replaces the solution cell, then the exercise's visible and hidden tests run.
"""

from __future__ import annotations

import json

import pytest
from conftest import REPO, run_cli

VARIANTS = sorted((REPO / "tests" / "variants").glob("*/*.py"))


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    cache: dict[str, dict] = {}

    def of(lab: str) -> dict:
        if lab not in cache:
            out = tmp_path_factory.mktemp(lab) / "variants.json"
            run = run_cli("mutate", lab, "--variants", "--json", str(out), timeout=900)
            assert out.exists(), run.stdout[-3000:] + run.stderr[-3000:]
            cache[lab] = {row["file"]: row for row in json.loads(out.read_text())["variants"]}
        return cache[lab]

    return of


@pytest.mark.parametrize("path", VARIANTS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_variant_gets_full_marks(path, results):
    row = results(path.parent.name)[path.name]
    assert row["failures"] == [], f"{path.name} ({row['exercise']}): " + "; ".join(row["failures"])


def test_there_are_variants():
    assert len(VARIANTS) >= 4
