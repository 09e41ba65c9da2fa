"""Build the course benchmark (``data/course_bench/``) from the lab sources and NSMC.

    python data/build_course_bench.py           # write the files
    python data/build_course_bench.py --check   # exit 1 if the shipped files are stale

Three parts, each a JSON Lines file (one record a line, UTF-8, sorted keys):

- ``quiz.jsonl``: every quick-check quiz question of every lab in ``lab_solutions/`` (labs are discovered, so a
  new lab joins on the next build), Korean and English editions. The question is the quiz markdown cell; the answer
  comes from the hidden assert of the question's test cell (only the value is kept, never the test's code).
  Multiple-choice questions have ``choices`` and ``answer`` (an index); numeric ones ``answer`` (a number).
- ``nsmc.jsonl``: a fixed, label-balanced sample of the NSMC test split (never used to pretrain the course's models).
- ``glossary.jsonl``: term translation from the labs' glossary tables, Korean -> English and English -> Korean, with
  the table's other cell as the reference (a generation task for exact match and chrF).

The card is ``data/course_bench/README.md`` (written by hand; the figures in it are printed by ``--stats``).
"""

from __future__ import annotations

import argparse
import ast
import gzip
import json
import math
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABS = ROOT / "lab_solutions"
OUT = ROOT / "data" / "course_bench"
NSMC_TEST = ROOT / "data" / "nsmc" / "ratings_test.txt.gz"
NSMC_PER_LABEL = 100
SEED = 42
LETTERS = "abcdefgh"

QUESTION = re.compile(r"\*\*(?:Q|Question |문항 ?)(\d+)\.?\*\*\s*")
OPTION = re.compile(r"(?:^|(?<=\s))(?:[-*]\s+)?\(?([a-h])\)\s+", re.M)
HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", re.S)
TABLE_ROW = re.compile(r"^\|(.+)\|\s*$", re.M)


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _grade_id(cell: dict) -> str:
    return (cell.get("metadata", {}).get("nbgrader") or {}).get("grade_id", "")


def _lang(cell: dict) -> str | None:
    tags = cell.get("metadata", {}).get("tags", [])
    return next((t[5:] for t in tags if t in ("lang-ko", "lang-en")), None)


def _value(node: ast.AST) -> str | float:
    """A literal, or a number computed from literals and ``math`` (``math.exp(2.0)``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, int, float)):
        return node.value
    expr = ast.Expression(node)
    names = {n.id for n in ast.walk(expr) if isinstance(n, ast.Name)}
    if names - {"math"}:
        raise ValueError(f"not a constant: {ast.unparse(node)}")
    return float(eval(compile(expr, "<answer>", "eval"), {"__builtins__": {}, "math": math}))  # noqa: S307


def hidden_answer(test_source: str, var: str) -> tuple[str | float, float]:
    """The answer (and a tolerance for numbers) that a quiz test cell's hidden assert demands of ``var``."""
    block = HIDDEN.search(test_source)
    if block is None:
        raise ValueError(f"{var}: no hidden test")
    for node in ast.walk(ast.parse(block.group(1))):
        if not isinstance(node, ast.Assert):
            continue
        test = node.test
        if isinstance(test, ast.Compare) and isinstance(test.ops[0], ast.Eq) and var in ast.unparse(test.left):
            return _value(test.comparators[0]), 0.0
        is_call = isinstance(test, ast.Call)
        if is_call and ast.unparse(test.func).endswith("isclose") and ast.unparse(test.args[0]) == var:
            rel = next((_value(k.value) for k in test.keywords if k.arg == "rel_tol"), 1e-9)
            return _value(test.args[1]), float(rel) * abs(_value(test.args[1]))
        if isinstance(test, ast.Compare) and isinstance(test.ops[0], (ast.Lt, ast.LtE)):
            left = test.left  # abs(var - value) < tol
            if isinstance(left, ast.Call) and ast.unparse(left.func) == "abs" and isinstance(left.args[0], ast.BinOp):
                a, b = left.args[0].left, left.args[0].right
                other = b if ast.unparse(a) == var else a
                return _value(other), float(_value(test.comparators[0]))
    raise ValueError(f"{var}: no answer found in the hidden test")


def parse_question(markdown: str) -> tuple[str, list[str]]:
    """(stem, choices) from a quiz markdown cell: the text from the ``**Q1.**`` marker on, options ``a)``...``d)``."""
    marker = QUESTION.search(markdown)
    text = markdown[marker.end():] if marker else markdown
    found, expected = [], 0
    for m in OPTION.finditer(text):
        if m.group(1) == LETTERS[expected]:
            found.append(m)
            expected += 1
        elif m.group(1) == "a":  # a fresh run of options (an "(a)" inside the stem came first)
            found, expected = [m], 1
    if len(found) < 2:
        return text.strip(), []
    stem = text[: found[0].start()].strip()
    ends = [m.start() for m in found[1:]] + [len(text)]
    choices = [" ".join(text[m.end(): end].split()) for m, end in zip(found, ends)]
    return stem, choices


