"""Build ``data/models/nsmc-gpt-mini``: a byte-level BPE vocabulary and a small GPT-2 pretrained on NSMC.

    python data/build_gpt_mini.py                   # the shipped checkpoint: about a CPU-hour, minutes on a GPU
    python data/build_gpt_mini.py --time-steps 30 --threads 2    # time the recipe on a CPU
    python data/build_gpt_mini.py --quick --corpus reviews.txt --out /tmp/gpt    # smoke run (the tests)
"""

from __future__ import annotations

import json
from pathlib import Path

import pretrain
from tokenizers import Tokenizer, models, pre_tokenizers, trainers
from transformers import DataCollatorForLanguageModeling, GPT2Config, GPT2LMHeadModel, GPT2Tokenizer, pipeline, set_seed

NAME = "nsmc-gpt-mini"
RECIPE = pretrain.Recipe(
    vocab_size=8000,
    max_len=128,
    hidden=192,
    layers=4,
    heads=4,
    steps=2700,
    batch_size=32,
    learning_rate=1e-3,
)
# `--time-steps 20 --threads 2` on 2 otherwise idle threads of a server CPU (the GPU host): 20 steps in 27.0 s.
# The course's 2-core build machine, shared by 8 jobs, gave about half that rate per CPU-second.
CPU_STEPS_PER_S = 0.74  # so the steps above take about an hour on a 2-core CPU
EOS, PAD = "<|endoftext|>", "<pad>"  # EOS also serves as BOS, as in GPT-2; PAD is its own token
PROMPTS = ("이 영화", "배우들 연기는", "솔직히 말해서")
GENERATE = {
    "greedy": {"do_sample": False},
    "beam": {"do_sample": False, "num_beams": 4, "no_repeat_ngram_size": 3},
    "sampling": {"do_sample": True, "top_p": 0.9, "temperature": 0.8},
}


def train_tokenizer(reviews: list[str], vocab_size: int) -> GPT2Tokenizer:
    """Byte-level BPE on ``reviews`` as GPT-2's; the tokenizer puts ``<|endoftext|>`` before each text."""
    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, special_tokens=[EOS, PAD], initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    bpe.train_from_iterator(reviews, trainer)
    model = json.loads(bpe.to_str())["model"]
    merges = [tuple(merge) for merge in model["merges"]]
    return GPT2Tokenizer(vocab=model["vocab"], merges=merges, pad_token=PAD, add_bos_token=True)


def make_model(recipe: pretrain.Recipe, tokenizer: GPT2Tokenizer) -> GPT2LMHeadModel:
    config = GPT2Config(
        vocab_size=len(tokenizer),
        n_positions=recipe.max_len,
        n_embd=recipe.hidden,
        n_layer=recipe.layers,
        n_head=recipe.heads,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        resid_pdrop=recipe.dropout,
        embd_pdrop=recipe.dropout,
        attn_pdrop=recipe.dropout,
    )
    return GPT2LMHeadModel(config)  # the output layer is tied to the token embeddings


def make_collator(tokenizer: GPT2Tokenizer) -> DataCollatorForLanguageModeling:
    """Labels are the inputs (the model shifts them); padding is not predicted."""
    return DataCollatorForLanguageModeling(tokenizer, mlm=False)


def samples(folder: Path) -> list[dict]:
    """Greedy, beam and (seeded) sampled continuations of each prompt, on the CPU."""
    generate = pipeline("text-generation", model=str(folder), device="cpu")
    out = []
    for prompt in PROMPTS:
        for how, kwargs in GENERATE.items():
            set_seed(0)
            text = generate(prompt, max_new_tokens=40, **kwargs)[0]["generated_text"]
            out.append({"prompt": prompt, "decoding": how, "text": text})
    return out


def card(f: dict) -> str:
    c, r = pretrain.card_common(f, "gpt_mini"), f["recipe"]
    rows = "\n".join(f"| {s['decoding']} | {s['text'].replace('|', '&#124;')} |" for s in f["samples"])
    settings = "; ".join(f"{how}: `{kwargs}`" for how, kwargs in GENERATE.items())
    return f"""---
language: ko
license: cc0-1.0
library_name: transformers
pipeline_tag: text-generation
tags: [gpt2, nsmc, korean, teaching]
---
# {NAME}

A small Korean GPT-2-style language model ({f["params"] / 1e6:.2f}M parameters, {f["size_mb"]} MB of fp32 weights)
pretrained on Naver Sentiment Movie Corpus (NSMC) reviews, for the course's Lab 06 (decoding). It writes
movie-review Korean only; it is not a general Korean model.

```python
import nlpcourse
from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline

path = nlpcourse.gpt_mini_path()
tokenizer = AutoTokenizer.from_pretrained(path)
model = AutoModelForCausalLM.from_pretrained(path)
ids = tokenizer("{PROMPTS[0]}", return_tensors="pt")  # starts with <|endoftext|>, as every training review did
out = model.generate(**ids, max_new_tokens=40, do_sample=True, top_p=0.9)
print(tokenizer.decode(out[0], skip_special_tokens=True))
pipeline("text-generation", model=str(path))("{PROMPTS[0]}", max_new_tokens=40)
```

## Model
`GPT2LMHeadModel`: {r["layers"]} layers, hidden size {r["hidden"]}, {r["heads"]} attention heads, feed-forward
{4 * r["hidden"]}, {r["max_len"]} positions (prompt plus new tokens must fit), vocabulary {f["vocab"]:,}; the output
layer is tied to the token embeddings.

## Tokenizer
Byte-level BPE (GPT-2's pre-tokenizer and byte alphabet) trained with `tokenizers` on the training reviews.
`<|endoftext|>` (id {f["special_tokens"][EOS]}) is BOS, EOS and UNK, as in GPT-2; the tokenizer adds it in front of
each text (`add_bos_token`), and generation stops when the model writes it. `<pad>` (id {f["special_tokens"][PAD]})
pads. Any text round-trips exactly (bytes, so no unknown tokens).

## Data
{c["data"]} In a block every review is preceded by `<|endoftext|>` and followed by it, so the model learns to
start and to end a review.

## Training
Causal language modelling (`DataCollatorForLanguageModeling(mlm=False)`, padding not predicted) with `Trainer`:
AdamW, learning rate {r["learning_rate"]} with {r["warmup"]:.0%} warm-up and linear decay, weight decay
{r["weight_decay"]}, β₂ {r["adam_beta2"]}, dropout {r["dropout"]}, fp32, seed {r["seed"]}.
{c["budget"]}

{c["recipe"]}

## Results
Training loss {f["last_logged_loss"]:.3f} at the end (mean over the run {f["final_train_loss"]:.3f}).
**Validation perplexity {f["held_out_perplexity"]:.1f}** (loss {f["held_out_loss"]:.3f} per token) on the
{f["reviews"]["held_out"]:,} held-out reviews ({f["tokens"]["val"]:,} tokens; the `<|endoftext|>` separators are
predicted too). Perplexity per BPE token: compare it only with models that use this tokenizer.

{c["curve"]}

Continuations (`pipeline("text-generation")`, 40 new tokens at most; {settings}; seed 0):

| decoding | text |
| --- | --- |
{rows}

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
    ids=lambda tok: (tok.bos_token_id, tok.eos_token_id, tok.pad_token_id),
    causal=True,
    samples=samples,
    card=card,
    cpu_steps_per_s=CPU_STEPS_PER_S,
)

if __name__ == "__main__":
    pretrain.build(SPEC, pretrain.parse_args(__doc__, NAME))
