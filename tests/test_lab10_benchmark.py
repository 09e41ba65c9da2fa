"""benchmarks/lab10_rag.py's pieces on toy inputs."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest
from conftest import REPO


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("lab10_bench", REPO / "benchmarks" / "lab10_rag.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_rrf_sums_reciprocal_ranks_from_one_and_breaks_ties_by_id(bench):
    fused = bench.rrf([np.array([[3, 1, 2]]), np.array([[1, 2, 3]])], k=3, rrf_k=60)
    # 1: 1/62 + 1/61, 3: 1/61 + 1/63, 2: 1/63 + 1/62
    assert fused.tolist() == [[1, 3, 2]]
    assert bench.rrf([np.array([[5, 4]]), np.array([[4, 5]])], k=2).tolist() == [[4, 5]]


def test_recall_and_mrr(bench):
    ranked = np.array([[7, 2, 9], [1, 2, 3]])
    recall, rr = bench.recall_mrr(ranked, [{2, 5}, {8}], k=2)
    assert recall.tolist() == [0.5, 0.0] and rr.tolist() == [0.5, 0.0]


def test_the_bootstrap_interval_holds_the_mean_and_is_zero_wide_without_spread(bench):
    low, high = bench.bootstrap(np.array([0.0, 1.0, 0.0, -1.0, 1.0]))
    assert low < 0.2 < high
    assert bench.bootstrap(np.full(7, 0.25)) == pytest.approx((0.25, 0.25))


def test_the_prompt_keeps_whole_numbered_chunks_inside_the_budget(bench):
    count = len  # one token a character
    chunks = ["a" * 600, "b" * 600, "c" * 600]
    messages, used = bench.chunk_prompt("why?", chunks, count)
    assert used == 2 and "[1] " + "a" * 600 in messages[1]["content"] and "[3]" not in messages[1]["content"]
    assert "I don't know" in messages[0]["content"] and messages[1]["content"].endswith("Question: why?")
    assert bench.REFUSAL.search("i don't know.") and not bench.REFUSAL.search("tf-idf weighs terms [1]")

