"""Put the autograder's scores into nbgrader's gradebook, so formgrader and ``nbgrader export`` show them.

After ``python -m autograder grade`` every graded file becomes a submission in the gradebook: one score
per test cell (grade id) from the grader's own verdicts, and the time it was handed in (``timestamp.txt``
from ``nbgrader collect``, else none), which nbgrader compares with the lab's due date (``nbgrader db
assignment add LAB --duedate=...`` or formgrader) to say how late it was. A lab the gradebook does not know
yet is registered first from its source notebook, as ``nbgrader generate_assignment`` would.
"""

from __future__ import annotations

import json
import logging
import warnings
from datetime import datetime
from pathlib import Path

from nbgrader.api import Gradebook, MissingEntry
from nbgrader.utils import parse_utc
from sqlalchemy.exc import SAWarning

from . import export, nbgrader_api
from .grade import Result, workdir


def timestamp(folder: Path) -> datetime | None:
    """When nbgrader's exchange received a submission (``timestamp.txt``, UTC), if it says."""
    stamp = folder / "timestamp.txt"
    if not stamp.is_file() or stamp.is_symlink():
        return None
    try:
        return parse_utc(stamp.read_text().strip())
    except ValueError:
        return None


def open_gradebook() -> Gradebook:
    cfg = nbgrader_api.config()
    return Gradebook(cfg.CourseDirectory.db_url, cfg.CourseDirectory.course_id)


def _register(gb: Gradebook, lab: str) -> None:
    try:
        if gb.find_notebook(lab, lab).grade_cells:
            return
    except MissingEntry:
        pass
    from .release import generate  # nbgrader's generate_assignment fills in the notebook and its grade cells

    generate(lab)


def record(results: list[Result], source: Path) -> list[str]:
    """Store every graded row of ``results`` (graded from ``source``); return one line per late submission."""
    logging.getLogger("nbgrader").setLevel(logging.ERROR)
    rows = [r for r in results if r.status != "skipped" and r.score is not None]
    late = []
    with open_gradebook() as gb, warnings.catch_warnings():
        warnings.simplefilter("ignore", SAWarning)  # nbgrader's add_submission builds objects before adding them
        for lab in sorted({r.lab for r in rows}):
            _register(gb, lab)
        for r in rows:
            folder = source / Path(r.file).parent if source.is_dir() else None
            when = timestamp(folder) if folder else None
            result = workdir() / "autograded" / r.student_id / r.lab / "result.json"
            tests = json.loads(result.read_text()).get("tests", []) if result.is_file() else []
            points = {t["id"]: t["points"] if t["verdict"] == "passed" else 0.0 for t in tests}
            names = {} if r.student == r.student_id else {"last_name": r.student}
            gb.update_or_create_student(r.student_id, **names)
            try:
                gb.remove_submission(r.lab, r.student_id)  # a regrade replaces the old scores
            except MissingEntry:
                pass
            sub = gb.add_submission(r.lab, r.student_id, timestamp=when)
            for nb in sub.notebooks:
                for grade in nb.grades:
                    grade.auto_score = float(points.get(grade.name, 0.0))
                    grade.needs_manual_grade = False
            gb.db.commit()
            if sub.total_seconds_late > 0:
                late.append(f"late: {r.student} {r.lab} by {export.late(sub.total_seconds_late)} "
                            f"(due {sub.duedate:%Y-%m-%d %H:%M} UTC)")
    return late
