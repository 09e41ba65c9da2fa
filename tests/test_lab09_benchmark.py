"""benchmarks/lab09_evaluation.py: its scorer gives lm_eval's per-item choices on the course benchmark's tasks."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest
from conftest import REPO

import nlpcourse


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("lab09_bench", REPO / "benchmarks" / "lab09_evaluation.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_acc_norm_divides_by_characters_and_ties_go_first(bench):
    # per character: -6/3 = -2 beats -3/1; per token it could go either way
    assert bench.mcq_predict([-3.0, -6.0], ["a", "abc"]) == (0, 1)
    assert bench.mcq_predict([-2.0, -2.0], ["긍정", "부정"]) == (0, 0)


def test_bootstrap_interval_resamples_with_replacement(bench):
    outcomes = np.array([1.0] * 50 + [0.0] * 50)
    lo, hi = bench.bootstrap_ci(outcomes, 2000)
    assert 0.38 < lo < 0.42 and 0.58 < hi < 0.62  # 0.5 -+ 1.96 * sqrt(0.25 / 100)
    assert bench.bootstrap_ci(np.ones(30), 200) == (1.0, 1.0)


def test_the_scorer_splits_the_continuation_as_lm_eval_and_truncates_on_the_left(bench):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    path = nlpcourse.gpt_mini_path()
    tokenizer, model = AutoTokenizer.from_pretrained(path), AutoModelForCausalLM.from_pretrained(path).eval()
    a = bench.continuation_logprob(model, tokenizer, "리뷰: 정말 재밌다\n감성: ", "긍정", 128)
    b = bench.continuation_logprob(model, tokenizer, "리뷰: 정말 재밌다\n감성:", " 긍정", 128)
    assert a == pytest.approx(b) and a < 0
    long_context = "영화 " * 300  # far beyond the 128 positions: only the last 129 tokens count
    assert np.isfinite(bench.continuation_logprob(model, tokenizer, long_context, " 최고", 128))


def test_lm_eval_gives_the_same_choices_on_the_custom_tasks(bench):
    path = nlpcourse.gpt_mini_path()
    limit = 2
    from nlpcourse.course_bench import lm_eval_per_item

    theirs = lm_eval_per_item(path, ["course_quiz_ko", "course_nsmc"], limit=limit)
    for task in ("course_quiz_ko", "course_nsmc"):
        ours, _ = bench.own_scores(path, task, limit)
        assert len(theirs[task]) == limit
        for o, t, (_, choices, gold) in zip(ours, theirs[task], bench.task_items(task), strict=False):
            assert o["lls"] == pytest.approx(t["lls"], abs=1e-3)
            assert bench.mcq_predict(t["lls"], choices) == (o["pred"], o["pred_norm"])
            assert (t["acc"], t["acc_norm"]) == (o["acc"], o["acc_norm"]) and gold in range(len(choices))
