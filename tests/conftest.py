"""Shared fixtures: repository paths and the list of labs."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # `autograder` is run from the repository root, not installed

os.environ.setdefault("NLPCOURSE_MODE", "fast")
# Each test process grades in its own throwaway work folder and gradebook, never in autograder/.
os.environ.setdefault("NLPCOURSE_WORKDIR", tempfile.mkdtemp(prefix="nlpcourse-grading-"))

from autograder.labs import all_labs  # noqa: E402

LABS = all_labs()


@pytest.fixture
def repo() -> Path:
    return REPO


def run_cli(*args: str, env: dict | None = None, timeout: float = 600):
    """Run ``python -m autograder ARGS`` from the repository root; return the CompletedProcess."""
    import subprocess

    return subprocess.run(
        [sys.executable, "-m", "autograder", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


# `make test` runs `pytest -n 2 --dist loadgroup`: each test file goes to one worker as a whole (its module fixtures
# run once), except the per-lab work of the slowest files, which is split by lab so that both workers share it.
# (The group goes into the node id, as xdist's `xdist_group` mark would put it if it still worked with pytest 9.)
SPLIT_BY_LAB = {"test_variants.py": "path", "test_editions.py": "blank_run"}


def pytest_collection_modifyitems(config, items):
    if config.getoption("dist", "no") != "loadgroup" and not getattr(config.option, "loadgroup", False):
        return
    for item in items:
        if "@" in item.nodeid:
            continue
        group = Path(str(item.fspath)).name
        param = SPLIT_BY_LAB.get(group)
        spec = getattr(item, "callspec", None)
        if param and spec and param in spec.params:
            value = spec.params[param]
            lab = value.relative_to(REPO / "tests" / "variants").parts[0] if isinstance(value, Path) else value[0]
            group = f"{group}:{lab}"
        set_node_id(item, f"{item.nodeid}@{group}")


def set_node_id(item, nodeid: str) -> None:
    """Rename a test (pytest 9 keeps the id in ``_id``; xdist 3.8 still writes ``_nodeid``, which pytest 9 ignores)."""
    if hasattr(item, "_id"):
        from _pytest.nodeid import coerce_node_id

        item._id = coerce_node_id(nodeid)
    else:
        item._nodeid = nodeid


# The hostile corpus is test data for the sandboxed grader, never notebooks for nbval to run here: one of them
# kills every process it can reach (`os.kill(-1, SIGKILL)`), which unsandboxed, as root, is the whole machine.
collect_ignore = ["hostile_corpus"]
