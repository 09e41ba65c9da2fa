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


def test_cached_embeddings_look_texts_up_and_embed_only_the_misses(monkeypatch):
    import numpy as np

    from nlpcourse import course_kb

    stored = np.array([0.6, 0.8], dtype=np.float16)
    monkeypatch.setitem(course_kb._tables, "toy", {course_kb.text_key("known"): stored})
    asked = []

    def embed(texts):
        asked.append(list(texts))
        return np.array([[0.1234567, 0.9923]] * len(texts), dtype=np.float32)

    got = course_kb.cached_embeddings(["new", "known", "new", "other"], "toy", embed)
    assert asked == [["new", "other"]]  # each miss once, in order; the hit is not embedded
    assert got.dtype == np.float32 and got.shape == (4, 2)
    assert np.array_equal(got[1], stored.astype(np.float32))
    assert np.array_equal(got[0], np.float16([0.1234567, 0.9923]).astype(np.float32))  # rounded like the stored
    assert course_kb.cached_embeddings(["known"], "toy", embed).tolist() == [stored.astype(np.float32).tolist()]
    assert len(asked) == 1


def test_the_shipped_embeddings_and_okt_tags_hold_every_reference_text():
    """Rerun ``python data/build_kb_embeddings.py`` after ``cells.jsonl`` or ``gold.jsonl`` changes."""
    import numpy as np

    spec = importlib.util.spec_from_file_location("build_kb_embeddings", REPO / "data" / "build_kb_embeddings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with np.load(module.OUT, allow_pickle=False) as z:
        keys, vectors = set(z["keys"].tolist()), z["vectors"]
    assert vectors.dtype == np.float16 and vectors.shape[1] == 512
    assert np.allclose(np.linalg.norm(vectors.astype(np.float32), axis=1), 1, atol=1e-2)
    missing = [t[:60] for t in module.reference_texts() if module.key(t) not in keys]
    assert not missing, f"{len(missing)} reference texts missing: rerun data/build_kb_embeddings.py"
    from nlpcourse import okt

    for texts in module.okt_lists():  # the Okt tags the lesson's BM25 reads instead of starting a JVM
        shipped = okt.SHIPPED / okt.cache_path(texts, False, False).name
        assert shipped.exists(), "an Okt list is not shipped: rerun data/build_kb_embeddings.py"
        assert len(okt._read(shipped)) == len(texts)
