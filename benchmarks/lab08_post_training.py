"""Lab 08's numbers: zero-shot vs few-shot vs LoRA SFT vs full fine-tuning on NSMC, then DPO on the LoRA SFT model.

    python benchmarks/lab08_post_training.py                          # nsmc-gpt-mini, all 50,000 test reviews
    python benchmarks/lab08_post_training.py --test 2000 --threads 2  # a sample of the test split
    python benchmarks/lab08_post_training.py --sample                 # seconds: a smoke run of every row
    python benchmarks/lab08_post_training.py --model Qwen/Qwen2.5-0.5B-Instruct   # full mode's model (GPU)
    python benchmarks/lab08_post_training.py --loss label --lora-targets c_attn --r 8 --warmup 0  # other recipes

Accuracy is constrained choice, as in the lab: the summed log-probability of the assistant turn "부정" against "긍정"
after the chat template's generation prompt. Few-shot puts ``--shots`` label-balanced training reviews in front as
user/assistant turns (Lab 07's prompt); ``1st tok`` compares only the answers' first tokens (" 부", " 긍"), where they
part. LoRA SFT and full fine-tuning both run ``trl``'s ``SFTTrainer`` on the same reviews, steps, batch size and loss
(``--loss label``: the loss on the label's first token only, pre-tokenized rows; ``--loss completion``: ``trl``'s loss
on the whole answer and its end token; LoRA ``--r`` with alpha = 2 r on ``--lora-targets``, default r 2 on every
linear layer of the blocks; ``--warmup`` steps of linear warm-up, then the ``--scheduler``, default cosine). Time is
the training wall time; peak memory is the peak resident memory of this process sampled during training on a CPU (it
includes the loaded model and data), or ``torch.cuda.max_memory_allocated`` on a GPU.

DPO puts a fresh LoRA (r 8 on the attention) on the merged LoRA SFT model and trains ``trl``'s ``DPOTrainer`` on
the lab's rule-made pairs (chosen: the right label as a polite sentence, "긍정입니다."; rejected: the wrong label
politely or the right label bare), at ``--dpo-lr``, with an SFT term of weight ``--dpo-sft`` added to the sigmoid loss
(``trl``'s ``loss_type=["sigmoid", "sft"]``: the mean NLL of the chosen answers' tokens, the RPO recipe; 0 gives pure
DPO).
Reward accuracy and margin are measured on held-out pairs with beta * log(pi / pi_ref); the KL to the reference is the
mean of log pi(y) - log pi_ref(y) over answers y sampled from the policy; the preferred-behaviour rate is the fraction
of greedy answers containing "입니다."; forgetting is the NSMC accuracy after SFT minus after DPO.

Measured 2026-12-07 on the course's 2-core CPU (1 thread; the other core ran tests or a second run part of the time),
the defaults on a sample of the test split (``--train 16000 --test 2000 --steps 1000 --batch 16 --shots 2 --pairs 512
--heldout 64 --threads 1``). The four SFT rows come from a run with ``--dpo-steps 32`` (44 min wall); the DPO table
from a second run with ``--dpo-steps 96 --no-baselines --no-full-ft``, whose LoRA SFT reached the same 0.8025 (seed
42; 983 s of training, the other core busy with the next run):

    method                accuracy  1st tok  train s    trainable   share  peak MB
    zero-shot               0.5155   0.5155        0            0   0.00%        0
    few-shot (2)            0.5155   0.5155        0            0   0.00%        0
    LoRA SFT (r=2)          0.8025   0.8025      897       24,576   0.74%     1378
    full fine-tuning        0.8330   0.8330      864    3,340,416 100.00%     1344

    DPO: 96 steps x 16 of 512 pairs, beta 0.1, lr 0.001, SFT term 0.1, 256 s; 64 held-out pairs
                                       before    after
    reward accuracy (held-out)          0.000    0.953
    reward margin                       0.000    1.510
    KL to the reference (sampled)       0.000   18.102
    preferred behaviour (입니다.)       0.000    0.719
    NSMC accuracy (forgetting)         0.8025   0.7995

    aims: LoRA SFT >= 0.80: met, LoRA SFT <= 20 min: met, LoRA <= 1% trainable: met,
          LoRA within 2 points of full: MISSED, DPO reward accuracy >= 0.90: met

LoRA SFT reaches 0.8025 in 15 minutes with 0.74% of the parameters; on 2,000 reviews the 95% interval of an accuracy
near 0.80 is about +-0.018, so "at least 0.80" is met by the point estimate, not beyond doubt, and all 50,000 reviews
were not run (the evaluation alone takes about 80 s per 1,000 reviews and method here). Full fine-tuning is 3.05
points better (aim: within 2). Four LoRA runs tried to close the gap, none quite enough: twice the learning rate
and 20% more steps (``--train 19200 --steps 1200 --lr 6e-3 --no-baselines --no-full-ft --no-dpo``, beside a CI run,
so its 1,647 s of training are not comparable) reached 0.8050; training the layer norms beside LoRA (``--lora-norms
--no-baselines --no-full-ft --no-dpo``: 28,032 trainable, 0.84%) reached 0.8080 in 984 s, 0.8000 with ``--lr 6e-3``
(984 s), and 0.8120 without LoRA dropout (``--lora-dropout 0``, 931 s), 2.1 points below full fine-tuning: short of
the aim by 0.1 point, well inside the noise of 2,000 reviews, so neither met nor clearly missed. These last three
ran two at a time, one thread each. Within 1% of the parameters, r 2 on every linear layer (plus the norms) is
about as much LoRA as this model allows.

DPO, pure and with the SFT term. The first run trained pure DPO at the SFT learning rate (``--dpo-steps 32 --dpo-lr
3e-3 --dpo-sft 0``, 85 s): reward accuracy 0 -> 0.922, margin 1.196, KL 24.601, NSMC 0.8025 -> 0.7915, yet no
greedy answer said "입니다." (0 -> 0). The same settings as the table, pure (``--dpo-steps 96 --dpo-sft 0
--no-baselines --no-full-ft``, 243 s; its LoRA SFT again 0.8025): reward accuracy 0.938, margin 1.384, KL 20.780,
preferred behaviour 0.016, NSMC 0.7960. DPO's loss falls as long as the chosen answer gains on the rejected one
relative to the reference, whether or not the chosen answer becomes the likeliest: ``trl``'s log shows the chosen
answers' summed log-probability rising from about -21.8 to -12.8 in the pure run (to -5.3 with the SFT term), not
far enough for "입니다" to beat the end token after the label. In shorter runs (below), the probability taken from the
bare answer's end token went to other tokens ("임.", "........"). The SFT term pulls the chosen answers' own
likelihood up, so the same pairs move greedy answers to the polite sentence (0.719 against 0.016) with a higher
reward accuracy, a lower KL and less forgetting (0.3 points). Search on a shorter SFT (300 steps, 4,800 reviews; 64
held-out pairs): pure DPO at lr 5e-4 to 3e-3 for 32-64 steps left greedy answers bare or degenerate (rate 0-0.08);
the SFT term at weight 1 made every answer polite (1.0) but cut reward accuracy to 0.72-0.78, at weight 0.1 gave
0.875 and 0.875 after 64 steps.

History. Before the warm-up and cosine schedule, LoRA did not learn the task at all. 2026-12-06/07 runs with
transformers' default schedule (linear decay, no warm-up; ``--train 1920 --test 400 --steps 120``; LoRA ``c_attn`` r
8) gave zero-shot 0.5075, LoRA 0.485 (the same answer for every review), full fine-tuning 0.780 and DPO reward
accuracy 0.734, and a search of 100-400 steps (6,400 training reviews, the first 500 test reviews) over ranks 2-8,
``c_attn`` or every linear layer, alpha 16-64, lr 3e-3 to 1e-2, with or without the layer norms, left LoRA on a
plateau from about step 60 (loss 1.40, output entropy about 4.7 nats, the same for every review), where full fine-
tuning (lr 3e-4) passed it by step 60. A warm-up of 50 steps and a cosine decay (lr 3e-3, 1,000 planned steps) got
LoRA r 2 on every linear layer past it in a plain PyTorch training loop on the same data (which of the warm-up, the
schedule and the longer run mattered most was not isolated): first-token choice 0.764 / 0.778 / 0.800 / 0.798 at steps
250 / 500 / 750 / 1000 with the label loss, and 0.686 / 0.780 / 0.794 over the whole answer at steps 250 / 500 / 750
with the whole-answer loss. Two more findings from that search: the label loss (``--loss label``, the first answer
token only) teaches the choice but leaves the rest of each answer ("정", the end token) to the base model, so a model
trained with it must be read by the ``1st tok`` column; and ``peft``'s ``trainable_token_indices`` fails in ``trl``
1.16, whose fused LM head reads ``lm_head.bias`` from the wrapper. The first run (2026-12-06) also found two bugs,
since fixed: trl's default bf16 = True is bf16 autocast on a CPU, about 5x slower (the script trains in float32 on a
CPU), and a ``copy.deepcopy`` of a trained model keeps trl's ``forward`` closure over the original (the DPO policy is
now reloaded with ``fresh_copy``).

The exit status is 1 when an aim of the issue is missed: LoRA SFT >= 0.80 within 20 minutes with <= 1% of the
parameters trainable and within 2 points of full fine-tuning, DPO reward accuracy >= 0.90.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer
from transformers.utils import logging as hf_logging

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import nlpcourse  # noqa: E402

SYSTEM = "영화 리뷰의 감성을 긍정 또는 부정으로 답하세요."
LABELS = ("부정", "긍정")
REVIEW_TEMPLATE = (
    "{{ bos_token }}{% for m in messages %}"
    "{% if m['role'] == 'system' %}{{ m['content'] }}\n"
    "{% elif m['role'] == 'user' %}리뷰: {{ m['content'] }}\n"
    "{% elif m['role'] == 'assistant' %}감성: {{ m['content'] }}{{ eos_token }}{% endif %}"
    "{% endfor %}{% if add_generation_prompt %}감성:{% endif %}")


def review_prompt(review: str, shots: list[tuple[str, int]] = ()) -> list[dict]:
    messages = [{"role": "system", "content": SYSTEM}]
    for text, label in shots:  # short shots: nsmc-gpt-mini reads at most 128 tokens
        messages += [{"role": "user", "content": text[:40]}, {"role": "assistant", "content": LABELS[label]}]
    return messages + [{"role": "user", "content": review[:100]}]


def template_ids(tok, messages: list[dict], **kwargs) -> list[int]:
    out = tok.apply_chat_template(messages, tokenize=True, **kwargs)
    return list(out if isinstance(out, list) else out["input_ids"])


def split(tok, prompt: list[dict], answer: str) -> tuple[list[int], list[int]]:
    """Prompt tokens (through the generation prompt) and the assistant turn's tokens."""
    full = template_ids(tok, prompt + [{"role": "assistant", "content": answer}])
    n = len(template_ids(tok, prompt, add_generation_prompt=True))
    return full[:n], full[n:]


