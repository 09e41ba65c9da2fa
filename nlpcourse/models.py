"""The course's own small checkpoints, shipped in ``data/models`` (built by ``data/build_*_mini.py``)."""

from __future__ import annotations

from pathlib import Path

from .paths import DATA_DIR


def bert_mini_path() -> Path:
    """``nsmc-bert-mini``: a 4-layer BERT pretrained with MLM on NSMC reviews (Lab 05)."""
    return DATA_DIR / "models" / "nsmc-bert-mini"


def gpt_mini_path() -> Path:
    """``nsmc-gpt-mini``: a 4-layer GPT-2-style language model pretrained on NSMC reviews (Lab 06)."""
    return DATA_DIR / "models" / "nsmc-gpt-mini"


def sentence_encoder_path() -> Path:
    """``nsmc-simcse-mini``: nsmc-bert-mini trained further with unsupervised SimCSE, a sentence encoder (Lab 10)."""
    return DATA_DIR / "models" / "nsmc-simcse-mini"
