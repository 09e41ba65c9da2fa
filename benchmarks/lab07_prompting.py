"""Lab 07 on the local server: start time, a 32-token reply, and zero-/few-shot/CoT accuracy on NSMC.

    python benchmarks/lab07_prompting.py [--n 40] [--shots 4] [--cot-tokens 16] [--replies 3]

The model is SmolLM2-135M-Instruct behind ``transformers serve`` (``nlpcourse.start_llm_server``), started in a
throwaway course cache that links the already converted model, so the start is a real one and no lab's server is
reused or stopped. The prompts (``INSTRUCTION``, ``COT_INSTRUCTION``) and the functions that build and parse them
(``few_shot_messages``, ``parse_sentiment``) are read from the lab's source notebook, and the test sample is drawn
as the notebook draws it (``--n 4`` is the notebook's fast-mode sample), so the figures are the lab's own.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LAB = REPO / "lab_solutions" / "07_llm_api_prompting" / "07_llm_api_prompting.ipynb"
FUNCTIONS = ("few_shot_messages", "parse_sentiment")
DATA_CELL = "nsmc-data"
REPLY_PROMPT = [{"role": "user", "content": "Write a long story about a cat who learns to cook."}]


def lab_namespace() -> dict:
    """The lab's reference ``few_shot_messages`` and ``parse_sentiment``, its NSMC data cell's names (``test``,
    ``examples``, ``INSTRUCTION``, ``COT_INSTRUCTION``, ...), run from the source notebook."""
    import nlpcourse

    cells = json.loads(LAB.read_text(encoding="utf-8"))["cells"]
    namespace: dict = {"nlpcourse": nlpcourse, "tr": nlpcourse.tr, "print": lambda *args, **kwargs: None}
    for cell in cells:
        source = "".join(cell["source"])
        grade_id = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if grade_id in FUNCTIONS or cell.get("id") == DATA_CELL:
            exec(compile(source, f"{LAB.name}:{grade_id or cell['id']}", "exec"), namespace)  # noqa: S102
    del namespace["print"]
    return namespace


def sample(test, n: int):
    """``n`` test reviews, half of each label, in a fixed shuffled order: the notebook's own draw."""
    return test.groupby("label").sample(n=n // 2, random_state=42).sample(frac=1, random_state=42)


def private_cache(tmp: str) -> None:
    """Point the course cache at ``tmp``, with the converted SmolLM2 linked in (no conversion, no shared server)."""
    from nlpcourse import llm

    converted = llm.smollm2_dir()  # the real cache, converted once
    os.environ["NLPCOURSE_CACHE"] = tmp
    target = Path(tmp) / "llm" / llm.SMOLLM2
    target.parent.mkdir(parents=True)
    target.symlink_to(converted, target_is_directory=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=40, help="test reviews, half of each label (default 40)")
    parser.add_argument("--shots", type=int, default=4, help="few-shot examples (default 4, as in fast mode)")
    parser.add_argument("--cot-tokens", type=int, default=16, help="output tokens for CoT (default 16, as fast mode)")
    parser.add_argument("--replies", type=int, default=3, help="warm 32-token replies to average after the first")
    args = parser.parse_args()
    os.environ.setdefault("NLPCOURSE_MODE", "fast")  # the shipped NSMC copy, as the notebook reads it in fast mode
    load_before = os.getloadavg()[0]

    from openai import OpenAI

    import nlpcourse

    lab = lab_namespace()
    reviews = sample(lab["test"], args.n)
    with tempfile.TemporaryDirectory(prefix="nlpcourse-lab07-bench-") as tmp:
        private_cache(tmp)
        start = time.perf_counter()
        base_url = nlpcourse.start_llm_server()
        started = time.perf_counter() - start
        try:
            client = OpenAI(base_url=base_url, api_key="local")

            def chat(messages, max_tokens, **params):
                t0 = time.perf_counter()
                response = client.chat.completions.create(model=nlpcourse.SERVER_MODEL, messages=messages,
                                                          max_completion_tokens=max_tokens, **params)
                return response.choices[0].message.content or "", response, time.perf_counter() - t0

            replies = [chat(REPLY_PROMPT, 32, temperature=0) for _ in range(1 + args.replies)]
            prompts = {
                "zero-shot": (lambda r: [{"role": "system", "content": lab["INSTRUCTION"]},
                                         {"role": "user", "content": r}], 5),
                f"few-shot (k={args.shots})": (lambda r: lab["few_shot_messages"](lab["INSTRUCTION"], lab["examples"],
                                                                                 r, k=args.shots), 5),
                "CoT": (lambda r: [{"role": "system", "content": lab["COT_INSTRUCTION"]},
                                   {"role": "user", "content": r}], args.cot_tokens),
            }
            rows = []
            for name, (build, max_tokens) in prompts.items():
                hits = unparsed = tokens_in = tokens_out = 0
                seconds = 0.0
                for review, label in zip(reviews.document, reviews.label):
                    reply, response, took = chat(build(review), max_tokens, temperature=0)
                    guess = lab["parse_sentiment"](reply)
                    hits += guess == label
                    unparsed += guess is None
                    seconds += took
                    tokens_in += response.usage.prompt_tokens
                    tokens_out += response.usage.completion_tokens
                n = len(reviews)
                rows.append((name, hits / n, unparsed / n, seconds / n, tokens_in / n, tokens_out / n))
        finally:
            nlpcourse.stop_llm_server()

    load = f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after"
    print(f"Lab 07 on SmolLM2-135M-Instruct (transformers serve), {os.cpu_count()} CPU cores ({load})")
    print(f"  server start until healthy (model already converted)   {started:.1f} s")
    first, warm = replies[0], replies[1:]
    print(f"  first reply, {first[1].usage.completion_tokens} tokens                                  {first[2]:.2f} s")
    if warm:
        mean = sum(r[2] for r in warm) / len(warm)
        print(f"  next replies, {warm[0][1].usage.completion_tokens} tokens (mean of {len(warm)})"
              f"                        {mean:.2f} s")
    print(f"\nNSMC test sample: {len(reviews)} reviews ({int(reviews.label.sum())} positive), greedy decoding")
    print(f"  {'prompt':<16} {'accuracy':>9} {'+/- 1 s.e.':>11} {'unparsed':>9} {'latency':>9} {'in tok':>7} "
          f"{'out tok':>8}")
    for name, accuracy, unparsed, latency, tokens_in, tokens_out in rows:
        se = math.sqrt(accuracy * (1 - accuracy) / len(reviews))
        print(f"  {name:<16} {accuracy:9.3f} {se:11.3f} {unparsed:9.3f} {latency:8.2f}s {tokens_in:7.0f} "
              f"{tokens_out:8.1f}")


if __name__ == "__main__":
    main()