@torch.no_grad()
def completion_logprobs(model, pairs: list[tuple[list[int], list[int]]], pad_id: int) -> torch.Tensor:
    """Summed log-probability of each completion given its prompt (right padding), shape (len(pairs),)."""
    width = max(len(p) + len(c) for p, c in pairs)
    ids = torch.full((len(pairs), width), pad_id)
    att = torch.zeros(len(pairs), width, dtype=torch.long)
    comp = torch.zeros(len(pairs), width, dtype=torch.long)
    for i, (p, c) in enumerate(pairs):
        ids[i, :len(p) + len(c)] = torch.tensor(p + c)
        att[i, :len(p) + len(c)] = 1
        comp[i, len(p):len(p) + len(c)] = 1
    ids, att, comp = ids.to(model.device), att.to(model.device), comp.to(model.device)
    logp = model(input_ids=ids, attention_mask=att).logits[:, :-1].float().log_softmax(-1)
    return (logp.gather(-1, ids[:, 1:, None]).squeeze(-1) * comp[:, 1:]).sum(-1).cpu()


def accuracy(model, tok, reviews: list[str], labels: list[int], shots=(), batch: int = 64,
             first_token: bool = False) -> float:
    """NSMC accuracy by constrained choice between the two answers (ties go to 부정). ``first_token``: compare only
    the answers' first tokens (" 부", " 긍"), where the two answers part, leaving out the rest of each answer."""
    model.eval()
    correct = 0
    limit = getattr(model.config, "n_positions", None) or model.config.max_position_embeddings
    for start in range(0, len(reviews), batch):
        chunk = reviews[start:start + batch]
        pairs = [split(tok, review_prompt(text, shots), answer) for text in chunk for answer in LABELS]
        pairs = [(p, c[:1] if first_token else c) for p, c in pairs]
        pairs = [(p[max(0, len(p) + len(c) - limit):], c) for p, c in pairs]  # cut the prompt's start if too long
        scores = completion_logprobs(model, pairs, tok.pad_token_id).view(len(chunk), 2)
        preds = (scores[:, 1] > scores[:, 0]).long().tolist()
        correct += sum(int(p == y) for p, y in zip(preds, labels[start:start + batch]))
    return correct / len(reviews)


