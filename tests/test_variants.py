"""Variants graded like submissions: correct ones (``tests/variants/LAB/GRADE_ID_STYLE.py``) get full marks from
their exercise's test cells; wrong ones (``tests/variants/LAB/wrong/GRADE_ID_BUG.py``, realistic bugs of the
classes issue 24 lists) lose points on their own exercise and nowhere else.

Each lab's variants run in one ``python -m autograder mutate LAB --variants`` pass (one kernel per lab):
the variant replaces the solution cell, then the exercise's visible and hidden tests run (for a wrong
variant, also every later test cell that can see it).
"""

from __future__ import annotations

import json

import pytest
from conftest import REPO, run_cli

FOLDER = REPO / "tests" / "variants"
VARIANTS = sorted(FOLDER.glob("*/*.py"))
WRONG = sorted(FOLDER.glob("*/wrong/*.py"))


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


@pytest.mark.parametrize("path", WRONG, ids=lambda p: f"{p.parent.parent.name}/wrong/{p.stem}")
def test_wrong_variant_loses_points_on_its_exercise_only(path, results):
    row = results(path.parent.parent.name)[f"wrong/{path.name}"]
    assert row["failures"], f"wrong/{path.name} ({row['exercise']}) gets full marks: a hidden test misses the bug"
    assert row["others"] == [], f"wrong/{path.name} costs points elsewhere: " + "; ".join(row["others"])


def test_there_are_variants():
    assert len(VARIANTS) >= 4 and len(WRONG) >= 4
