"""``python -m autograder export``: the gradebook as a CSV an LMS imports, one row per student.

Formats (samples in docs/grades/):

- ``canvas``: Canvas's gradebook import: ``Student`` ("Last, First"), ``ID`` (the Canvas user id, nbgrader's
  ``lms_user_id``, may be empty), ``SIS User ID``, ``SIS Login ID`` (the course's student id), ``Section``, one
  column per lab and a ``Points Possible`` row; late and missing work goes in ``Notes`` (Canvas's notes column).
- ``moodle``: Moodle's *Import grades from CSV*: ``Username`` and ``Email address`` to match users, then per
  lab a score column and a ``LAB feedback`` column (map it to the lab's feedback) that says late or missing.

A missing submission leaves the score empty (the LMS applies its own missing-work policy) and is marked.
Lateness is the gradebook's: the submission's time against the lab's due date and the student's extension.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from nbgrader.api import Gradebook, MissingEntry

FORMATS = ("canvas", "moodle")


def late(seconds: float) -> str:
    """``95 min``, ``3.5 h``, ``4.0 days``."""
    hours = seconds / 3600
    return f"{hours / 24:.1f} days" if hours >= 48 else f"{hours:.1f} h" if hours >= 1 else f"{seconds / 60:.0f} min"


@dataclass
class Cell:
    score: float | None  # None: missing
    max_score: float
    seconds_late: float = 0.0

    @property
    def mark(self) -> str:
        if self.score is None:
            return "missing"
        return f"late by {late(self.seconds_late)}" if self.seconds_late > 0 else ""


@dataclass
class Row:
    student: str
    first: str
    last: str
    email: str
    lms_id: str
    cells: dict[str, Cell]


def table(gb: Gradebook, labs: list[str] | None = None) -> tuple[list[str], dict[str, float], list[Row]]:
    """Labs, their maximum scores and one row per student of the gradebook."""
    assignments = [a for a in gb.assignments if not labs or a.name in labs]
    names = [a.name for a in sorted(assignments, key=lambda a: a.name)]
    maxima = {a.name: float(a.max_score) for a in assignments}
    rows = []
    for student in sorted(gb.students, key=lambda s: s.id):
        cells = {}
        for lab in names:
            try:
                sub = gb.find_submission(lab, student.id)
                cells[lab] = Cell(float(sub.score), maxima[lab], sub.total_seconds_late)
            except MissingEntry:
                cells[lab] = Cell(None, maxima[lab])
        rows.append(Row(student.id, student.first_name or "", student.last_name or "", student.email or "",
                        student.lms_user_id or "", cells))
    return names, maxima, rows


def _score(cell: Cell) -> str:
    return "" if cell.score is None else f"{cell.score:g}"


def _notes(row: Row, labs: list[str]) -> str:
    return "; ".join(f"{lab}: {row.cells[lab].mark}" for lab in labs if row.cells[lab].mark)


def canvas(labs: list[str], maxima: dict[str, float], rows: list[Row]) -> list[list[str]]:
    out = [["Student", "ID", "SIS User ID", "SIS Login ID", "Section", *labs, "Notes"],
           ["Points Possible", "", "", "", "", *(f"{maxima[lab]:g}" for lab in labs), ""]]
    for row in rows:
        name = ", ".join(p for p in (row.last, row.first) if p) or row.student
        out.append([name, row.lms_id, "", row.student, "", *(_score(row.cells[lab]) for lab in labs),
                    _notes(row, labs)])
    return out


def moodle(labs: list[str], maxima: dict[str, float], rows: list[Row]) -> list[list[str]]:
    out = [["Username", "Email address", *(c for lab in labs for c in (lab, f"{lab} feedback"))]]
    for row in rows:
        out.append([row.student, row.email,
                    *(c for lab in labs for c in (_score(row.cells[lab]), row.cells[lab].mark))])
    return out


def export(gb: Gradebook, fmt: str, labs: list[str] | None = None) -> str:
    """The CSV text of the gradebook in ``fmt``."""
    lines = {"canvas": canvas, "moodle": moodle}[fmt](*table(gb, labs))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(lines)
    return buffer.getvalue()