class PeakMemory:
    """Peak memory while the block runs: CUDA's allocator on a GPU, else the process's sampled resident memory."""

    def __enter__(self):
        self.peak = 0
        if torch.cuda.is_available():
            torch.cuda.reset_peak_memory_stats()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        page = 4096
        while not self._stop.is_set():
            with open("/proc/self/statm") as f:
                self.peak = max(self.peak, int(f.read().split()[1]) * page)
            self._stop.wait(0.05)

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        if torch.cuda.is_available():
            self.peak = torch.cuda.max_memory_allocated()


def load(model_name: str):
    tok = AutoTokenizer.from_pretrained(model_name)
    if tok.chat_template is None:
        tok.chat_template = REVIEW_TEMPLATE
    if tok.pad_token is None:
        tok.pad_token = tok.eos_token
    device = nlpcourse.get_device()
    model = AutoModelForCausalLM.from_pretrained(model_name, dtype=torch.float32).to(device)
    return model, tok


def cpu_args() -> dict:
    """trl's configs default to bf16 = True; on a CPU that means bf16 autocast, about 5x slower here: float32."""
    on_cpu = nlpcourse.get_device() == "cpu"
    return {"use_cpu": on_cpu, "bf16": not on_cpu and torch.cuda.is_bf16_supported(), "gradient_checkpointing": False}


