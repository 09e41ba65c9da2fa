"""Build what is graded: the student's cells in their order, each test from the source notebook, and the
grader's own cells around them.

Only the source notebook (``lab_solutions/``) decides what a test is and how many points it is worth;
the submission only says where each test runs. Test cells the student deleted are put back after the
nearest cell that precedes them in the source; edited ones are replaced; copied ones (same nbgrader
metadata twice, as Jupyter's copy and paste makes) run once; locked read-only cells come from the
source too. Every other code cell is the student's and runs as written.
"""

from __future__ import annotations

import base64
import glob
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from .feedback import visible_part
from .labs import REPO, nbgrader_meta, source_notebook
from .tamper import Lab


def normal(source: str) -> str:
    """A cell's source with trailing spaces and blank edges removed, for comparisons."""
    return "\n".join(line.rstrip() for line in source.strip().splitlines())


@dataclass(frozen=True)
class Test:
    """One test cell of the source notebook."""

    grade_id: str
    points: float
    source: str  # hidden tests included
    visible: str  # as released to students
    anchor: str | None  # the solution cell just before it in the source


@dataclass
class LabSpec:
    """Everything grading needs to know about a lab, read once from the source and the releases."""

    lab: str
    tests: dict[str, Test]
    order: list[str]  # keys (grade_id, else cell id) of the source's code cells, in order
    locked: dict[str, str]  # read-only locked cells that are not tests: grade_id -> source
    trusted: set[str]  # normalised sources of every code cell the course wrote
    scan: Lab
    max_score: float


def _key(cell: NotebookNode) -> str | None:
    return nbgrader_meta(cell).get("grade_id") or cell.get("id")


