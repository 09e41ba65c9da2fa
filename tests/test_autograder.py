"""Autograder pieces that run no notebook: names, collection, parsing, feedback redaction, CLI errors."""

from __future__ import annotations

import json
import zipfile

import nbformat
import pytest
from conftest import run_cli

from autograder.feedback import HideHiddenTests, strip_hidden
from autograder.grade import Result, _failures, _tampering, read_notebook, table
from autograder.labs import UsageError, check_lab
from autograder.submissions import collect, parse_name

LABS = ["01_tokenizers", "02_bow_tfidf"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("alice_01_tokenizers.ipynb", ("alice", "01_tokenizers")),
        ("kim_min-su_02_bow_tfidf.ipynb", ("kim_min-su", "02_bow_tfidf")),
        ("bob_01_tokenizers.pdf", ("bob", "01_tokenizers")),
    ],
)
def test_parse_name(name, expected):
    assert parse_name(name, LABS) == expected


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("alice_09_nope.ipynb", "unknown lab '09_nope'"),
        ("README.md", "cannot tell"),
        ("_01_tokenizers.ipynb", "cannot"),
    ],
)
def test_parse_name_problems(name, message):
    assert message in parse_name(name, LABS)


def _nb_bytes(**extra) -> bytes:
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell("x = 1"))
    nb.update(extra)
    return nbformat.writes(nb).encode()


def test_collect_folder_zip_and_nbgrader_layout(tmp_path):
    flat = tmp_path / "flat"
    flat.mkdir()
    (flat / "alice_01_tokenizers.ipynb").write_bytes(_nb_bytes())
    (flat / "bob_01_tokenizers.docx").write_bytes(b"PK")
    (flat / "notes.txt").write_text("hi")
    (flat / "eve_99_unknown.ipynb").write_bytes(_nb_bytes())
    subs, notes = collect(flat)
    assert [(s.student, s.lab, s.problem is None) for s in subs] == [
        ("alice", "01_tokenizers", True), ("bob", "01_tokenizers", False)]
    assert "not an .ipynb" in subs[1].problem
    assert any("notes.txt" in n for n in notes) and any("unknown lab '99_unknown'" in n for n in notes)

    archive = tmp_path / "lms.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("export/alice_01_tokenizers.ipynb", _nb_bytes())
        zf.writestr("../../evil_01_tokenizers.ipynb", _nb_bytes())
        zf.writestr("__MACOSX/._alice_01_tokenizers.ipynb", b"junk")
    subs, notes = collect(archive)
    assert sorted(s.student for s in subs) == ["alice", "evil"]
    assert all(s.data for s in subs)

    layout = tmp_path / "submitted"
    (layout / "carol" / "01_tokenizers").mkdir(parents=True)
    (layout / "carol" / "01_tokenizers" / "01_tokenizers.ipynb").write_bytes(_nb_bytes())
    (layout / "carol" / "01_tokenizers" / "figure.png").write_bytes(b"\x89PNG")
    subs, notes = collect(layout)
    assert [(s.student, s.lab) for s in subs] == [("carol", "01_tokenizers")] and not notes


def test_collect_duplicates_and_lab_filter(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "alice_01_tokenizers.ipynb").write_bytes(_nb_bytes())
    (tmp_path / "alice" / "01_tokenizers").mkdir(parents=True)
    (tmp_path / "alice" / "01_tokenizers" / "01_tokenizers.ipynb").write_bytes(_nb_bytes())
    subs, notes = collect(tmp_path)
    assert len(subs) == 1 and any("second submission" in n for n in notes)
    assert collect(tmp_path, lab_filter="02_bow_tfidf")[0] == []


def test_collect_bad_paths(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        collect(tmp_path / "missing")
    (tmp_path / "x.ipynb").write_text("{}")
    with pytest.raises(UsageError, match="neither a folder nor a zip"):
        collect(tmp_path / "x.ipynb")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not json", "invalid JSON"),
        (b"\xff\xfe\x00", "not UTF-8"),
        (b"[1, 2]", "without an 'nbformat'"),
        (json.dumps({"nbformat": 3, "worksheets": []}).encode(), "unsupported notebook format v3"),
        (json.dumps({"nbformat": 4, "nbformat_minor": 5, "cells": "x", "metadata": {}}).encode(), "invalid notebook"),
    ],
)
def test_read_notebook_rejects_bad_files(data, reason):
    nb, problem = read_notebook(data)
    assert nb is None and reason in problem and "\n" not in problem


