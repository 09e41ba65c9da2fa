"""Measure the grader: sandbox overhead, 1 vs 2 workers, and the hostile corpus.

    python benchmarks/grading.py                 # all three, Lab 01, small submissions cut from the lab
    python benchmarks/grading.py --full          # throughput on whole Lab 01 notebooks (perfect/partial/blank)
    python benchmarks/grading.py --only corpus   # one measurement: overhead, throughput or corpus

1. Sandbox overhead: the same honest submissions graded with ``--sandbox none`` and ``bwrap``, in
   alternation within one run; the mean seconds per submission of each and the overhead in percent.
2. Throughput: ``--n`` Lab 01 submissions (default 40) graded with 1 worker and then with 2; submissions
   per minute and the speed-up. The aim (1.8x) assumes an otherwise idle 2-core machine.
3. Hostile corpus (``tests/hostile_corpus``, sandboxed, 2 workers): attacks neutralised (score no
   higher than the same notebook without the attack, no effect outside the sandbox) or flagged ("needs
   review"), over all attacks; honest controls whose score and status came out as expected, over all.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # the corpus and the leak check are test data

import hostile  # noqa: E402
import nbformat  # noqa: E402
from test_release import secret_lines  # noqa: E402

from autograder import samples  # noqa: E402
from autograder.assemble import lab_spec  # noqa: E402
from autograder.grade import Task, grade_unit  # noqa: E402
from autograder.labs import source_notebook  # noqa: E402
from autograder.parallel import run  # noqa: E402
from autograder.sandbox import Limits, choose  # noqa: E402
from autograder.submissions import Submission  # noqa: E402

LAB = hostile.LAB


def _tasks(files: dict[str, bytes], sandbox: str, limits: Limits) -> list[Task]:
    spec = lab_spec(LAB)
    tasks = []
    for name, data in files.items():
        student = name.rsplit("_" + LAB, 1)[0]
        tasks.append(Task(Submission(student, LAB, name, data), spec, sandbox, limits))
    return tasks


def _honest_files(count: int, full: bool) -> dict[str, bytes]:
    """``count`` Lab 01 submissions: honest controls of the corpus, or whole notebooks with ``full``."""
    if full:
        pool = {n: c for n, (c, _) in samples.build().items() if n.split("_")[0] in ("perfect", "partial", "blank")}
    else:
        pool = {n: c for n, (c, e) in hostile.files().items() if e["kind"] == "honest" and e["score"]}
    names = sorted(pool)
    return {f"s{i:02d}-{names[i % len(names)]}": pool[names[i % len(names)]] for i in range(count)}


def overhead(pairs: int, limits: Limits) -> dict:
    files = _honest_files(pairs, full=False)
    seconds = {"none": [], "bwrap": []}
    for task_none, task_bwrap in zip(_tasks(files, "none", limits), _tasks(files, "bwrap", limits)):
        for mode, task in (("none", task_none), ("bwrap", task_bwrap)):
            seconds[mode].append(grade_unit(task).seconds)
    none, bwrap = statistics.mean(seconds["none"]), statistics.mean(seconds["bwrap"])
    return {"submissions": pairs, "none_s": round(none, 2), "bwrap_s": round(bwrap, 2),
            "overhead_percent": round(100 * (bwrap - none) / none, 1)}


def throughput(count: int, full: bool, limits: Limits) -> dict:
    files = _honest_files(count, full)
    result = {"submissions": count, "kind": "whole notebooks" if full else "small notebooks"}
    for workers in (1, 2):
        start = time.perf_counter()
        scores = sorted((o.result.file, o.result.score) for o in run(_tasks(files, "bwrap", limits), workers))
        minutes = (time.perf_counter() - start) / 60
        result[f"per_minute_{workers}"] = round(count / minutes, 2)
        result.setdefault("scores", scores)
        result["same_scores"] = result["scores"] == scores
    result["speedup"] = round(result["per_minute_2"] / result["per_minute_1"], 2)
    del result["scores"]
    return result


def _leaks(html_page: str, hidden: list[str]) -> int:
    text = html.unescape(re.sub(r"<[^>]+>", "", html_page))
    return sum(line in text for line in hidden)


def corpus(limits: Limits) -> dict:
    """Grade the corpus; an attack *succeeded* if it scored above 0 without being flagged."""
    built = hostile.files()
    expected = {name: exp for name, (_, exp) in built.items()}
    files = {name: data for name, (data, exp) in built.items() if exp["status"] != "skipped"}
    outcomes = {o.result.file: o for o in run(_tasks(files, "bwrap", limits), 2)}
    rows = {name: o.result for name, o in outcomes.items()}
    hidden = secret_lines(nbformat.read(source_notebook(LAB), as_version=4))
    attacks = [n for n, e in expected.items() if e["kind"] == "attack"]
    honest = [n for n, e in expected.items() if e["kind"] == "honest" and n in rows]
    neutralised = [n for n in attacks if rows[n].score == 0]
    flagged = [n for n in attacks if rows[n].status == "needs review"]
    unchanged = [n for n in honest if rows[n].score == expected[n]["score"] and rows[n].status == "graded"]
    return {"attacks": len(attacks), "neutralised": len(neutralised), "flagged": len(flagged),
            "neutralised_or_flagged": len(set(neutralised) | set(flagged)),
            "flagged_not_neutralised": sorted(set(flagged) - set(neutralised)),
            "succeeded_unflagged": sorted(set(attacks) - set(neutralised) - set(flagged)),
            "leaks": sum(_leaks(o.feedback_html, hidden) for o in outcomes.values()),
            "runs_lost": sorted(n for n, r in rows.items() if "the grader failed" in r.reason_en),
            "honest": len(honest), "honest_unchanged": len(unchanged)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", choices=["overhead", "throughput", "corpus"])
    parser.add_argument("--n", type=int, default=40, help="submissions for the throughput measurement")
    parser.add_argument("--pairs", type=int, default=6, help="submissions for the overhead measurement")
    parser.add_argument("--full", action="store_true", help="throughput on whole Lab 01 notebooks")
    args = parser.parse_args(argv)
    os.environ.setdefault("NLPCOURSE_MODE", "fast")
    choose("bwrap")  # refuse early, with the reason, if bubblewrap cannot run here
    limits = Limits.from_env()
    corpus_limits = Limits(cell_s=20, wall_s=60, memory_mb=2048, processes=64, file_mb=16, disk_mb=64)
    figures = {}
    if args.only in (None, "overhead"):
        figures["sandbox_overhead"] = overhead(args.pairs, limits)
    if args.only in (None, "throughput"):
        figures["throughput"] = throughput(args.n, args.full, limits)
    if args.only in (None, "corpus"):
        figures["hostile_corpus"] = corpus(corpus_limits)
    print(json.dumps(figures, indent=1, ensure_ascii=False))
    if "sandbox_overhead" in figures:
        o = figures["sandbox_overhead"]
        print(f"sandbox overhead: {o['overhead_percent']:+.1f}% per submission "
              f"({o['bwrap_s']} s bwrap vs {o['none_s']} s none, {o['submissions']} submissions each)")
    if "throughput" in figures:
        t = figures["throughput"]
        print(f"throughput on {t['submissions']} Lab 01 {t['kind']}: {t['per_minute_1']}/min with 1 worker, "
              f"{t['per_minute_2']}/min with 2: {t['speedup']}x (same scores: {t['same_scores']}; {os.cpu_count()} "
              f"CPUs, load average {os.getloadavg()[0]:.1f})")
    if "hostile_corpus" in figures:
        c = figures["hostile_corpus"]
        print(f"hostile corpus: {c['neutralised_or_flagged']}/{c['attacks']} attacks neutralised or flagged "
              f"({c['neutralised']} neutralised, {c['flagged']} flagged; flagged only: "
              f"{', '.join(c['flagged_not_neutralised']) or 'none'}); succeeded unflagged: "
              f"{len(c['succeeded_unflagged'])}; hidden-test lines leaked: {c['leaks']}; runs lost: "
              f"{len(c['runs_lost'])}; honest unchanged {c['honest_unchanged']}/{c['honest']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
