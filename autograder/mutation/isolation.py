"""Scoring isolation: a missing solution must cost points in its own test cells and nowhere else.

Each exercise's solution cell is blanked as in the student release (``raise NotImplementedError()``)
and every later test cell that can see it is run: its own test cells must fail, the others must pass.
A later test cell that fails uses the student's earlier function instead of a reference copy, so one
bug costs points twice (issue 13, class 8).
"""

from __future__ import annotations

from dataclasses import dataclass

from .kernel import Outcome
from .notebook import Lab, blank
from .runner import Check


@dataclass
class Isolation:
    exercise: str
    own_failed: list[str]  # own test cells that fail without the solution (expected)
    own_passed: list[str]  # own test cells that pass without it: a test that cannot fail
    others_failed: list[str]  # other test cells that lose points: violations
    errors: list[str]


def checks(lab: Lab, exercises: list[str]) -> list[Check]:
    out = []
    for name in exercises:
        solution = lab.exercises[name].cell
        for test in lab.tests:
            if test.index > solution.index and (test in lab.exercises[name].tests or lab.depends(test, solution)):
                out.append(Check(f"blank:{name}", name, blank(solution.source), test))
    return out


def summarize(lab: Lab, exercises: list[str], outcomes: dict[tuple[str, str], Outcome]) -> list[Isolation]:
    rows = []
    for name in exercises:
        own = {t.grade_id for t in lab.exercises[name].tests}
        row = Isolation(name, [], [], [], [])
        for (key, test), outcome in outcomes.items():
            if key != f"blank:{name}":
                continue
            if outcome.status == "error":
                row.errors.append(f"{test}: {outcome.error}")
            elif test in own:
                (row.own_passed if outcome.status == "passed" else row.own_failed).append(test)
            elif outcome.status != "passed":
                row.others_failed.append(f"{test} ({outcome.error or outcome.status})")
        rows.append(row)
    return rows


def markdown(lab: str, rows: list[Isolation]) -> str:
    lines = [f"## {lab}: scoring isolation", "",
             "| blanked exercise | its own test cells fail | own test cells that still pass | "
             "other test cells that lose points |", "|---|---|---|---|"]
    for r in rows:
        others = "; ".join(r.others_failed + [f"error: {e}" for e in r.errors]) or "none"
        lines.append(f"| {r.exercise} | {', '.join(r.own_failed) or 'none'} | {', '.join(r.own_passed) or 'none'} | "
                     f"{others} |")
    return "\n".join(lines) + "\n"


def problems(rows: list[Isolation]) -> int:
    return sum(len(r.own_passed) + len(r.others_failed) + len(r.errors) for r in rows)
