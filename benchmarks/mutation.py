"""Mutation testing of every lab's tests, and the scoring-isolation check: writes benchmarks/mutation/REPORT.md.

    python benchmarks/mutation.py                           # every lab, every mutant (slow: tens of minutes)
    python benchmarks/mutation.py --sample 20               # at most 20 mutants per exercise (seed 0)
    python benchmarks/mutation.py 01_tokenizers --rev HEAD~3 --out /tmp/before.md   # the labs as committed then

Each lab runs in its own ``python -m autograder mutate`` process (one kernel per lab), then again with
``--isolation``. The report gives per exercise: mutants, killed, survived, equivalent (listed in
benchmarks/mutation/equivalent/LAB.json), inert, kill rate; the survivors by operator; the exercises
under 95%; the test cells that lose points for another exercise's blank solution; the wall time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOAL = 0.95


def lab_notebooks(labs: list[str], rev: str | None, folder: Path) -> dict[str, Path]:
    """Each lab's source notebook: the working tree's, or the one committed at ``rev`` (copied to ``folder``)."""
    if rev is None:
        notebooks = sorted((REPO / "lab_solutions").glob("*/*.ipynb"))
        found = {p.parent.name: p for p in notebooks if p.stem == p.parent.name}
    else:
        listing = subprocess.run(["git", "ls-tree", "-r", "--name-only", rev, "lab_solutions"], cwd=REPO,
                                 capture_output=True, text=True, check=True).stdout.split()
        found = {}
        for name in listing:
            path = Path(name)
            if path.suffix == ".ipynb" and path.stem == path.parent.name:
                target = folder / path.parent.name / path.name
                target.parent.mkdir(parents=True)
                target.write_bytes(subprocess.run(["git", "show", f"{rev}:{name}"], cwd=REPO, capture_output=True,
                                                  check=True).stdout)
                found[path.stem] = target
                listed = f"benchmarks/mutation/equivalent/{path.stem}.json"  # the equivalents as committed then
                shown = subprocess.run(["git", "show", f"{rev}:{listed}"], cwd=REPO, capture_output=True)
                (folder / path.stem / "equivalent.json").write_bytes(shown.stdout if shown.returncode == 0 else
                                                                     b'{"equivalent": []}')
    missing = [lab for lab in labs if lab not in found]
    if missing:
        sys.exit(f"error: no lab {', '.join(missing)} (labs: {', '.join(found)})")
    return {lab: found[lab] for lab in labs or found}


def mutate(notebook: Path, out: Path, extra: list[str]) -> tuple[dict, float]:
    """Run ``python -m autograder mutate`` on one notebook; return its JSON record and wall time."""
    start = time.perf_counter()
    out.unlink(missing_ok=True)
    subprocess.run([sys.executable, "-m", "autograder", "mutate", str(notebook), "--json", str(out), *extra],
                   cwd=REPO, stdout=sys.stderr, check=False)
    if not out.exists():
        sys.exit(f"error: no result from {notebook}")
    return json.loads(out.read_text()), time.perf_counter() - start


def percent(killed: int, survived: int) -> str:
    return f"{100 * killed / (killed + survived):.1f}%" if killed + survived else "n/a"


def lab_section(record: dict, isolation: dict | None, seconds: float) -> list[str]:
    lines = [f"### {record['lab']}", "",
             "| exercise | test cells (points) | mutants | killed | survived | equivalent | inert | error "
             "| kill rate |", "|---|---|--:|--:|--:|--:|--:|--:|--:|"]
    for row in record["exercises"]:
        flag = "" if row["kill_rate"] is None or row["kill_rate"] >= GOAL else " ⚠"
        lines.append(f"| {row['exercise']} | {row['tests']} | {row['mutants']} | {row['killed']} | {row['survived']} "
                     f"| {row['equivalent']} | {row['inert']} | {row['error']} "
                     f"| {percent(row['killed'], row['survived'])}{flag} |")
    survivors = Counter(m["operator"] for m in record["mutants"] if m["verdict"] == "survived")
    lines += ["", "Survivors by operator: " + (", ".join(f"{op} {n}" for op, n in survivors.most_common()) or "none")
              + f". Mutation run: {seconds:.0f} s."]
    lines += [f"- {note}" for note in record["notes"] + record["stale_equivalents"]]
    if isolation is not None:
        violations = [(r["exercise"], v) for r in isolation["isolation"] for v in r["others_failed"]]
        passing = [(r["exercise"], t) for r in isolation["isolation"] for t in r["own_passed"]]
        errors = [(r["exercise"], e) for r in isolation["isolation"] for e in r["errors"]]
        lines += ["", f"Scoring isolation ({isolation['seconds']:.0f} s): "
                  + (f"{len(violations)} test cells lose points for another exercise's blank solution."
                     if violations else "no test cell loses points for another exercise.")]
        lines += [f"- blank `{ex}` → `{v.split(' ')[0]}` fails ({v.partition(' ')[2].strip('()')})"
                  for ex, v in violations]
        lines += [f"- blank `{ex}` → its own `{t}` still passes" for ex, t in passing]
        lines += [f"- blank `{ex}`: {e}" for ex, e in errors]
    return lines + [""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("labs", nargs="*", help="lab names (default: every lab)")
    parser.add_argument("--sample", type=int, help="at most K mutants per exercise")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rev", help="test the notebooks committed at this git revision, not the working tree")
    parser.add_argument("--no-isolation", action="store_true", help="skip the scoring-isolation check")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "mutation" / "REPORT.md")
    parser.add_argument("--records", type=Path, help="also keep each run's JSON record (every mutant) in this folder")
    args = parser.parse_args()
    command = "python benchmarks/mutation.py " + " ".join(sys.argv[1:])
    commit = subprocess.run(["git", "rev-parse", "--short", args.rev or "HEAD"], cwd=REPO, capture_output=True,
                            text=True, check=True).stdout.strip()
    extra = ["--workers", str(args.workers), "--min-kill", "0"]
    extra += ["--sample", str(args.sample), "--seed", str(args.seed)] if args.sample else []
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.records or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        notebooks = lab_notebooks(args.labs, args.rev, Path(tmp))
        summary, sections = [], []
        for lab, notebook in notebooks.items():
            print(f"== {lab}", file=sys.stderr, flush=True)
            listed = notebook.parent / "equivalent.json"
            equivalent = ["--equivalent", str(listed)] if listed.exists() else []
            record, seconds = mutate(notebook, folder / f"{lab}.json", extra + equivalent)
            isolation = None
            if not args.no_isolation:
                isolation, _ = mutate(notebook, folder / f"{lab}.isolation.json", ["--isolation", "--workers",
                                                                                    str(args.workers)])
            rows = record["exercises"]
            total = {k: sum(r[k] for r in rows) for k in ("mutants", "killed", "survived", "equivalent", "inert",
                                                          "error")}
            low = [r["exercise"] for r in rows if r["kill_rate"] is not None and r["kill_rate"] < GOAL]
            violations = sum(len(r["others_failed"]) for r in isolation["isolation"]) if isolation else "-"
            summary.append(f"| {lab} | {len(rows)} | {total['mutants']} | {total['killed']} | {total['survived']} "
                           f"| {total['equivalent']} | {total['inert']} | {total['error']} "
                           f"| {percent(total['killed'], total['survived'])} | {len(low)} | {violations} "
                           f"| {seconds:.0f} s |")
            sections += lab_section(record, isolation, seconds)
    sampled = f"at most {args.sample} mutants per exercise (seed {args.seed})" if args.sample else "every mutant"
    text = "\n".join([
        "# Mutation testing of the labs' tests", "",
        f"`{command}` on the notebooks of commit `{commit}`{'' if args.rev else ' (working tree)'}: {sampled}, "
        f"{args.workers} workers. Regenerate with the same command (or `make mutation`); one lab, one exercise: "
        "`python -m autograder mutate LAB --exercise GRADE_ID`.", "",
        "Killed: a test cell of the exercise fails (an assertion, an exception, a timeout). Equivalent: reviewed, "
        "cannot change behaviour, listed with the reason in `equivalent/LAB.json`. Inert: the mutation never acted "
        "(an immutable argument \"modified in place\", no global to use instead). Kill rate = killed / (killed + "
        f"survived); the goal is {GOAL:.0%} in every exercise (⚠ below). Isolation: each solution blanked as in the "
        "release; a test cell of another exercise that then fails is a violation.", "",
        "Engine: the course's own AST mutator (`autograder/mutation/operators.py`), not mutmut 3 or cosmic-ray: "
        "both mutate an installed package and start a test command per mutant, which here would re-run the whole "
        "notebook per mutant, and neither takes the course's operators. The notebook runs once in an in-process "
        "IPython shell; each mutant runs in a child forked just before its test cell (after a JVM starts, for "
        "KoNLPy, in the parent under an alarm). Details: `autograder/mutate.py`.", "",
        "| lab | exercises | mutants | killed | survived | equivalent | inert | error | kill rate "
        f"| under {GOAL:.0%} | isolation violations | mutation run |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|", *summary, "", *sections])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text.rstrip() + "\n")
    print(text)


if __name__ == "__main__":
    main()
