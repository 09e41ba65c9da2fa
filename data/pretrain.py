"""What ``build_bert_mini.py`` and ``build_gpt_mini.py`` share: corpus, packing, Trainer run, model card.

The corpus is NSMC's unlabeled reviews plus the training split, never the test split. Reviews are tokenized
once and either packed whole into fixed-length blocks (``start r1 sep r2 sep ... pad``, the GPT) or kept one a
row (``start r sep``, the BERT) in batches of similar length; a plain dataset feeds ``Trainer`` (no
``datasets``). Each script supplies its tokenizer trainer, model, collator and samples.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
from transformers import AutoTokenizer, PreTrainedModel, Trainer, TrainingArguments, set_seed

DATA = Path(__file__).resolve().parent
MODELS = DATA / "models"
# Read directly, not with nlpcourse.load_nsmc: in full mode that downloads the official NSMC train file,
# whose reviews may sit in this repository's test split. These two files hold none of its reviews (the crawl has
# some texts posted twice: 74 of the test split's 22,190 reviews of 30+ characters recur in the unlabeled file).
CORPUS = (DATA / "nsmc" / "unlabeled_reviews.txt.gz", DATA / "nsmc" / "ratings_train.txt.gz")
NSMC_HEADER = "id\tdocument\tlabel"
# --quick: a model and a run small enough for the tests (seconds on a tiny corpus).
QUICK = {"vocab_size": 400, "hidden": 32, "layers": 2, "heads": 2, "steps": 4, "batch_size": 8}


@dataclass(frozen=True)
class Recipe:
    """Everything that sets a build's result (the corpus aside)."""

    vocab_size: int
    max_len: int  # tokens per packed block or longest review = the model's positions
    hidden: int
    layers: int
    heads: int
    steps: int
    batch_size: int
    learning_rate: float
    warmup: float = 0.05  # fraction of the steps, then linear decay to 0
    weight_decay: float = 0.01
    adam_beta2: float = 0.98
    dropout: float = 0.0  # less than an epoch: nothing to regularize
    val_fraction: float = 0.02  # of the shuffled corpus, held out for the validation loss
    seed: int = 42
    pack: bool = True  # False: one review per example, batch_size reviews of similar length a step


