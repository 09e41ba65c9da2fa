"""Build and check ``data/course_kb``: the course's own lesson prose as Lab 10's knowledge base, and its gold set.

    python data/build_course_kb.py           # rewrite cells.jsonl from every lab and the README, then check
    python data/build_course_kb.py --check   # only check: exit 1 if a gold cell is gone or a question is malformed

``cells.jsonl`` holds one record per prose cell: ``{"id", "lab", "lang", "text"}``, where ``id`` is the cell id of
the lab source (``intro-ko``) prefixed with the lab (``01_tokenizers/intro-ko``) and ``lang`` is ``ko`` or ``en``.
The labs are discovered (every ``lab_solutions/NN_name/NN_name.ipynb``); the Colab badge is left out. The README
(English only) is split at its ``##`` and ``###`` headings into ``README/<slug>`` cells.

``gold.jsonl`` (written by hand from the lessons, see its card) holds ``{"qid", "lang", "question", "cells"}``;
``cells`` lists the cell ids that answer the question, empty for a question the course does not answer.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KB = ROOT / "data" / "course_kb"
LANGS = ("ko", "en")
SKIP = {"colab-badge"}


def lab_sources(root: Path = ROOT) -> list[Path]:
    found = (root / "lab_solutions").glob("[0-9][0-9]_*/[0-9][0-9]_*.ipynb")
    return sorted(p for p in found if p.stem == p.parent.name)


def lab_cells(path: Path) -> list[dict]:
    """The tagged prose cells of one lab source, in notebook order."""
    out = []
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        tags = cell.get("metadata", {}).get("tags", [])
        lang = next((x for x in LANGS if f"lang-{x}" in tags), None)
        text = "".join(cell["source"]).strip()
        if cell["cell_type"] != "markdown" or lang is None or not text or cell["id"].removesuffix(f"-{lang}") in SKIP:
            continue
        out.append({"id": f"{path.stem}/{cell['id']}", "lab": path.stem, "lang": lang, "text": text})
    return out


def readme_cells(path: Path) -> list[dict]:
    out = []
    for section in re.split(r"\n(?=#{2,3} )", path.read_text(encoding="utf-8")):
        title = section.splitlines()[0].lstrip("# ").strip()
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
        out.append({"id": f"README/{slug}", "lab": "README", "lang": "en", "text": section.strip()})
    return out


def build_cells(root: Path = ROOT) -> list[dict]:
    return [c for p in lab_sources(root) for c in lab_cells(p)] + readme_cells(root / "README.md")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def check(gold: list[dict], cells: list[dict], sources: list[dict]) -> list[str]:
    """Problems with the gold set: unknown or vanished cells, wrong language, duplicates, too few questions."""
    shipped, current = {c["id"]: c for c in cells}, {c["id"] for c in sources}
    problems, seen = [], set()
    for q in gold:
        if set(q) != {"qid", "lang", "question", "cells"} or q["lang"] not in LANGS or not q["question"].strip():
            problems.append(f"{q.get('qid')}: malformed")
            continue
        if q["qid"] in seen:
            problems.append(f"{q['qid']}: duplicate qid")
        seen.add(q["qid"])
        for cid in q["cells"]:
            if cid not in current:
                problems.append(f"{q['qid']}: cell {cid} is not in the lab sources any more")
            elif cid not in shipped:
                problems.append(f"{q['qid']}: cell {cid} is missing from cells.jsonl (rebuild it)")
            elif shipped[cid]["lang"] != q["lang"]:
                problems.append(f"{q['qid']}: cell {cid} is not in {q['lang']}")
    answerable = sum(bool(q["cells"]) for q in gold)
    if answerable < 150:
        problems.append(f"only {answerable} answerable questions (at least 150)")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="check only, write nothing")
    args = ap.parse_args()
    sources = build_cells()
    if not args.check:
        KB.mkdir(parents=True, exist_ok=True)
        with open(KB / "cells.jsonl", "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(c, ensure_ascii=False) + "\n" for c in sources)
    cells, gold = read_jsonl(KB / "cells.jsonl"), read_jsonl(KB / "gold.jsonl")
    problems = check(gold, cells, sources)
    labs = sorted({c["lab"] for c in cells})
    print(f"{len(cells)} cells from {len(labs)} sources; {len(gold)} questions "
          f"({sum(not q['cells'] for q in gold)} unanswerable)")
    print("\n".join(problems) or "gold set OK")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