def fresh_copy(model, name: str):
    """A reloaded model with ``model``'s weights. Not ``copy.deepcopy``: trl's trainers replace ``model.forward`` by a
    closure over the model it was given, so a deep copy would keep computing with the original's weights."""
    copy = AutoModelForCausalLM.from_pretrained(name, dtype=torch.float32).to(model.device)
    copy.load_state_dict(model.state_dict())
    return copy.eval()


def label_rows(tok, train) -> list[dict]:
    """Pre-tokenized SFT rows whose loss is on the label's first token only: the tokens " 부" and " 긍" (of "부정",
    "긍정") are where the two answers part; the rest of the answer ("정", the end token) follows from it. ``trl`` takes
    a dataset with ``input_ids`` and ``labels`` as it is (Exercise 1's format, one -100 more per answer token)."""
    rows = []
    for text, label in zip(train.document, train.label):
        prompt, answer = split(tok, review_prompt(text), LABELS[label])
        rows.append({"input_ids": prompt + answer,
                     "labels": [-100] * len(prompt) + answer[:1] + [-100] * (len(answer) - 1)})
    return rows


def lora_targets(model, args) -> dict:
    if model.config.model_type == "gpt2":
        targets = args.lora_targets.split(",")
    else:  # Llama-style names for the same layers
        names = {"c_attn": ["q_proj", "k_proj", "v_proj"], "c_proj": ["o_proj", "down_proj"],
                 "c_fc": ["up_proj", "gate_proj"]}
        targets = sorted({n for t in args.lora_targets.split(",") for n in names[t]})
    layers = [int(x) for x in args.lora_layers.split(",")] if args.lora_layers else None
    return {"target_modules": targets, "layers_to_transform": layers}


