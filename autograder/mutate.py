"""``python -m autograder mutate LAB``: mutation testing of a lab's tests, correct variants, scoring isolation.

    python -m autograder mutate 01_tokenizers                      # every exercise, every mutant
    python -m autograder mutate 01_tokenizers --exercise bpe_learn --sample 20 --workers 2
    python -m autograder mutate 01_tokenizers --list               # the mutants and their ids, nothing run
    python -m autograder mutate 01_tokenizers --isolation          # a blank solution costs points only where it is
    python -m autograder mutate 01_tokenizers --variants           # tests/variants/01_tokenizers/*.py get full marks,
                                                                   # .../wrong/*.py lose points where they are only

The engine is our own small AST mutator (``autograder/mutation/operators.py``, Python's ``ast`` and
``ast.unparse``), not mutmut 3 or cosmic-ray. Both mutate files of an installed package and run a test
command per mutant; here the tests are notebook cells that need the kernel state of every cell above
them (NSMC loaded, tokenizers trained, a JVM for KoNLPy), so each mutant would re-run the notebook,
30 s to minutes in fast mode, and neither lets us add the course's operators (arguments modified in
place or ignored, dtype narrowing, tie-breaks, first item only, dropped guards) without forking it.
Instead the notebook runs once in an in-process IPython shell and each mutant runs in a child forked
just before the test cell (``autograder/mutation/kernel.py``): milliseconds to seconds per mutant.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from .labs import REPO, UsageError, check_lab, source_notebook
from .mutation import isolation, notebook, report, runner, variants
from .mutation.operators import OPERATORS, Mutant, mutants

EQUIVALENTS = REPO / "benchmarks" / "mutation" / "equivalent"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("lab", help="a lab name (01_tokenizers) or the path of a source notebook")
    p.add_argument("--exercise", action="append", metavar="GRADE_ID",
                   help="only this exercise (a solution cell's grade_id); repeatable")
    p.add_argument("--workers", type=int, default=2, help="children run at once (default 2)")
    p.add_argument("--sample", type=int, metavar="K", help="at most K mutants per exercise, drawn with --seed")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--operators", help=f"comma-separated subset of: {', '.join(OPERATORS)}")
    p.add_argument("--timeout", type=float, help="seconds per check (default: 10 x the unchanged solution's, >= 10)")
    p.add_argument("--min-kill", type=float, default=0.95,
                   help="exit 1 if an exercise kills fewer non-equivalent mutants than this (default 0.95)")
    p.add_argument("--equivalent", type=Path, help=f"reviewed equivalent mutants (default {EQUIVALENTS}/LAB.json)")
    p.add_argument("--report", type=Path, help="also write the report here (Markdown)")
    p.add_argument("--json", type=Path, help="also write every result here (JSON)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--list", action="store_true", help="list the mutants with their ids; run nothing")
    mode.add_argument("--isolation", action="store_true",
                      help="blank each solution: only its own test cells may lose points")
    mode.add_argument("--variants", nargs="?", const=variants.ROOT, type=Path, metavar="DIR",
                      help="run the correct variants in DIR/LAB/<grade_id>_*.py (full marks) and the wrong ones "
                           "in DIR/LAB/wrong/<grade_id>_*.py (points lost on their exercise only); "
                           "default tests/variants")


def cmd_mutate(args: argparse.Namespace) -> int:
    lab = _load(args.lab)
    names = _exercises(lab, args.exercise)
    if args.isolation:
        return _isolation(lab, names, args)
    if args.variants is not None:
        return _variants(lab, args)
    chosen = _mutants(lab, names, args)
    if args.list:
        for m in chosen:
            print(f"{m.id}  {m.exercise:<20} {m.operator:<16} line {m.line:<3} {m.original[:50]!r} -> "
                  f"{m.replacement[:50]!r}")
        print(f"{len(chosen)} mutants")
        return 0
    checks = [runner.Check(m.id, m.exercise, m.source, t) for m in chosen for t in lab.exercises[m.exercise].tests]
    done = _run(lab, checks, args, first_failure=True)  # a mutant killed once needs no more test cells
    equivalents = report.load_equivalents(args.equivalent or EQUIVALENTS / f"{lab.name}.json")
    known = {m.id for name, ex in lab.exercises.items() for m in mutants(name, ex.cell.source)}
    result = report.tally(lab, chosen, done.outcomes, equivalents, known)
    result.notes += [f"the unchanged notebook failed in {e}" for e in done.notebook_errors]
    sampled = f"a sample of at most {args.sample} mutants per exercise (seed {args.seed})" if args.sample else \
        "every mutant"
    heading = f"Mutation testing: {sampled}, {args.workers} workers, {done.seconds:.0f} s."
    _emit(report.mutation_markdown(result, heading), args,
          report.mutation_json(result) | {"seconds": round(done.seconds, 1)})
    low = result.below(args.min_kill)
    for t in low:
        print(f"{t.exercise}: kill rate {100 * t.rate:.1f}% is under {100 * args.min_kill:g}%")
    errors = sum(t.error for t in result.tallies)
    return 1 if low or errors or result.stale else 0


def _load(name: str) -> notebook.Lab:
    if name.endswith(".ipynb"):
        path = Path(name)
        if not path.is_file():
            raise UsageError(f"no such notebook: {name}")
        return notebook.load(path.resolve())
    return notebook.load(source_notebook(check_lab(name)), name)


def _exercises(lab: notebook.Lab, wanted: list[str] | None) -> list[str]:
    unknown = [w for w in wanted or [] if w not in lab.exercises]
    if unknown:
        raise UsageError(f"no exercise {', '.join(unknown)} in {lab.name}; exercises: {', '.join(lab.exercises)}")
    return wanted or list(lab.exercises)


def _mutants(lab: notebook.Lab, names: list[str], args: argparse.Namespace) -> list[Mutant]:
    operators = OPERATORS
    if args.operators:
        operators = tuple(o.strip() for o in args.operators.split(","))
        if bad := [o for o in operators if o not in OPERATORS]:
            raise UsageError(f"unknown operators {', '.join(bad)}; operators: {', '.join(OPERATORS)}")
    out = []
    for name in names:
        found = mutants(name, lab.exercises[name].cell.source, operators)
        if args.sample is not None and len(found) > args.sample:
            keep = set(random.Random(f"{args.seed}:{name}").sample(sorted(m.id for m in found), args.sample))
            found = [m for m in found if m.id in keep]
        out += found
    return out


def _run(lab: notebook.Lab, checks: list[runner.Check], args: argparse.Namespace,
         first_failure: bool = False) -> runner.Run:
    print(f"{lab.name}: {len(checks)} checks, {args.workers} workers", flush=True)
    return runner.run(lab, checks, args.workers, args.timeout, first_failure,
                      progress=lambda line: print(line, flush=True))


def _isolation(lab: notebook.Lab, names: list[str], args: argparse.Namespace) -> int:
    done = _run(lab, isolation.checks(lab, names), args)
    rows = isolation.summarize(lab, names, done.outcomes)
    notes = "".join(f"\n- the unchanged notebook failed in {e}\n" for e in done.notebook_errors)
    _emit(isolation.markdown(lab.name, rows) + notes, args,
          {"lab": lab.name, "isolation": [vars(r) for r in rows], "seconds": round(done.seconds, 1)})
    return 1 if isolation.problems(rows) else 0


def _variants(lab: notebook.Lab, args: argparse.Namespace) -> int:
    paths = variants.files(lab.name, args.variants)
    if not paths:
        raise UsageError(f"no variants in {args.variants / lab.name}")
    try:
        checks = variants.checks(lab, paths)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    done = _run(lab, checks, args)
    rows = variants.summarize(lab, paths, done.outcomes)
    _emit(variants.markdown(lab.name, rows), args,
          {"lab": lab.name, "variants": [vars(r) for r in rows], "seconds": round(done.seconds, 1)})
    return 0 if all(r.ok for r in rows) else 1


def _emit(markdown: str, args: argparse.Namespace, record: dict) -> None:
    print()
    print(markdown)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(markdown)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(record, indent=1, ensure_ascii=False) + "\n")
