"""Run a lab's solution notebook end to end and print the figures it reports.

    python benchmarks/run.py 02_bow_tfidf            # full mode (the default here)
    python benchmarks/run.py 01_tokenizers --mode fast
    python benchmarks/run.py --check figures.jsonl    # only check figures a run already reported

The notebook runs unchanged (a temporary copy, no cell timeout); every ``nlpcourse.report(...)``
call lands in the table printed at the end, with the wall time of the whole run. The exit status is 1
when a full-mode figure falls below the floor its ``report(..., floor=...)`` call declares.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from nlpcourse.metrics import below_floor  # noqa: E402


def run(source: Path, mode: str) -> list[dict]:
    """Execute the notebook ``source`` in ``mode``; return the figures it reported, then its wall time."""
    nb = nbformat.read(source, as_version=4)
    with tempfile.TemporaryDirectory() as tmp:
        metrics = Path(tmp) / "metrics.jsonl"
        env = {**os.environ, "NLPCOURSE_MODE": mode, "NLPCOURSE_METRICS": str(metrics)}
        start = time.perf_counter()
        client = NotebookClient(nb, timeout=None, resources={"metadata": {"path": str(source.parent)}})
        client.execute(env=env)
        wall = time.perf_counter() - start
        rows = [json.loads(line) for line in metrics.read_text().splitlines()] if metrics.exists() else []
    rows.append({"name": "notebook_wall_seconds", "value": round(wall, 1)})
    return rows


def show(rows: list[dict]) -> int:
    """Print the figures; return 1 if any is below its floor."""
    for row in rows:
        value = row["value"]
        floor = f"  (floor {row['floor']})" if "floor" in row else ""
        print(f"  {row['name']:<32} {value:.4f}{floor}" if isinstance(value, float)
              else f"  {row['name']:<32} {value}{floor}")
    failures = below_floor(rows)
    for line in failures:
        print(f"FAIL: {line}")
    return 1 if failures else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("lab", nargs="?", help="lab folder name, e.g. 02_bow_tfidf")
    parser.add_argument("--mode", choices=["fast", "full"], default="full")
    parser.add_argument("--check", metavar="JSONL", help="check the figures in this file instead of running a lab")
    args = parser.parse_args()
    if args.check:
        sys.exit(show([json.loads(line) for line in Path(args.check).read_text().splitlines() if line.strip()]))
    if not args.lab:
        parser.error("name a lab or --check a figures file")
    source = REPO / "lab_solutions" / args.lab / f"{args.lab}.ipynb"
    if not source.exists():
        sys.exit(f"error: no lab named {args.lab!r} (looked for {source})")
    print(f"{args.lab} ({args.mode} mode)")
    sys.exit(show(run(source, args.mode)))


if __name__ == "__main__":
    main()
