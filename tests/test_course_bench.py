"""data/course_bench/ follows the lab sources: fresh, complete, and free of hidden-test code."""

from __future__ import annotations

import importlib.util
import json

import pytest
from conftest import REPO


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("build_course_bench", REPO / "data" / "build_course_bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built(bench):
    return bench.build()


def test_the_shipped_files_are_not_stale(bench, built):
    for name, text in built.items():
        shipped = (bench.OUT / name).read_text(encoding="utf-8")
        assert shipped == text, f"data/course_bench/{name} is stale: run python data/build_course_bench.py"


def test_every_lab_quiz_question_is_in_both_editions(bench, built):
    quiz = [json.loads(line) for line in built["quiz.jsonl"].splitlines()]
    for nb in bench.lab_notebooks():
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        tests = {bench._grade_id(c) for c in cells if bench._grade_id(c).startswith(("test_quiz_q", "test_q"))}
        got = [q for q in quiz if q["lab"] == nb.parent.name]
        assert len(got) == 2 * len(tests), nb.parent.name
    by_question = {}
    for q in quiz:
        by_question.setdefault((q["lab"], q["question"]), {})[q["lang"]] = q
    for pair in by_question.values():
        ko, en = pair["ko"], pair["en"]
        assert ko["answer"] == en["answer"] and ko["type"] == en["type"]
        if ko["type"] == "mcq":
            assert len(ko["choices"]) == len(en["choices"]) >= 2 and all(ko["choices"] + en["choices"])
            assert ko["text"] and en["text"] and "**" not in ko["text"][:4]


def test_nothing_of_the_hidden_tests_is_shipped(bench):
    text = "".join((bench.OUT / name).read_text(encoding="utf-8") for name in ("quiz.jsonl", "glossary.jsonl"))
    for marker in ("BEGIN HIDDEN", "END HIDDEN", "assert ", "_isclose", ".strip().lower()"):
        assert marker not in text


def test_the_parser_reads_each_quiz_layout(bench):
    inline = "**Q1.** The cosine of two one-hot vectors is: (a) 1 (b) 0 (c) -1 (d) it depends"
    assert bench.parse_question(inline) == ("The cosine of two one-hot vectors is:", ["1", "0", "-1", "it depends"])
    bullets = "## Quiz\n\nintro\n\n**Q2.** Which?\n\n* a) one\n* b) two,\n  continued\n- c) three\n* d) four"
    assert bench.parse_question(bullets) == ("Which?", ["one", "two, continued", "three", "four"])
    assert bench.parse_question("**문항 3.** 몇 개입니까? 정수로 답하세요.") == ("몇 개입니까? 정수로 답하세요.", [])
    hidden = "x\n### BEGIN HIDDEN TESTS\nassert abs(q6 - math.exp(2.0)) < 0.01\n### END HIDDEN TESTS"
    assert bench.hidden_answer(hidden, "q6") == (pytest.approx(7.389056), 0.01)
    hidden = "### BEGIN HIDDEN TESTS\nassert _isclose(q5, 0.0012, rel_tol=1e-6)\n### END HIDDEN TESTS"
    assert bench.hidden_answer(hidden, "q5") == (0.0012, pytest.approx(1.2e-9))
    with pytest.raises(ValueError):
        bench.hidden_answer("### BEGIN HIDDEN TESTS\nassert q1 == __import__('os')\n### END HIDDEN TESTS", "q1")


def test_nsmc_part_is_balanced_and_from_the_test_split(built):
    nsmc = [json.loads(line) for line in built["nsmc.jsonl"].splitlines()]
    assert sum(r["label"] for r in nsmc) == len(nsmc) // 2 and len({r["id"] for r in nsmc}) == len(nsmc)
