"""Autograder pieces that run no notebook: names, collection, parsing, plans, scans, feedback, CLI errors."""

from __future__ import annotations

import json
import os
import zipfile

import nbformat
import pytest
from conftest import LABS as ALL_LABS
from conftest import run_cli

from autograder import batch, grade, messages
from autograder.assemble import Test as SourceTest
from autograder.assemble import lab_spec, plan
from autograder.feedback import HideHiddenTests, safe_name, strip_hidden, verdict, visible_part
from autograder.grade import Outcome, Result, read_notebook, table
from autograder.labs import UsageError, check_lab, nbgrader_meta, source_notebook
from autograder.sandbox import Bwrap, Docker, Limits, choose
from autograder.submissions import collect, parse_name, safe_id
from autograder.tamper import Lab, scan

LABS = ["01_tokenizers", "02_bow_tfidf"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("alice_01_tokenizers.ipynb", ("alice", "01_tokenizers")),
        ("kim_min-su_02_bow_tfidf.ipynb", ("kim_min-su", "02_bow_tfidf")),
        ("bob_01_tokenizers.pdf", ("bob", "01_tokenizers")),
        ("Kim Min-su_01_tokenizers.ipynb", ("Kim Min-su", "01_tokenizers")),
        ("김민수_01_tokenizers.ipynb", ("김민수", "01_tokenizers")),
        ("alice_01_tokenizers (2).ipynb", ("alice", "01_tokenizers")),
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
    assert message in str(parse_name(name, LABS))


def test_safe_ids_are_stable_ascii_and_distinct():
    assert safe_id("alice") == "alice"
    ids = [safe_id(n) for n in ("Kim Min-su", "김민수", "김민수 ", "../etc")]
    assert ids[0].startswith("Kim_Min-su-") and ids[1].startswith("s-") and len(set(ids)) == 4
    assert all(i.isascii() and "/" not in i and not i.startswith(".") for i in ids)
    assert safe_id("김민수") == ids[1]


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
    (flat / "김민수_01_tokenizers.ipynb").write_bytes(_nb_bytes())
    subs, skipped = collect(flat)
    assert [(s.student, s.lab, s.problem is None) for s in subs] == [
        ("alice", "01_tokenizers", True), ("bob", "01_tokenizers", False), ("김민수", "01_tokenizers", True)]
    assert "not an .ipynb" in str(subs[1].problem)
    reasons = {s.origin: str(s.note) for s in skipped}
    assert "cannot tell" in reasons["notes.txt"] and "unknown lab '99_unknown'" in reasons["eve_99_unknown.ipynb"]

    archive = tmp_path / "lms.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("export/alice_01_tokenizers.ipynb", _nb_bytes())
        zf.writestr("../../evil_01_tokenizers.ipynb", _nb_bytes())
        zf.writestr("__MACOSX/._alice_01_tokenizers.ipynb", b"junk")
        link = zipfile.ZipInfo("mallory_01_tokenizers.ipynb")
        link.external_attr = 0o120777 << 16
        zf.writestr(link, "/etc/passwd")
    subs, skipped = collect(archive)
    assert sorted(s.student for s in subs) == ["alice", "evil"] and all(s.data for s in subs)
    assert [str(s.note) for s in skipped] == ["symbolic link refused"]

    layout = tmp_path / "submitted"
    (layout / "carol" / "01_tokenizers").mkdir(parents=True)
    (layout / "carol" / "01_tokenizers" / "01_tokenizers.ipynb").write_bytes(_nb_bytes())
    (layout / "carol" / "01_tokenizers" / "figure.png").write_bytes(b"\x89PNG")
    subs, skipped = collect(layout)
    assert [(s.student, s.lab) for s in subs] == [("carol", "01_tokenizers")] and not skipped


def test_collect_newest_file_wins_and_symlinks_are_refused(tmp_path):
    old, new = tmp_path / "alice_01_tokenizers.ipynb", tmp_path / "alice_01_tokenizers (1).ipynb"
    old.write_bytes(_nb_bytes())
    new.write_bytes(_nb_bytes(metadata={"newest": True}))
    os.utime(old, (1_700_000_000, 1_700_000_000))
    os.utime(new, (1_600_000_000, 1_600_000_000))
    (tmp_path / "alice" / "01_tokenizers").mkdir(parents=True)
    (tmp_path / "mallory_01_tokenizers.ipynb").symlink_to(old)
    (tmp_path / "linked").symlink_to(tmp_path / "alice", target_is_directory=True)
    subs, skipped = collect(tmp_path)
    assert [s.origin for s in subs] == ["alice_01_tokenizers.ipynb"]
    assert "newest of 2 files" in str(subs[0].note)
    reasons = {s.origin: str(s.note) for s in skipped}
    assert reasons["alice_01_tokenizers (1).ipynb"] == "older file: graded alice_01_tokenizers.ipynb instead"
    assert reasons["mallory_01_tokenizers.ipynb"] == reasons["linked"] == "symbolic link refused"
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
    assert nb is None and reason in str(problem) and "\n" not in str(problem)
    assert problem.text("ko") != str(problem)


def test_read_notebook_accepts_a_notebook():
    nb, problem = read_notebook(_nb_bytes())
    assert problem is None and nb.cells[0].source == "x = 1"


def test_every_message_has_both_languages_with_the_same_fields():
    for key, (english, korean) in messages.TEMPLATES.items():
        fields = sorted(f for f in __import__("re").findall(r"\{(\w+)", english))
        assert fields == sorted(__import__("re").findall(r"\{(\w+)", korean)), key
        assert any("\uac00" <= ch <= "\ud7a3" for ch in korean), key


def _graded(source: str, grade_id: str, outputs=(), **meta) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata.nbgrader = {"grade_id": grade_id, "schema_version": 3, "task": False, **meta}
    cell.outputs = list(outputs)
    return cell


TEST_META = {"grade": True, "locked": True, "solution": False, "points": 1}
SOLUTION_META = {"grade": False, "locked": False, "solution": True}
HIDDEN = "assert f(1) == 1\n### BEGIN HIDDEN TESTS\nassert f(0) == 4242  # secret\n### END HIDDEN TESTS\nprint('ok')"


def test_strip_hidden():
    stripped, found = strip_hidden(HIDDEN)
    assert found and "secret" not in stripped and "assert f(1) == 1" in stripped and "print('ok')" in stripped
    assert strip_hidden("x = 1") == ("x = 1", False)
    assert visible_part(HIDDEN) == "assert f(1) == 1\nprint('ok')"


def test_feedback_preprocessor_removes_hidden_source_and_errors():
    error = nbformat.v4.new_output("error", ename="AssertionError", evalue="f(0) == 4242",
                                   traceback=["assert f(0) == 4242  # secret"])
    stream = nbformat.v4.new_output("stream", name="stdout", text="secret debugging print")
    nb = nbformat.v4.new_notebook(cells=[_graded(HIDDEN, "t", [stream, error], **TEST_META),
                                         nbformat.v4.new_code_cell("y = 2")])
    nb, _ = HideHiddenTests().preprocess(nb, {})
    text = json.dumps(nb)  # cell ids are random hex, so look for the whole hidden value
    assert "secret" not in text and "f(0) == 4242" not in text
    assert nb.cells[0].outputs[0].ename == "AssertionError" and nb.cells[1].source == "y = 2"


def test_verdicts_quote_only_visible_lines_and_known_exception_names():
    failed_visible = verdict({"status": "failed", "ename": "AssertionError", "line": 1}, HIDDEN, 2, "en")
    assert "assert f(1) == 1" in failed_visible and "0 / 2" in failed_visible
    failed_hidden = verdict({"status": "failed", "ename": "AssertionError", "line": 3}, HIDDEN, 2, "ko")
    assert "4242" not in failed_hidden and "숨은 테스트" in failed_hidden
    assert verdict({"status": "passed"}, HIDDEN, 2, "en") == "passed: 2 / 2 points"
    assert safe_name("ValueError") == "ValueError" and safe_name("assert f(0) == 42") == "Error"


def _spec(tmp_path, cells) -> object:
    path = tmp_path / "lab.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=cells), path)
    return lab_spec("99_fake", path)


def test_plan_takes_tests_from_the_source_and_runs_each_once(tmp_path):
    source = [_graded("def f(x):\n    ### BEGIN SOLUTION\n    return x\n    ### END SOLUTION", "f", **SOLUTION_META),
              _graded(HIDDEN, "t1", **TEST_META),
              _graded("def g():\n    return 2", "g", **SOLUTION_META),
              _graded("assert g() == 2", "t2", **{**TEST_META, "points": 3})]
    spec = _spec(tmp_path, source)
    assert spec.max_score == 4 and spec.tests["t2"].anchor == "g"
    student = nbformat.v4.new_notebook(cells=[
        _graded("assert g() == 2", "t2", **TEST_META),  # pasted above its exercise
        _graded("def f(x):\n    return x + 0", "f", **SOLUTION_META),
        _graded("assert True  # edited", "t1", **TEST_META),
        nbformat.v4.new_code_cell("h = 1", metadata={"nbgrader": {"solution": True}}),  # lost its grade_id
        _graded("def g():\n    return 2", "g", **SOLUTION_META),
        _graded("assert g() == 2", "t2", **TEST_META),
        _graded("def f(x):\n    return x + 0", "f", **SOLUTION_META),
    ])
    p = plan(student, spec, "abc")
    kinds = [(s.kind, s.label) for s in p.steps]
    assert kinds[0] == ("prelude", "prelude") and kinds[-2:] == [("tripwire", "tripwire"), ("final", "final")]
    assert kinds[1:-2] == [("student", "f"), ("test", "t1"), ("student", "cell 4"), ("trusted", "g"),
                           ("test", "t2"), ("student", "f")]
    assert p.notes == {"copied_cells": ["t2", "f"], "edited_tests": ["t1"]}
    t1 = next(s for s in p.steps if s.label == "t1")
    assert "42" in t1.test.source and """"nlpgrade.run", 0, 't1',""" in t1.source and "assert" not in t1.source


def test_plan_puts_deleted_tests_back_after_their_exercise(tmp_path):
    source = [_graded("a = 1", "a", **SOLUTION_META), _graded("assert a", "ta", **TEST_META),
              _graded("b = 1", "b", **SOLUTION_META), _graded("assert b", "tb", **TEST_META)]
    spec = _spec(tmp_path, source)
    student = nbformat.v4.new_notebook(cells=[_graded("a = 1", "a", **SOLUTION_META),
                                              _graded("b = 1", "b", **SOLUTION_META)])
    p = plan(student, spec, "n")
    assert [s.label for s in p.steps[1:-2]] == ["a", "ta", "b", "tb"]
    assert p.notes == {"deleted_tests": ["ta", "tb"]}
    assert isinstance(p.steps[2].test, SourceTest)


ATTACKS = {
    "get_ipython().input_transformers_post.append(lambda lines: [])": "uses get_ipython",
    "ip = get_ipython()\nip.ast_transformers.append(x)": "ast_transformers",
    "class A:\n    def __eq__(self, other):\n        return True": "defines __eq__",
    "class A:\n    __eq__ = lambda self, other: True": "defines __eq__",
    "globals()['_nlpgrade_x'] = print": "uses globals",
    "import sys\nsys._getframe(1).f_locals": "uses sys._getframe",
    "import os\nos.kill(os.getppid(), 9)": "uses os.kill",
    "import subprocess": "imports subprocess",
    "import IPython": "imports IPython",
    "from os import system": "imports system from os",
    "getattr(x, 'get_' + 'ipython')": "getattr with a computed",
    "x.__class__.__base__.__subclasses__()": "uses .__class__",
    "import math\nmath.isclose = lambda *a, **k: True": "assigns to math.isclose",
    "import numpy as np\nnp.load('x.npy', allow_pickle=True)": "loads pickles",
    "%reset -f": "magic %reset",
    "!curl example.org": "runs a shell command",
    "%time exec('print(1)')": "uses exec",
    "print(In[-1])": "uses In",
    "s = '__import__'": "string mentions __import__",
    "import sys\nsys.stdout = None": "uses sys.stdout",
    "import pathlib\npathlib.os.system('x')": "uses .os",
    "import functools\nfunctools.reduce(getattr, ['a', 'b'], f)": "passes getattr as a value",
    "list(map(getattr, [x], ['a']))": "passes getattr as a value",
    "from operator import attrgetter": "imports from operator",
    "vars(f)": "uses vars",
    "f.__dict__": "uses .__dict__",
    "from __future__ import barry_as_FLUFL": "imports barry_as_FLUFL",
}


def test_scan_reads_cells_with_the_future_flags_earlier_cells_set_and_lists_cells_it_cannot_read():
    cells = [("cell 1", "from __future__ import barry_as_FLUFL"), ("cell 2", "if 1 <> 2:\n    globals()['x'] = 1"),
             ("cell 3", "def oops(:\n    pass")]
    found, unread = scan(cells, Lab([]))
    assert any("cell 2" in f and "uses globals" in f for f in found), found
    assert unread == ["cell 3"]
    found, unread = scan(cells[1:], Lab([]))
    assert unread == ["cell 2", "cell 3"]


@pytest.mark.parametrize(("code", "finding"), ATTACKS.items())
def test_scan_flags_what_attacks_need(code, finding):
    found = scan([("cell 1", code)], Lab([]))[0]
    assert any(finding in f for f in found), found


@pytest.mark.parametrize("code", [
    "%matplotlib inline", "%time x = sorted([3, 1])", "import sys\nprint('debug', file=sys.stderr)",
    "import os\nos.path.join('a', 'b')", "from collections import Counter", "class V:\n    def __init__(self):\n"
    "        super().__init__()\n    def __len__(self):\n        return 0", "import warnings\nwarnings.warn('x')",
])
def test_scan_leaves_honest_code_alone(code):
    assert scan([("cell 1", code)], Lab([])) == ([], [])


@pytest.mark.parametrize("lab", ALL_LABS)
def test_scan_finds_nothing_in_any_labs_solutions(lab):
    nb = nbformat.read(source_notebook(lab), as_version=4)
    spec = lab_spec(lab)
    solutions = [(nbgrader_meta(c)["grade_id"], c.source) for c in nb.cells if nbgrader_meta(c).get("solution")]
    assert solutions and scan(solutions, spec.scan) == ([], [])


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("NLPCOURSE_SANDBOX_MEMORY_MB", "1234")
    monkeypatch.setenv("NLPCOURSE_CELL_TIMEOUT", "7")
    limits = Limits.from_env()
    assert (limits.memory_mb, limits.cell_s, limits.wall_s) == (1234, 7, Limits().wall_s)
    assert limits.rlimits()["RLIMIT_DATA"] == 1234 << 20


def test_bwrap_sees_only_python_the_course_package_and_data(tmp_path):
    args = Bwrap(Limits()).args(tmp_path / "kernel.json", "ko")
    binds = {args[i + 2] for i, a in enumerate(args) if a == "--ro-bind"}
    assert "--unshare-net" in args and "--unshare-pid" in args and "--die-with-parent" in args
    repo = str(source_notebook("01_tokenizers").parents[2])
    assert f"{repo}/nlpcourse" in binds and f"{repo}/data" in binds
    assert not any(b == repo or b.startswith((f"{repo}/lab_solutions", f"{repo}/autograder")) for b in binds)
    assert "--bind" not in args  # nothing of the host is writable
    env = {args[i + 1]: args[i + 2] for i, a in enumerate(args) if a == "--setenv"}
    assert env["NLPCOURSE_LANG"] == "ko" and env["HOME"].startswith("/tmp") and "--clearenv" in args


def test_docker_command_has_no_network_and_limits(tmp_path):
    conn = tmp_path / "kernel.json"
    argv = Docker(Limits(processes=99, memory_mb=512)).command(tmp_path, conn, "en", [])
    text = " ".join(argv)
    assert "--network none" in text and "--pids-limit 99" in text and "--memory 512m" in text
    assert "--cap-drop ALL" in text and "--read-only" in text and f"{conn}:/run/nlpgrade/kernel.json:ro" in text


def test_auto_refuses_to_grade_unsandboxed(monkeypatch):
    monkeypatch.setattr("autograder.sandbox.shutil.which", lambda name: None)
    with pytest.raises(UsageError, match="--sandbox none"):
        choose("auto")
    assert choose("none").name == "none"


def test_rows_are_on_disk_before_the_run_ends(tmp_path, monkeypatch):
    sub = tmp_path / "in"
    sub.mkdir()
    (sub / "alice_01_tokenizers.ipynb").write_bytes(_nb_bytes())
    (sub / "bob_01_tokenizers.ipynb").write_bytes(_nb_bytes())
    csv_path = tmp_path / "grades.csv"

    def crash_after_one(tasks, workers, scheduler):
        task = tasks[0]
        yield Outcome(Result(task.sub.student, task.sub.student_id, task.sub.lab, task.sub.origin, 3.0, 5.0,
                             "graded", "r", "r"))
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "run", crash_after_one)
    monkeypatch.setenv("NLPCOURSE_WORKDIR", str(tmp_path / "work"))
    with pytest.raises(KeyboardInterrupt):
        batch.grade_batch(sub, None, csv_path, "none")
    lines = csv_path.read_text().splitlines()
    assert len(lines) == 2 and lines[1].startswith("alice,alice,01_tokenizers")


