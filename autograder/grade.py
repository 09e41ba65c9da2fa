"""Grade one submission: the unit that runs serially, in a process pool or on a Dask worker.

``grade_unit(task)`` needs nothing but the task: the submission's bytes and the lab's spec (read from
the source notebook by the trusted parent). It runs the student's cells and the source's tests in a
sandboxed kernel, scores the tests from the runner's result lines (never from nbgrader's view of the
outputs), checks for tampering, and returns the result row, the feedback page and the graded notebook.
The parent writes files; a grading unit writes nothing outside its temporary folder.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import secrets
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

import nbformat

from . import channel, feedback, kernel
from .assemble import LabSpec, Plan, plan, tripwire
from .feedback import safe_name
from .labs import REPO, nbgrader_meta
from .messages import LANGS, Note
from .sandbox import Limits, make
from .submissions import Submission
from .tamper import scan

HISTORY = {"student": True, "trusted": True}  # grader cells stay out of the kernel's In/Out history


@dataclass
class Result:
    """One row of ``grades.csv``. ``reason`` is in the student's language, ``reason_en`` in English."""

    student: str
    student_id: str
    lab: str
    file: str
    score: float | None
    max_score: float
    status: str  # graded, needs review, error, skipped
    reason: str
    reason_en: str
    lang: str = "en"
    feedback: str = ""


@dataclass
class Task:
    sub: Submission
    spec: LabSpec
    sandbox: str
    limits: Limits


@dataclass
class Outcome:
    result: Result
    feedback_html: str = ""
    graded: str = ""  # the executed notebook, grader cells included: for instructors only
    log: str = ""
    seconds: float = 0.0
    tests: list[dict] = field(default_factory=list)  # per test: id, points, verdict, exception, line


def workdir() -> Path:
    """Where grading writes (``NLPCOURSE_WORKDIR``, default ``autograder/``); never mounted in a sandbox."""
    return Path(os.environ.get("NLPCOURSE_WORKDIR") or REPO / "autograder").resolve()


@dataclass(frozen=True)
class Bounds:
    """What the grader's own process reads of one submission (environment variables override them)."""

    file_mb: int = 64  # NLPCOURSE_MAX_SUBMISSION_MB: the file as handed in (outputs included)
    cells: int = 2000  # NLPCOURSE_MAX_CELLS: cells of every kind (a lab has about 150)
    source_kb: int = 2048  # NLPCOURSE_MAX_SOURCE_KB: all cell sources together (a lab has about 140 KB)
    depth: int = 64  # JSON nesting (a notebook has about 10 levels)

    @classmethod
    def from_env(cls) -> Bounds:
        d = cls()
        return cls(int(os.environ.get("NLPCOURSE_MAX_SUBMISSION_MB") or d.file_mb),
                   int(os.environ.get("NLPCOURSE_MAX_CELLS") or d.cells),
                   int(os.environ.get("NLPCOURSE_MAX_SOURCE_KB") or d.source_kb), d.depth)


def _depth(raw: object, limit: int) -> bool:
    """True if ``raw`` nests deeper than ``limit`` (iterative: no recursion on hostile input)."""
    stack = [(raw, 1)]
    while stack:
        value, level = stack.pop()
        if level > limit:
            return True
        if isinstance(value, dict):
            stack += [(v, level + 1) for v in value.values() if isinstance(v, (dict, list))]
        elif isinstance(value, list):
            stack += [(v, level + 1) for v in value if isinstance(v, (dict, list))]
    return False


def _text(value: object) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "".join(value)
    return None


