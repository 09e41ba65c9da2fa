"""Correct variants: other correct solutions, in other styles, must pass every test of their exercise.

``tests/variants/<lab>/<grade_id>_<style>.py`` holds a whole solution cell (the ``def`` lines included,
with its own imports) that replaces the reference cell of exercise ``<grade_id>``. A hidden test that
rejects one checks something the exercise text doesn't ask for, or asks for it too quietly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..labs import REPO
from .kernel import Outcome
from .notebook import Lab
from .runner import Check

ROOT = REPO / "tests" / "variants"


@dataclass
class VariantResult:
    file: str
    exercise: str
    failures: list[str]  # "test_x: AssertionError: ..." for each test cell that did not pass


def files(lab: str, folder: Path = ROOT) -> list[Path]:
    return sorted((folder / lab).glob("*.py"))


def exercise_of(path: Path, lab: Lab) -> str:
    """The longest grade_id that the file name starts with, followed by ``_``."""
    names = [g for g in lab.exercises if path.stem.startswith(f"{g}_")]
    if not names:
        raise ValueError(f"{path.name}: no exercise of {lab.name} matches; name it <grade_id>_<style>.py")
    return max(names, key=len)


def checks(lab: Lab, paths: list[Path]) -> list[Check]:
    out = []
    for path in paths:
        name = exercise_of(path, lab)
        out += [Check(path.name, name, path.read_text(), test) for test in lab.exercises[name].tests]
    return out


def summarize(lab: Lab, paths: list[Path], outcomes: dict[tuple[str, str], Outcome]) -> list[VariantResult]:
    rows = []
    for path in paths:
        name = exercise_of(path, lab)
        failures = [f"{test}: {o.error or o.status}" for (key, test), o in outcomes.items()
                    if key == path.name and o.status != "passed"]
        rows.append(VariantResult(path.name, name, failures))
    return rows


def markdown(lab: str, rows: list[VariantResult]) -> str:
    lines = [f"## {lab}: correct variants", "", "| variant | exercise | result |", "|---|---|---|"]
    lines += [f"| {r.file} | {r.exercise} | {'; '.join(r.failures) or 'full marks'} |" for r in rows]
    return "\n".join(lines) + "\n"
