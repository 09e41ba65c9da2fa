"""Cut one language's edition out of a lab's bilingual release.

The source holds every prose cell twice, Korean (tag ``lang-ko``) then English (``lang-en``); code
cells are shared, so both editions grade the same. An edition keeps its own prose, gets its own
header, names the exercise in every stub, and lets "Run All" go past unfinished exercises.
"""

from __future__ import annotations

import copy
import re

from nbformat import NotebookNode

from nlpcourse.i18n import LANGS

from .labs import nbgrader_meta
from .stamp import lang_tag, stamp

STUB = "raise NotImplementedError()"
EXERCISE = re.compile(r"^#+\s.*?(?:Exercise|연습)\s+(\d+[a-z]?)", re.M)
QUIZ = re.compile(r"^#+\s.*(?:quiz|퀴즈)", re.M | re.I)
QUIZ_ANSWER = re.compile(r"^(?:quiz_)?(q\d+)$")  # a quiz answer cell's grade_id; the group is its variable


def cell_lang(cell: NotebookNode) -> str | None:
    """The language a cell is tagged with, if any."""
    tags = cell.get("metadata", {}).get("tags", [])
    return next((code for code in LANGS if lang_tag(code) in tags), None)


def stub_message(heading: str | None, lang: str, grade_id: str = "") -> str:
    """What an unsolved stub says: which exercise, or which quiz answer, to write."""
    if answer := QUIZ_ANSWER.match(grade_id):
        q = answer.group(1)
        return f"퀴즈 {q}: 답을 적으세요" if lang == "ko" else f"Quiz {q}: write your answer here"
    number = EXERCISE.search(heading or "")
    if number:
        n = number.group(1)
        return f"연습 {n}: 여기에 코드를 작성하세요" if lang == "ko" else f"Exercise {n}: write your code here"
    if heading and QUIZ.search(heading):
        return "퀴즈: 답을 적으세요" if lang == "ko" else "Quiz: write your answer here"
    return "여기에 코드를 작성하세요" if lang == "ko" else "write your code here"


def edition(release: NotebookNode, lab: str, lang: str) -> NotebookNode:
    """One language's student notebook from the bilingual release notebook (``release`` is not changed)."""
    nb = copy.deepcopy(release)
    other = {code for code in LANGS if code != lang}
    cells, heading = [], None
    for cell in nb.cells:
        if cell_lang(cell) in other:
            continue
        tags = [t for t in cell.metadata.get("tags", []) if not t.startswith("lang-")]
        meta = nbgrader_meta(cell)
        if cell.cell_type == "markdown" and (EXERCISE.search(cell.source) or QUIZ.search(cell.source)):
            heading = cell.source
        if meta.get("solution") and cell.cell_type == "code":
            message = stub_message(heading, lang, meta.get("grade_id", ""))
            cell.source = cell.source.replace(STUB, f"raise NotImplementedError({message!r})")
        if cell.cell_type == "code" and (meta.get("solution") or meta.get("grade")):
            tags.append("raises-exception")  # JupyterLab's Run All goes on past an unfinished exercise
        if tags:
            cell.metadata["tags"] = tags
        else:
            cell.metadata.pop("tags", None)
        cells.append(cell)
    nb.cells = cells
    nb.metadata.pop("widgets", None)
    nb.metadata["nlpcourse"] = {"lab": lab, "lang": lang}
    stamp(nb, lab, lang)
    return nb
