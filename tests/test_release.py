"""The student release: generated, never hand-edited, and free of solutions, hidden tests and outputs."""

from __future__ import annotations

import re

import nbformat
import pytest
from conftest import LABS

from autograder import samples
from autograder.blank_run import keep_outputs
from autograder.blank_run import stopped as stopped_cleanly
from autograder.feedback import strip_hidden
from autograder.labs import nbgrader_meta, release_notebook, source_notebook
from autograder.release import release
from autograder.stamp import header_cells
from nlpcourse.colab import colab_url, edition_path
from nlpcourse.i18n import LANGS

EDITIONS = [(lab, lang) for lab in LABS for lang in LANGS]


def hidden_lines(source: str) -> list[str]:
    block = re.findall(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", source, re.S)
    return [line.strip() for part in block for line in part.splitlines() if len(line.strip()) > 12]


def solution_lines(nb) -> list[str]:
    """Lines of the solution regions that appear nowhere outside them."""
    regions = [re.findall(r"### BEGIN SOLUTION\n(.*?)### END SOLUTION", c.source, re.S) for c in nb.cells]
    public = "\n".join(re.sub(r"### BEGIN SOLUTION\n.*?### END SOLUTION", "", c.source, flags=re.S) for c in nb.cells)
    lines = [line.strip() for cell in regions for part in cell for line in part.splitlines()]
    return [line for line in lines if len(line) > 20 and line not in public]


def secret_lines(nb) -> list[str]:
    """Hidden-test lines that appear nowhere else in the notebook (so finding one elsewhere is a leak)."""
    public = "\n".join(strip_hidden(c.source)[0] for c in nb.cells)
    return [line for c in nb.cells for line in hidden_lines(c.source) if line not in public]


def without_outputs(nb):
    """The release as ``--no-run`` writes it: outputs are checked by the blank-run test instead."""
    return keep_outputs(nbformat.from_dict({**nb, "cells": [
        {**c, "outputs": []} if c.cell_type == "code" else c for c in nb.cells]}))


@pytest.mark.parametrize("lab", LABS)
def test_committed_release_equals_a_fresh_release(lab, tmp_path):
    release(lab, tmp_path)
    for lang in LANGS:
        fresh = nbformat.read(tmp_path / lang / lab / f"{lab}.ipynb", as_version=4)
        committed = nbformat.read(release_notebook(lab, lang), as_version=4)
        assert without_outputs(fresh) == without_outputs(committed), (
            f"course/{lang}/{lab} is stale or hand-edited: run `python -m autograder release {lab}`")


@pytest.mark.parametrize(("lab", "lang"), EDITIONS)
def test_release_hygiene(lab, lang):
    source = nbformat.read(source_notebook(lab), as_version=4)
    nb = nbformat.read(release_notebook(lab, lang), as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    for marker in ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
        assert marker not in text
    secrets = secret_lines(source)
    assert secrets, "no hidden test lines to look for"
    leaked = [line for line in secrets if line in text]
    assert not leaked, f"hidden test lines in the release: {leaked[:3]}"
    solutions = solution_lines(source)
    assert solutions, "no solution lines to look for"
    copied = [line for line in solutions if line in text]
    assert not copied, f"solution code in the release: {copied[:3]}"
    exercises = [c for c in nb.cells if nbgrader_meta(c)]
    assert all(c.outputs == [] for c in exercises if c.cell_type == "code"), "outputs in solution or test cells"
    assert all(c.execution_count is None for c in nb.cells if c.cell_type == "code")
    assert nb.metadata.nlpcourse == {"lab": lab, "lang": lang}
    assert "widgets" not in nb.metadata
    badge, setup = header_cells(lab, lang)
    assert (nb.cells[0].source, nb.cells[1].source) == (badge.source, setup.source)
    assert colab_url(edition_path(lab, lang)) in nb.cells[0].source
    stubs = [c for c in nb.cells if nbgrader_meta(c).get("solution") and c.cell_type == "code"]
    assert stubs and all("raise NotImplementedError(" in c.source for c in stubs)
    misnamed = [f"{gid}: {said!r}, expected {want!r}" for gid, said, want in stub_names(nb, lang) if said != want]
    assert not misnamed, f"stubs that do not name what they belong to: {misnamed}"


def stub_names(nb, lang: str) -> list[tuple[str, str, str]]:
    """(grade_id, what its stub names, what it should name) for every solution cell of an edition.

    A quiz answer cell (grade_id ``qN`` or ``quiz_qN``) names its question; any other names the exercise
    whose heading (``### Exercise N`` / ``### 연습 N``) is the last exercise or quiz heading above it.
    """
    exercise, quiz = ("연습", "퀴즈") if lang == "ko" else ("Exercise", "Quiz")
    names, above = [], None
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            heading = re.search(rf"^#+ .*?(?:{exercise} (\d+[a-z]?)|(quiz|퀴즈))", cell.source, re.M | re.I)
            if heading:
                above = f"{exercise} {heading[1]}" if heading[1] else quiz
        meta = nbgrader_meta(cell)
        if cell.cell_type == "code" and meta.get("solution"):
            said = re.search(r"raise NotImplementedError\('([^:']*)", cell.source)
            question = re.fullmatch(r"(?:quiz_)?(q\d+)", meta["grade_id"])
            names.append((meta["grade_id"], said and said[1], f"{quiz} {question[1]}" if question else above))
    return names


@pytest.mark.parametrize("lab", LABS)
def test_source_follows_the_authoring_rules(lab):
    nb = nbformat.read(source_notebook(lab), as_version=4)
    header = header_cells(lab)
    assert [c.source for c in nb.cells[: len(header)]] == [c.source for c in header], "run `make stamp`"
    ids = [nbgrader_meta(c)["grade_id"] for c in nb.cells if nbgrader_meta(c)]
    assert len(ids) == len(set(ids)), "grade_ids must be unique"
    tests = [c for c in nb.cells if nbgrader_meta(c).get("grade")]
    solutions = [c for c in nb.cells if nbgrader_meta(c).get("solution")]
    assert tests and solutions
    for cell in tests:
        meta = nbgrader_meta(cell)
        assert meta.get("locked") and meta.get("points", 0) > 0, meta["grade_id"]
        assert hidden_lines(cell.source), f"{meta['grade_id']} has no hidden tests"
        # an unanswered quiz question gets a message naming the variable, not a bare NameError
        if question := re.fullmatch(r"test_(?:quiz_)?(q\d+)", meta["grade_id"]):
            assert cell.source.startswith(f'assert "{question[1]}" in globals(), tr('), meta["grade_id"]
    for cell in solutions:
        markers = "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source
        assert markers, nbgrader_meta(cell)["grade_id"]
    unrun = [c.get("id") for c in nb.cells if c.cell_type == "code" and c.execution_count is None]
    assert not unrun, f"commit the source executed in fast mode (cells never run: {unrun[:5]})"
    stopped = [c.get("id") for c in nb.cells if c.cell_type == "code" and stopped_cleanly(c)]
    assert not stopped, f"with every solution in place no cell may stop on nlpcourse.needs: {stopped}"


def test_committed_samples_are_fresh():
    built = samples.build()
    on_disk = sorted(p.name for p in samples.SAMPLES.glob("*.ipynb"))
    assert on_disk == sorted(built), "run `python -m autograder samples`"
    for name, (content, _) in built.items():
        assert (samples.SAMPLES / name).read_bytes() == content, f"{name} is stale: run `python -m autograder samples`"
