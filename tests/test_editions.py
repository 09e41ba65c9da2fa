"""Two editions, one source: every prose cell in both languages, blank editions that run, equal grades."""

from __future__ import annotations

import csv
import os
import re

import nbformat
import pytest
from conftest import LABS, run_cli
from test_release import EDITIONS

import nlpcourse
from autograder.blank_run import digest, execute, is_exercise, keep_outputs, lesson_errors, verified
from autograder.editions import cell_lang
from autograder.labs import nbgrader_meta, release_notebook, source_notebook
from autograder.stamp import is_header
from nlpcourse.exercises import STOP_MARK
from nlpcourse.i18n import LANGS

HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Labs whose second edition (issues 11 and 12) has not landed yet: their English-only prose and their
# blank-release errors are expected failures. strict: the day a lab is done, its entry must go.
PENDING: dict[str, str] = {
    lab: "second edition and Korean prose not landed yet (issues 11, 12)"
    for lab in ()
}


def pending(lab: str) -> list:
    reason = PENDING.get(lab)
    return [pytest.mark.xfail(reason=reason, strict=True)] if reason else []


def lab_params(labs):
    return [pytest.param(lab, marks=pending(lab)) for lab in labs]


def test_tr_follows_the_language(monkeypatch):
    monkeypatch.setattr(nlpcourse.i18n, "_current", None)
    monkeypatch.delenv("NLPCOURSE_LANG", raising=False)
    assert nlpcourse.tr("손실", "loss") == "loss"
    monkeypatch.setenv("NLPCOURSE_LANG", "ko")
    assert nlpcourse.tr("손실", "loss") == "손실"
    nlpcourse.set_lang("en")
    assert nlpcourse.get_lang() == "en"
    with pytest.raises(ValueError):
        nlpcourse.set_lang("fr")


def test_needs_stops_cleanly_on_unfinished_work_only(capsys):
    def stub():
        raise NotImplementedError("Exercise 3: write your code here")

    with nlpcourse.needs(3):
        stub()
        raise AssertionError("not reached")
    assert STOP_MARK in capsys.readouterr().out
    with nlpcourse.needs(4):
        print(undefined_name)  # noqa: F821  (a name an earlier, skipped cell would have made)
    assert "4" in capsys.readouterr().out
    with pytest.raises(ZeroDivisionError), nlpcourse.needs(5):
        print(1 / 0)  # a real bug is not hidden


@pytest.mark.parametrize("lab", lab_params(LABS))
def test_every_prose_cell_has_both_languages(lab):
    nb = nbformat.read(source_notebook(lab), as_version=4)
    prose = [c for c in nb.cells if c.cell_type == "markdown" and not is_header(c)]
    untagged = [c.source[:50] for c in prose if cell_lang(c) is None]
    assert not untagged, f"markdown cells without a lang-ko/lang-en tag: {untagged[:3]}"
    langs = [cell_lang(c) for c in prose]
    for i in range(0, len(prose), 2):
        pair = langs[i: i + 2]
        assert pair == ["ko", "en"], f"prose cell {i} ({prose[i].source[:50]!r}): want a Korean cell, then English"
    missing = [c.source[:50] for c in prose if cell_lang(c) == "ko" and not HANGUL.search(c.source)]
    assert not missing, f"Korean cells with no Korean in them: {missing[:3]}"
    assert any("용어집" in c.source for c in prose), "no glossary (용어집) cell"
    code = [c for c in nb.cells if c.cell_type == "code" and cell_lang(c)]
    assert not code, "code cells are shared by both editions: no lang tag on them"


# `release` refuses to write an edition whose lesson cells fail blank, and both editions run the same code
# (`tr` evaluates both strings), so `make test` re-runs one edition per lab, Korean and English in turn;
# NLPCOURSE_ALL_EDITIONS=1 runs every edition.
BLANK_RUNS = EDITIONS if os.environ.get("NLPCOURSE_ALL_EDITIONS") == "1" else [
    (lab, LANGS[i % len(LANGS)]) for i, lab in enumerate(LABS)]


@pytest.fixture(scope="module", params=[pytest.param(e, marks=pending(e[0]), id=f"{e[0]}-{e[1]}") for e in BLANK_RUNS])
def blank_run(request):
    lab, lang = request.param
    path = release_notebook(lab, lang)
    committed = nbformat.read(path, as_version=4)
    if os.environ.get("NLPCOURSE_ALL_EDITIONS") != "1" and verified(lab, lang, committed):
        pytest.skip("run blank by `release`, and neither it nor anything it depends on has changed since "
                    "(course/blank_runs.json; NLPCOURSE_ALL_EDITIONS=1 runs it anyway)")
    return committed, execute(committed, cwd=path.parent)


def test_blank_edition_runs_to_the_end(blank_run):
    committed, executed = blank_run
    assert lesson_errors(executed) == [], "lesson cells must stop cleanly with nlpcourse.needs(N)"
    passing = [nbgrader_meta(c)["grade_id"] for c in executed.cells if nbgrader_meta(c).get("grade")
               and not any(o.get("output_type") == "error" for o in c.outputs)]
    assert not passing, f"tests that pass without a solution: {passing}"


def test_blank_edition_keeps_the_lesson_outputs(blank_run):
    committed, executed = blank_run
    fresh = keep_outputs(executed)

    def shape(nb):
        return [[o.output_type for o in c.outputs] for c in nb.cells if c.cell_type == "code"]

    assert shape(fresh) == shape(committed), "lesson outputs differ from a fresh blank run: release again"
    assert any(c.outputs for c in committed.cells if c.cell_type == "code" and not is_exercise(c))


def solved(lab: str, lang: str):
    """An edition with every solution cell filled in from the source, as a student would hand it in."""
    answers = {nbgrader_meta(c)["grade_id"]: c.source for c in nbformat.read(source_notebook(lab), as_version=4).cells
               if nbgrader_meta(c).get("solution")}
    nb = nbformat.read(release_notebook(lab, lang), as_version=4)
    for cell in nb.cells:
        if nbgrader_meta(cell).get("solution"):
            cell.source = answers[nbgrader_meta(cell)["grade_id"]]
    return nb


def test_both_editions_grade_the_same(tmp_path):
    lab = "06_gpt_decoding"  # the lab that grades fastest (about half of Lab 01's time): any lab shows it
    subs = tmp_path / "subs"
    subs.mkdir()
    for student, lang in (("hong", "ko"), ("smith", "en")):
        nbformat.write(solved(lab, lang), subs / f"{student}_{lab}.ipynb")
    proc = run_cli("grade", str(subs), "--csv", str(tmp_path / "grades.csv"),
                   env={"NLPCOURSE_WORKDIR": str(tmp_path / "work")}, timeout=900)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    with open(tmp_path / "grades.csv", encoding="utf-8") as fh:
        rows = {r["student"]: r for r in csv.DictReader(fh)}
    assert rows["hong"]["score"] == rows["smith"]["score"] == rows["smith"]["max_score"], rows


def test_the_blank_run_fingerprint_follows_code_and_outputs_not_prose():
    nb = nbformat.read(release_notebook(LABS[0], "en"), as_version=4)
    base = digest(nb)
    prose = next(c for c in nb.cells if c.cell_type == "markdown")
    prose.source += " (edited)"
    assert digest(nb) == base, "prose does not change what a blank run does"
    lesson = next(c for c in nb.cells if c.cell_type == "code" and c.outputs)
    lesson.outputs = []
    assert digest(nb) != base, "a hand-edited output is not what the blank run produced"
    lesson.source += "\n"
    assert digest(nb) != base
