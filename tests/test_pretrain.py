"""The course's own checkpoints: the build scripts' smoke runs, and the shipped nsmc-bert-mini / nsmc-gpt-mini."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest
import torch
from transformers import (
    AutoModelForCausalLM,
    AutoModelForMaskedLM,
    AutoModelForSequenceClassification,
    AutoTokenizer,
    DataCollatorForLanguageModeling,
    pipeline,
)

import nlpcourse

REVIEWS = [
    "이 영화 정말 최고다 ㅋㅋ 배우들 연기도 좋고",
    "스토리가 너무 뻔해서 지루했다... 비추",
    "Good! 강추합니다 10점",
]
MAX_BYTES = 25 * 10**6


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory):
    """300 training reviews in NSMC format, as the real corpus's second file."""
    src = tmp_path_factory.mktemp("corpus") / "ratings_train.txt"
    df = nlpcourse.load_nsmc("train", n=300)
    src.write_text("id\tdocument\tlabel\n" + "".join(f"{i}\t{d}\t{y}\n" for i, d, y in df.itertuples(index=False)))
    return src


def build(repo, script, corpus, out):
    cmd = [sys.executable, str(repo / "data" / script), "--quick", "--corpus", str(corpus), "--out", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads((out / "training_log.json").read_text())


def test_build_bert_quick(repo, tiny_corpus, tmp_path):
    out = tmp_path / "bert"
    figures = build(repo, "build_bert_mini.py", tiny_corpus, out)
    assert figures["recipe"]["steps"] == 4 and figures["reviews"] == {"train": 294, "held_out": 6}
    assert figures["held_out_loss"] > 0 and len(figures["samples"]) >= 3
    assert not figures["recipe"]["pack"] and "each review is one example" in (out / "README.md").read_text()
    assert "[MASK]" in AutoTokenizer.from_pretrained(out).get_vocab()
    classifier = AutoModelForSequenceClassification.from_pretrained(out, num_labels=2)
    assert classifier.config.num_labels == 2
    assert len(pipeline("fill-mask", model=str(out), device="cpu")("이 영화 [MASK] 좋다")) == 5
    assert "nsmc-bert-mini" in (out / "README.md").read_text()


def test_build_gpt_quick(repo, tiny_corpus, tmp_path):
    out = tmp_path / "gpt"
    figures = build(repo, "build_gpt_mini.py", tiny_corpus, out)
    assert figures["held_out_perplexity"] > 1 and {s["decoding"] for s in figures["samples"]} == {
        "greedy",
        "beam",
        "sampling",
    }
    model = AutoModelForCausalLM.from_pretrained(out)
    tokenizer = AutoTokenizer.from_pretrained(out)
    ids = tokenizer("이 영화", return_tensors="pt")
    assert model.generate(**ids, max_new_tokens=3, do_sample=False).shape[1] <= ids.input_ids.shape[1] + 3
    generate = pipeline("text-generation", model=str(out), device="cpu")
    assert generate("이 영화", max_new_tokens=3)[0]["generated_text"].startswith("이 영화")


@pytest.fixture(scope="module")
def bert():
    path = nlpcourse.bert_mini_path()
    return path, AutoTokenizer.from_pretrained(path), AutoModelForMaskedLM.from_pretrained(path)


@pytest.fixture(scope="module")
def gpt():
    path = nlpcourse.gpt_mini_path()
    return path, AutoTokenizer.from_pretrained(path), AutoModelForCausalLM.from_pretrained(path)


@pytest.mark.parametrize("path", [nlpcourse.bert_mini_path(), nlpcourse.gpt_mini_path()], ids=["bert", "gpt"])
def test_shipped_checkpoint_files(path):
    assert path.parent == nlpcourse.DATA_DIR / "models"
    names = {p.name for p in path.iterdir()}
    assert {"config.json", "model.safetensors", "tokenizer.json", "README.md", "training_log.json"} <= names
    assert (path / "model.safetensors").stat().st_size < MAX_BYTES
    card = (path / "README.md").read_text()
    assert "license: cc0-1.0" in card and "never the test split" in card


def test_bert_mini_tokenizer_round_trips_korean(bert):
    _, tokenizer, _ = bert
    for review in REVIEWS:
        ids = tokenizer(review).input_ids
        assert ids[0] == tokenizer.cls_token_id and ids[-1] == tokenizer.sep_token_id
        assert tokenizer.unk_token_id not in ids
        # WordPiece lower-cases and spaces out punctuation; every character survives
        assert tokenizer.decode(ids, skip_special_tokens=True).replace(" ", "") == review.lower().replace(" ", "")
    assert len(tokenizer("이 영화 정말 재밌다").input_ids) < 10  # whole syllables and words, not jamo


def test_bert_mini_predicts_masked_tokens_from_their_context(bert):
    """On reviews it never saw (test split) the MLM loss is far below a uniform guess (ln 8000 = 9.0) and below the
    unigram plateau (about 6.8) where the old packed recipe stopped; shuffling each review's words costs it a lot."""
    path, tokenizer, model = bert
    assert model.get_output_embeddings().weight is model.get_input_embeddings().weight
    reviews = nlpcourse.load_nsmc("test", n=300).document.tolist()
    shuffled = [" ".join(random.Random(i).sample(r.split(), len(r.split()))) for i, r in enumerate(reviews)]

    def loss(texts):
        torch.manual_seed(0)
        batch = DataCollatorForLanguageModeling(tokenizer, mlm_probability=0.15)([tokenizer(t) for t in texts])
        with torch.no_grad():
            return model(**batch).loss.item()

    real = loss(reviews)
    assert real < 5.5
    assert real < loss(shuffled) - 0.3
    top = pipeline("fill-mask", model=model, tokenizer=tokenizer, device="cpu")("이 영화 [MASK] 재밌다", top_k=5)
    assert len(top) == 5 and all(t["sequence"].startswith("이 영화") for t in top)
    classifier = AutoModelForSequenceClassification.from_pretrained(path, num_labels=2)
    with torch.no_grad():
        logits = classifier(**tokenizer(REVIEWS, padding=True, return_tensors="pt")).logits
    assert logits.shape == (3, 2)


def test_gpt_mini_tokenizer_round_trips_korean(gpt):
    _, tokenizer, _ = gpt
    for review in REVIEWS:
        ids = tokenizer(review).input_ids
        assert ids[0] == tokenizer.bos_token_id  # every training review followed <|endoftext|>
        assert tokenizer.decode(ids, skip_special_tokens=True) == review
    assert tokenizer.pad_token_id not in (None, tokenizer.eos_token_id)


def test_gpt_mini_generates_korean(gpt):
    path, tokenizer, model = gpt
    ids = tokenizer("이 영화", return_tensors="pt")
    n = ids.input_ids.shape[1]
    for kwargs in ({"do_sample": False}, {"num_beams": 3}, {"do_sample": True, "top_p": 0.9}):
        torch.manual_seed(0)
        out = model.generate(**ids, max_new_tokens=20, **kwargs)
        text = tokenizer.decode(out[0, n:], skip_special_tokens=True)
        hangul = sum("가" <= ch <= "힣" for ch in text)
        assert hangul >= len(text.replace(" ", "")) / 2 > 0, (kwargs, text)
    generated = pipeline("text-generation", model=str(path), device="cpu")("배우들 연기는", max_new_tokens=10)
    assert generated[0]["generated_text"].startswith("배우들 연기는")


def test_gpt_mini_perplexity_on_reviews(gpt):
    """A language model of NSMC: unseen reviews (test split) are far likelier than their characters sorted."""
    _, tokenizer, model = gpt
    reviews = nlpcourse.load_nsmc("test", n=100).document.tolist()

    def loss(texts):
        batch = tokenizer(texts, padding=True, truncation=True, return_tensors="pt")
        labels = batch.input_ids.masked_fill(batch.attention_mask == 0, -100)
        with torch.no_grad():
            return model(**batch, labels=labels).loss.item()

    real = loss(reviews)
    assert real < 6.0  # perplexity under 400; the card's held-out figure is 213
    assert real < loss(["".join(sorted(r)) for r in reviews]) - 1


@pytest.fixture
def build_bert_mini(repo):
    """The build script as a module (it imports ``pretrain`` from its own folder)."""
    sys.path.insert(0, str(repo / "data"))
    try:
        import build_bert_mini
    finally:
        sys.path.remove(str(repo / "data"))
    return build_bert_mini


def test_reviews_are_one_example_each_and_padded_per_batch(build_bert_mini):
    """The BERT build's examples: ``[CLS] review [SEP]`` cut to max_len; the collator pads to the batch's longest."""
    Reviews, make_collator = build_bert_mini.pretrain.Reviews, build_bert_mini.make_collator
    tokenizer = AutoTokenizer.from_pretrained(nlpcourse.bert_mini_path())
    ids = tokenizer(REVIEWS, add_special_tokens=False)["input_ids"]
    reviews = Reviews(ids, max_len=8, start=tokenizer.cls_token_id, sep=tokenizer.sep_token_id)
    rows = [reviews[i]["input_ids"] for i in range(len(reviews))]
    assert rows[0] == [tokenizer.cls_token_id, *ids[0][:6], tokenizer.sep_token_id]
    assert all(len(row) == min(8, len(x) + 2) for row, x in zip(rows, ids))
    batch = make_collator(tokenizer)([reviews[i] for i in range(len(reviews))])
    assert batch["input_ids"].shape == (3, max(map(len, rows)))
    assert batch["attention_mask"].sum(1).tolist() == [len(row) for row in rows]


def test_masked_head_trainer_computes_the_models_own_mlm_loss(build_bert_mini):
    """The build's cheaper loss (MLM head on the masked positions only) equals BertForMaskedLM's, gradients too."""
    MaskedHeadTrainer, make_collator = build_bert_mini.MaskedHeadTrainer, build_bert_mini.make_collator
    tokenizer = AutoTokenizer.from_pretrained(nlpcourse.bert_mini_path())
    torch.manual_seed(0)
    model = AutoModelForMaskedLM.from_pretrained(nlpcourse.bert_mini_path())
    batch = make_collator(tokenizer)([tokenizer(r) for r in REVIEWS * 4])
    assert (batch["labels"] != -100).any()
    own = model(**batch).loss
    own.backward()
    want = [p.grad.clone() for p in model.parameters()]
    model.zero_grad()
    cheap = MaskedHeadTrainer.compute_loss(None, model, dict(batch))
    cheap.backward()
    assert torch.allclose(cheap, own, atol=1e-5)
    assert all(torch.allclose(p.grad, g, atol=1e-6) for p, g in zip(model.parameters(), want))