def test_read_notebook_accepts_a_notebook():
    nb, problem = read_notebook(_nb_bytes())
    assert problem is None and nb.cells[0].source == "x = 1"


def _graded(source: str, grade_id: str, outputs=(), **meta) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata.nbgrader = {"grade_id": grade_id, "schema_version": 3, "task": False, **meta}
    cell.outputs = list(outputs)
    return cell


TEST_META = {"grade": True, "locked": True, "solution": False, "points": 1}
HIDDEN = "assert f(1) == 1\n### BEGIN HIDDEN TESTS\nassert f(0) == 42  # secret\n### END HIDDEN TESTS\nprint('ok')"


def test_strip_hidden():
    stripped, found = strip_hidden(HIDDEN)
    assert found and "secret" not in stripped and "assert f(1) == 1" in stripped and "print('ok')" in stripped
    assert strip_hidden("x = 1") == ("x = 1", False)


def test_feedback_preprocessor_removes_hidden_source_and_errors():
    error = nbformat.v4.new_output("error", ename="AssertionError", evalue="f(0) == 42",
                                   traceback=["assert f(0) == 42  # secret"])
    stream = nbformat.v4.new_output("stream", name="stdout", text="secret debugging print")
    nb = nbformat.v4.new_notebook(cells=[_graded(HIDDEN, "t", [stream, error], **TEST_META),
                                         nbformat.v4.new_code_cell("y = 2")])
    nb, _ = HideHiddenTests().preprocess(nb, {})
    text = json.dumps(nb)
    assert "secret" not in text and "42" not in text
    assert nb.cells[0].outputs[0].ename == "AssertionError" and nb.cells[1].source == "y = 2"


def test_tampering_and_failures_are_reported_by_name():
    reference = nbformat.v4.new_notebook(cells=[_graded("assert a", "t1", **TEST_META),
                                                _graded("assert b", "t2", **TEST_META)])
    submitted = nbformat.v4.new_notebook(cells=[_graded("assert True", "t1", **TEST_META)])
    assert _tampering(submitted, reference) == ["deleted test cells put back: t2", "edited test cells restored: t1"]

    def err(name):
        return nbformat.v4.new_output("error", ename=name, evalue="", traceback=[])

    graded = nbformat.v4.new_notebook(cells=[
        _graded("def f(:", "sol", [err("SyntaxError")], grade=False, solution=True, locked=False),
        _graded("assert f()", "t1", [err("NameError")], **TEST_META),
        _graded("while True: pass", "sol2", [err("KeyboardInterrupt")], grade=False, solution=True, locked=False),
    ])
    assert _failures(graded) == ["timed out: sol2", "errors in your code: sol [SyntaxError]", "failed: t1 [NameError]"]


def test_table_lists_every_result():
    text = table([Result("alice", "01_tokenizers", 26, 26, "graded", "all tests passed"),
                  Result("bob", "01_tokenizers", 0, 26, "error", "x" * 200)])
    lines = text.splitlines()
    assert lines[0].split() == ["student", "lab", "score", "status", "reason"]
    assert "26/26" in lines[2] and "0/26" in lines[3] and lines[3].endswith("...")


def test_check_lab():
    assert check_lab("01_tokenizers") == "01_tokenizers"
    with pytest.raises(UsageError, match="unknown lab '99_nope'; labs are: 01_tokenizers"):
        check_lab("99_nope")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["release", "99_nope"], "error: unknown lab '99_nope'"),
        (["validate", "requirements.txt"], "not a notebook: invalid JSON"),
        (["validate", "missing.ipynb"], "error: no such notebook"),
        (["grade", "missing-folder"], "error: no such file or folder"),
        (["grade", "--lab", "99_nope"], "error: unknown lab"),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(args, message):
    proc = run_cli(*args)
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
