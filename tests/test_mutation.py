"""Mutation testing tool: the operators, the runtime helpers, the runner on a synthetic notebook, one real lab.

The synthetic lab has a weak test (``clip``: one easy input), a strong one (``total``), a mutant that loops
forever (``countdown``) and a test cell that calls two earlier exercises (a scoring-isolation violation).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import nbformat
import numpy as np
import pytest
import torch
from conftest import REPO, run_cli

from autograder.mutation import runtime
from autograder.mutation.notebook import blank, load
from autograder.mutation.operators import mutants

# --- operators --------------------------------------------------------------------------------------------


def cell(body: str, signature: str = "def f(xs, n=2):") -> str:
    body = textwrap.indent(textwrap.dedent(body).strip(), "    ")
    return f'{signature}\n    """Doc."""\n    ### BEGIN SOLUTION\n{body}\n    ### END SOLUTION\n'


def changes(source: str, operator: str) -> set[tuple[str, str]]:
    return {(m.original, m.replacement) for m in mutants("ex", source, [operator])}


@pytest.mark.parametrize(
    ("operator", "body", "expected"),
    [
        ("comparison", "return n < len(xs)", ("n < len(xs)", "n <= len(xs)")),
        ("comparison", "return xs == []", ("xs == []", "xs != []")),
        ("arithmetic", "return n + 1", ("n + 1", "n - 1")),
        ("arithmetic", "n -= 1\nreturn n", ("n -= 1", "n += 1")),
        ("arithmetic", "return -n", ("-n", "n")),
        ("boolean", "return xs and n", ("xs and n", "xs or n")),
        ("boolean", "return not xs", ("not xs", "xs")),
        ("constant", "return 1", ("1", "2")),
        ("constant", "return 1", ("1", "0")),
        ("constant", "return 'a'", ("'a'", "''")),
        ("constant", "return True", ("True", "False")),
        ("slice", "return xs[1:]", ("1:", ":")),
        ("slice", "return xs[1:]", ("1:", "1:-1")),
        ("return_value", "return xs", ("return xs", "return None")),
        ("remove_statement", "xs.append(1)\nreturn xs", ("xs.append(1)", "<removed>")),
        ("remove_statement", "y = 1\ny = y + n\nreturn y", ("y = y + n", "<removed>")),
        ("swap_arguments", "return divmod(n, 3)", ("divmod(n, 3)", "divmod(3, n)")),
        ("in_place", "return len(xs)", ("def f", "@__mutation__.modifies('xs')")),
        ("in_place", "return xs.copy()", ("xs.copy()", "xs")),
        ("in_place", "xs = xs + [n]\nreturn xs", ("xs = xs + [n]", "xs += [n]")),
        ("param_global", "return xs", ("def f", "@__mutation__.global_for('xs')")),
        ("param_constant", "return xs * n", ("def f", "@__mutation__.frozen('xs')")),
        ("param_constant", "return xs * n", ("def f", "n = 2")),
        ("dtype_narrowing", "return np.zeros(n, dtype=np.int64)", ("np.int64", "np.int16")),
        ("dtype_narrowing", "return np.zeros(n, dtype=np.int64)", ("np.int64", "np.int8")),
        ("dtype_narrowing", "return np.asarray(xs, dtype=float)",
         ("np.asarray(xs, dtype=float)", "np.asarray(xs, dtype='float16')")),
        ("dtype_narrowing", "return torch.tensor(xs, dtype=torch.long)", ("torch.long", "torch.int16")),
        ("dtype_narrowing", "return xs.double()", ("xs.double()", "xs.half()")),
        ("tie_break", "return max(xs, key=len)", ("max(xs, key=len)", "max(list(xs)[::-1], key=len)")),
        ("tie_break", "return sorted(xs, key=len)", ("sorted(xs, key=len)", "sorted(list(xs)[::-1], key=len)")),
        ("tie_break", "return np.argmax(xs)",
         ("np.argmax(xs)", "np.asarray(xs).size - 1 - np.argmax(np.asarray(xs).ravel()[::-1])")),
        ("tie_break", "best = 0\nfor x in xs:\n    if x > best:\n        best = x\nreturn best",
         ("x > best", "x >= best")),
        ("first_only", "return [x * n for x in xs]", (" for x in xs", " for x in list(xs)[:1]")),
        ("first_only", "for x in xs:\n    n += x\nreturn n",
         ("for x in xs:\n    n += x", "for x in list(xs)[:1]:\n    n += x")),
        ("dropped_guard", "if not xs:\n    return 0\nreturn xs[0]", ("if not xs:\n    return 0", "<removed>")),
        ("dropped_guard", "return xs[0] if xs else n", ("xs[0] if xs else n", "xs[0]")),
        ("squeeze", "return xs.squeeze(-1)", ("xs.squeeze(-1)", "xs.squeeze()")),
        ("squeeze", "return xs.squeeze(dim=1)", ("xs.squeeze(dim=1)", "xs.squeeze()")),
        ("type_change", "return float(xs[0])", ("float(xs[0])", "__import__('numpy').float32(xs[0])")),
        ("type_change", "return int(n)", ("int(n)", "__import__('numpy').int64(n)")),
        ("type_change", "return xs.sum().item()", ("xs.sum().item()", "xs.sum()")),
        ("type_change", "return np.zeros(n)", ("np.zeros(n)", "np.zeros(n, dtype=int)")),
        ("type_change", "return torch.zeros(n)", ("torch.zeros(n)", "torch.zeros(n, dtype=torch.long)")),
        ("mode", "xs.eval()\nreturn xs(n)", ("xs.eval()", "xs.train()")),
        ("mode", "with torch.no_grad():\n    y = xs(n)\nreturn y",
         ("with torch.no_grad():\n    y = xs(n)", "y = xs(n)")),
        ("dropped_argument", "return xs(n, mask=n)", ("xs(n, mask=n)", "xs(n)")),
        ("dropped_argument", "return xs.sum(dim=-1, keepdim=True)",
         ("xs.sum(dim=-1, keepdim=True)", "xs.sum(dim=-1)")),
        ("dropped_argument", "return xs.sum(-1)", ("xs.sum(-1)", "xs.sum()")),
    ],
)
def test_operator_makes_the_expected_mutant(operator, body, expected):
    assert expected in changes(cell(body), operator)


def test_new_operators_leave_what_they_cannot_change():
    assert changes(cell("return xs.squeeze()"), "squeeze") == set()  # already without a dim
    assert changes(cell("return float('-inf')"), "type_change") == set()  # a constant, not a result
    assert changes(cell("return np.zeros(n, dtype=np.int64)"), "type_change") == set()  # dtype_narrowing's
    assert changes(cell("return np.sum(xs, dtype=float)"), "dropped_argument") == set()
    assert changes(cell("return np.sum(xs)"), "dropped_argument") == set()  # np.sum(x): the array, not an axis


def test_immutable_defaults_are_not_modified_in_place_and_unused_parameters_are_left_alone():
    found = changes(cell("return len(xs)"), "in_place") | changes(cell("return len(xs)"), "param_global")
    assert ("def f", "@__mutation__.modifies('n')") not in found  # n=2: an int cannot change in place
    assert ("def f", "@__mutation__.global_for('n')") not in found  # never read


def test_only_solution_code_is_mutated_and_every_mutant_runs():
    source = "LIMIT = 5\n\n\ndef helper(a):\n    return a + LIMIT\n\n\n" + cell(
        "total = 0\nfor x in xs:\n    if x > n:\n        continue\n    total += x * LIMIT\nreturn total")
    found = mutants("ex", source)
    assert len(found) > 12 and all(m.function == "f" for m in found)
    assert all("a + LIMIT" in m.source and "LIMIT = 5" in m.source for m in found)
    assert len({m.source for m in found}) == len(found) and len({m.id for m in found}) == len(found)
    namespace = {}
    exec(found[0].source, namespace)  # noqa: S102 - a mutant is plain Python
    assert callable(namespace["f"])


def test_ids_are_stable_when_the_rest_of_the_cell_changes():
    body = "if not xs:\n    return 0\nreturn max(xs, key=abs) * n"
    before = {(m.operator, m.original, m.replacement): m.id for m in mutants("ex", cell(body))}
    edited = "import math\n\n\ndef other(y):\n    return y\n\n\n" + cell(body).replace('"""Doc."""', '"""New doc."""')
    after = {(m.operator, m.original, m.replacement): m.id for m in mutants("ex", edited)}
    assert before == after
    assert before[("dropped_guard", "if not xs:\n    return 0", "<removed>")] == "23ff24f022"  # the id scheme is pinned
    assert mutants("other", cell(body))[0].id != mutants("ex", cell(body))[0].id


def test_methods_are_mutated_one_at_a_time_with_their_class_name():
    source = ("class Box:\n    def __init__(self, size):\n        ### BEGIN SOLUTION\n        self.size = size\n"
              "        ### END SOLUTION\n\n    def area(self):\n        ### BEGIN SOLUTION\n"
              "        return self.size * self.size\n        ### END SOLUTION\n")
    found = mutants("box", source)
    assert {m.function for m in found} == {"Box.__init__", "Box.area"}
    assert any(m.replacement == "self.size / self.size" for m in found)


def test_blank_matches_the_release():
    source = cell("return xs")
    assert blank(source) == 'def f(xs, n=2):\n    """Doc."""\n    # YOUR CODE HERE\n    raise NotImplementedError()\n'


# --- runtime helpers --------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [[1, 2], [], {"a": 1}, {}, {1}, np.arange(3), np.array([True]), torch.ones(2)])
def test_modify_changes_mutable_arguments(value):
    before = value.copy() if not isinstance(value, torch.Tensor) else value.clone()
    assert runtime.modify(value)
    assert not (np.array_equal(value, before) if isinstance(value, (np.ndarray, torch.Tensor)) else value == before)


def test_modify_leaves_what_cannot_change():
    read_only = np.arange(3)
    read_only.flags.writeable = False
    for value in ["text", (1, 2), 3, np.zeros(0), read_only]:
        assert not runtime.modify(value)
    assert read_only.tolist() == [0, 1, 2]


def test_frozen_and_global_helpers():
    helper = runtime.Runtime({"xs": [9], "other": (1,), "In": [0]}, hidden={"In"})

    @helper.frozen("n")
    def scale(xs, n=2):
        return [x * n for x in xs]

    assert scale([1], 3) == [3] and scale([1], 5) == [3] and helper.inert is None

    @helper.global_for("xs")
    def first(xs):
        return xs[0]

    assert first([1]) == 9 and helper.inert is False

    lonely = runtime.Runtime({"In": [0]}, hidden={"In"})

    @lonely.global_for("ys")
    def head(ys):
        return ys[0]

    assert head([4]) == 4 and lonely.inert is True  # no global of that name or type: nothing to do


# --- the runner on a synthetic lab ------------------------------------------------------------------------

SOLUTION = {"grade": False, "locked": False, "solution": True, "schema_version": 3, "task": False}
TEST = {"grade": True, "locked": True, "solution": False, "points": 1, "schema_version": 3, "task": False}
CELLS = [
    ("import math\nDATA = [1, 2, 3]", None, None),
    (cell("if x < lo:\n    return lo\nif x > hi:\n    return hi\nreturn x", "def clip(x, lo, hi):"), "clip", SOLUTION),
    ("assert clip(5, 0, 10) == 5", "test_clip", TEST),
    (cell("out = 0\nfor x in xs:\n    out += x\nreturn out", "def total(xs):"), "total", SOLUTION),
    ("numbers = [4, 5, 6]\nTOTAL = total(numbers)", None, None),
    ("assert total(DATA) == 6 and DATA == [1, 2, 3]\nxs = [1, 2, 3]\nassert total(xs) == 6 and xs == [1, 2, 3]\n"
     "assert total([]) == 0 and total([7]) == 7 and total([-1, 4]) == 3\nassert TOTAL == 15", "test_total", TEST),
    (cell("steps = 0\nwhile n > 0:\n    n -= 1\n    steps += 1\nreturn steps", "def countdown(n):"), "countdown",
     SOLUTION),
    ("assert countdown(3) == 3 and countdown(0) == 0", "test_countdown", TEST),
    ("assert countdown(2) == 2 and clip(total([5, 5]), 0, 4) == 4", "test_combined", TEST),
]


def write_lab(path, cells) -> None:
    nb = nbformat.v4.new_notebook()
    for source, grade_id, meta in cells:
        code = nbformat.v4.new_code_cell(source)
        if grade_id:
            code.metadata.nbgrader = {**meta, "grade_id": grade_id}
        nb.cells.append(code)
    nbformat.write(nb, path)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    path = tmp_path_factory.mktemp("synthetic") / "99_synthetic.ipynb"
    write_lab(path, CELLS)
    return path


def test_only_lesson_cells_that_a_later_cell_reads_are_needed(tmp_path):
    path = tmp_path / "99_needed.ipynb"
    write_lab(path, [
        ("import math\nUNUSED_SETUP = 1", None, None),  # 0: before the first exercise: always run
        (cell("return sum(xs) * n"), "f", SOLUTION),  # 1
        ("table = [f([i]) for i in range(3)]", None, None),  # 2: nothing later reads it
        ("data = [1, 2]", None, None),  # 3: read by the test through 4
        ("scaled = f(data)", None, None),  # 4: read by the test
        ("print(math.pi)", None, None),  # 5: binds nothing: runs for its effect
        ("for_the_check = 3", None, None),  # 6: only a check's replacement reads it
        ("assert f([1]) == 2 and scaled == 6", "test_f", TEST),  # 7
        ("after = 1", None, None),  # 8: after the last test
    ])
    lab = load(path)
    assert lab.needed(7) == {0, 1, 3, 4, 5, 7}
    assert lab.needed(7, frozenset({"for_the_check"})) == {0, 1, 3, 4, 5, 6, 7}
    assert lab.needed(7, None) == {0, 1, 2, 3, 4, 5, 6, 7}  # a check that does not parse: run everything


def _mutant(path, exercise: str, original: str, replacement: str):
    lab = load(path)
    return next(m for m in mutants(exercise, lab.exercises[exercise].cell.source)
                if (m.original, m.replacement) == (original, replacement))


@pytest.fixture(scope="module")
def mutation_run(synthetic):
    equivalent = _mutant(synthetic, "clip", "x < lo", "x <= lo")
    listing = synthetic.parent / "equivalent.json"
    listing.write_text(json.dumps({"equivalent": [
        {"id": equivalent.id, "exercise": "clip", "reason": "at x == lo both return lo"},
        {"id": "0000000000", "exercise": "clip", "reason": "a mutant that no longer exists"},
    ]}))
    out = synthetic.parent / "mutation.json"
    result = run_cli("mutate", str(synthetic), "--timeout", "3", "--equivalent", str(listing), "--json", str(out),
                     timeout=300)
    return result, json.loads(out.read_text()), equivalent.id


def test_weak_test_leaves_survivors_and_they_are_shown(synthetic, mutation_run):
    result, record, equivalent_id = mutation_run
    assert result.returncode == 1, result.stdout + result.stderr  # clip is under 95%, and a stale entry
    rows = {row["exercise"]: row for row in record["exercises"]}
    assert rows["clip"]["survived"] >= 1 and rows["clip"]["equivalent"] == 1 and rows["clip"]["kill_rate"] < 0.95
    verdicts = {m["id"]: m["verdict"] for m in record["mutants"]}
    assert verdicts[equivalent_id] == "equivalent"
    assert verdicts[_mutant(synthetic, "clip", "x > hi", "x >= hi").id] == "survived"
    assert "+    if x >= hi:" in result.stdout and "clip: kill rate" in result.stdout
    assert any("0000000000" in note for note in record["stale_equivalents"])


def test_strong_test_kills_every_mutant(mutation_run):
    _, record, _ = mutation_run
    total = next(row for row in record["exercises"] if row["exercise"] == "total")
    assert total["survived"] == 0 and total["error"] == 0 and total["killed"] == total["mutants"] - total["inert"] > 5
    operators = {m["operator"] for m in record["mutants"] if m["exercise"] == "total" and m["verdict"] == "killed"}
    assert {"in_place", "param_global", "param_constant", "first_only"} <= operators


def test_a_mutant_that_never_ends_is_killed_by_the_timeout(mutation_run):
    _, record, _ = mutation_run
    loops = [m for m in record["mutants"] if m["exercise"] == "countdown" and m["original"] == "n -= 1"]
    assert loops and all(m["verdict"] == "killed" for m in loops)
    assert any(o["status"] == "timeout" for m in loops for o in m["outcomes"].values())


def test_isolation_reports_a_test_that_uses_earlier_exercises(synthetic):
    out = synthetic.parent / "isolation.json"
    result = run_cli("mutate", str(synthetic), "--isolation", "--json", str(out), timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr
    rows = {row["exercise"]: row for row in json.loads(out.read_text())["isolation"]}
    assert [v.split(" ")[0] for v in rows["clip"]["others_failed"]] == ["test_combined"]
    assert [v.split(" ")[0] for v in rows["total"]["others_failed"]] == ["test_combined"]
    assert rows["total"]["own_failed"] == ["test_total"] and rows["countdown"]["others_failed"] == []
    assert sorted(rows["countdown"]["own_failed"]) == ["test_combined", "test_countdown"]


def test_variants_pass_when_correct_and_fail_when_not(synthetic):
    folder = synthetic.parent / "variants" / synthetic.stem
    folder.mkdir(parents=True)
    (folder / "total_builtin.py").write_text("def total(xs):\n    return sum(xs)\n")
    (folder / "total_appends.py").write_text("def total(xs):\n    xs.append(0)\n    return sum(xs)\n")
    (folder / "wrong").mkdir()
    (folder / "wrong" / "total_appends.py").write_text("def total(xs):\n    xs.append(0)\n    return sum(xs)\n")
    (folder / "wrong" / "total_builtin.py").write_text("def total(xs):\n    return sum(xs)\n")
    (folder / "wrong" / "total_negated.py").write_text("def total(xs):\n    return -sum(xs)\n")
    out = synthetic.parent / "variants.json"
    result = run_cli("mutate", str(synthetic), "--variants", str(folder.parent), "--json", str(out), timeout=300)
    assert result.returncode == 1, result.stdout + result.stderr
    rows = {row["file"]: row for row in json.loads(out.read_text())["variants"]}
    assert rows["total_builtin.py"]["failures"] == [] and rows["total_builtin.py"]["kind"] == "correct"
    assert [f.split(":")[0] for f in rows["total_appends.py"]["failures"]] == ["test_total"]
    # a wrong variant is caught where it is (own test cell fails, no other), missed, or costs points elsewhere
    caught, missed, spills = (rows[f"wrong/total_{s}.py"] for s in ("appends", "builtin", "negated"))
    assert caught["kind"] == "wrong" and [f.split(":")[0] for f in caught["failures"]] == ["test_total"]
    assert caught["others"] == [] and missed["failures"] == [] == missed["others"]
    assert [f.split(":")[0] for f in spills["others"]] == ["test_combined"]
    assert "wrong variants (1/3 caught where they are)" in result.stdout


INLINE = """
import json, sys
from pathlib import Path
from autograder.mutation import kernel, notebook, operators, runner
kernel.fork_safe = lambda: False  # as after a JVM started: every check runs in this process
lab = notebook.load(Path(sys.argv[1]))
def mutant(exercise, original, replacement):
    return next(m for m in operators.mutants(exercise, lab.exercises[exercise].cell.source)
                if (m.original, m.replacement) == (original, replacement))