def read_notebook(data: bytes, bounds: Bounds | None = None) -> tuple[nbformat.NotebookNode | None, Note | None]:
    """Parse a submission; on failure return a Note (``str()`` gives one English line) instead of a notebook.

    Work and memory are bounded before anything else reads the file: its size, the JSON's nesting, the
    number of cells and the size of their sources. The file's outputs and attachments are dropped unread
    (grading runs the cells again), so huge outputs cost only the JSON parse.
    """
    bounds = bounds or Bounds.from_env()
    if len(data) > bounds.file_mb << 20:
        return None, Note("too_big", mb=round(len(data) / (1 << 20), 1), limit=bounds.file_mb)
    if data.count(b'"cell_type"') > bounds.cells:  # before parsing: a cell count costs no memory
        return None, Note("too_many_cells", n=data.count(b'"cell_type"'), limit=bounds.cells)
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None, Note("not_utf8")
    except json.JSONDecodeError as exc:
        return None, Note("bad_json", line=exc.lineno, col=exc.colno, msg=exc.msg)
    except RecursionError:
        return None, Note("too_deep", limit=bounds.depth)
    if not isinstance(raw, dict) or "nbformat" not in raw:
        return None, Note("no_nbformat")
    if raw.get("nbformat") != 4:
        return None, Note("old_format", version=str(raw.get("nbformat"))[:20])
    cells = raw.get("cells")
    if isinstance(cells, list):
        if len(cells) > bounds.cells:
            return None, Note("too_many_cells", n=len(cells), limit=bounds.cells)
        for cell in cells:
            if isinstance(cell, dict):
                cell.pop("attachments", None)
                if cell.get("outputs"):
                    cell["outputs"] = []
                    cell["execution_count"] = None
        size = sum(len(_text(c.get("source")) or "") for c in cells if isinstance(c, dict))
        if size > bounds.source_kb << 10:
            return None, Note("too_much_source", kb=size >> 10, limit=bounds.source_kb)
    if _depth(raw, bounds.depth):
        return None, Note("too_deep", limit=bounds.depth)
    try:
        nb = nbformat.reads(json.dumps(raw), as_version=4)
        nbformat.validate(nb)
    except Exception as exc:  # nbformat raises several kinds of validation errors
        lines = str(exc).strip().splitlines()
        return None, Note("invalid", why=lines[0][:200] if lines else type(exc).__name__)
    return nb, None


def lang_of(nb: nbformat.NotebookNode) -> str:
    lang = (nb.metadata.get("nlpcourse") or {}).get("lang")
    return lang if lang in LANGS else "en"


def _row(sub: Submission, spec: LabSpec, score: float | None, status: str, notes: list[Note], lang: str) -> Result:
    return Result(sub.student, sub.student_id, sub.lab, sub.origin, score, spec.max_score, status,
                  "; ".join(n.text(lang) for n in notes), "; ".join(n.text("en") for n in notes), lang)


def _error(cell: nbformat.NotebookNode) -> dict | None:
    return next((o for o in cell.get("outputs", []) if o.get("output_type") == "error"), None)


class Verdicts:
    """Scores and evidence from the warden's signed records; nothing here trusts text the kernel chose."""

    def __init__(self, steps: list, cells: list, record: kernel.Run, nonce: str) -> None:
        records = channel.read(record.channel)
        self.tests: dict[str, dict] = {}
        self.evidence: list[str] = [f"audit: {flag}" for flag in dict.fromkeys(records.flags)]
        self.timeouts, self.code_errors = [], []
        self.counts: dict[int, list[str]] = {}  # verdict count (not 1) -> tests
        if records.forged:
            self.evidence.append(f"{records.forged} unsigned lines on the grader's result channel (forgery attempt)")
        started = record.stopped != "start" and 0 in record.replies
        if started and (not records.keyed or records.installed != 1):
            self.evidence.append("the grader's warden did not start or was installed twice")
        k = 0
        for index, (step, cell) in enumerate(zip(steps, cells)):
            ran = index in record.replies
            if step.kind == "test":
                self.tests[step.label] = self._test(step, k, index, ran, records.verdicts.get(k, []), record)
                k += 1
            elif step.kind == "final" and ran:
                if len(records.finals) != 1:
                    self.evidence.append("the final check reported nothing (its cell was changed before it ran)")
                self.evidence += [f"after the last test: {e}" for e in (records.finals or [[]])[0]]
            if step.kind == "tripwire" and ran and not self._tripped(cell, record.replies[index], nonce):
                self.evidence.append("the tripwire cell did not fail: errors of ordinary cells are being hidden")
            if index in record.timed_out and step.kind in ("student", "trusted", "test"):
                self.timeouts.append(step.label)
            error = _error(cell)
            if step.kind == "student" and error and index not in record.timed_out:
                self.code_errors.append(f"{step.label} [{safe_name(error.get('ename', ''))}]")
        for count, labels in sorted(self.counts.items()):
            shown = ", ".join(labels[:6]) + (f" and {len(labels) - 6} more" if len(labels) > 6 else "")
            self.evidence.append(f"the warden signed {count} verdicts instead of one for {shown} "
                                 "(the test's event was stopped or raised again)")
        extra = sorted(set(records.verdicts) - set(range(k)))
        if extra:
            self.evidence.append(f"verdicts for tests that do not exist: {extra[:5]}")

    def _test(self, step, k: int, index: int, ran: bool, verdicts: list[tuple], record: kernel.Run) -> dict:
        if index in record.timed_out:
            return {"status": "timeout"}
        if not ran:
            return {"status": "not_run"}
        if len(verdicts) != 1:
            self.counts.setdefault(len(verdicts), []).append(step.label)
            return {"status": "failed", "ename": "Error"}
        _, _, gid, ok, ename, line, digest, evidence = verdicts[0]
        if gid != step.label or digest != hashlib.sha256(step.test.source.encode("utf-8")).hexdigest():
            self.evidence.append(f"{step.label}: the verdict is for other test code")
            return {"status": "failed", "ename": "Error"}
        self.evidence += [f"before {step.label}: {e}" for e in evidence]
        if ok is True:
            return {"status": "passed"}
        return {"status": "failed", "ename": safe_name(str(ename)), "line": line if isinstance(line, int) else 0}

    @staticmethod
    def _tripped(cell, reply: str, nonce: str) -> bool:
        error = _error(cell)
        return reply == "error" and bool(error) and error.get("ename") == "AssertionError" \
            and tripwire(nonce) in str(error.get("evalue", ""))


