"""The labs: discovery and name checks."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE = REPO / "lab_solutions"
RELEASE = REPO / "course"
LAB_NAME = re.compile(r"^\d\d_[a-z0-9_]+$")


class UsageError(Exception):
    """Bad input from the command line: reported as one line, exit status 2."""


def all_labs() -> list[str]:
    """Every lab with a source notebook, in order."""
    return sorted(
        p.name for p in SOURCE.iterdir() if LAB_NAME.match(p.name) and (p / f"{p.name}.ipynb").exists()
    )


def check_lab(lab: str) -> str:
    """Return ``lab`` if it names a lab, else raise UsageError listing the labs."""
    labs = all_labs()
    if lab not in labs:
        raise UsageError(f"unknown lab {lab!r}; labs are: {', '.join(labs)}")
    return lab


def nbgrader_meta(cell: dict) -> dict:
    """A cell's nbgrader metadata (empty for ordinary cells)."""
    return cell.get("metadata", {}).get("nbgrader", {})


def source_notebook(lab: str) -> Path:
    return SOURCE / lab / f"{lab}.ipynb"


def release_notebook(lab: str, lang: str = "en") -> Path:
    """One edition of a lab's student release."""
    return RELEASE / lang / lab / f"{lab}.ipynb"