def read_reviews(path: Path) -> list[str]:
    """The reviews in ``path`` (gzip or plain text): an NSMC split's ``document`` column, else one a line."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    if lines[0] == NSMC_HEADER:
        lines = [line.split("\t")[1] for line in lines[1:] if line]
    return [line for line in lines if line.strip()]


def split_corpus(paths: list[Path], val_fraction: float, seed: int) -> tuple[list[str], list[str]]:
    """All reviews of ``paths``, shuffled with ``seed``: (training reviews, held-out reviews)."""
    reviews = [review for path in paths for review in read_reviews(path)]
    random.Random(seed).shuffle(reviews)
    n_val = max(1, round(len(reviews) * val_fraction))
    return reviews[n_val:], reviews[:n_val]


def pack(reviews: list[list[int]], max_len: int, start: int, sep: int, pad: int) -> torch.Tensor:
    """Greedily pack whole tokenized reviews into rows ``start r1 sep r2 sep ... pad``; cut longer ones."""
    rows, row = [], [start]
    for ids in reviews:
        piece = ids[: max_len - 2] + [sep]
        if len(row) + len(piece) > max_len:
            rows.append(row)
            row = [start]
        row += piece
    rows.append(row)
    out = torch.full((len(rows), max_len), pad, dtype=torch.int32)
    for i, r in enumerate(rows):
        out[i, : len(r)] = torch.tensor(r, dtype=torch.int32)
    return out


class Blocks(torch.utils.data.Dataset):
    """Rows of packed token ids as Trainer examples; ``pad`` positions get attention mask 0."""

    def __init__(self, ids: torch.Tensor, pad: int):
        self.ids, self.pad = ids, pad

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, i: int) -> dict[str, torch.Tensor]:
        row = self.ids[i].long()
        return {"input_ids": row, "attention_mask": (row != self.pad).long()}


class Reviews(torch.utils.data.Dataset):
    """One tokenized review per example, ``start review sep`` cut to ``max_len``; the collator pads each batch."""

    def __init__(self, reviews: list[list[int]], max_len: int, start: int, sep: int):
        self.rows = [[start, *ids[: max_len - 2], sep] for ids in reviews]

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i: int) -> dict[str, list[int]]:
        return {"input_ids": self.rows[i]}


def train(
    model: PreTrainedModel,
    collator: Callable,
    recipe: Recipe,
    blocks: Blocks | Reviews,
    trainer_class: type[Trainer] = Trainer,
) -> tuple[Trainer, Any, float, float]:
    """Run ``recipe`` with ``Trainer`` (nothing saved); return it, its result, wall and process CPU seconds."""
    with tempfile.TemporaryDirectory() as work:
        args = TrainingArguments(
            output_dir=work,
            max_steps=recipe.steps,
            per_device_train_batch_size=recipe.batch_size,
            learning_rate=recipe.learning_rate,
            lr_scheduler_type="linear",
            warmup_steps=round(recipe.warmup * recipe.steps),
            weight_decay=recipe.weight_decay,
            adam_beta2=recipe.adam_beta2,
            logging_steps=max(1, recipe.steps // 50),
            save_strategy="no",
            report_to="none",
            seed=recipe.seed,
            dataloader_drop_last=True,
            train_sampling_strategy="random" if recipe.pack else "group_by_length",
            disable_tqdm=True,
        )
        trainer = trainer_class(model=model, args=args, data_collator=collator, train_dataset=blocks)
        t0, cpu0 = time.time(), time.process_time()
        result = trainer.train()
        return trainer, result, time.time() - t0, time.process_time() - cpu0


@torch.no_grad()
def held_out_loss(
    model: PreTrainedModel, blocks: Blocks | Reviews, collator: Callable, batch_size: int, causal: bool
) -> float:
    """Mean loss per predicted token over ``blocks`` (MLM: the masked positions, with fixed random masks)."""
    model.eval()
    torch.manual_seed(0)
    total = count = 0.0
    for i in range(0, len(blocks), batch_size):
        batch = collator([blocks[j] for j in range(i, min(i + batch_size, len(blocks)))])
        labels = batch.pop("labels").to(model.device)
        logits = model(**{k: v.to(model.device) for k, v in batch.items()}).logits
        if causal:
            logits, labels = logits[:, :-1], labels[:, 1:]
        total += F.cross_entropy(logits.flatten(0, 1).float(), labels.flatten(), reduction="sum").item()
        count += (labels != -100).sum().item()
    return total / count


def parse_args(description: str, name: str) -> argparse.Namespace:
    """The scripts' shared command line."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=MODELS / name, help="checkpoint folder (default: %(default)s)")
    parser.add_argument("--corpus", type=Path, nargs="+", default=list(CORPUS), help="review files (.txt[.gz])")
    parser.add_argument("--tokenizer", type=Path, help="reuse the tokenizer saved in this folder, don't train one")
    parser.add_argument("--quick", action="store_true", help="tiny model and run: a smoke test, not a checkpoint")
    parser.add_argument("--time-steps", type=int, help="only time this many training steps (a new tokenizer is saved)")
    parser.add_argument("--threads", type=int, help="torch CPU threads (for --time-steps on a given CPU)")
    parser.add_argument("--set", nargs="+", default=[], metavar="KEY=VALUE", help="change recipe fields (to compare)")
    return parser.parse_args()


def recipe_for(spec: Recipe, args: argparse.Namespace) -> Recipe:
    """``spec`` with ``--quick``, ``--time-steps`` and ``--set`` applied."""
    recipe = replace(spec, **QUICK) if args.quick else spec
    changes = dict(item.split("=", 1) for item in args.set)
    recipe = replace(recipe, **{k: type(getattr(recipe, k))(v) for k, v in changes.items()})
    return replace(recipe, steps=args.time_steps) if args.time_steps else recipe


