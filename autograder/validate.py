"""Validate one notebook with nbgrader's Validator, with an exit status that means something."""

from __future__ import annotations

from pathlib import Path

from nbgrader.validator import Validator

from . import nbgrader_api
from .grade import read_notebook
from .labs import UsageError


def validate(path: Path, blank: bool = False) -> list[str]:
    """Run the notebook; return its problems (empty means valid).

    Normally a problem is a failing test cell. With ``blank`` the notebook is expected to be an
    unsolved release, and a problem is a test cell that *passes* (a test that cannot fail).
    """
    if not path.is_file():
        raise UsageError(f"no such notebook: {path}")
    _, problem = read_notebook(path.read_bytes())
    if problem:
        raise UsageError(f"{path}: {problem}")
    validator = Validator(config=nbgrader_api.config(), invert=blank)
    results = validator.validate(str(path.resolve()))
    problems = []
    for cell in results.get("type_changed", []):
        problems.append(f"cell type changed from {cell['old_type']} to {cell['new_type']}: {cell['source'][:60]!r}")
    for cell in results.get("changed", []):
        problems.append(f"locked test cell was edited: {cell['source'][:60]!r}")
    for cell in results.get("failed", []):
        error = cell["raw_error"].strip().splitlines()
        problems.append(f"test failed: {cell['source'].splitlines()[0][:60]!r}: {error[-1] if error else ''}")
    for cell in results.get("passed", []):
        problems.append(f"test passes without a solution: {cell['source'].splitlines()[0][:60]!r}")
    return problems