def lab_spec(lab: str, source: Path | None = None) -> LabSpec:
    """Read the lab's source notebook and every released edition of it."""
    nb = nbformat.read(source or source_notebook(lab), as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    tests, locked, anchor = {}, {}, None
    for cell in code:
        meta = nbgrader_meta(cell)
        gid = meta.get("grade_id")
        if meta.get("solution"):
            anchor = gid
        elif gid and meta.get("grade"):
            tests[gid] = Test(gid, float(meta.get("points") or 0), cell.source, visible_part(cell.source), anchor)
        elif gid and meta.get("locked"):
            locked[gid] = cell.source
    releases = [nbformat.read(p, as_version=4) for p in sorted(glob.glob(str(REPO / "course" / "**" / lab /
                                                                              f"{lab}.ipynb"), recursive=True))]
    trusted_sources = [c.source for c in code if not nbgrader_meta(c).get("solution")]
    trusted_sources += [strip_solution(c.source) for c in code if nbgrader_meta(c).get("solution")]
    trusted_sources += [c.source for r in releases for c in r.cells if c.cell_type == "code"]
    trusted_sources += [t.visible for t in tests.values()]
    return LabSpec(lab, tests, [k for k in (_key(c) for c in code) if k], locked,
                   {normal(s) for s in trusted_sources}, Lab(trusted_sources),
                   sum(t.points for t in tests.values()))


def strip_solution(source: str) -> str:
    return "\n".join(line for line in source.split("\n") if "### BEGIN SOLUTION" not in line
                     and "### END SOLUTION" not in line)


@dataclass
class Step:
    """One cell of the graded notebook."""

    kind: str  # prelude, student, trusted, test, tripwire, final, markdown
    source: str  # what the kernel runs (for markdown: what feedback shows)
    label: str  # grade_id, cell id or "cell N"
    test: Test | None = None
    shown: str = ""  # what feedback shows as the cell's source


@dataclass
class Plan:
    steps: list[Step]
    notes: dict[str, list[str]] = field(default_factory=dict)  # deleted_tests, edited_tests, copied_cells

    def note(self, key: str, what: str) -> None:
        if what not in self.notes.setdefault(key, []):
            self.notes[key].append(what)

    @property
    def student_cells(self) -> list[tuple[str, str]]:
        return [(s.label, s.source) for s in self.steps if s.kind == "student"]


INSTALL = '__import__("sys").audit("nlpgrade.install")'
FINAL = '__import__("sys").audit("nlpgrade.final")'


def runner_call(k: int, test: Test) -> str:
    """The grader's cell for test ``k``: an audit event that the warden (``probe.py``) answers by running it.
    Student code that stops the event only stops the test: no signed verdict, no points."""
    encoded = base64.b64encode(test.source.encode("utf-8")).decode("ascii")
    return f'__import__("sys").audit("nlpgrade.run", {k}, {test.grade_id!r}, {encoded!r})'


def plan(nb: NotebookNode, spec: LabSpec, nonce: str) -> Plan:
    """The graded notebook's steps for submission ``nb``."""
    cells = list(nb.cells)
    code_ids = [nbgrader_meta(c).get("grade_id") if c.cell_type == "code" else None for c in cells]
    chosen = {}  # where each test runs: its first copy after its exercise (a copy above it runs after it)
    for gid, test in spec.tests.items():
        where = [i for i, g in enumerate(code_ids) if g == gid]
        after = [i for i in where if test.anchor in code_ids[:i]]
        if after or (where and test.anchor not in code_ids):
            chosen[gid] = (after or where)[0]
    result = Plan([Step("prelude", INSTALL, "prelude")])
    seen: set[str] = set()
    placed: dict[str, int] = {}  # source key -> index of its step
    for i, cell in enumerate(cells):
        gid, label = code_ids[i], code_ids[i] or f"cell {i + 1}"
        if cell.cell_type != "code":
            result.steps.append(Step("markdown", cell.source, label, shown=cell.source))
            continue
        if gid in spec.tests:
            test = spec.tests[gid]
            if chosen.get(gid) == i:
                if normal(cell.source) != normal(test.visible):
                    result.note("edited_tests", gid)
                placed[gid] = len(result.steps)
                result.steps.append(Step("test", "", gid, test, test.visible))
                continue
            result.note("copied_cells", gid)
            if normal(cell.source) in (normal(test.visible), normal(test.source)):
                continue  # a copy of the test: it runs once, where it belongs
        elif gid in spec.locked and gid not in seen:
            seen.add(gid)
            placed[gid] = len(result.steps)
            result.steps.append(Step("trusted", spec.locked[gid], gid, shown=spec.locked[gid]))
            continue
        elif gid is not None and gid in seen:
            result.note("copied_cells", gid)
        if gid:
            seen.add(gid)
        key = gid or cell.get("id")
        if key in spec.order and key not in placed:
            placed[key] = len(result.steps)
        kind = "trusted" if normal(cell.source) in spec.trusted else "student"
        result.steps.append(Step(kind, cell.source, label, shown=cell.source))
    _put_back(result, spec, placed, set(code_ids))
    k = 0
    for step in result.steps:
        if step.kind == "test":
            step.source = runner_call(k, step.test)
            k += 1
    result.steps += [Step("tripwire", f"raise AssertionError({tripwire(nonce)!r})", "tripwire"),
                     Step("final", FINAL, "final")]
    return result


def _put_back(result: Plan, spec: LabSpec, placed: dict[str, int], present: set) -> None:
    """Insert tests that did not run yet (deleted, or only above their exercise) after the nearest source
    cell that precedes them and is in the submission."""
    inserts: list[tuple[int, Step]] = []
    for gid, test in spec.tests.items():
        if gid in placed:
            continue
        if gid not in present:
            result.note("deleted_tests", gid)
        before = spec.order[: spec.order.index(gid)]
        anchor = next((placed[key] for key in reversed(before) if key in placed), None)
        inserts.append((len(result.steps) if anchor is None else anchor + 1, Step("test", "", gid, test, test.visible)))
    for offset, (position, step) in enumerate(sorted(inserts, key=lambda item: item[0])):
        result.steps.insert(position + offset, step)


def tripwire(nonce: str) -> str:
    return f"nlpgrade-tripwire-{nonce}"
