"""The course's sentence encoder: the build script's smoke run, and the shipped nsmc-simcse-mini."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import torch
from conftest import REPO
from transformers import AutoModel, AutoTokenizer

import nlpcourse


def encode(path, texts: list[str]) -> np.ndarray:
    """Mean of the last hidden states over the real tokens, L2-normalised (the card's recipe)."""
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModel.from_pretrained(path, add_pooling_layer=False).eval()
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).float()
    return torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=-1).numpy()


def test_the_shipped_encoder_ranks_a_paraphrase_above_an_unrelated_review():
    path = nlpcourse.sentence_encoder_path()
    assert (path / "model.safetensors").stat().st_size <= 25 * 10**6
    assert "SimCSE" in (path / "README.md").read_text()
    query, paraphrase, unrelated = encode(path, ["배우들 연기가 정말 좋았다", "배우 연기 최고였어요",
                                                 "화장실이 너무 더러워서 짜증났다"])
    assert query @ paraphrase > query @ unrelated


def test_build_quick(tmp_path):
    corpus = tmp_path / "reviews.txt"
    corpus.write_text("\n".join(nlpcourse.load_nsmc("train", n=200).document))
    out = tmp_path / "enc"
    cmd = [sys.executable, str(REPO / "data" / "build_sentence_encoder.py"), "--quick", "--corpus", str(corpus),
           "--out", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    figures = json.loads((out / "training_log.json").read_text())
    assert figures["recipe"]["steps"] == 3 and len(figures["log"]) == 3 and figures["held_out"] == 4
    assert 0 <= figures["after"]["top1"] <= 1 and "nsmc-simcse-mini" in (out / "README.md").read_text()
    assert AutoModel.from_pretrained(out, add_pooling_layer=False).config.hidden_dropout_prob == 0.0
