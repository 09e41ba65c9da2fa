"""benchmarks/lab06_kv_cache.py: the cached and uncached decodings agree, the perplexity is the token-weighted one,
and a tiny run of the whole script prints its figures (nsmc-gpt-mini instead of SmolLM2, a few tokens)."""

from __future__ import annotations

import importlib.util
import math

import pytest
import torch
from conftest import REPO
from transformers import AutoModelForCausalLM, AutoTokenizer

import nlpcourse


def load_benchmark():
    spec = importlib.util.spec_from_file_location("lab06_kv_cache", REPO / "benchmarks" / "lab06_kv_cache.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gpt():
    path = nlpcourse.gpt_mini_path()
    return AutoModelForCausalLM.from_pretrained(path).eval(), AutoTokenizer.from_pretrained(path)


def test_cache_and_no_cache_make_the_same_tokens(gpt):
    bench = load_benchmark()
    model, tok = gpt
    ids = tok("배우들 연기가", return_tensors="pt").input_ids
    kv = bench.kv_speedup(model, ids, 6, repeats=1)
    assert kv["same_tokens"] and kv["new_tokens"] == 6
    assert kv["no_cache_s"] > 0 and kv["cache_s"] > 0 and math.isclose(kv["speedup"], kv["no_cache_s"] / kv["cache_s"])
    seconds, out = bench.time_decoding(model, ids, 7, use_cache=True)
    assert out.shape[1] == ids.shape[1] + 7, "exactly the requested number of new tokens"


def test_perplexity_weights_every_token_equally(gpt):
    bench = load_benchmark()
    model, tok = gpt
    texts = ["이 영화 최고", "배우들 연기가 너무 어색해서 끝까지 보기 힘들었다", "ㅋㅋ"]
    ppl, count = bench.perplexity(model, tok, texts, batch_size=2)
    nll, n = 0.0, 0
    for text in texts:  # one at a time: no padding at all
        ids = tok(text, return_tensors="pt").input_ids
        with torch.no_grad():
            nll += model(ids, labels=ids).loss.item() * (ids.shape[1] - 1)
        n += ids.shape[1] - 1
    assert count == n and math.isclose(ppl, math.exp(nll / n), rel_tol=1e-4)


def test_a_tiny_run_prints_the_figures(capsys):
    bench = load_benchmark()
    status = bench.main(["--model", str(nlpcourse.gpt_mini_path()), "--tokens", "6", "--reviews", "40"])
    out = capsys.readouterr().out
    assert "speed-up" in out and "same tokens: True" in out
    assert "perplexity on 40 NSMC test reviews" in out and "'이 영화'" in out
    assert status in (0, 1)  # 6 tokens of a tiny model need not reach the 3x of 128 tokens on SmolLM2
