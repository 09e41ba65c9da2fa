"""Tally the checks per exercise and write them out: a Markdown report and a JSON record.

Mutation: a mutant is *killed* when a test cell that scores its exercise fails (an exception, a
timeout, a crash), *survived* when they all pass, *equivalent* when it survived and is listed in the
lab's equivalents file (reviewed: it cannot change behaviour), *inert* when the mutation never acted
(an immutable argument modified "in place"). Kill rate = killed / (killed + survived).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .kernel import Outcome
from .notebook import Lab
from .operators import Mutant

KILLED = {"failed", "timeout", "crashed"}


@dataclass
class Tally:
    exercise: str
    tests: str
    mutants: int = 0
    killed: int = 0
    survived: int = 0
    equivalent: int = 0
    inert: int = 0
    error: int = 0

    @property
    def rate(self) -> float | None:
        scored = self.killed + self.survived
        return self.killed / scored if scored else None


@dataclass
class MutationReport:
    lab: str
    tallies: list[Tally]
    verdicts: dict[str, str]  # mutant id -> killed | survived | equivalent | inert | error
    mutants: list[Mutant]
    outcomes: dict[tuple[str, str], Outcome]
    stale: list[str] = field(default_factory=list)  # listed as equivalent, but killed or unknown
    notes: list[str] = field(default_factory=list)

    def below(self, threshold: float) -> list[Tally]:
        return [t for t in self.tallies if t.rate is not None and t.rate < threshold]


def load_equivalents(path: Path) -> dict[str, str]:
    """``{"equivalent": [{"id": ..., "exercise": ..., "change": ..., "reason": ...}, ...]}`` -> id: reason."""
    if not path.exists():
        return {}
    return {item["id"]: item["reason"] for item in json.loads(path.read_text())["equivalent"]}


def tally(lab: Lab, mutants: list[Mutant], outcomes: dict[tuple[str, str], Outcome],
          equivalents: dict[str, str], known: set[str]) -> MutationReport:
    """``known``: the id of every mutant of the lab, run or not (a listed id outside it is stale)."""
    verdicts, tallies, stale, results = {}, {}, [], {}
    for (key, _), outcome in outcomes.items():
        results.setdefault(key, []).append(outcome)
    for name, exercise in lab.exercises.items():
        tests = ", ".join(f"{t.grade_id} ({t.points:g})" for t in exercise.tests) or "no test cell"
        tallies[name] = Tally(name, tests)
    for mutant in mutants:
        verdict = _verdict(results.get(mutant.id, []), mutant.id in equivalents)
        if mutant.id in equivalents and verdict != "equivalent":
            stale.append(f"{mutant.id} is listed as equivalent but was {verdict}")
        verdicts[mutant.id] = verdict
        row = tallies[mutant.exercise]
        row.mutants += 1
        setattr(row, verdict, getattr(row, verdict) + 1)
    stale += [f"{i} is listed as equivalent but no such mutant exists" for i in equivalents if i not in known]
    used = [t for t in tallies.values() if t.mutants]
    return MutationReport(lab.name, used, verdicts, mutants, outcomes, stale)


def _verdict(results: list[Outcome], listed: bool) -> str:
    statuses = {o.status for o in results}
    if not statuses or "error" in statuses:
        return "error"
    if statuses & KILLED:
        return "killed"
    if statuses == {"inert"}:
        return "inert"
    return "equivalent" if listed else "survived"


def _percent(rate: float | None) -> str:
    return "n/a" if rate is None else f"{100 * rate:.1f}%"


def mutation_markdown(report: MutationReport, heading: str = "") -> str:
    lines = [f"## {report.lab}", ""] + ([heading, ""] if heading else [])
    lines += ["| exercise | test cells (points) | mutants | killed | survived | equivalent | inert | error "
              "| kill rate |", "|---|---|--:|--:|--:|--:|--:|--:|--:|"]
    total = Tally("**total**", "")
    for t in report.tallies:
        lines.append(f"| {t.exercise} | {t.tests} | {t.mutants} | {t.killed} | {t.survived} | {t.equivalent} | "
                     f"{t.inert} | {t.error} | {_percent(t.rate)} |")
        for name in ("mutants", "killed", "survived", "equivalent", "inert", "error"):
            setattr(total, name, getattr(total, name) + getattr(t, name))
    lines.append(f"| **total** | | {total.mutants} | {total.killed} | {total.survived} | {total.equivalent} | "
                 f"{total.inert} | {total.error} | **{_percent(total.rate)}** |")
    for note in report.notes + report.stale:
        lines += ["", f"- {note}"]
    survivors = [m for m in report.mutants if report.verdicts[m.id] in ("survived", "error")]
    if survivors:
        lines += ["", f"### Surviving mutants of {report.lab}", ""]
    for m in survivors:
        verdict = report.verdicts[m.id]
        errors = {o.error for (k, _), o in report.outcomes.items() if k == m.id and o.error}
        extra = f" ({verdict}: {'; '.join(sorted(errors))})" if verdict == "error" else ""
        lines += [f"`{m.id}` {m.exercise} · {m.operator} · line {m.line} of the cell{extra}", "", "```diff", m.diff,
                  "```", ""]
    return "\n".join(lines).rstrip() + "\n"


def mutation_json(report: MutationReport) -> dict:
    outcomes: dict[str, dict] = {}
    for (key, test), outcome in report.outcomes.items():
        outcomes.setdefault(key, {})[test] = asdict(outcome)
    return {
        "lab": report.lab,
        "exercises": [{**asdict(t), "kill_rate": t.rate} for t in report.tallies],
        "mutants": [{"id": m.id, "exercise": m.exercise, "function": m.function, "operator": m.operator,
                     "line": m.line, "original": m.original, "replacement": m.replacement,
                     "verdict": report.verdicts[m.id], "outcomes": outcomes.get(m.id, {}), "diff": m.diff}
                    for m in report.mutants],
        "stale_equivalents": report.stale,
        "notes": report.notes,
    }
