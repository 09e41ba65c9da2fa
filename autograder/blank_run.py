"""Run an unsolved edition top to bottom, as a student who has written nothing yet would.

Lesson cells must not fail: a cell that needs an unfinished exercise stops cleanly through
``nlpcourse.needs``. Outputs of lesson cells that ran without student code (figures, tables) are
kept in the release, so a student reading ahead sees them.
"""

from __future__ import annotations

import copy
import fcntl
import functools
import hashlib
import json
import os
from pathlib import Path

from nbclient import NotebookClient
from nbformat import NotebookNode

from nlpcourse.exercises import STOP_MARK

from .labs import REPO, nbgrader_meta

CELL_TIMEOUT = 300
VARYING = "nbval-ignore-output"
STAMPS = REPO / "course" / "blank_runs.json"
# What a blank run depends on besides the notebook's own code: the course package, the data, the pinned environment.
SHARED_INPUTS = ("nlpcourse", "data", "requirements.txt", "pyproject.toml", "autograder/blank_run.py")


def execute(nb: NotebookNode, cwd: Path = REPO) -> NotebookNode:
    """A copy of ``nb`` executed in fast mode, errors allowed (each cell's error stays in its outputs)."""
    executed = copy.deepcopy(nb)
    env = {**os.environ, "NLPCOURSE_MODE": "fast"}
    client = NotebookClient(executed, timeout=CELL_TIMEOUT, allow_errors=True, kernel_name="python3",
                            resources={"metadata": {"path": str(cwd)}})
    client.execute(env=env)  # the kernel's environment (NotebookClient itself has no env setting)
    return executed


def is_exercise(cell: NotebookNode) -> bool:
    meta = nbgrader_meta(cell)
    return bool(meta.get("solution") or meta.get("grade"))


def _error(cell: NotebookNode) -> NotebookNode | None:
    return next((o for o in cell.get("outputs", []) if o.get("output_type") == "error"), None)


def stopped(cell: NotebookNode) -> bool:
    """True if the cell printed the clean 'finish exercise N first' stop."""
    return any(STOP_MARK in str(o.get("text", "")) for o in cell.get("outputs", []))


def lesson_errors(executed: NotebookNode) -> list[str]:
    """Errors outside solution and test cells: each one a lesson a student cannot read yet."""
    problems = []
    for i, cell in enumerate(executed.cells):
        error = _error(cell) if cell.cell_type == "code" else None
        if error is not None and not is_exercise(cell):
            problems.append(f"cell {i} ({cell.get('id')}): {error.get('ename')}: {str(error.get('evalue'))[:120]}")
    return problems


def keep_outputs(executed: NotebookNode) -> NotebookNode:
    """``executed`` with outputs only where a lesson cell ran cleanly and reproducibly."""
    nb = copy.deepcopy(executed)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        keep = not (is_exercise(cell) or _error(cell) or stopped(cell) or VARYING in cell.metadata.get("tags", []))
        cell.outputs = _merge_streams([_clean(o) for o in cell.outputs]) if keep else []
        cell.execution_count = None
    nb.metadata.pop("widgets", None)
    return nb


def _merge_streams(outputs: list[NotebookNode]) -> list[NotebookNode]:
    """Adjacent stdout (or stderr) chunks as one output: how a stream is split varies from run to run."""
    merged: list[NotebookNode] = []
    for output in outputs:
        last = merged[-1] if merged else None
        if last is not None and output.output_type == last.output_type == "stream" and output.name == last.name:
            last.text += output.text
        else:
            merged.append(output)
    return merged


def _clean(output: NotebookNode) -> NotebookNode:
    if "execution_count" in output:
        output["execution_count"] = None
    output.get("data", {}).pop("application/vnd.jupyter.widget-view+json", None)
    return output


@functools.lru_cache(maxsize=1)
def _shared_digest() -> str:
    digest = hashlib.sha256()
    for name in SHARED_INPUTS:
        root = REPO / name
        files = sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if root.is_dir() \
            else [root]
        for path in files:
            digest.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def digest(nb: NotebookNode) -> str:
    """A fingerprint of a released edition as run blank: its code, its kept outputs and ``SHARED_INPUTS``.

    ``release`` records it after a clean blank run (``STAMPS``); an edition whose fingerprint still matches was run
    blank on exactly these inputs and produced exactly these outputs, so ``make test`` need not run it again.
    """
    code = [{"source": c.source, "outputs": c.get("outputs", [])} for c in nb.cells if c.cell_type == "code"]
    text = json.dumps(code, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256((text + _shared_digest()).encode()).hexdigest()


def _stamps() -> dict[str, str]:
    return json.loads(STAMPS.read_text(encoding="utf-8")) if STAMPS.exists() else {}


def record(lab: str, lang: str, nb: NotebookNode) -> None:
    """Note that the edition ``nb`` (as written to ``course/``) ran blank cleanly."""
    entry = digest(nb)
    with open(STAMPS.with_suffix(".lock"), "w") as lock:  # releases of several labs may run at once
        fcntl.flock(lock, fcntl.LOCK_EX)
        stamps = {**_stamps(), f"{lang}/{lab}": entry}
        STAMPS.write_text(json.dumps(dict(sorted(stamps.items())), indent=1) + "\n", encoding="utf-8")


def verified(lab: str, lang: str, nb: NotebookNode) -> bool:
    """True if ``nb`` is the edition that ``release`` ran blank, with nothing it depends on changed since."""
    return _stamps().get(f"{lang}/{lab}") == digest(nb)
