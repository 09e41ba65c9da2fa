"""benchmarks/lab07_prompting.py reads the lab's own prompts and reference functions, and the notebook's sample."""

from __future__ import annotations

import importlib.util

from conftest import REPO


def load_benchmark():
    spec = importlib.util.spec_from_file_location("lab07_bench", REPO / "benchmarks" / "lab07_prompting.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_lab_functions_and_prompts_come_from_the_notebook():
    lab = load_benchmark().lab_namespace()
    assert lab["parse_sentiment"]("Reasoning... Answer: Negative") == 0
    assert lab["parse_sentiment"]("긍정적입니다") == 1 and lab["parse_sentiment"]("no idea") is None
    messages = lab["few_shot_messages"](lab["INSTRUCTION"], lab["examples"], "리뷰", k=4)
    assert [m["role"] for m in messages] == ["system"] + ["user", "assistant"] * 4 + ["user"]
    assert [m["content"] for m in messages[2:9:2]] == ["positive", "negative", "positive", "negative"]
    assert "Answer: positive" in lab["COT_INSTRUCTION"]


def test_the_sample_is_balanced_fixed_and_the_notebooks_own():
    bench = load_benchmark()
    test = bench.lab_namespace()["test"]
    eight, again, forty = bench.sample(test, 8), bench.sample(test, 8), bench.sample(test, 40)
    assert list(eight.id) == list(again.id)
    assert eight.label.sum() == 4 and forty.label.sum() == 20
    source = bench.LAB.read_text(encoding="utf-8")
    assert 'test.groupby(\\"label\\").sample(n=N_EVAL // 2, random_state=42).sample(frac=1, random_state=42)' in source
