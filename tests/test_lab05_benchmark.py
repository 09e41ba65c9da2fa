"""benchmarks/lab05_bert.py: its batching, its training loop on a tiny model, and the targets it holds figures to."""

from __future__ import annotations

import importlib.util

import numpy as np
import torch
from conftest import REPO
from transformers import BertConfig, BertForSequenceClassification


def load_benchmark():
    spec = importlib.util.spec_from_file_location("lab05_bert", REPO / "benchmarks" / "lab05_bert.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def reviews(n: int, seed: int = 0) -> tuple[list[list[int]], np.ndarray]:
    rng = np.random.default_rng(seed)
    ids = [[2, *rng.integers(5, 50, rng.integers(1, 30)).tolist(), 3] for _ in range(n)]
    return ids, rng.integers(0, 2, n)


def test_batches_cover_every_review_once_padded_to_the_batch(monkeypatch):
    bench = load_benchmark()
    monkeypatch.setattr(bench, "BATCH_SIZE", 8)
    ids, labels = reviews(100)
    for rng in (None, np.random.default_rng(1)):
        seen = []
        for batch in bench.batches(ids, labels, 0, rng):
            x, mask = batch["input_ids"], batch["attention_mask"]
            assert x.shape[0] <= 8 and torch.equal(mask, (x != 0).long())
            assert (mask.sum(1) == x.shape[1]).any(), "padded beyond the batch's longest review"
            for row, label in zip(x.tolist(), batch["labels"].tolist()):
                review = [t for t in row if t != 0]
                seen.append(review)
                assert labels[ids.index(review)] == label
        assert sorted(map(tuple, seen)) == sorted(map(tuple, ids))
    sorted_widths = [b["input_ids"].shape[1] for b in bench.batches(ids, labels, 0, None)]
    assert sorted_widths == sorted(sorted_widths), "evaluation batches go by length"


def test_fine_tune_runs_the_budget_and_learns_a_trivial_task(monkeypatch):
    bench = load_benchmark()
    monkeypatch.setattr(bench, "BATCH_SIZE", 8)
    monkeypatch.setattr(bench, "MIN_STEPS", 60)
    ids, labels = reviews(40)
    ids = [[2, 5 if label else 6, *review[1:]] for review, label in zip(ids, labels)]  # the 2nd token says it
    torch.manual_seed(0)
    model = BertForSequenceClassification(BertConfig(vocab_size=50, hidden_size=32, num_hidden_layers=1,
                                                     num_attention_heads=2, intermediate_size=64, num_labels=2))
    steps, seconds = bench.fine_tune(model, ids, labels, 0, 3e-3, "cpu")
    assert steps == 12 * 5 and seconds > 0  # 40 reviews = 5 batches; 12 epochs reach 60 steps
    assert bench.accuracy(model, ids, labels, 0, "cpu") > 0.9
    assert bench.fine_tune(model, ids, labels, 0, 3e-3, "cpu", min_epochs=14)[0] == 14 * 5  # more epochs on request


def test_targets_are_checked(capsys):
    bench = load_benchmark()
    good = {(150_000, "pretrained"): 0.87, (150_000, "scratch"): 0.84, (2_000, "pretrained"): 0.80,
            (2_000, "scratch"): 0.70}
    assert bench.check(good, 150_000) == 0
    assert "MISSED" not in capsys.readouterr().out
    assert bench.check({**good, (2_000, "scratch"): 0.77}, 150_000) == 1
    assert "MISSED: gain with 2,000 labels" in capsys.readouterr().out
    assert bench.check({**good, (150_000, "pretrained"): 0.855, (150_000, "scratch"): 0.80}, 150_000) == 1
    assert "MISSED: accuracy with all labels" in capsys.readouterr().out
    assert bench.check({k: v for k, v in good.items() if k[0] == 2_000}, 150_000) == 0  # 2,000 labels only