def test_table_lists_every_result():
    text = table([Result("alice", "alice", "01_tokenizers", "a.ipynb", 26, 26, "graded", "x", "all tests passed"),
                  Result("bob", "bob", "01_tokenizers", "b.ipynb", 0, 26, "error", "y", "x" * 200),
                  Result("", "", "", "notes.txt", None, 0, "skipped", "z", "cannot tell")])
    lines = text.splitlines()
    assert lines[0].split() == ["student", "lab", "score", "status", "reason"]
    assert "26/26" in lines[2] and "0/26" in lines[3] and lines[3].endswith("...") and " - " in lines[4]


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
        (["grade", "--workers", "0"], "error: --workers must be 'auto' or at least 1"),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(args, message):
    proc = run_cli(*args)
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def _bad_files() -> dict[str, bytes]:
    """Files that once cost the whole run or unbounded grader time: deep nesting, 100,000 cells, huge outputs."""
    head = b'{"nbformat": 4, "nbformat_minor": 5, "cells": [], "metadata": '
    cells = [{"cell_type": "markdown", "id": f"m{i}", "metadata": {}, "source": "m"} for i in range(100_000)]
    big = json.loads(_nb_bytes())
    big["cells"][0]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "y" * (40 << 20)}]
    return {"deep": head + b"[" * 100_000 + b"]" * 100_000 + b"}",
            "deep500": head + b"[" * 500 + b"]" * 500 + b"}",
            "cells": json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells}).encode(),
            "outputs": json.dumps(big).encode()}