@dataclass
class Spec:
    """What differs between the two models."""

    recipe: Recipe
    train_tokenizer: Callable  # (reviews, vocab_size) -> tokenizer
    make_model: Callable  # (recipe, tokenizer) -> model
    make_collator: Callable  # (tokenizer) -> collator
    ids: Callable  # (tokenizer) -> (start, sep, pad) ids for packing
    causal: bool
    samples: Callable  # (folder) -> sample outputs of the saved model, for the card
    card: Callable  # (figures) -> model card text
    cpu_steps_per_s: float  # measured with --time-steps on 2 threads; see the script
    trainer_class: type[Trainer] = Trainer  # a subclass may compute the same loss more cheaply


def build(spec: Spec, args: argparse.Namespace) -> dict:
    """Train ``spec``'s tokenizer and model as ``args`` say, save them and the card; return the figures."""
    recipe = recipe_for(spec.recipe, args)
    if args.threads:
        torch.set_num_threads(args.threads)
    set_seed(recipe.seed)
    t0 = time.time()
    train_reviews, val_reviews = split_corpus(args.corpus, recipe.val_fraction, recipe.seed)
    if args.tokenizer:
        tokenizer = AutoTokenizer.from_pretrained(args.tokenizer)
    else:
        tokenizer = spec.train_tokenizer(train_reviews, recipe.vocab_size)
        tokenizer.model_max_length = recipe.max_len
        tokenizer.save_pretrained(args.out)
    start, sep, pad = spec.ids(tokenizer)
    encoded = {
        part: tokenizer(reviews, add_special_tokens=False)["input_ids"]
        for part, reviews in (("train", train_reviews), ("val", val_reviews))
    }
    blocks = {
        part: Blocks(pack(ids, recipe.max_len, start, sep, pad), pad)
        if recipe.pack
        else Reviews(ids, recipe.max_len, start, sep)
        for part, ids in encoded.items()
    }
    lengths = sorted(len(ids) for ids in encoded["train"])
    figures = {
        "vocab": len(tokenizer),
        "tokenizer_reused": bool(args.tokenizer),
        "special_tokens": {t: tokenizer.convert_tokens_to_ids(t) for t in tokenizer.all_special_tokens},
        "unk_rate": sum(ids.count(tokenizer.unk_token_id) for ids in encoded["val"]) / sum(map(len, encoded["val"])),
        "reviews": {"train": len(train_reviews), "held_out": len(val_reviews)},
        "tokens_per_review": {f"p{q:g}": lengths[int(q / 100 * (len(lengths) - 1))] for q in (50, 90, 99, 100)},
        "tokens": {part: sum(map(len, ids)) for part, ids in encoded.items()},
        "blocks": {part: len(b) for part, b in blocks.items()},
        "prepare_s": round(time.time() - t0, 1),
    }
    print(json.dumps(figures), flush=True)

    model = spec.make_model(recipe, tokenizer)
    collator = spec.make_collator(tokenizer)
    trainer, result, train_s, cpu_s = train(model, collator, recipe, blocks["train"], spec.trainer_class)
    if args.time_steps:
        # On a shared machine wall time overstates; CPU time / threads is the wall time on idle cores.
        threads = torch.get_num_threads()
        rate, rate_cpu = recipe.steps / train_s, recipe.steps / (cpu_s / threads)
        print(f"{recipe.steps} steps on {threads} threads: {train_s:.1f} s wall ({rate:.3f} steps/s), {cpu_s:.1f} "
              f"CPU-s ({rate_cpu:.3f} steps/s on idle cores); {spec.recipe.steps} steps: "
              f"{spec.recipe.steps / rate / 60:.0f} / {spec.recipe.steps / rate_cpu / 60:.0f} min", flush=True)
        return {"steps_per_s": rate, "steps_per_cpu_s": rate_cpu}

    t0 = time.time()
    val_loss = held_out_loss(model, blocks["val"], collator, 4 * recipe.batch_size, spec.causal)
    figures.update(
        recipe=asdict(recipe),
        params=sum(p.numel() for p in model.parameters()),
        device=torch.cuda.get_device_name() if torch.cuda.is_available() else f"CPU, {torch.get_num_threads()} threads",
        train_s=round(train_s, 1),
        eval_s=round(time.time() - t0, 1),
        final_train_loss=round(result.training_loss, 4),  # mean over the run, as Trainer reports it
        last_logged_loss=round([h["loss"] for h in trainer.state.log_history if "loss" in h][-1], 4),
        held_out_loss=round(val_loss, 4),
        held_out_perplexity=round(math.exp(val_loss), 2),
        cpu_steps_per_s=spec.cpu_steps_per_s,
        loss_curve=[(h["step"], h["loss"]) for h in trainer.state.log_history if "loss" in h],
    )
    model.config.use_cache = spec.causal  # Trainer turns the KV cache off for training
    model.save_pretrained(args.out)
    tokenizer.save_pretrained(args.out)
    figures["size_mb"] = round((args.out / "model.safetensors").stat().st_size / 1e6, 2)
    figures["samples"] = spec.samples(args.out)
    (args.out / "training_log.json").write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n")
    (args.out / "README.md").write_text(spec.card(figures))
    print(json.dumps({k: v for k, v in figures.items() if k != "loss_curve"}, ensure_ascii=False), flush=True)
    return figures


