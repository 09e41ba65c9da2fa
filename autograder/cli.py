"""``python -m autograder``: release labs, validate a notebook, grade submissions, export grades."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .labs import REPO, UsageError, all_labs, check_lab

DEFAULT_SUBMISSIONS = Path(__file__).resolve().parent / "samples"


def cmd_release(args: argparse.Namespace) -> int:
    from .release import release

    for lab in [check_lab(lab) for lab in args.labs] or all_labs():
        release(lab, execute=not args.no_run)
        print(f"released {lab} -> course/{{ko,en}}/{lab}/{lab}.ipynb")
    return 0


def cmd_stamp(args: argparse.Namespace) -> int:
    from .release import stamp_source

    for lab in [check_lab(lab) for lab in args.labs] or all_labs():
        print(f"{lab}: {'header cells rewritten' if stamp_source(lab) else 'up to date'}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from .validate import validate

    problems = validate(Path(args.notebook), blank=args.blank)
    for problem in problems:
        print(f"  {problem}")
    expectation = "every test fails" if args.blank else "every test passes"
    print(f"{args.notebook}: {'NOT valid' if problems else 'valid'} ({expectation} expected)")
    return 1 if problems else 0


def cmd_grade(args: argparse.Namespace) -> int:
    from .batch import grade_batch

    lab = check_lab(args.lab) if args.lab else None
    path = Path(args.path)
    workers = len(os.sched_getaffinity(0)) if args.workers == "auto" else int(args.workers) \
        if args.workers.isdigit() else 0
    if workers < 1:
        raise UsageError("--workers must be 'auto' or at least 1")
    rows = grade_batch(path, lab, Path(args.csv), args.sandbox, workers, args.scheduler, args.resume)
    if args.gradebook:
        from .exchange import stamp_feedback
        from .gradebook import record

        for line in record(rows, path):
            print(line)
        pages = stamp_feedback(rows, path)
        print("scores stored in the gradebook" + (f"; {pages} feedback page(s) ready for nbgrader release_feedback"
                                                  if pages else ""))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from .export import export
    from .gradebook import open_gradebook

    labs = [check_lab(lab) for lab in args.labs] or None
    with open_gradebook() as gb:
        text = export(gb, args.format, labs)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output} ({args.format})")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m autograder", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("release", help="regenerate course/ from lab_solutions/ (all labs or the ones named)")
    p.add_argument("labs", nargs="*")
    p.add_argument("--no-run", action="store_true",
                   help="skip the blank run that keeps the outputs of lesson cells (faster; drafts only)")
    p.set_defaults(func=cmd_release)

    p = sub.add_parser("stamp", help="rewrite the Colab badge and setup cell of source notebooks")
    p.add_argument("labs", nargs="*")
    p.set_defaults(func=cmd_stamp)

    p = sub.add_parser("validate", help="run one notebook; exit 1 unless every test passes")
    p.add_argument("notebook")
    p.add_argument("--blank", action="store_true", help="expect an unsolved release: exit 1 if any test passes")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("grade", help="autograde a folder or zip of submissions, write feedback and a CSV")
    p.add_argument("path", nargs="?", default=str(DEFAULT_SUBMISSIONS),
                   help="folder or .zip of <student>_<lab>.ipynb, or nbgrader's <student>/<lab>/ layout "
                        "(default: the sample submissions)")
    p.add_argument("--lab", help="grade only this lab")
    p.add_argument("--csv", default=str(REPO / "autograder" / "grades.csv"), help="where to write the grades")
    p.add_argument("--sandbox", default="auto", choices=["auto", "bwrap", "docker", "none"],
                   help="where student code runs: auto (bwrap, else docker; refuses to grade without one), "
                        "bwrap, docker, or none (unsandboxed: only for notebooks you trust)")
    p.add_argument("--workers", default="auto",
                   help="grade N submissions at once on this machine (default auto: one per CPU core)")
    p.add_argument("--resume", action="store_true",
                   help="keep the rows of --csv from an interrupted run and grade only the submissions without one")
    p.add_argument("--scheduler", help="grade on a Dask cluster: the scheduler's address, e.g. tcp://host:8786")
    p.add_argument("--no-gradebook", dest="gradebook", action="store_false",
                   help="do not store the scores in nbgrader's gradebook")
    p.set_defaults(func=cmd_grade)

    p = sub.add_parser("export", help="the gradebook as an LMS gradebook CSV (one row per student)")
    p.add_argument("labs", nargs="*", help="only these labs (default: every lab in the gradebook)")
    p.add_argument("--format", choices=["canvas", "moodle"], default="canvas")
    p.add_argument("-o", "--output", default="-", help="CSV file to write (default: standard output)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("samples", help="rebuild the sample submissions in autograder/samples/")
    p.set_defaults(func=lambda args: _samples())

    p = sub.add_parser("mutate", help="mutation testing of a lab's tests; --isolation, --variants")
    _mutate_arguments(p)
    return parser


def _mutate_arguments(p: argparse.ArgumentParser) -> None:
    from .mutate import add_arguments, cmd_mutate

    add_arguments(p)
    p.set_defaults(func=cmd_mutate)


def _samples() -> int:
    from .samples import write

    for path in write():
        print(f"wrote {path.relative_to(REPO)}")
    return 0


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    try:
        sys.exit(args.func(args))
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("\ninterrupted: every worker and sandbox was stopped; the rows already graded are in the CSV "
              "(grade again with --resume to grade only the rest)", file=sys.stderr)
        sys.exit(130)
