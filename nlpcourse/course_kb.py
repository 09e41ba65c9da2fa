"""The course as a knowledge base (Lab 10): its prose cells and the gold questions, shipped in ``data/course_kb``."""

from __future__ import annotations

import json
from pathlib import Path

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
