"""Lab 06's numbers: KV-cache decoding against recomputing the prefix, and nsmc-gpt-mini's perplexity and samples.

    python benchmarks/lab06_kv_cache.py                     # SmolLM2, 128 new tokens; 5,000 NSMC test reviews
    python benchmarks/lab06_kv_cache.py --tokens 64 --repeats 3 --threads 2
    python benchmarks/lab06_kv_cache.py --model data/models/nsmc-gpt-mini --reviews 500

The KV-cache timing runs greedy decoding with ``generate(use_cache=False)`` and ``generate(use_cache=True)`` side by
side in one process (interleaved, ``--repeats`` times each, the median kept), forcing exactly ``--tokens`` new tokens,
and checks that both give the same tokens. The perplexity is exp of the mean next-token loss over every token of
NSMC *test* reviews (the model never saw that split), each review starting with ``<|endoftext|>`` as in training.
The exit status is 1 when the speed-up is under 3x or the two decodings differ.

Measured 2026-11-25 on the course's shared 2-core CPU (load about 4: another session's tests and an LLM server
running beside it), defaults (SmolLM2-135M-Instruct, a 42-token chat prompt, 128 new tokens, 2 threads):

    no cache   648.37 s
    KV cache    29.90 s
    speed-up    21.69x   same tokens: True
    nsmc-gpt-mini perplexity on 5,000 NSMC test reviews (84,887 tokens): 288.1

The load inflates both times; the no-cache side grows with the square of the length, so the ratio is large.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer
from transformers.utils import logging as hf_logging

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import nlpcourse  # noqa: E402
from nlpcourse.llm import smollm2_dir  # noqa: E402

TARGET_SPEEDUP = 3.0
PROMPT = [{"role": "user", "content": "Write a short story about a robot who learns to paint."}]
REVIEW_PROMPTS = ["이 영화", "배우들 연기가", "스토리가 너무"]


def time_decoding(model, input_ids: torch.Tensor, new_tokens: int, use_cache: bool) -> tuple[float, torch.Tensor]:
    """Seconds to make exactly ``new_tokens`` tokens greedily, and the tokens."""
    start = time.perf_counter()
    out = model.generate(input_ids, attention_mask=torch.ones_like(input_ids), do_sample=False,
                         max_new_tokens=new_tokens, min_new_tokens=new_tokens, use_cache=use_cache,
                         pad_token_id=model.generation_config.pad_token_id or model.generation_config.eos_token_id)
    return time.perf_counter() - start, out


def kv_speedup(model, input_ids: torch.Tensor, new_tokens: int, repeats: int) -> dict:
    """Median no-cache and cache times (interleaved runs) and whether both decodings agree."""
    times: dict[bool, list[float]] = {False: [], True: []}
    outputs: dict[bool, torch.Tensor] = {}
    for _ in range(repeats):
        for use_cache in (False, True):
            seconds, outputs[use_cache] = time_decoding(model, input_ids, new_tokens, use_cache)
            times[use_cache].append(seconds)
    no_cache, cache = statistics.median(times[False]), statistics.median(times[True])
    return {"no_cache_s": no_cache, "cache_s": cache, "speedup": no_cache / cache,
            "same_tokens": torch.equal(outputs[False], outputs[True]), "new_tokens": new_tokens}


def perplexity(model, tokenizer, texts: list[str], batch_size: int = 64) -> tuple[float, int]:
    """exp(mean next-token loss over every token of ``texts``), and the number of tokens predicted."""
    total, count = 0.0, 0
    limit = model.config.n_positions if hasattr(model.config, "n_positions") else None
    for start in range(0, len(texts), batch_size):
        batch = tokenizer(texts[start:start + batch_size], return_tensors="pt", padding=True, truncation=True,
                          max_length=limit)
        labels = batch.input_ids.masked_fill(batch.attention_mask == 0, -100)
        n = int((labels[:, 1:] != -100).sum())
        with torch.no_grad():
            total += model(**batch, labels=labels).loss.item() * n
        count += n
    return math.exp(total / count), count


def samples(model, tokenizer, prompts: list[str], new_tokens: int = 40, seed: int = 42) -> list[tuple[str, str, str]]:
    """(prompt, greedy continuation, top-p 0.9 continuation with seed ``seed + i``) for the i-th prompt."""
    rows = []
    for i, text in enumerate(prompts):
        ids = tokenizer(text, return_tensors="pt").input_ids
        kwargs = {"max_new_tokens": new_tokens, "pad_token_id": tokenizer.pad_token_id}
        greedy = model.generate(ids, do_sample=False, **kwargs)
        torch.manual_seed(seed + i)  # one seed per prompt: the same random stream can give the same continuation
        sampled = model.generate(ids, do_sample=True, top_p=0.9, top_k=0, **kwargs)
        greedy_text, sampled_text = (tokenizer.decode(o[0, ids.shape[1]:], skip_special_tokens=True)
                                     for o in (greedy, sampled))
        rows.append((text, greedy_text, sampled_text))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tokens", type=int, default=128, help="new tokens per decoding (default 128)")
    parser.add_argument("--repeats", type=int, default=1, help="timed runs of each decoding (median kept)")
    parser.add_argument("--threads", type=int, default=2, help="torch CPU threads (default 2)")
    parser.add_argument("--model", default=None, help="model for the timing (default: SmolLM2-135M-Instruct)")
    parser.add_argument("--reviews", type=int, default=5000, help="NSMC test reviews for the perplexity")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()

    path = args.model or smollm2_dir()
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModelForCausalLM.from_pretrained(path, dtype=torch.float32).eval()
    if tokenizer.chat_template:
        ids = tokenizer.apply_chat_template(PROMPT, add_generation_prompt=True, return_tensors="pt",
                                            return_dict=True)["input_ids"]
    else:
        ids = tokenizer("이 영화", return_tensors="pt").input_ids
    time_decoding(model, ids, 2, True)  # warm-up: first-call overheads out of the timing
    kv = kv_speedup(model, ids, args.tokens, args.repeats)
    name = Path(str(path)).name
    print(f"KV cache, {name}, prompt {ids.shape[1]} tokens, {kv['new_tokens']} new tokens, greedy, "
          f"{torch.get_num_threads()} threads, median of {args.repeats}:")
    print(f"  no cache   {kv['no_cache_s']:8.2f} s")
    print(f"  KV cache   {kv['cache_s']:8.2f} s")
    print(f"  speed-up   {kv['speedup']:8.2f}x   (target >= {TARGET_SPEEDUP}x)   same tokens: {kv['same_tokens']}")

    gpt_tok = AutoTokenizer.from_pretrained(nlpcourse.gpt_mini_path())
    gpt = AutoModelForCausalLM.from_pretrained(nlpcourse.gpt_mini_path()).eval()
    texts = [t for t in nlpcourse.load_nsmc("test", n=args.reviews).document if t.strip()]
    ppl, tokens = perplexity(gpt, gpt_tok, texts)
    print(f"nsmc-gpt-mini perplexity on {len(texts):,} NSMC test reviews ({tokens:,} tokens): {ppl:.1f}")
    print("nsmc-gpt-mini continuations (greedy | top-p 0.9, seeds 42, 43, ...):")
    for prompt, greedy, sampled in samples(gpt, gpt_tok, REVIEW_PROMPTS):
        print(f"  {prompt!r}: {greedy!r} | {sampled!r}")
    return 0 if kv["same_tokens"] and kv["speedup"] >= TARGET_SPEEDUP else 1


if __name__ == "__main__":
    sys.exit(main())