def _unread(labels: list[str], steps: list, cells: list, record: kernel.Run) -> list[str]:
    """A cell the scan could not read is evidence if the kernel ran it without a syntax error: then the kernel
    reads a grammar the scan does not (a ``__future__`` flag, a transformer), and the scan never saw its code."""
    evidence = []
    for index, (step, cell) in enumerate(zip(steps, cells)):
        if step.kind == "student" and step.label in labels and index in record.replies:
            if (_error(cell) or {}).get("ename") not in ("SyntaxError", "IndentationError", "TabError"):
                evidence.append(f"{step.label}: the scan could not read this cell, yet the kernel ran it")
    return evidence


def _notes(p: Plan, spec: LabSpec, v: Verdicts, record: kernel.Run, steps: list, limits: Limits,
           has_grade_cells: bool) -> list[Note]:
    notes = [Note(key, ids=", ".join(p.notes[key])) for key in ("deleted_tests", "edited_tests", "copied_cells")
             if p.notes.get(key)]
    if not has_grade_cells:
        notes.append(Note("no_graded_cells"))
    if v.timeouts:
        notes.append(Note("timed_out", ids=", ".join(v.timeouts)))
    if v.code_errors:
        notes.append(Note("code_errors", cells=", ".join(v.code_errors)))
    failed: dict[str, list[str]] = {}
    for gid, outcome in v.tests.items():
        if outcome["status"] == "failed":
            failed.setdefault(outcome.get("ename", "Error"), []).append(gid)
    if failed:
        notes.append(Note("failed", ids="; ".join(f"{', '.join(ids)} [{ename}]" for ename, ids in failed.items())))
    if record.stopped == "died":
        notes.append(Note("kernel_died", where=steps[record.stopped_at].label))
    elif record.stopped == "wall":
        notes.append(Note("wall", seconds=limits.wall_s))
    elif record.stopped == "start":
        lines = [line for line in record.log.strip().splitlines() if line.strip()]
        notes.append(Note("start", why=lines[-1][:200] if lines else "unknown"))
    if record.over == "memory":
        notes.append(Note("over_memory", mb=limits.memory_mb))
    elif record.over == "processes":
        notes.append(Note("over_processes", n=limits.processes))
    if record.truncated:
        notes.append(Note("truncated", kb=limits.output_kb,
                          cells=", ".join(steps[i].label for i in sorted(record.truncated))))
    if record.dropped:
        notes.append(Note("dropped", mb=kernel.MAX_MESSAGE >> 20,
                          cells=", ".join(steps[i].label for i in sorted(record.dropped))))
    return notes


def grade_unit(task: Task) -> Outcome:
    """Grade one submission; every failure becomes a row with a reason, never an exception.

    Every step runs inside this guard, reading the file included: a hostile file costs only its author.
    """
    start = time.perf_counter()
    try:
        outcome = _unit(task)
    except Exception as exc:  # a bug, a kernel failure, MemoryError or RecursionError: this student gets a row
        first = str(exc).strip().splitlines()
        why = f"{type(exc).__name__}: {first[0][:160]}" if first else type(exc).__name__
        notes = [task.sub.note] if task.sub.note else []
        outcome = Outcome(_row(task.sub, task.spec, 0.0, "error", [*notes, Note("internal", why=why)], "en"))
    outcome.seconds = time.perf_counter() - start
    return outcome


def _unit(task: Task) -> Outcome:
    sub, spec = task.sub, task.spec
    chosen = [sub.note] if sub.note else []
    if sub.problem:
        return Outcome(_row(sub, spec, 0.0, "error", [*chosen, sub.problem], "en"))
    nb, problem = read_notebook(sub.data)
    if problem:
        return Outcome(_row(sub, spec, 0.0, "error", [*chosen, problem], "en"))
    return _grade(task, nb, lang_of(nb))