def test_read_notebook_bounds_hostile_files():
    files = _bad_files()
    for name, reason in (("deep", "nested more than"), ("deep500", "nested more than"), ("cells", "too many cells")):
        nb, problem = read_notebook(files[name])
        assert nb is None and reason in str(problem), name
        assert problem.text("ko") != str(problem) and problem.key in messages.TEMPLATES
    nb, problem = read_notebook(files["outputs"])  # outputs are dropped unread: grading runs the cells again
    assert problem is None and nb.cells[0].outputs == []
    nb, problem = read_notebook(b"x" * 100, grade.Bounds(file_mb=0))
    assert "too large" in str(problem)


def test_a_bad_file_costs_only_its_author_in_a_serial_run(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in {**_bad_files(), "honest": _nb_bytes(), "crash": _nb_bytes()}.items():
        (folder / f"{name}_01_tokenizers.ipynb").write_bytes(data)

    def fake_grade(task, nb, lang):  # no kernel: what matters is which submissions reach grading
        if task.sub.student == "crash":
            raise RecursionError("maximum recursion depth exceeded")
        return Outcome(Result(task.sub.student, task.sub.student_id, task.sub.lab, task.sub.origin, 1.0, 1.0,
                              "graded", "ok", "ok"))

    monkeypatch.setattr(grade, "_grade", fake_grade)
    monkeypatch.setenv("NLPCOURSE_WORKDIR", str(tmp_path / "work"))
    rows = {r.student: r for r in batch.grade_batch(folder, "01_tokenizers", tmp_path / "g.csv", "none")}
    assert rows["honest"].status == rows["outputs"].status == "graded"
    for name, reason in (("deep", "nested"), ("deep500", "nested"), ("cells", "too many cells"),
                         ("crash", "RecursionError")):
        assert rows[name].status == "error" and rows[name].score == 0 and reason in rows[name].reason_en, name
    assert len((tmp_path / "g.csv").read_text().splitlines()) == 7


def die_on_killer(task):
    """A grading unit whose worker dies on one submission (as when the kernel's memory takes the worker)."""
    if task.sub.student == "killer":
        os._exit(1)
    return Outcome(Result(task.sub.student, task.sub.student_id, task.sub.lab, task.sub.origin, 1.0, 1.0,
                          "graded", "ok", "ok"))


def test_a_worker_that_dies_costs_only_its_submission():
    from autograder.grade import Task
    from autograder.parallel import _pool
    from autograder.submissions import Submission

    spec = lab_spec("01_tokenizers")
    tasks = [Task(Submission(name, "01_tokenizers", f"{name}.ipynb", b""), spec, "none", Limits())
             for name in ("a", "killer", "b", "c")]
    rows = {o.result.student: o.result for o in _pool(tasks, 2, die_on_killer)}
    assert sorted(rows) == ["a", "b", "c", "killer"]
    assert [rows[n].status for n in "abc"] == ["graded"] * 3
    assert rows["killer"].status == "error" and "worker" in rows["killer"].reason_en


def test_the_result_channel_accepts_only_records_signed_with_the_first_key():
    import hashlib
    import hmac

    from autograder.channel import read
    from autograder.probe import TAG

    key, tag = b"k" * 32, TAG.encode()

    def signed(record: tuple, with_key: bytes = key) -> bytes:
        payload = repr(record).encode()
        return tag + hmac.new(with_key, payload, hashlib.sha256).hexdigest().encode() + b" " + payload

    verdict = ("verdict", 0, "t", True, "", 0, "abc", [])
    log = b"\n".join([b"kernel noise", tag + b"key " + key.hex().encode(), signed(("installed",)), signed(verdict),
                      signed(("flag", "sys._getframe at x.py:1")), tag + b"key " + b"00" * 32,
                      signed(("verdict", 1, "u", True, "", 0, "", []), b"x" * 32), tag + b"0" * 64 + b" ('final', [])"])
    records = read(log)
    assert records.keyed and records.installed == 1 and records.verdicts == {0: [verdict]}
    assert records.flags == ["sys._getframe at x.py:1"] and records.forged == 3 and records.finals == []
    assert read(signed(verdict)).forged == 1  # a record before any key is a forgery


def test_resume_after_an_interruption_grades_only_the_rest_with_the_same_rows(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("ann", "bob", "cat"):
        (folder / f"{name}_01_tokenizers.ipynb").write_bytes(_nb_bytes())
    graded = []

    def fake_grade(task, nb, lang):  # no kernel: a score that depends only on the student
        graded.append(task.sub.student)
        score = float(len(task.sub.student) + "abc".index(task.sub.student[0]))
        return Outcome(Result(task.sub.student, task.sub.student_id, task.sub.lab, task.sub.origin, score, 9.0,
                              "graded", "ok", "ok"), tests=[{"id": "t", "points": 9.0, "verdict": "passed"}])

    monkeypatch.setattr(grade, "_grade", fake_grade)
    monkeypatch.setenv("NLPCOURSE_WORKDIR", str(tmp_path / "work"))
    batch.grade_batch(folder, "01_tokenizers", tmp_path / "full.csv", "none")
    real = batch.run

    def stop_after_one(tasks, workers, scheduler):
        outcomes = real(tasks, workers, scheduler)
        yield next(outcomes)
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "run", stop_after_one)
    with pytest.raises(KeyboardInterrupt):
        batch.grade_batch(folder, "01_tokenizers", tmp_path / "part.csv", "none")
    monkeypatch.setattr(batch, "run", real)
    graded.clear()
    batch.grade_batch(folder, "01_tokenizers", tmp_path / "part.csv", "none", resume=True)
    assert graded == ["bob", "cat"]  # ann's row was written before the interruption
    assert (tmp_path / "part.csv").read_text() == (tmp_path / "full.csv").read_text()
    result = json.loads((tmp_path / "work" / "autograded" / "cat" / "01_tokenizers" / "result.json").read_text())
    assert result["tests"] == [{"id": "t", "points": 9.0, "verdict": "passed"}]
