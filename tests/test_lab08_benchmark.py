"""benchmarks/lab08_post_training.py: constrained choice agrees with one-at-a-time scoring, DPO rewards start at zero,
and a tiny run of the whole script (a few steps of nsmc-gpt-mini) prints every row of the table."""

from __future__ import annotations

import importlib.util

import pytest
import torch
from conftest import REPO

import nlpcourse


def load_benchmark():
    spec = importlib.util.spec_from_file_location("lab08_post_training", REPO / "benchmarks" / "lab08_post_training.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench():
    return load_benchmark()


@pytest.fixture(scope="module")
def gpt(bench):
    return bench.load(str(nlpcourse.gpt_mini_path()))


def test_batched_logprobs_equal_one_at_a_time(bench, gpt):
    model, tok = gpt
    examples = [("최고", "긍정"), ("별로다 진짜 시간 아까움", "부정입니다.")]
    pairs = [bench.split(tok, bench.review_prompt(t), a) for t, a in examples]
    batched = bench.completion_logprobs(model, pairs, tok.pad_token_id)
    for i, (p, c) in enumerate(pairs):
        ids = torch.tensor([p + c])
        with torch.no_grad():
            logp = model(ids).logits[0, :-1].log_softmax(-1)
        want = logp[len(p) - 1:].gather(1, ids[0, len(p):, None]).sum()
        assert torch.isclose(batched[i], want, atol=1e-4)
    assert tok.decode(pairs[0][1]).startswith(" 긍정"), "the completion is the assistant turn after '감성:'"


def test_rewards_of_the_reference_itself_are_ties(bench, gpt):
    model, tok = gpt
    import pandas as pd

    rows = bench.preference_rows(pd.DataFrame({"document": ["좋아요", "최악"], "label": [1, 0]}))
    assert rows[0]["chosen"][0]["content"] == "긍정입니다." and rows[0]["rejected"][0]["content"] == "부정입니다."
    assert rows[1]["rejected"][0]["content"] == "부정", "every other pair: the right label, bare"
    acc, margin = bench.reward_stats(model, model, tok, rows, beta=0.1)
    assert acc == 0.0 and margin == 0.0


def test_a_tiny_run_prints_the_table(bench, capsys):
    status = bench.main(["--sample", "--threads", "2"])
    out = capsys.readouterr().out
    for row in ("zero-shot", "few-shot (4)", "LoRA SFT (r=2)", "full fine-tuning", "reward accuracy (held-out)",
                "KL to the reference", "preferred behaviour", "NSMC accuracy (forgetting)", "aims:"):
        assert row in out, row
    assert status in (0, 1)  # two training steps cannot meet the aims
