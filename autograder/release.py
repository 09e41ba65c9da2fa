"""Generate the student release (``course/``) from the source notebooks (``lab_solutions/``).

nbgrader strips solutions and hidden tests from the bilingual source; each language's edition is then
cut out of that (``editions``) and, for ``course/``, run blank so lesson outputs can be kept.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import nbformat

from nlpcourse.i18n import LANGS

from . import nbgrader_api
from .blank_run import execute as run_blank
from .blank_run import keep_outputs, lesson_errors, record
from .editions import edition
from .labs import RELEASE, UsageError, source_notebook
from .stamp import stamp


def generate(lab: str) -> nbformat.NotebookNode:
    """nbgrader's release of the bilingual source (registers the lab in the gradebook too)."""
    api = nbgrader_api.api()
    with tempfile.TemporaryDirectory(prefix="nlpcourse-release-") as tmp:
        api.coursedir.release_directory = tmp
        nbgrader_api.run(api.generate_assignment(lab, force=True, create=True), f"release of {lab}")
        return nbformat.read(Path(tmp) / lab / f"{lab}.ipynb", as_version=4)


def release(lab: str, release_dir: Path | None = None, execute: bool = False) -> Path:
    """Write ``<release_dir>/<lang>/<lab>/<lab>.ipynb`` for every language; return the English one.

    ``execute`` runs each edition blank and keeps the outputs of lesson cells that need no student
    code (``python -m autograder release`` does; grading does not need it). An edition whose lesson cells
    fail blank is not written.
    """
    bilingual = generate(lab)
    root = release_dir or RELEASE
    for lang in LANGS:
        nb = edition(bilingual, lab, lang)
        path = root / lang / lab / f"{lab}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        if execute:
            nb = run_blank(nb, cwd=path.parent)
            if errors := lesson_errors(nb):
                raise UsageError(f"the blank {lang} edition of {lab} fails outside solution and test cells "
                                 f"(use nlpcourse.needs(N)): {'; '.join(errors[:3])}")
        nb = keep_outputs(nb)
        nbformat.write(nb, path)
        if execute and release_dir is None:
            record(lab, lang, nbformat.read(path, as_version=4))
    return root / "en" / lab / f"{lab}.ipynb"


def stamp_source(lab: str) -> bool:
    """Rewrite the source notebook's header cells; return True if they changed."""
    path = source_notebook(lab)
    nb = nbformat.read(path, as_version=4)
    changed = stamp(nb, lab)
    if changed:
        nbformat.write(nb, path)
    return changed
