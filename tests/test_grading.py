"""Autograding the sample submissions end to end, sandboxed: scores, reasons, feedback, a clean work tree."""

from __future__ import annotations

import csv
import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from conftest import REPO, run_cli
from test_release import secret_lines

from autograder.assemble import lab_spec
from autograder.labs import source_notebook
from autograder.samples import LAB, SAMPLES

pytestmark = pytest.mark.skipif(not shutil.which("bwrap") and not os.environ.get("CI"),
                                reason="bubblewrap is not installed (CI installs it; see README)")


def git_status() -> str:
    return subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=REPO,
                          capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    work = tmp_path_factory.mktemp("grading")
    before = git_status()
    proc = run_cli("grade", "--csv", str(work / "grades.csv"),
                   env={"NLPCOURSE_WORKDIR": str(work), "NLPCOURSE_CELL_TIMEOUT": "20"}, timeout=1800)
    assert proc.returncode == 0, proc.stderr[-3000:]
    with open(work / "grades.csv", encoding="utf-8") as fh:
        rows = {Path(r["file"]).name: r for r in csv.DictReader(fh)}
    return {"rows": rows, "stdout": proc.stdout, "work": work, "before": before, "after": git_status()}


def test_every_sample_gets_its_expected_score_and_reason(graded):
    expected = json.loads((SAMPLES / "expected.json").read_text())
    rows = {name: row for name, row in graded["rows"].items() if row["status"] != "skipped"}
    assert set(rows) == set(expected)
    for name, want in expected.items():
        row = rows[name]
        assert float(row["score"]) == want["score"], (name, row)
        assert want["reason"] in row["reason"], (name, row["reason"])
    assert graded["rows"]["expected.json"]["status"] == "skipped"  # every file gets a row and a reason


def test_table_is_printed(graded):
    table = graded["stdout"].split("\n\n")[-2]
    total = lab_spec(LAB).max_score
    assert table.splitlines()[0].split() == ["student", "lab", "score", "status", "reason"]
    assert re.search(rf"^perfect\s+01_tokenizers\s+{total:g}/{total:g}\s+graded", table, re.M)


def test_feedback_never_shows_hidden_tests(graded):
    hidden = secret_lines(nbformat.read(source_notebook(LAB), as_version=4))
    assert hidden
    reports = list((graded["work"] / "feedback").glob(f"*/{LAB}/{LAB}.html"))
    assert len(reports) == sum(r["status"] in ("graded", "needs review") for r in graded["rows"].values())
    for report in reports:
        text = html.unescape(re.sub(r"<[^>]+>", "", report.read_text(encoding="utf-8")))
        leaked = [line for line in hidden if line in text]
        assert not leaked, (report, leaked[:2])
        assert "hidden tests run here" in text


def test_grading_leaves_the_work_tree_alone(graded):
    assert graded["after"] == graded["before"]
