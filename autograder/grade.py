"""Autograde submissions with nbgrader: one student's bad notebook never stops the others."""

from __future__ import annotations

import csv
import json
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

import nbformat
from nbgrader.api import Gradebook

from . import nbgrader_api
from .labs import nbgrader_meta, source_notebook
from .release import release
from .submissions import Submission


@dataclass
class Result:
    """One graded submission; ``reason`` explains anything short of full marks or anything odd."""

    student: str
    lab: str
    score: float
    max_score: float
    status: str  # "graded" or "error"
    reason: str
    feedback: str = ""


def _grade_cells(nb: nbformat.NotebookNode) -> dict[str, nbformat.NotebookNode]:
    return {
        c.metadata.nbgrader["grade_id"]: c
        for c in nb.cells
        if nbgrader_meta(c).get("grade_id")
    }


def _max_score(lab: str) -> float:
    nb = nbformat.read(source_notebook(lab), as_version=4)
    return float(sum(c.metadata.nbgrader.get("points", 0) for c in _grade_cells(nb).values()
                     if c.metadata.nbgrader.get("grade")))


def read_notebook(data: bytes) -> tuple[nbformat.NotebookNode | None, str | None]:
    """Parse a submission; on failure return a one-line reason instead of a notebook."""
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None, "not a notebook: the file is not UTF-8 text"
    except json.JSONDecodeError as exc:
        return None, f"not a notebook: invalid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
    if not isinstance(raw, dict) or "nbformat" not in raw:
        return None, "not a notebook: JSON without an 'nbformat' version"
    if raw.get("nbformat") != 4:
        return None, f"unsupported notebook format v{raw.get('nbformat')} (need v4; re-save it in Jupyter or Colab)"
    try:
        nb = nbformat.reads(json.dumps(raw), as_version=4)
        nbformat.validate(nb)
    except Exception as exc:  # nbformat raises several kinds of validation errors
        return None, f"invalid notebook: {str(exc).strip().splitlines()[0]}"
    return nb, None


def _tampering(submitted: nbformat.NotebookNode, reference: nbformat.NotebookNode) -> list[str]:
    """Test cells the student edited or deleted (nbgrader restores both before grading)."""
    ours, theirs = _grade_cells(reference), _grade_cells(submitted)
    notes = []
    deleted = [gid for gid, c in ours.items() if c.metadata.nbgrader.get("grade") and gid not in theirs]
    edited = [
        gid for gid, c in ours.items()
        if c.metadata.nbgrader.get("grade") and gid in theirs
        and c.metadata.nbgrader.get("locked") and theirs[gid].source.strip() != c.source.strip()
    ]
    if deleted:
        notes.append(f"deleted test cells put back: {', '.join(deleted)}")
    if edited:
        notes.append(f"edited test cells restored: {', '.join(edited)}")
    return notes


def _failures(autograded: nbformat.NotebookNode) -> list[str]:
    """What went wrong in the graded run, without quoting any test: timeouts, failed tests, broken code."""
    timeouts, failed, broken = [], {}, []
    for cell in autograded.cells:
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if cell.cell_type != "code" or not errors:
            continue
        meta = nbgrader_meta(cell)
        where, ename = meta.get("grade_id") or cell.get("id", "?"), errors[0].get("ename", "Error")
        if "Timeout" in ename or ename == "KeyboardInterrupt":  # nbgrader interrupts a cell that runs too long
            timeouts.append(where)
        elif meta.get("grade"):
            failed.setdefault(ename, []).append(where)
        elif meta.get("solution"):
            broken.append(f"{where} [{ename}]")
    notes = [f"timed out: {', '.join(timeouts)}"] if timeouts else []
    if broken:
        notes.append(f"errors in your code: {', '.join(broken)}")
    if failed:
        notes.append("failed: " + "; ".join(f"{', '.join(ids)} [{ename}]" for ename, ids in failed.items()))
    return notes


def register(lab: str) -> nbformat.NotebookNode:
    """Put ``lab`` into the gradebook (a private release, not ``course/``); return its release notebook."""
    private = Path(nbgrader_api.api().coursedir.submitted_directory).parent / "release"
    return nbformat.read(release(lab, private), as_version=4)


def grade_one(sub: Submission, release_nb: nbformat.NotebookNode) -> Result:
    """Autograde one submission; every failure becomes a zero with a reason, never an exception."""
    max_score = _max_score(sub.lab)
    if sub.problem:
        return Result(sub.student, sub.lab, 0.0, max_score, "error", sub.problem)
    nb, problem = read_notebook(sub.data)
    if problem:
        return Result(sub.student, sub.lab, 0.0, max_score, "error", problem)
    api = nbgrader_api.api()
    coursedir = api.coursedir
    target = Path(coursedir.submitted_directory) / sub.student / sub.lab
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    nbformat.write(nb, target / f"{sub.lab}.ipynb")
    notes = _tampering(nb, release_nb)
    if not _grade_cells(nb):
        notes.append("no graded cells found: is this the right notebook?")
    try:
        nbgrader_api.run(api.autograde(sub.lab, sub.student, force=True, create=True), "autograding")
        with Gradebook(coursedir.db_url, coursedir.course_id) as gb:
            found = gb.find_submission(sub.lab, sub.student)
            score, max_score = float(found.score), float(found.max_score)
        autograded = Path(coursedir.autograded_directory) / sub.student / sub.lab / f"{sub.lab}.ipynb"
        notes += _failures(nbformat.read(autograded, as_version=4))
        nbgrader_api.run(api.generate_feedback(sub.lab, sub.student, force=True), "feedback")
    except Exception as exc:  # nbgrader or the kernel died: this student gets zero, the run goes on
        first = str(exc).strip().splitlines()
        return Result(sub.student, sub.lab, 0.0, max_score, "error", first[0] if first else type(exc).__name__)
    feedback = Path(coursedir.feedback_directory) / sub.student / sub.lab / f"{sub.lab}.html"
    reason = "; ".join(notes) or ("all tests passed" if score == max_score else "")
    return Result(sub.student, sub.lab, score, max_score, "graded", reason,
                  str(feedback) if feedback.exists() else "")


def write_csv(results: list[Result], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(asdict(results[0]) if results else Result.__annotations__))
        writer.writeheader()
        for r in results:
            writer.writerow(asdict(r))


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def table(results: list[Result]) -> str:
    """A plain-text score table."""
    rows = [("student", "lab", "score", "status", "reason")]
    rows += [(r.student, r.lab, f"{r.score:g}/{r.max_score:g}", r.status, r.reason) for r in results]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row[:4], widths)) + "  " + _short(row[4]) for row in rows]
    lines.insert(1, "-" * min(max(len(line) for line in lines), 120))
    return "\n".join(lines)