def card_common(figures: dict, name: str) -> dict[str, str]:
    """Markdown pieces both model cards use: recipe table, budget sentence, loss curve, data, licence."""
    r = figures["recipe"]
    recipe = "\n".join(f"| `{k}` | {v} |" for k, v in r.items())
    minutes = r["steps"] / figures["cpu_steps_per_s"] / 60
    curve = figures["loss_curve"]
    picks = [curve[i] for i in sorted({round(i * (len(curve) - 1) / 9) for i in range(10)})]
    lengths = figures["tokens_per_review"]
    unit = f"blocks of {r['max_len']} tokens" if r.get("pack", True) else "reviews"
    return {
        "recipe": "| setting | value |\n| --- | --- |\n" + recipe,
        "budget": (
            f"Budget: {r['steps']:,} steps of {r['batch_size']} {unit}. Measured "
            f"{figures['cpu_steps_per_s']} steps/s on 2 CPU threads (how: `CPU_STEPS_PER_S` in the build script), "
            f"so about {minutes:.0f} min on a 2-core CPU; this checkpoint trained on {figures['device']} in "
            f"{figures['train_s'] / 60:.1f} min (held-out evaluation {figures['eval_s']:.0f} s more)."
        ),
        "curve": "| step | training loss |\n| --- | --- |\n" + "\n".join(f"| {s} | {loss:.3f} |" for s, loss in picks),
        "data": (
            "NSMC's 512K unlabeled reviews (`data/nsmc/unlabeled_reviews.txt.gz`) and the 150K reviews of the "
            f"training split, never the test split: {figures['reviews']['train']:,} reviews "
            f"({figures['tokens']['train']:,} tokens) for training, {figures['reviews']['held_out']:,} "
            f"({r['val_fraction']:.0%}, shuffled with seed {r['seed']}) held out. Tokens per review: median "
            f"{lengths['p50']}, 90th percentile {lengths['p90']}, 99th {lengths['p99']}, longest "
            f"{lengths['p100']}; "
            + (
                f"reviews are packed whole into blocks of {r['max_len']} "
                f"({figures['blocks']['train']:,} training blocks)."
                if r.get("pack", True)
                else f"each review is one example, cut at {r['max_len']} tokens with the special ones, in batches of "
                "reviews of similar length (`Trainer`'s `group_by_length` sampling)."
            )
        ),
        "licence": (
            "CC0 1.0 (public domain dedication), as the NSMC data it is trained on (e9t/nsmc, CC0 1.0). "
            "It is a teaching model: small, trained for about a CPU-hour, with the biases of movie-review "
            "comments."
        ),
        "rebuild": f"`python data/build_{name}.py` (seeded; `--help` for options)"
        + (
            ". This checkpoint reused (`--tokenizer`) the tokenizer that the same script had trained before"
            if figures["tokenizer_reused"]
            else ""
        ),
    }
