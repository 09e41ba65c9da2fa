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
