"""Walk a source notebook once and run the checks: each check swaps one solution cell, then runs a test cell.

A check for test cell T and exercise S runs, in a child forked just before T: the replacement for S
(a mutant, a correct variant, or the blanked cell), the cells between S and T that read what S defines
(so state built from S is rebuilt), then T. Before the checks of a test cell, a control check runs the
unchanged solution the same way; if it fails, the checks of that cell are reported as errors.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass

from . import kernel
from .kernel import Outcome, Shell
from .notebook import Cell, Lab
from .operators import RUNTIME, reference_source
from .runtime import Runtime


@dataclass(frozen=True)
class Check:
    key: str  # what is checked: a mutant id, a variant file, "blank:<exercise>"
    exercise: str  # grade_id of the solution cell it replaces
    source: str  # the cell to run instead
    test: Cell


@dataclass
class Run:
    outcomes: dict[tuple[str, str], Outcome]  # (check key, test grade_id) -> outcome
    notebook_errors: list[str]  # cells of the unchanged notebook that failed
    seconds: float


def run(lab: Lab, checks: list[Check], workers: int = 2, timeout: float | None = None, first_failure: bool = False,
        progress: Callable[[str], None] = lambda _: None) -> Run:
    """Run the notebook up to the last test cell any check needs, and every check on the way.
    With ``first_failure``, a key whose check failed at one test cell is not checked at later ones."""
    os.environ.update(kernel.ENVIRONMENT)
    start = time.perf_counter()
    by_test: dict[int, list[Check]] = {}
    for check in checks:
        by_test.setdefault(check.test.index, []).append(check)
    outcomes, errors, killed = {}, [], set()
    if not by_test:
        return Run(outcomes, errors, 0.0)
    last = max(by_test)
    reads = [Cell(-1, c.source).loads for c in checks]  # what the replacements read (None: unparsable)
    keep = lab.needed(last, None if None in reads else frozenset().union(*reads))
    shell, workdir, here = Shell(), tempfile.mkdtemp(prefix="mutation-"), os.getcwd()
    os.chdir(lab.path.parent)
    try:
        for cell in lab.cells:
            if cell.index > last:
                break
            if cell.index not in keep:
                continue
            todo = [c for c in by_test.get(cell.index, []) if c.key not in killed]
            if todo:
                progress(f"{lab.name}: {cell.grade_id}: {len(todo)} checks")
                done = _checks_at(lab, shell, cell, todo, workers, timeout, workdir, keep)
                outcomes.update(done)
                if first_failure:
                    killed |= {key for (key, _), o in done.items() if o.status in ("failed", "timeout", "crashed")}
            error = shell.run(cell.source)
            if error:
                errors.append(f"cell {cell.index} ({cell.grade_id or cell.kind}): {error}")
    finally:
        os.chdir(here)
        shutil.rmtree(workdir, ignore_errors=True)
    return Run(outcomes, errors, time.perf_counter() - start)


def _checks_at(lab: Lab, shell: Shell, test: Cell, checks: list[Check], workers: int, timeout: float | None,
               workdir: str, keep: set[int]) -> dict[tuple[str, str], Outcome]:
    out = {}
    by_exercise: dict[str, list[Check]] = {}
    for check in checks:
        by_exercise.setdefault(check.exercise, []).append(check)
    for name, group in by_exercise.items():
        solution = lab.exercises[name].cell
        reference = Check("control", name, reference_source(solution.source), test)
        control = _run_all(lab, shell, [reference], 1, 600.0, workdir, keep)["control"]
        if control.status != "passed":
            failed = Outcome("error", f"the unchanged solution fails here: {control.error or control.status}")
            out.update({(c.key, test.grade_id): failed for c in group})
            continue
        limit = timeout or max(10.0, 10 * control.seconds)
        results = _run_all(lab, shell, group, workers, limit, workdir, keep)
        out.update({(key, test.grade_id): outcome for key, outcome in results.items()})
    return out


def _run_all(lab: Lab, shell: Shell, checks: list[Check], workers: int, limit: float,
             workdir: str, keep: set[int]) -> dict[str, Outcome]:
    jobs = [(c.key, _job(lab, shell, c, keep)) for c in checks]
    if kernel.fork_safe():
        return dict(kernel.run_forked(jobs, workers, limit, workdir))
    return {key: kernel.run_inline(job, limit, shell.namespace) for key, job in jobs}


def _job(lab: Lab, shell: Shell, check: Check, keep: set[int]) -> Callable[[], Outcome]:
    def job() -> Outcome:
        start = time.perf_counter()
        helper = shell.namespace[RUNTIME] = Runtime(shell.namespace, shell.hidden)
        solution = lab.exercises[check.exercise].cell
        error = shell.run(check.source)
        if error:
            return _outcome(error, start, "in the solution cell: ")
        for cell in lab.replay(solution, check.test):
            if cell.index in keep:
                shell.run(cell.source)
        error = shell.run(check.test.source)
        if not error and helper.inert:
            return Outcome("inert", "", time.perf_counter() - start)
        return _outcome(error, start)

    return job


def _outcome(error: str, start: float, where: str = "") -> Outcome:
    seconds = time.perf_counter() - start
    if not error:
        return Outcome("passed", "", seconds)
    status = "timeout" if error.startswith(kernel.MutantTimeout.__name__) else "failed"
    return Outcome(status, where + error, seconds)
