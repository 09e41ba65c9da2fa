"""Variants: other solutions written as students write them, correct ones and wrong ones.

``tests/variants/<lab>/<grade_id>_<style>.py`` holds a whole correct solution cell (the ``def`` lines
included, with its own imports) that replaces the reference cell of exercise ``<grade_id>``: it must pass
every test of its exercise. A hidden test that rejects one checks something the exercise text doesn't ask
for, or asks for it too quietly.

``tests/variants/<lab>/wrong/<grade_id>_<bug>.py`` holds a realistic wrong solution, written from the
student release's text with one mistake a student makes (``<bug>`` names its class: ``shape``, ``type``,
``ties``, ``mode``, ``generic``, ``random``, ``algorithm``, ``domain``, ...; its docstring says what is
wrong). It must fail a test cell of its own exercise and no other test cell (each bug costs points once,
where it is). Both kinds run in the same pass: one kernel per lab.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..labs import REPO
from .kernel import Outcome
from .notebook import Lab
from .runner import Check

ROOT = REPO / "tests" / "variants"
WRONG = "wrong"


@dataclass
class VariantResult:
    file: str  # "name.py" for a correct variant, "wrong/name.py" for a wrong one
    exercise: str
    failures: list[str]  # "test_x: AssertionError: ..." for each own test cell that did not pass
    kind: str = "correct"
    others: list[str] = field(default_factory=list)  # other test cells that did not pass (wrong variants)

    @property
    def ok(self) -> bool:
        if self.kind == "correct":
            return not self.failures
        return bool(self.failures) and not self.others


def files(lab: str, folder: Path = ROOT) -> list[Path]:
    """The correct variants, then the wrong ones."""
    return sorted((folder / lab).glob("*.py")) + sorted((folder / lab / WRONG).glob("*.py"))


def is_wrong(path: Path) -> bool:
    return path.parent.name == WRONG


def key(path: Path) -> str:
    return f"{WRONG}/{path.name}" if is_wrong(path) else path.name


def exercise_of(path: Path, lab: Lab) -> str:
    """The longest grade_id that the file name starts with, followed by ``_``."""
    names = [g for g in lab.exercises if path.stem.startswith(f"{g}_")]
    if not names:
        raise ValueError(f"{key(path)}: no exercise of {lab.name} matches; name it <grade_id>_<style>.py")
    return max(names, key=len)


def checks(lab: Lab, paths: list[Path]) -> list[Check]:
    """A correct variant runs its exercise's test cells; a wrong one also every later test cell that can see it."""
    out = []
    for path in paths:
        name = exercise_of(path, lab)
        exercise, source = lab.exercises[name], path.read_text()
        tests = list(exercise.tests)
        if is_wrong(path):
            tests += [t for t in lab.tests if t not in tests and t.index > exercise.cell.index
                      and lab.depends(t, exercise.cell)]
        out += [Check(key(path), name, source, test) for test in tests]
    return out


def summarize(lab: Lab, paths: list[Path], outcomes: dict[tuple[str, str], Outcome]) -> list[VariantResult]:
    rows = []
    for path in paths:
        name = exercise_of(path, lab)
        own = {t.grade_id for t in lab.exercises[name].tests}
        row = VariantResult(key(path), name, [], "wrong" if is_wrong(path) else "correct")
        for (k, test), o in outcomes.items():
            if k == row.file and o.status != "passed":
                (row.failures if test in own else row.others).append(f"{test}: {o.error or o.status}")
        rows.append(row)
    return rows


def markdown(lab: str, rows: list[VariantResult]) -> str:
    correct = [r for r in rows if r.kind == "correct"]
    wrong = [r for r in rows if r.kind == "wrong"]
    lines = [f"## {lab}: correct variants ({sum(r.ok for r in correct)}/{len(correct)} full marks)", "",
             "| variant | exercise | result |", "|---|---|---|"]
    lines += [f"| {r.file} | {r.exercise} | {'; '.join(r.failures) or 'full marks'} |" for r in correct]
    if wrong:
        lines += ["", f"## {lab}: wrong variants ({sum(r.ok for r in wrong)}/{len(wrong)} caught where they are)",
                  "", "| variant | exercise | own test cells failed | other test cells failed |", "|---|---|---|---|"]
        lines += [f"| {r.file} | {r.exercise} | {len(r.failures) or 'NONE: not caught'} | "
                  f"{'; '.join(r.others) or 'none'} |" for r in wrong]
    return "\n".join(lines) + "\n"