def _grade(task: Task, nb: nbformat.NotebookNode, lang: str) -> Outcome:
    sub, spec, limits = task.sub, task.spec, task.limits
    nonce = secrets.token_hex(8)
    p = plan(nb, spec, nonce)
    steps = [s for s in p.steps if s.kind != "markdown"]
    graded = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s.source) for s in steps])
    graded.metadata["nlpcourse"] = {"lab": sub.lab, "lang": lang, "student": sub.student}
    first_hidden = next((i for i, s in enumerate(steps) if s.kind == "test"
                         and feedback.strip_hidden(s.test.source)[1]), None)
    record = kernel.execute(graded, [HISTORY.get(s.kind, False) for s in steps], make(task.sandbox, limits), lang,
                            first_hidden)
    v = Verdicts(steps, graded.cells, record, nonce)
    context = [s.source for s in steps if s.kind == "trusted"]
    found, unread = scan(p.student_cells, spec.scan, context)
    v.evidence = v.evidence + _unread(unread, steps, graded.cells, record) + found  # what ran first, then the scan
    score = sum(spec.tests[gid].points for gid, o in v.tests.items() if o["status"] == "passed")
    has_grade_cells = any(nbgrader_meta(c).get("grade_id") for c in nb.cells)
    notes = _notes(p, spec, v, record, steps, limits, has_grade_cells)
    if v.evidence:
        shown = v.evidence[:12] + ([f"... {len(v.evidence) - 12} more"] if len(v.evidence) > 12 else [])
        notes.append(Note("review", evidence="; ".join(shown)))
    if score == spec.max_score and not v.evidence and record.stopped is None:
        notes.insert(0, Note("all_passed"))
    if sub.note:
        notes.insert(0, sub.note)
    status = "error" if record.stopped == "start" else "needs review" if v.evidence else "graded"
    result = _row(sub, spec, score, status, notes, lang)
    page = feedback.html(_feedback(p, graded, v, result, lang, record.frozen))
    tests = [{"id": gid, "points": spec.tests[gid].points, "verdict": o["status"], "exception": o.get("ename", ""),
              "line": o.get("line", 0)} for gid, o in v.tests.items()]
    return Outcome(result, page, nbformat.writes(graded), record.log, tests=tests)


def _feedback(p: Plan, graded: nbformat.NotebookNode, v: Verdicts, result: Result, lang: str,
              frozen: list | None) -> nbformat.NotebookNode:
    """The feedback notebook. Cells before the first hidden test show their outputs as they were when it
    started (``frozen``: later display updates cannot reach them); cells after it show none."""
    cells, withheld, executed, frozen = [], False, iter(enumerate(graded.cells)), frozen or []
    for step in p.steps:
        index, cell = next(executed) if step.kind != "markdown" else (None, None)
        if step.kind in ("prelude", "tripwire", "final"):
            continue
        if step.kind == "markdown":
            cells.append({"kind": "markdown", "source": step.source})
        elif step.kind == "test":
            outcome = v.tests[step.label]
            cells.append({"kind": "test", "source": feedback.strip_hidden(step.test.source)[0],
                          "verdict": feedback.verdict(outcome, step.test.source, step.test.points, lang)})
            withheld = withheld or feedback.strip_hidden(step.test.source)[1]
        else:
            outputs = frozen[index] if index < len(frozen) else cell.get("outputs", [])
            cells.append({"kind": step.kind, "source": step.shown, "outputs": list(outputs), "withheld": withheld})
    summary = f"**{result.status}**: " + Note("score", score=result.score, max_score=result.max_score).text(lang)
    summary += f"\n\n{result.reason}" if result.reason else ""
    return feedback.notebook(f"{result.lab}: {result.student}", summary, cells, lang)


CSV_FIELDS = [f.name for f in fields(Result)]


def write_row(fh, result: Result) -> None:
    """Append one row and make sure it is on disk: a crash loses at most the submissions still running."""
    csv.DictWriter(fh, fieldnames=CSV_FIELDS).writerow(asdict(result))
    fh.flush()
    os.fsync(fh.fileno())


def write_csv(results: list[Result], path: Path) -> None:
    """All rows, sorted, replacing ``path`` in one step."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for r in sorted(results, key=lambda r: (r.lab, r.student_id, r.status == "skipped", r.file)):
            writer.writerow(asdict(r))
    tmp.replace(path)


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


def table(results: list[Result]) -> str:
    """A plain-text score table."""
    rows = [("student", "lab", "score", "status", "reason")]
    rows += [(r.student, r.lab, "-" if r.score is None else f"{r.score:g}/{r.max_score:g}", r.status, r.reason_en)
             for r in results]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row[:4], widths)) + "  " + _short(row[4]) for row in rows]
    lines.insert(1, "-" * min(max(len(line) for line in lines), 120))
    return "\n".join(lines)
