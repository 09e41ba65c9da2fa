"""Lab 10's knowledge base and gold set: every gold cell still exists in the lab sources."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def kb():
    spec = importlib.util.spec_from_file_location("build_course_kb", REPO / "data" / "build_course_kb.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_cells_exist_in_the_lab_sources(kb):
    cells, gold = kb.read_jsonl(kb.KB / "cells.jsonl"), kb.read_jsonl(kb.KB / "gold.jsonl")
    assert kb.check(gold, cells, kb.build_cells()) == []
    assert sum(not q["cells"] for q in gold) >= 10 and {q["lang"] for q in gold} == {"ko", "en"}


def test_check_reports_a_vanished_cell(kb):
    cells = [{"id": "01_x/a-ko", "lab": "01_x", "lang": "ko", "text": "t"}]
    gold = [{"qid": "q", "lang": "ko", "question": "?", "cells": ["01_x/a-ko"]}]
    assert kb.check(gold, cells, cells)[0].startswith("only 1 answerable")
    problems = kb.check(gold, cells, [])
    assert problems[0] == "q: cell 01_x/a-ko is not in the lab sources any more"
    assert kb.check([{**gold[0], "lang": "en"}], cells, cells)[0] == "q: cell 01_x/a-ko is not in en"


def test_cells_cover_every_lab_source_in_both_languages(kb):
    cells = kb.read_jsonl(kb.KB / "cells.jsonl")
    labs = {p.stem for p in kb.lab_sources()}
    shipped = {(c["lab"], c["lang"]) for c in cells}
    covered = {lab for lab in labs if {(lab, "ko"), (lab, "en")} <= shipped}
    assert {"01_tokenizers", "07_llm_api_prompting"} <= covered
    assert all(c["id"].startswith(c["lab"] + "/") and c["text"] for c in cells)
