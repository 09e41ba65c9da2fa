"""Build ``data/models/nsmc-simcse-mini``: a sentence encoder trained with unsupervised SimCSE from nsmc-bert-mini.

    python data/build_sentence_encoder.py                      # the shipped encoder: 300 steps (see the card)
    python data/build_sentence_encoder.py --quick --corpus reviews.txt --out /tmp/enc   # smoke run (the tests)

Unsupervised SimCSE (Gao et al., 2021): each review is encoded twice with dropout on, the two mean-pooled,
normalised vectors are a positive pair, and the other reviews of the batch are the negatives (InfoNCE with
temperature 0.05). The encoder is ``BertModel`` (the MLM head dropped); a sentence vector is the mean of the last
hidden states over the real tokens (attention mask 1), L2-normalised: the pooling Lab 10 asks students to write.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import pretrain
import torch
import torch.nn.functional as F
from transformers import AutoTokenizer, BertModel

NAME = "nsmc-simcse-mini"
SOURCE = pretrain.MODELS / "nsmc-bert-mini"
RECIPE = {
    "steps": 300,
    "batch_size": 32,  # 31 in-batch negatives per review
    "max_len": 64,
    "learning_rate": 1e-4,  # SimCSE used 3e-5 for BERT-base; a small model from a short MLM run takes more
    "temperature": 0.05,
    "dropout": 0.1,  # the only augmentation: two passes, two dropout masks
    "seed": 42,
}
QUICK = {"steps": 3, "batch_size": 8}
EVAL_N = 1000  # held-out reviews for the perturbed-copy retrieval check


def mean_pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Mean of ``hidden`` (B, T, H) over positions where ``mask`` (B, T) is 1, L2-normalised."""
    m = mask.unsqueeze(-1).to(hidden.dtype)
    return F.normalize((hidden * m).sum(1) / m.sum(1).clamp(min=1e-9), dim=-1)


def encode(model: BertModel, tokenizer, texts: list[str], max_len: int, batch_size: int = 256) -> torch.Tensor:
    model.eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(texts), batch_size):
            batch = tokenizer(texts[i : i + batch_size], padding=True, truncation=True, max_length=max_len,
                              return_tensors="pt")
            out.append(mean_pool(model(**batch).last_hidden_state, batch["attention_mask"]))
    return torch.cat(out)


def perturb(text: str, rng: random.Random) -> str:
    """A noisy copy: drop about one word in five (never all) and the trailing punctuation."""
    words = text.split()
    kept = [w for w in words if rng.random() > 0.2] or words[:1]
    return " ".join(kept).rstrip(".!?~ ")


def copy_retrieval(model: BertModel, tokenizer, reviews: list[str], max_len: int) -> dict[str, float]:
    """Each perturbed review queries the originals: top-1 accuracy and MRR of its own original."""
    rng = random.Random(0)
    queries = [perturb(r, rng) for r in reviews]
    sims = encode(model, tokenizer, queries, max_len) @ encode(model, tokenizer, reviews, max_len).T
    rank = (sims > sims.diagonal().unsqueeze(1)).sum(1) + 1
    return {"top1": round((rank == 1).float().mean().item(), 4), "mrr": round((1 / rank.float()).mean().item(), 4)}


