"""Grade a folder or zip of submissions: collect, choose the sandbox, grade, and write each student's
files and CSV row as soon as that student is graded.

Per student (``<work>`` is ``NLPCOURSE_WORKDIR`` or ``autograder/``; ``<id>`` the safe student id):
``submitted/<id>/<lab>/<lab>.ipynb`` (the file as handed in), ``autograded/<id>/<lab>/<lab>.ipynb``
(executed, with the grader's cells: for instructors), ``autograded/<id>/<lab>/result.json`` and
``feedback/<id>/<lab>/<lab>.html``. ``grades.csv`` gets a row per file as results arrive, and is
rewritten sorted at the end.
"""

from __future__ import annotations

import csv
import json
import shutil
import signal
from dataclasses import asdict
from pathlib import Path

from .assemble import lab_spec
from .grade import CSV_FIELDS, Outcome, Result, Task, table, workdir, write_csv, write_row
from .labs import UsageError
from .parallel import run
from .sandbox import choose
from .submissions import Skipped, collect, safe_id


def _skipped_row(skip: Skipped, max_scores: dict[str, float]) -> Result:
    text = skip.note.text("en")
    return Result(skip.student, safe_id(skip.student) if skip.student else "", skip.lab, skip.origin, None,
                  max_scores.get(skip.lab, 0.0), "skipped", text, text)


def _save(outcome: Outcome, data: bytes, work: Path) -> Result:
    result = outcome.result
    parts = (result.student_id, result.lab)
    kept = work.joinpath("submitted", *parts, f"{result.lab}.ipynb")
    # grading the folder `nbgrader collect` wrote keeps it as it is (timestamp.txt, submission_secret.txt)
    same = kept.is_file() and not kept.is_symlink() and kept.read_bytes() == data
    for kind in ("autograded", "feedback") if same else ("submitted", "autograded", "feedback"):
        shutil.rmtree(work.joinpath(kind, *parts), ignore_errors=True)
        work.joinpath(kind, *parts).mkdir(parents=True)
    if not same:
        kept.write_bytes(data)
    if outcome.graded:
        work.joinpath("autograded", *parts, f"{result.lab}.ipynb").write_text(outcome.graded, encoding="utf-8")
    if outcome.feedback_html:
        page = work.joinpath("feedback", *parts, f"{result.lab}.html")
        page.write_text(outcome.feedback_html, encoding="utf-8")
        result.feedback = str(page)
    record = {**asdict(result), "seconds": round(outcome.seconds, 2), "tests": outcome.tests,
              "kernel_log": outcome.log}
    work.joinpath("autograded", *parts, "result.json").write_text(json.dumps(record, indent=1, ensure_ascii=False))
    return result


def _done(csv_path: Path) -> list[Result]:
    """Rows of an earlier run's ``grades.csv`` for submissions it graded (``--resume`` keeps them)."""
    if not csv_path.exists():
        return []
    with csv_path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    done = []
    for row in rows:
        if row.get("status") in ("graded", "needs review", "error") and set(CSV_FIELDS) <= set(row):
            score = float(row["score"]) if row["score"] not in ("", None) else None
            done.append(Result(**{**row, "score": score, "max_score": float(row["max_score"])}))
    return done


def grade_batch(path: Path, lab: str | None, csv_path: Path, sandbox_mode: str, workers: int = 1,
                scheduler: str | None = None, resume: bool = False) -> list[Result]:
    """Grade everything under ``path``; print progress and a table; return every row of ``grades.csv``.

    Ctrl-C or SIGTERM stops every worker and sandbox the run started and keeps the rows already written;
    ``resume`` then grades only the submissions that have no row yet."""
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        return _grade_batch(path, lab, csv_path, sandbox_mode, workers, scheduler, resume)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _grade_batch(path: Path, lab: str | None, csv_path: Path, sandbox_mode: str, workers: int,
                 scheduler: str | None, resume: bool) -> list[Result]:
    submissions, skipped = collect(path, lab)
    if not submissions and not skipped:
        raise UsageError(f"no submissions found in {path}")
    sandbox = choose(sandbox_mode)
    if sandbox.name == "none":
        print("warning: --sandbox none: submissions run unsandboxed, with the grader's permissions")
    specs = {name: lab_spec(name) for name in sorted({s.lab for s in submissions})}
    rows = [_skipped_row(s, {k: v.max_score for k, v in specs.items()}) for s in skipped]
    for row in rows:
        print(f"skipped {row.file}: {row.reason_en}")
    earlier = {(r.student, r.lab): r for r in _done(csv_path)} if resume else {}
    work = workdir()
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    data = {(s.student, s.lab): s.data for s in submissions}
    tasks = [Task(s, specs[s.lab], sandbox.name, sandbox.limits) for s in submissions
             if (s.student, s.lab) not in earlier]
    if earlier:
        print(f"resuming: {len(submissions) - len(tasks)} submission(s) already graded in {csv_path}")
    print(f"grading {len(tasks)} submission(s) in sandbox '{sandbox.name}', {workers} at a time"
          + (f" on {scheduler}" if scheduler else ""), flush=True)
    kept = [r for r in earlier.values() if (r.student, r.lab) in data]
    with csv_path.open("w", newline="", encoding="utf-8") as fh:
        fh.write(",".join(CSV_FIELDS) + "\r\n")
        for row in rows + kept:
            write_row(fh, row)
        rows += kept
        for outcome in run(tasks, workers, scheduler):
            result = _save(outcome, data[(outcome.result.student, outcome.result.lab)], work)
            write_row(fh, result)
            rows.append(result)
            print(f"graded {result.student:<14} {result.lab:<28} {result.score:g}/{result.max_score:g} "
                  f"{result.status} ({outcome.seconds:.1f} s)", flush=True)
    write_csv(rows, csv_path)
    print()
    print(table(sorted(rows, key=lambda r: (r.lab, r.student_id, r.file))))
    print(f"\ngrades: {csv_path}\nfeedback: {work / 'feedback'}/<student>/<lab>/<lab>.html")
    return rows


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt(f"signal {signum}")  # unwinds like Ctrl-C: workers and sandboxes are stopped
