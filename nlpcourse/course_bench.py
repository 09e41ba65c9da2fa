"""The course benchmark (``data/course_bench/``, Lab 09): its items, its prompts, and ``lm_eval`` run on it.

The prompts are defined here once: the lab's own scorer and the ``lm_eval`` tasks in ``data/course_bench/lm_eval/``
(whose ``utils.py`` imports this module) build the same context for every item, so their choices can be compared.
"""

from __future__ import annotations

import json
from pathlib import Path

from .paths import DATA_DIR

BENCH_DIR = DATA_DIR / "course_bench"
LM_EVAL_TASKS = BENCH_DIR / "lm_eval"
QUIZ_PROMPT = {"en": "Question: {text}\nAnswer:", "ko": "질문: {text}\n답:"}
NSMC_PROMPT = "{text} 결론:"  # the best of the templates Lab 09 tries on nsmc-gpt-mini (section 8)
NSMC_CHOICES = ["비추", "강추"]  # "not recommended", "recommended": label 0, label 1


def load_course_bench(part: str, lang: str | None = None, kind: str | None = None) -> list[dict]:
    """The items of one part (``"quiz"``, ``"nsmc"`` or ``"glossary"``), optionally of one language or type."""
    path = BENCH_DIR / f"{part}.jsonl"
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if lang is not None:
        items = [it for it in items if it.get("lang") == lang]
    if kind is not None:
        items = [it for it in items if it.get("type") == kind]
    return items


def quiz_context(item: dict) -> str:
    """The context an MCQ item is scored after: its question in the item's language's template."""
    return QUIZ_PROMPT[item["lang"]].format(text=item["text"])


def nsmc_context(item: dict) -> str:
    return NSMC_PROMPT.format(text=item["text"])


def lm_eval_per_item(model_path: str | Path, tasks: list[str], limit: int | None = None,
                     batch_size: int = 8) -> dict[str, list[dict]]:
    """Run ``lm_eval`` on a local Hugging Face causal LM and return, per task, one record per item in order:
    ``{"doc_id", "lls" (log-likelihood of each choice), "acc", "acc_norm"}``."""
    import lm_eval
    from lm_eval.models.huggingface import HFLM
    from lm_eval.tasks import TaskManager

    model = HFLM(pretrained=str(model_path), batch_size=batch_size, device="cpu", dtype="float32")
    manager = TaskManager(include_path=str(LM_EVAL_TASKS), include_defaults=False)
    out = lm_eval.simple_evaluate(model=model, tasks=tasks, task_manager=manager, limit=limit, log_samples=True,
                                  bootstrap_iters=0, verbosity="ERROR")
    per_task = {}
    for task, samples in out["samples"].items():
        samples = sorted(samples, key=lambda s: s["doc_id"])
        per_task[task] = [{"doc_id": s["doc_id"], "lls": [float(r[0]) for r in s["filtered_resps"]],
                           "acc": s["acc"], "acc_norm": s["acc_norm"]} for s in samples]
    return per_task