def train(model: BertModel, tokenizer, reviews: list[str], r: dict) -> tuple[list[dict], float]:
    torch.manual_seed(r["seed"])
    rng = random.Random(r["seed"])
    opt = torch.optim.AdamW(model.parameters(), lr=r["learning_rate"], weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 1 - s / r["steps"])
    log, t0 = [], time.time()
    model.train()
    for step in range(1, r["steps"] + 1):
        batch = tokenizer(rng.sample(reviews, r["batch_size"]), padding=True, truncation=True,
                          max_length=r["max_len"], return_tensors="pt")
        z1 = mean_pool(model(**batch).last_hidden_state, batch["attention_mask"])
        z2 = mean_pool(model(**batch).last_hidden_state, batch["attention_mask"])
        loss = F.cross_entropy(z1 @ z2.T / r["temperature"], torch.arange(len(z1)))
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        if step % max(1, r["steps"] // 30) == 0 or step == r["steps"]:
            log.append({"step": step, "loss": round(loss.item(), 4), "seconds": round(time.time() - t0, 1)})
            print(log[-1], flush=True)
    return log, time.time() - t0


def card(f: dict) -> str:
    r = f["recipe"]
    threads = f"{f['threads']} CPU thread" + ("s" if f["threads"] > 1 else "")
    verdict = ("SimCSE improved the check." if f["after"]["mrr"] > f["before"]["mrr"]
               else "SimCSE did not improve the check (a few reviews of 1,000 apart).")
    return f"""---
language: ko
license: cc0-1.0
library_name: transformers
pipeline_tag: feature-extraction
tags: [bert, simcse, sentence-embeddings, nsmc, korean, teaching]
---
# {NAME}

A small Korean sentence encoder ({f["params"] / 1e6:.2f}M parameters, {f["size_mb"]} MB) for the course's Lab 10
(dense retrieval): `nsmc-bert-mini` trained further with unsupervised SimCSE on NSMC reviews. A sentence vector is
the mean of the last hidden states over the real tokens (attention mask 1), L2-normalised; cosine similarity is
then a dot product.

```python
import torch, torch.nn.functional as F
from transformers import AutoModel, AutoTokenizer
import nlpcourse

path = nlpcourse.sentence_encoder_path()
tok = AutoTokenizer.from_pretrained(path)
model = AutoModel.from_pretrained(path, add_pooling_layer=False).eval()
batch = tok(["배우 연기가 좋았다", "연기 최고"], padding=True, return_tensors="pt")
h = model(**batch).last_hidden_state
m = batch["attention_mask"].unsqueeze(-1).float()
vectors = F.normalize((h * m).sum(1) / m.sum(1), dim=-1)
```

## Training
Unsupervised SimCSE: each batch of {r["batch_size"]} training reviews (up to {r["max_len"]} tokens) is encoded twice
with dropout {r["dropout"]}; InfoNCE over the batch with temperature {r["temperature"]}, AdamW, learning rate
{r["learning_rate"]} decaying linearly to 0, {r["steps"]:,} steps, seed {r["seed"]}. Reviews: NSMC's unlabeled
reviews and training split (never the test split), {f["held_out"]:,} held out. {f["minutes"]:.1f} minutes on
{threads} (`nice`, the course's shared 2-core machine). Loss {f["log"][0]["loss"]:.3f} at step
{f["log"][0]["step"]}, {f["log"][-1]["loss"]:.3f} at the end.

## Results
Each of {EVAL_N:,} held-out reviews, with about a fifth of its words dropped, queries the {EVAL_N:,} originals
(`copy_retrieval` in the build script): top-1 accuracy / MRR of its own original.

| encoder | top-1 | MRR |
| --- | --- | --- |
| nsmc-bert-mini, mean-pooled (before) | {f["before"]["top1"]:.3f} | {f["before"]["mrr"]:.3f} |
| {NAME} (after) | {f["after"]["top1"]:.3f} | {f["after"]["mrr"]:.3f} |

{verdict} The check is mostly lexical (the copy keeps four words in five), where mean-pooled MLM states are already
good; what SimCSE is meant to add, closer vectors for reviews that say the same thing in other words, it does not
measure, and this budget ({r["steps"]:,} steps of {r["batch_size"]}) is a small fraction of the original recipe's.

## Limitations
A teaching model trained for minutes on movie-review comments: its WordPiece vocabulary ({f["vocab"]:,} tokens) was
learnt from NSMC, so technical Korean and English prose fall apart into short pieces and `[UNK]`, and it has seen no
question-answer pairs. In Lab 10 it retrieves course prose worse than BM25; hybrid retrieval and the full-mode
multilingual embedder are the remedies the lab measures.

## Licence
Weights: CC0, like nsmc-bert-mini; NSMC is CC0 as well.

## Rebuild
`python data/build_sentence_encoder.py` (`--threads`, `--steps` to change the budget). Figures and the loss curve:
`training_log.json`.
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, nargs="*", default=list(pretrain.CORPUS))
    ap.add_argument("--out", type=Path, default=pretrain.MODELS / NAME)
    ap.add_argument("--source", type=Path, default=SOURCE)
    ap.add_argument("--steps", type=int)
    ap.add_argument("--threads", type=int, default=1)  # one thread: a busy shared machine wastes more on spinning
    ap.add_argument("--quick", action="store_true")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    r = {**RECIPE, **(QUICK if args.quick else {}), **({"steps": args.steps} if args.steps else {})}
    reviews, held_out = pretrain.split_corpus(args.corpus, 0.02, r["seed"])
    held_out = held_out[:EVAL_N]
    tokenizer = AutoTokenizer.from_pretrained(args.source)
    model = BertModel.from_pretrained(args.source, hidden_dropout_prob=r["dropout"],
                                      attention_probs_dropout_prob=r["dropout"], add_pooling_layer=False)
    before = copy_retrieval(model, tokenizer, held_out, r["max_len"])
    log, seconds = train(model, tokenizer, reviews, r)
    after = copy_retrieval(model, tokenizer, held_out, r["max_len"])
    model.config.hidden_dropout_prob = model.config.attention_probs_dropout_prob = 0.0
    model.config.architectures = ["BertModel"]
    args.out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(args.out)
    tokenizer.save_pretrained(args.out)
    figures = {
        "name": NAME, "recipe": r, "params": sum(p.numel() for p in model.parameters()),
        "size_mb": round((args.out / "model.safetensors").stat().st_size / 1e6, 1), "vocab": len(tokenizer),
        "held_out": len(held_out), "threads": args.threads, "minutes": round(seconds / 60, 1),
        "before": before, "after": after, "log": log,
    }
    (args.out / "training_log.json").write_text(json.dumps(figures, indent=1) + "\n")
    (args.out / "README.md").write_text(card(figures))
    print(json.dumps({k: figures[k] for k in ("before", "after", "minutes", "size_mb")}))


if __name__ == "__main__":
    main()
