"""Build ``data/models/nsmc-bert-mini``: a WordPiece vocabulary and a small BERT pretrained with MLM on NSMC.

    python data/build_bert_mini.py                  # the shipped checkpoint: about a CPU-hour, minutes on a GPU
    python data/build_bert_mini.py --time-steps 30 --threads 2   # time the recipe on a CPU
    python data/build_bert_mini.py --quick --corpus reviews.txt --out /tmp/bert   # smoke run (the tests)
"""

from __future__ import annotations

import math
from pathlib import Path

import pretrain
import torch.nn.functional as F
from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers
from transformers import (
    BertConfig,
    BertForMaskedLM,
    BertTokenizer,
    DataCollatorForLanguageModeling,
    Trainer,
    pipeline,
)

NAME = "nsmc-bert-mini"
# Hidden 192 (not 256) keeps the weights at 13.5 MB instead of 21 MB. One review per example (pack=False), not
# reviews packed into blocks of 128 tokens: packed, early attention averages over half a dozen unrelated reviews and the
# MLM loss sat on the unigram plateau (6.8-6.9) for 3,000 steps of 32 blocks (held-out 6.75; the same with learning
# rate 5e-4 or 2e-3, dropout 0.1 or beta2 0.999). A 7,000-step packed run on this 2-core CPU (77 min) left it near
# step 3,000 and ended at 5.30, yet fine-tuned on 2,000 labels (benchmarks/lab05_bert.py) it only matched random
# weights (0.7257 vs 0.7279). One review a row, 192 reviews of similar length a step (about the tokens of 32 blocks),
# leaves the plateau within 500 steps.
RECIPE = pretrain.Recipe(
    vocab_size=8000,
    max_len=128,
    hidden=192,
    layers=4,
    heads=4,
    steps=4000,
    batch_size=192,
    learning_rate=1e-3,
    pack=False,
)
# Steps/s on the course's 2-core machine, idle: 1.50 over the 4,000-step build of the shipped checkpoint (44.6 min;
# `--time-steps 40 --threads 2`: 1.42). MaskedHeadTrainer about doubles the rate: with packed blocks, 1.77 steps/s vs
# 0.96 with Trainer's default loss (the MLM head on every position), beside a low-priority job.
CPU_STEPS_PER_S = 1.5  # so the steps above take about 45 minutes on a 2-core CPU
ALPHABET = 2000  # characters kept; the rarest (hanja, emoji) become [UNK]
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
PROMPTS = (
    "이 영화 정말 [MASK] .",
    "배우들 연기가 [MASK] 좋았다",
    "[MASK] 영화 보지 마세요",
    "스토리가 너무 [MASK] 지루했다",
    "시간 가는 줄 모르고 [MASK] 봤어요",
)


def train_tokenizer(reviews: list[str], vocab_size: int) -> BertTokenizer:
    """WordPiece on ``reviews`` with BERT's normalizer and pre-tokenizer, lower-cased, accents kept.

    Stripping accents would decompose (NFD) every Hangul syllable into jamo. Without ``limit_alphabet`` the
    vocabulary would be mostly single characters and their ``##`` twins (7,400 of 8,000).
    """
    wordpiece = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    wordpiece.normalizer = normalizers.BertNormalizer(lowercase=True, strip_accents=False)
    wordpiece.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    trainer = trainers.WordPieceTrainer(vocab_size=vocab_size, limit_alphabet=ALPHABET, special_tokens=SPECIAL)
    wordpiece.train_from_iterator(reviews, trainer)
    return BertTokenizer(vocab=wordpiece.get_vocab(), do_lower_case=True, strip_accents=False)


def make_model(recipe: pretrain.Recipe, tokenizer: BertTokenizer) -> BertForMaskedLM:
    config = BertConfig(
        vocab_size=len(tokenizer),
        hidden_size=recipe.hidden,
        num_hidden_layers=recipe.layers,
        num_attention_heads=recipe.heads,
        intermediate_size=4 * recipe.hidden,
        max_position_embeddings=recipe.max_len,
        hidden_dropout_prob=recipe.dropout,
        attention_probs_dropout_prob=recipe.dropout,
        pad_token_id=tokenizer.pad_token_id,
    )
    return BertForMaskedLM(config)  # the MLM decoder is tied to the word embeddings


def make_collator(tokenizer: BertTokenizer) -> DataCollatorForLanguageModeling:
    """15% of the tokens are predicted: 80% of them shown as [MASK], 10% as a random token, 10% unchanged."""
    return DataCollatorForLanguageModeling(tokenizer, mlm=True, mlm_probability=0.15)


class MaskedHeadTrainer(Trainer):
    """``Trainer`` whose loss runs the MLM head on the masked positions only.

    The same loss as ``BertForMaskedLM``'s own (mean cross-entropy over the masked tokens), without projecting
    the other 85% of the positions onto the vocabulary, which is most of a small BERT's compute.
    """

    def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
        labels = inputs.pop("labels")
        hidden = model.bert(**inputs).last_hidden_state
        masked = labels != -100
        loss = F.cross_entropy(model.cls(hidden[masked]), labels[masked])
        return (loss, None) if return_outputs else loss