def sft(model, tok, train, steps: int, batch: int, lr: float, lora: bool, out_dir: Path, args):
    """Train with trl's SFTTrainer; returns the (merged) model, seconds, trainable parameters, peak bytes."""
    from datasets import Dataset
    from peft import LoraConfig
    from trl import SFTConfig, SFTTrainer

    if args.loss == "label":
        rows = label_rows(tok, train)
    else:  # trl's completion loss: every answer token and the end token
        rows = [{"prompt": review_prompt(t), "completion": [{"role": "assistant", "content": LABELS[y]}]}
                for t, y in zip(train.document, train.label)]
    norms = [n for n, m in model.named_modules()
             if isinstance(m, torch.nn.LayerNorm) or "RMSNorm" in type(m).__name__] if args.lora_norms else None
    config = LoraConfig(r=args.r, lora_alpha=2 * args.r, lora_dropout=args.lora_dropout, task_type="CAUSAL_LM",
                        modules_to_save=norms, **lora_targets(model, args))
    config = SFTConfig(output_dir=str(out_dir), seed=42, report_to="none", save_strategy="no", disable_tqdm=True,
                       max_length=256, max_steps=steps, per_device_train_batch_size=batch, learning_rate=lr,
                       lr_scheduler_type=args.scheduler, warmup_steps=min(args.warmup, steps // 2),
                       logging_steps=max(1, steps // 10), **cpu_args()), config
    trainer = SFTTrainer(model=model, args=config[0], train_dataset=Dataset.from_list(rows), processing_class=tok,
                         peft_config=config[1] if lora else None)
    trainable = sum(p.numel() for p in trainer.model.parameters() if p.requires_grad)
    with PeakMemory() as memory:
        start = time.perf_counter()
        trainer.train()
        seconds = time.perf_counter() - start
    model = trainer.model.merge_and_unload() if lora else trainer.model
    return model.eval(), seconds, trainable, memory.peak


def preference_rows(frame) -> list[dict]:
    rows = []
    for i, (text, label) in enumerate(zip(frame.document, frame.label)):
        rejected = LABELS[1 - label] + "입니다." if i % 2 == 0 else LABELS[label]
        rows.append({"prompt": review_prompt(text),
                     "chosen": [{"role": "assistant", "content": LABELS[label] + "입니다."}],
                     "rejected": [{"role": "assistant", "content": rejected}]})
    return rows


def reward_stats(policy, reference, tok, rows: list[dict], beta: float) -> tuple[float, float]:
    """Reward accuracy and mean margin of beta * log(pi / pi_ref) on preference rows."""
    chosen = [split(tok, r["prompt"], r["chosen"][0]["content"]) for r in rows]
    rejected = [split(tok, r["prompt"], r["rejected"][0]["content"]) for r in rows]
    pad = tok.pad_token_id
    rc = beta * (completion_logprobs(policy, chosen, pad) - completion_logprobs(reference, chosen, pad))
    rr = beta * (completion_logprobs(policy, rejected, pad) - completion_logprobs(reference, rejected, pad))
    return float((rc > rr).float().mean()), float((rc - rr).mean())


@torch.no_grad()
def behaviour(policy, reference, tok, reviews: list[str], seed: int = 0) -> tuple[float, float]:
    """Preferred-behaviour rate of greedy answers ('입니다.') and the sampled KL(policy || reference)."""
    prompts = [template_ids(tok, review_prompt(t), add_generation_prompt=True) for t in reviews]
    width = max(map(len, prompts))
    ids = torch.tensor([[tok.pad_token_id] * (width - len(p)) + p for p in prompts]).to(policy.device)
    starts = torch.tensor([width - len(p) for p in prompts])
    att = (torch.arange(width)[None] >= starts[:, None]).long().to(policy.device)
    greedy = policy.generate(input_ids=ids, attention_mask=att, max_new_tokens=8, do_sample=False,
                             pad_token_id=tok.pad_token_id)
    answers = tok.batch_decode(greedy[:, width:], skip_special_tokens=True)
    rate = sum("입니다." in a for a in answers) / len(answers)
    torch.manual_seed(seed)
    sampled = policy.generate(input_ids=ids, attention_mask=att, max_new_tokens=8, do_sample=True, top_k=0,
                              pad_token_id=tok.pad_token_id, eos_token_id=tok.eos_token_id)
    pairs = []
    for p, row in zip(prompts, sampled[:, width:].tolist()):
        completion = []
        for t in row:
            completion.append(t)
            if t == tok.eos_token_id:
                break
        pairs.append((p, completion))
    kl = completion_logprobs(policy, pairs, tok.pad_token_id) - completion_logprobs(reference, pairs, tok.pad_token_id)
    return rate, float(kl.mean())


def dpo(sft_model, tok, pairs, steps: int, batch: int, lr: float, beta: float, out_dir: Path, sft_weight: float = 0.0):
    """trl's DPO with a fresh LoRA; ``sft_weight`` > 0 adds trl's "sft" loss (the chosen answers' NLL) with that
    weight, the RPO recipe."""
    from datasets import Dataset
    from peft import LoraConfig
    from trl import DPOConfig, DPOTrainer

    targets = ["c_attn"] if sft_model.config.model_type == "gpt2" else ["q_proj", "k_proj", "v_proj", "o_proj"]
    args = DPOConfig(output_dir=str(out_dir), seed=42, report_to="none", save_strategy="no", disable_tqdm=True,
                     max_length=256, beta=beta, max_steps=steps, per_device_train_batch_size=batch, learning_rate=lr,
                     logging_steps=max(1, steps // 10), **cpu_args(),
                     **({"loss_type": ["sigmoid", "sft"], "loss_weights": [1.0, sft_weight]} if sft_weight else {}))
    config = LoraConfig(r=8, lora_alpha=16, lora_dropout=0.05, target_modules=targets, task_type="CAUSAL_LM")
    trainer = DPOTrainer(model=sft_model, args=args, train_dataset=Dataset.from_list(pairs), processing_class=tok,
                         peft_config=config)
    start = time.perf_counter()
    trainer.train()
    seconds = time.perf_counter() - start
    return trainer.model.merge_and_unload().eval(), seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", default=str(nlpcourse.gpt_mini_path()))
    parser.add_argument("--train", type=int, default=20000, help="training reviews")
    parser.add_argument("--test", type=int, default=50000, help="NSMC test reviews (50,000 = all)")
    parser.add_argument("--steps", type=int, default=1000, help="SFT steps (LoRA and full alike)")
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--lr", type=float, default=3e-3, help="LoRA learning rate (full fine-tuning: lr / 10)")
    parser.add_argument("--shots", type=int, default=4)
    parser.add_argument("--loss", choices=("label", "completion"), default="completion",
                        help="trl's loss on the whole answer, or the loss on the label's first token only (then read "
                             "the 1st tok column: the rest of each answer is left untrained)")
    parser.add_argument("--lora-targets", default="c_attn,c_proj,c_fc", help="GPT-2 module names: c_attn, c_proj, c_fc")
    parser.add_argument("--lora-layers", default="", help="blocks to put LoRA in, e.g. 3 (default: all)")
    parser.add_argument("--r", type=int, default=2, help="LoRA rank (alpha = 2 r)")
    parser.add_argument("--lora-dropout", type=float, default=0.05)
    parser.add_argument("--lora-norms", action="store_true", help="train the layer norms beside LoRA")
    parser.add_argument("--scheduler", default="cosine", help="SFT learning-rate schedule (transformers' names)")
    parser.add_argument("--warmup", type=int, default=50, help="SFT warm-up steps (at most half the steps)")
    parser.add_argument("--pairs", type=int, default=2000, help="DPO training pairs")
    parser.add_argument("--heldout", type=int, default=500, help="held-out pairs and generations")
    parser.add_argument("--dpo-steps", type=int, default=150)
    parser.add_argument("--beta", type=float, default=0.1)
    parser.add_argument("--dpo-lr", type=float, default=1e-3, help="DPO's learning rate (a fresh LoRA, r 8)")
    parser.add_argument("--dpo-sft", type=float, default=0.1,
                        help="weight of an SFT term on the chosen answers added to DPO's loss (RPO); 0: pure DPO")
    parser.add_argument("--no-full-ft", dest="full_ft", action="store_false", help="skip full fine-tuning")
    parser.add_argument("--no-dpo", dest="dpo", action="store_false", help="skip DPO (and its aim)")
    parser.add_argument("--no-baselines", dest="baselines", action="store_false", help="skip zero- and few-shot")
    parser.add_argument("--no-lora", dest="lora", action="store_false",
                        help="skip LoRA SFT and DPO (e.g. full fine-tuning in a second process): no aims")
    parser.add_argument("--threads", type=int, default=0, help="torch threads (0: torch's default)")
    parser.add_argument("--sample", action="store_true", help="a smoke run in seconds: tiny sizes")
    args = parser.parse_args(argv)
    if args.sample:
        args.train, args.test, args.steps, args.batch = 32, 8, 1, 4
        args.pairs, args.heldout, args.dpo_steps = 8, 4, 1
    if args.threads:
        torch.set_num_threads(args.threads)
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    nlpcourse.set_seed(42)
    out_dir = nlpcourse.cache_dir("lab08-bench")

    data = nlpcourse.load_nsmc("train", n=args.train + args.pairs + args.heldout)
    train, pref = data.iloc[:args.train], data.iloc[args.train:]
    test = nlpcourse.load_nsmc("test", n=None if args.test >= 50000 else args.test)
    reviews, labels = test.document.tolist(), test.label.tolist()
    positive = [(t, 1) for t, y in zip(train.document, train.label) if y == 1]
    negative = [(t, 0) for t, y in zip(train.document, train.label) if y == 0]
    shots = [s for pair in zip(negative, positive) for s in pair][:args.shots]

    base, tok = load(args.model)
    n_params = sum(p.numel() for p in base.parameters())
    print(f"model {Path(args.model).name}: {n_params:,} parameters; {len(reviews):,} NSMC test reviews; "
          f"SFT {args.steps} steps x {args.batch} of {len(train):,} reviews; {torch.get_num_threads()} threads")
    rows = []
    start = time.perf_counter()

    def measured(name, model, secs=0.0, trainable=0, peak=0, shots=()):
        both = [accuracy(model, tok, reviews, labels, shots=shots, first_token=f) for f in (False, True)]
        rows.append((name, *both, secs, trainable, peak))
        print(f"  {name}: {both[0]:.4f} (first token {both[1]:.4f}), {time.perf_counter() - start:.0f} s", flush=True)

    if args.baselines:
        measured("zero-shot", base)
        measured(f"few-shot ({len(shots)})", base, shots=shots)
    if args.lora:
        lora_model, secs, trainable, peak = sft(load(args.model)[0], tok, train, args.steps, args.batch, args.lr,
                                                True, out_dir / "lora", args)
        measured(f"LoRA SFT (r={args.r})", lora_model, secs, trainable, peak)
    if args.full_ft:
        full_model, secs, trainable, peak = sft(load(args.model)[0], tok, train, args.steps, args.batch,
                                                args.lr / 10, False, out_dir / "full", args)
        measured("full fine-tuning", full_model, secs, trainable, peak)
        del full_model

    print(f"\n{'method':<20} {'accuracy':>9} {'1st tok':>8} {'train s':>8} {'trainable':>12} {'share':>7} "
          f"{'peak MB':>8}")
    for name, acc, acc1, secs, trainable, peak in rows:
        print(f"{name:<20} {acc:>9.4f} {acc1:>8.4f} {secs:>8.0f} {trainable:>12,} {trainable / n_params:>7.2%} "
              f"{peak / 2**20:>8.0f}")

    if not args.lora:
        return 0
    col = 2 if args.loss == "label" else 1  # the label loss trains the first token only: judge it by that column
    lora_row = next(r for r in rows if r[0].startswith("LoRA"))
    lora_acc, full_acc = lora_row[col], rows[-1][col] if args.full_ft else None
    if args.dpo:
        pref_rows = preference_rows(pref.iloc[:args.pairs])
        heldout = preference_rows(pref.iloc[args.pairs:])
        reference = lora_model
        policy, dpo_secs = dpo(fresh_copy(lora_model, args.model), tok, pref_rows, args.dpo_steps, args.batch,
                               args.dpo_lr, args.beta, out_dir / "dpo", args.dpo_sft)
        acc_before, margin_before = reward_stats(reference, reference, tok, heldout, args.beta)
        acc_after, margin_after = reward_stats(policy, reference, tok, heldout, args.beta)
        gen_reviews = [r["prompt"][-1]["content"] for r in heldout]
        rate_before, kl_before = behaviour(reference, reference, tok, gen_reviews)
        rate_after, kl_after = behaviour(policy, reference, tok, gen_reviews)
        nsmc_after = accuracy(policy, tok, reviews, labels)
        print(f"\nDPO: {args.dpo_steps} steps x {args.batch} of {len(pref_rows):,} pairs, beta {args.beta}, "
              f"lr {args.dpo_lr}, SFT term {args.dpo_sft}, {dpo_secs:.0f} s; {len(heldout)} held-out pairs")
        print(f"{'':<32} {'before':>8} {'after':>8}")
        print(f"{'reward accuracy (held-out)':<32} {acc_before:>8.3f} {acc_after:>8.3f}")
        print(f"{'reward margin':<32} {margin_before:>8.3f} {margin_after:>8.3f}")
        print(f"{'KL to the reference (sampled)':<32} {kl_before:>8.3f} {kl_after:>8.3f}")
        print(f"{'preferred behaviour (입니다.)':<32} {rate_before:>8.3f} {rate_after:>8.3f}")
        print(f"{'NSMC accuracy (forgetting)':<32} {lora_acc:>8.4f} {nsmc_after:>8.4f}")

    aims = {"LoRA SFT >= 0.80": lora_acc >= 0.80, "LoRA SFT <= 20 min": lora_row[3] <= 1200,
            "LoRA <= 1% trainable": lora_row[4] <= 0.01 * n_params,
            **({"LoRA within 2 points of full": full_acc - lora_acc <= 0.02} if args.full_ft else {}),
            **({"DPO reward accuracy >= 0.90": acc_after >= 0.90} if args.dpo else {})}
    print("\naims: " + ", ".join(f"{k}: {'met' if v else 'MISSED'}" for k, v in aims.items()))
    return 0 if all(aims.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