total_test, loop_test = lab.exercises["total"].tests[0], lab.exercises["countdown"].tests[0]
checks = [
    # pops an item from the global list DATA, which no cell re-creates
    runner.Check("bad", "total", mutant("total", "def total", "@__mutation__.modifies('xs')").source, total_test),
    runner.Check("good", "total", lab.exercises["total"].cell.source, total_test),
    runner.Check("loop", "countdown", mutant("countdown", "n -= 1", "<removed>").source, loop_test),
]
result = runner.run(lab, checks, timeout=2)
print(json.dumps({key: outcome.status for (key, _), outcome in result.outcomes.items()}))
"""


def test_checks_run_in_process_when_forking_is_unsafe(synthetic):
    result = subprocess.run([sys.executable, "-c", INLINE, str(synthetic)], cwd=REPO, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    # "good" after "bad" passes: the namespace, the contents of DATA included, was restored
    assert json.loads(result.stdout.splitlines()[-1]) == {"bad": "failed", "good": "passed", "loop": "timeout"}


# --- a real lab, sampled ----------------------------------------------------------------------------------


def test_sampled_run_on_a_real_lab(tmp_path):
    """Two mutants of every Lab 02 exercise, with the reviewed equivalents: a weakened hidden test fails here."""
    out = tmp_path / "lab.json"
    result = run_cli("mutate", "02_bow_tfidf", "--sample", "2", "--seed", "1", "--json", str(out), timeout=300)
    record = json.loads(out.read_text())
    survivors = [m for m in record["mutants"] if m["verdict"] == "survived"]
    assert result.returncode == 0 and not survivors, result.stdout[-3000:] + result.stderr[-2000:]
    exercises = [row["exercise"] for row in record["exercises"]]
    assert "count_matrix" in exercises and len(record["mutants"]) <= 2 * len(exercises)
    assert {m["verdict"] for m in record["mutants"]} <= {"killed", "inert", "equivalent"}


@pytest.mark.parametrize("lab", ["03_word2vec", "04_transformer_from_scratch"])
def test_scoring_isolation_on_real_labs(lab, tmp_path):
    """Each solution blanked as in the release: only its own test cells may lose points (two labs here, every
    lab in ``benchmarks/mutation.py``)."""
    out = tmp_path / "isolation.json"
    result = run_cli("mutate", lab, "--isolation", "--json", str(out), timeout=600)
    rows = json.loads(out.read_text())["isolation"]
    assert rows and result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
