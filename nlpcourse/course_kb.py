"""The course as a knowledge base (Lab 10): its prose cells and the gold questions, shipped in ``data/course_kb``."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .paths import DATA_DIR

KB_DIR = DATA_DIR / "course_kb"


def _read(path: Path, lang: str | None) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if lang is None or r["lang"] == lang]


def load_course_cells(lang: str | None = None) -> list[dict]:
    """The lesson prose cells (``{"id", "lab", "lang", "text"}``) of every lab and the README, in course order."""
    return _read(KB_DIR / "cells.jsonl", lang)


def load_gold_questions(lang: str | None = None) -> list[dict]:
    """The gold questions (``{"qid", "lang", "question", "cells"}``); ``cells`` is empty for unanswerable ones."""
    return _read(KB_DIR / "gold.jsonl", lang)


def text_key(text: str) -> str:
    """The key of a text in the precomputed embeddings: the SHA-1 of its UTF-8 bytes (hex)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def kb_embeddings_path(encoder: str) -> Path:
    """``data/course_kb/embeddings-<encoder>.npz`` (written by ``data/build_kb_embeddings.py``)."""
    return KB_DIR / f"embeddings-{encoder}.npz"


_tables: dict[str, dict[str, np.ndarray]] = {}


def _table(encoder: str) -> dict[str, np.ndarray]:
    if encoder not in _tables:
        path, table = kb_embeddings_path(encoder), {}
        if path.exists():
            with np.load(path, allow_pickle=False) as z:
                table = dict(zip(z["keys"].tolist(), z["vectors"]))
        _tables[encoder] = table
    return _tables[encoder]


def cached_embeddings(texts: list[str], encoder: str, embed: Callable[[list[str]], np.ndarray]) -> np.ndarray:
    """Unit-length vectors of ``texts`` (float32): precomputed ones looked up by the text's hash, the rest embedded.

    ``data/course_kb/embeddings-<encoder>.npz`` holds float16 vectors of the reference chunks of the course; a text
    not found there (other chunking, another encoder with no file) goes to ``embed`` (a list of texts -> an
    ``(n, dim)`` array). Every vector is rounded to float16 as the stored ones are, so a text gets the same vector
    whether it was found or embedded, and the result does not depend on which chunks a student made.
    """
    table = _table(encoder)
    keys = [text_key(t) for t in texts]
    missing: dict[str, str] = {}
    for key, text in zip(keys, texts):
        if key not in table:
            missing.setdefault(key, text)
    fresh = dict(zip(missing, np.asarray(embed(list(missing.values()))))) if missing else {}
    rows = [table[k] if k in table else fresh[k] for k in keys]
    if not rows:
        return np.asarray(embed([]), dtype=np.float32)
    return np.stack(rows).astype(np.float16).astype(np.float32)