def samples(folder: Path) -> list[dict]:
    """The fill-mask pipeline's top 3 for each prompt, on the CPU."""
    fill = pipeline("fill-mask", model=str(folder), device="cpu")
    return [
        {"prompt": p, "top": [(t["token_str"], round(t["score"], 3)) for t in fill(p, top_k=3)]} for p in PROMPTS
    ]


def card(f: dict) -> str:
    c, r = pretrain.card_common(f, "bert_mini"), f["recipe"]
    rows = "\n".join(
        f"| `{s['prompt']}` | " + ", ".join(f"{tok} ({p:.2f})" for tok, p in s["top"]) + " |" for s in f["samples"]
    )
    return f"""---
language: ko
license: cc0-1.0
library_name: transformers
pipeline_tag: fill-mask
tags: [bert, nsmc, korean, teaching]
---
# {NAME}

A small Korean BERT ({f["params"] / 1e6:.2f}M parameters, {f["size_mb"]} MB of fp32 weights) pretrained with masked
language modelling on Naver Sentiment Movie Corpus (NSMC) reviews, for the course's Lab 05 (fine-tuning for NSMC
sentiment). It knows movie-review Korean only; it is not a general Korean model.

```python
import nlpcourse
from transformers import AutoModelForSequenceClassification, AutoTokenizer, pipeline

path = nlpcourse.bert_mini_path()
tokenizer = AutoTokenizer.from_pretrained(path)
model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=2)
pipeline("fill-mask", model=str(path))("{PROMPTS[0]}")
```

## Model
`BertForMaskedLM`: {r["layers"]} layers, hidden size {r["hidden"]}, {r["heads"]} attention heads, feed-forward
{4 * r["hidden"]}, {r["max_len"]} positions, vocabulary {f["vocab"]:,}; the MLM decoder is tied to the word
embeddings. There is no pooler (no next-sentence task), so `AutoModelForSequenceClassification` starts the pooler
and the classifier from random weights and says so; fine-tuning trains them.

## Tokenizer
WordPiece trained with `tokenizers` on the training reviews: BERT's special tokens (`[PAD] [UNK] [CLS] [SEP]
[MASK]`), lower-cased, accents kept (stripping them would split Hangul syllables into jamo), the {ALPHABET:,} most
frequent characters as the alphabet: {f["unk_rate"]:.2%} of the held-out tokens are `[UNK]`.

## Data
{c["data"]}

## Training
Masked language modelling with `DataCollatorForLanguageModeling` (15% of the tokens; 80% `[MASK]`, 10% random,
10% unchanged) and `Trainer`: AdamW, learning rate {r["learning_rate"]} with {r["warmup"]:.0%} warm-up and
linear decay, β₂ {r["adam_beta2"]}, weight decay {r["weight_decay"]}, dropout {r["dropout"]}, fp32, seed {r["seed"]}.
{c["budget"]}

{c["recipe"]}

## Results
Training loss {f["last_logged_loss"]:.3f} at the end (mean over the run {f["final_train_loss"]:.3f}); held-out MLM
loss {f["held_out_loss"]:.3f} per masked token (perplexity {f["held_out_perplexity"]:.1f}).

{c["curve"]}

Fill-mask on a few reviews (`pipeline("fill-mask")`, top 3 with probabilities):

| review | top 3 |
| --- | --- |
{rows}

## Limitations
A teaching model: small, pretrained for about a CPU-hour on movie-review comments only. Its held-out MLM loss
({f["held_out_loss"]:.2f}, against ln {f["vocab"]:,} = {math.log(f["vocab"]):.2f} for a uniform guess) is far from a
real BERT's, and it knows nothing outside movie-review Korean. No pretraining loss reads the `[CLS]` vector (MLM
only), so a classifier on it has more to learn than on a BERT pretrained with NSP. Each training example is one
review: an
earlier recipe packed several reviews into each block of {r["max_len"]} tokens and stayed for thousands of steps on
the plateau where a masked language model predicts frequent tokens whatever the context (see `RECIPE` in the build
script).

## Licence
{c["licence"]}

## Rebuild
{c["rebuild"]}. Full figures and the loss curve: `training_log.json`.
"""


SPEC = pretrain.Spec(
    recipe=RECIPE,
    train_tokenizer=train_tokenizer,
    make_model=make_model,
    make_collator=make_collator,
    ids=lambda tok: (tok.cls_token_id, tok.sep_token_id, tok.pad_token_id),
    causal=False,
    samples=samples,
    card=card,
    cpu_steps_per_s=CPU_STEPS_PER_S,
    trainer_class=MaskedHeadTrainer,
)

if __name__ == "__main__":
    pretrain.build(SPEC, pretrain.parse_args(__doc__, NAME))
