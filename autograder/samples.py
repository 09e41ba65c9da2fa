"""Sample submissions for Lab 01, built from the release and the solutions, with their expected scores.

``python -m autograder samples`` rewrites ``autograder/samples/``; tests check the committed files are what
this module builds, and grade them against ``expected.json``. (The hostile corpus is test data:
``tests/hostile.py``.) Expected scores are sums of the points of
the tests that follow the exercises a sample solves, breaks or leaves alone.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from .assemble import lab_spec, strip_solution
from .labs import nbgrader_meta, release_notebook, source_notebook

SAMPLES = Path(__file__).resolve().parent / "samples"
LAB = "01_tokenizers"

# Which solution cells each sample fills, breaks or leaves alone, and the score that must come out.
PARTIAL = ["word_char_tokenize", "bpe_learn", "bpe_apply", "wordpiece_score", "unigram_viterbi"]
SYNTAX_ERROR_IN = "unigram_viterbi"
INFINITE_LOOP_IN = "tokens_per_char"
KERNEL_CRASH_IN = "fertility"
EDITED_TEST = "test_bpe_learn"
DELETED_TEST = "test_gpt4_encode"


def _solutions() -> dict[str, str]:
    nb = nbformat.read(source_notebook(LAB), as_version=4)
    return {c.metadata.nbgrader["grade_id"]: strip_solution(c.source) for c in nb.cells
            if nbgrader_meta(c).get("solution")}


def _fill(release: NotebookNode, which: list[str] | None = None) -> NotebookNode:
    """The release with the solutions of ``which`` (all when None) typed in, as a student would."""
    nb = copy.deepcopy(release)
    solutions = _solutions()
    for cell in nb.cells:
        gid = nbgrader_meta(cell).get("grade_id")
        if gid in solutions and (which is None or gid in which):
            cell.source = solutions[gid]
    return nb


def _cell(nb: NotebookNode, grade_id: str) -> NotebookNode:
    return next(c for c in nb.cells if nbgrader_meta(c).get("grade_id") == grade_id)


def build() -> dict[str, tuple[bytes, dict]]:
    """File name -> (content, expectation) for every sample."""
    release = nbformat.read(release_notebook(LAB), as_version=4)
    perfect = _fill(release)
    tests = list(lab_spec(LAB).tests.values())
    total = sum(t.points for t in tests)
    exercises = [nbgrader_meta(c)["grade_id"] for c in release.cells if nbgrader_meta(c).get("solution")]

    def points(solved) -> float:
        return sum(t.points for t in tests if t.anchor in solved)

    syntax = copy.deepcopy(perfect)
    _cell(syntax, SYNTAX_ERROR_IN).source += "\n\ndef oops(:\n    pass\n"
    loop = copy.deepcopy(perfect)
    _cell(loop, INFINITE_LOOP_IN).source = "while True:  # a loop that never ends\n    pass\n\n" + _cell(
        loop, INFINITE_LOOP_IN).source
    crash = copy.deepcopy(perfect)
    _cell(crash, KERNEL_CRASH_IN).source = "import os\n\nos._exit(1)  # kills the kernel\n\n" + _cell(
        crash, KERNEL_CRASH_IN).source
    edited = copy.deepcopy(perfect)
    _cell(edited, EDITED_TEST).source = "assert True  # my tests now"
    deleted = copy.deepcopy(perfect)
    deleted.cells = [c for c in deleted.cells if c is not _cell(deleted, DELETED_TEST)]
    edited_blank = copy.deepcopy(release)
    _cell(edited_blank, EDITED_TEST).source = "pass"

    def nb_bytes(nb: NotebookNode) -> bytes:
        return (nbformat.writes(nb) + "\n").encode()

    return {
        f"perfect_{LAB}.ipynb": (nb_bytes(perfect), {"score": total, "reason": "all tests passed"}),
        f"blank_{LAB}.ipynb": (nb_bytes(release), {"score": 0, "reason": "NotImplementedError"}),
        f"partial_{LAB}.ipynb": (nb_bytes(_fill(release, PARTIAL)),
                                 {"score": points(PARTIAL), "reason": "test_byte_bpe"}),
        f"syntaxerror_{LAB}.ipynb": (nb_bytes(syntax), {"score": total - points([SYNTAX_ERROR_IN]),
                                                         "reason": "unigram_viterbi [SyntaxError]"}),
        f"infiniteloop_{LAB}.ipynb": (nb_bytes(loop), {"score": total - points([INFINITE_LOOP_IN]),
                                                        "reason": "timed out: tokens_per_char"}),
        # tests that ran before the kernel died keep their points
        f"kernelcrash_{LAB}.ipynb": (nb_bytes(crash), {"score": points(exercises[:exercises.index(KERNEL_CRASH_IN)]),
                                                       "reason": "the kernel died in cell fertility"}),
        f"editedtest_{LAB}.ipynb": (nb_bytes(edited), {"score": total, "reason": "edited test cells restored"}),
        f"cheater_{LAB}.ipynb": (nb_bytes(edited_blank), {"score": 0, "reason": "edited test cells restored"}),
        f"deletedtest_{LAB}.ipynb": (nb_bytes(deleted), {"score": total, "reason": "deleted test cells put back"}),
        f"notjson_{LAB}.ipynb": (b"I exported my notebook as text, sorry\n",
                                 {"score": 0, "reason": "not a notebook: invalid JSON"}),
        f"oldformat_{LAB}.ipynb": (json.dumps({"nbformat": 3, "nbformat_minor": 0, "metadata": {},
                                               "worksheets": []}).encode(),
                                   {"score": 0, "reason": "unsupported notebook format v3"}),
    }


def _write(folder: Path, samples: dict[str, tuple[bytes, dict]]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.ipynb"):
        if old.name not in samples:
            old.unlink()
    written = []
    for name, (content, _) in samples.items():
        (folder / name).write_bytes(content)
        written.append(folder / name)
    expected = {name: exp for name, (_, exp) in samples.items()}
    (folder / "expected.json").write_text(json.dumps(expected, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    return written


def write(folder: Path = SAMPLES) -> list[Path]:
    """Write the samples and their ``expected.json``."""
    return _write(folder, build())