def quiz_items(path: Path) -> list[dict]:
    """Every quiz question of one lab notebook, one record per edition."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    lab = path.parent.name
    items, start = [], 0
    for i, cell in enumerate(cells):
        var_match = re.fullmatch(r"test_(?:quiz_)?(q\d+)", _grade_id(cell))
        if not var_match:
            continue
        var = var_match.group(1)
        answer, tol = hidden_answer(_source(cell), var)
        prose = {}
        for prev in cells[start:i]:
            lang = _lang(prev)
            if prev["cell_type"] == "markdown" and lang and QUESTION.search(_source(prev)):
                prose[lang] = _source(prev)
        start = i + 1
        for lang in ("ko", "en"):
            if lang not in prose:
                raise ValueError(f"{lab} {var}: no {lang} question text")
            stem, choices = parse_question(prose[lang])
            item = {"id": f"{lab}/{var}/{lang}", "lab": lab, "question": var, "lang": lang, "text": stem}
            if isinstance(answer, str):
                if not choices or answer.strip().lower() not in LETTERS[: len(choices)]:
                    raise ValueError(f"{lab} {var} ({lang}): answer {answer!r} but choices {choices}")
                item |= {"type": "mcq", "choices": choices, "answer": LETTERS.index(answer.strip().lower())}
            else:
                item |= {"type": "numeric", "answer": answer, "tolerance": tol}
            items.append(item)
    return items


def _cells(row: str) -> list[str]:
    return [c.strip() for c in row.split("|")]


def glossary_items(path: Path) -> list[dict]:
    """Term pairs from a lab's glossary table (the English edition's copy), both directions."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    lab = path.parent.name
    table = next((_source(c) for c in cells if _lang(c) == "en" and _source(c).lstrip().startswith("## Glossary")), "")
    rows = [_cells(m.group(1)) for m in TABLE_ROW.finditer(table)]
    if not rows:
        return []
    header, body = rows[0], [r for r in rows[2:] if len(r) == 2 and all(r)]
    ko_col = 0 if "한국어" in header[0] else 1
    items = []
    for n, row in enumerate(body, 1):
        ko, en = row[ko_col], row[1 - ko_col]
        if ko == en:
            continue  # nothing to translate (e.g. "BERT | BERT")
        items.append({"id": f"{lab}/g{n}/ko-en", "lab": lab, "source": ko, "reference": en, "direction": "ko-en"})
        items.append({"id": f"{lab}/g{n}/en-ko", "lab": lab, "source": en, "reference": ko, "direction": "en-ko"})
    return items


def nsmc_items() -> list[dict]:
    """NSMC_PER_LABEL reviews of each label from the test split, sampled with SEED, in a shuffled fixed order."""
    with gzip.open(NSMC_TEST, "rt", encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    rng = random.Random(SEED)
    picked = []
    for label in ("0", "1"):
        pool = [r for r in rows if r[2] == label and r[1].strip()]
        picked += rng.sample(pool, NSMC_PER_LABEL)
    rng.shuffle(picked)
    return [{"id": f"nsmc/{r[0]}", "text": r[1], "label": int(r[2])} for r in picked]


def lab_notebooks() -> list[Path]:
    return sorted(p for p in LABS.glob("[0-9][0-9]_*/[0-9][0-9]_*.ipynb") if p.stem == p.parent.name)


def _jsonl(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)


def build() -> dict[str, str]:
    """The files of ``data/course_bench/`` (name -> text), computed from the sources."""
    notebooks = lab_notebooks()
    return {
        "quiz.jsonl": _jsonl([item for nb in notebooks for item in quiz_items(nb)]),
        "glossary.jsonl": _jsonl([item for nb in notebooks for item in glossary_items(nb)]),
        "nsmc.jsonl": _jsonl(nsmc_items()),
    }


def stats(files: dict[str, str]) -> str:
    """The figures the card quotes."""
    quiz = [json.loads(line) for line in files["quiz.jsonl"].splitlines()]
    mcq = [q for q in quiz if q["type"] == "mcq"]
    glossary = [json.loads(line) for line in files["glossary.jsonl"].splitlines()]
    nsmc = [json.loads(line) for line in files["nsmc.jsonl"].splitlines()]
    per_lab = Counter(q["lab"] for q in quiz if q["lang"] == "en")
    letters = Counter(LETTERS[q["answer"]] for q in mcq if q["lang"] == "en")
    n_choices = Counter(len(q["choices"]) for q in mcq if q["lang"] == "en")
    return "\n".join([
        f"quiz: {len(quiz)} items = {len(quiz) // 2} questions x 2 editions; "
        f"{len(mcq)} multiple-choice, {len(quiz) - len(mcq)} numeric",
        f"  questions per lab: {dict(sorted(per_lab.items()))}",
        f"  answer letters (one edition): {dict(sorted(letters.items()))}; choices per question: {dict(n_choices)}",
        f"  majority-letter baseline: {max(letters.values()) / sum(letters.values()):.3f}, "
        f"chance: {sum(1 / len(q['choices']) for q in mcq) / len(mcq):.3f}",
        f"glossary: {len(glossary)} items from {len({g['lab'] for g in glossary})} labs "
        f"({sum(g['direction'] == 'ko-en' for g in glossary)} per direction)",
        f"nsmc: {len(nsmc)} reviews, {sum(r['label'] for r in nsmc)} positive, "
        f"mean length {sum(len(r['text']) for r in nsmc) / len(nsmc):.1f} characters",
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the shipped files differ from a rebuild")
    parser.add_argument("--stats", action="store_true", help="print the figures the card quotes")
    args = parser.parse_args(argv)
    files = build()
    if args.stats:
        print(stats(files))
    if args.check:
        stale = [name for name, text in files.items()
                 if not (OUT / name).exists() or (OUT / name).read_text(encoding="utf-8") != text]
        if stale:
            print(f"stale: {', '.join(stale)}; run python data/build_course_bench.py", file=sys.stderr)
            return 1
        return 0
    if not args.stats:
        OUT.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (OUT / name).write_text(text, encoding="utf-8")
            print(f"wrote {OUT / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
