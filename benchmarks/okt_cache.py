"""Okt on NSMC: Lab 02's old serial loop vs ``nlpcourse.okt_pos`` with an empty cache (first run) and a full one.

    python benchmarks/okt_cache.py                 # a sample of 6,000 training reviews, plus a full-set estimate
    python benchmarks/okt_cache.py --n 0           # all 150,000 training reviews (minutes)
    taskset -c 0,1 python benchmarks/okt_cache.py  # as on a 2-core machine

Three timings, all with ``norm=True, stem=True`` as in Lab 02:

* serial: one ``Okt`` in this process, ``okt.pos`` one review after another (the old Lab 02 cell; the JVM
  is already warm, as it was after the lab's Okt demo cell);
* first run: ``okt_pos`` with an empty cache (a temporary ``NLPCOURSE_CACHE``): worker processes, one per
  usable core, each starting its own JVM, then the cache file written;
* second run: the same call again, read back from the cache.

For a sample, the cold run is also timed on a third of it, and a straight line through the two points
(start-up cost + cost per review) gives the full-set estimate; the serial and cached times scale linearly.
CPU seconds (this process and the workers) are printed too: on a shared, loaded machine the wall times
follow the load, the CPU seconds much less.

Measured 2026-11-26 with ``--n 0`` on the course's idle 2-core machine: serial loop 676 s (4.5 ms a review),
first run 252 s (2.68x faster; two workers, 485 CPU-s between them: a fresh worker JVM tags faster than the one in
a busy process), second run 4.2 s; identical tags. Before, with this process tagging beside one worker: 403 s
(1.74x).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("NLPCOURSE_OFFLINE", "1")  # the copy of NSMC shipped in data/ (the same reviews)

import nlpcourse  # noqa: E402
from nlpcourse import okt  # noqa: E402

FULL = 150_000
OPTIONS = {"norm": True, "stem": True}


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def serial(texts: list[str]) -> tuple[float, float, list]:
    """Wall and CPU seconds of the old loop, and its tags."""
    tagger = okt._tagger()
    tagger.pos("워밍업", **OPTIONS)  # the JVM and Okt's dictionaries are loaded before the clock starts
    start, cpu = time.perf_counter(), time.process_time()
    tags = [tagger.pos(text, **OPTIONS) for text in texts]
    return time.perf_counter() - start, time.process_time() - cpu, tags


def cached_calls(texts: list[str]) -> tuple[float, float, float, float, list, int]:
    """Wall seconds of the first (empty cache) and second call of okt_pos, the first call's CPU seconds in this
    process and in the worker processes, its result, the cache file's size."""
    okt.close_pool()  # new workers: the first run of a session starts them
    with tempfile.TemporaryDirectory() as cache:
        os.environ["NLPCOURSE_CACHE"] = cache
        start, cpu, cpu_children = time.perf_counter(), time.process_time(), children_cpu()
        first = okt.okt_pos(texts, **OPTIONS)
        cold = time.perf_counter() - start
        cpu = time.process_time() - cpu
        start = time.perf_counter()
        second = okt.okt_pos(texts, **OPTIONS)
        warm = time.perf_counter() - start
        size = okt.cache_path(texts, **OPTIONS).stat().st_size
        del os.environ["NLPCOURSE_CACHE"]
    okt.close_pool()  # the workers exit, so their CPU time is counted
    assert first == second
    return cold, warm, cpu, children_cpu() - cpu_children, first, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=6_000, help="training reviews to tag; 0 for all 150,000")
    args = parser.parse_args()
    texts = nlpcourse.load_nsmc("train", n=args.n or None).document.tolist()
    n = len(texts)
    okt.PARALLEL_MIN = 0  # the worker pool even for a sample, as the full set gets it
    workers = okt._workers()
    print(f"NSMC training reviews: {n:,}; usable cores: {workers}; load average now: "
          f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}")

    t_serial, cpu_serial, reference = serial(texts)
    t_cold, t_warm, cpu_here, cpu_workers, tags, size = cached_calls(texts)
    assert tags == reference, "okt_pos differs from the serial loop"
    rows = [("serial loop (old Lab 02)", t_serial), ("okt_pos, empty cache (first run)", t_cold),
            ("okt_pos, cached (second run)", t_warm)]
    print(f"\n{'':34}{'seconds':>10}{'ms/review':>11}")
    for name, seconds in rows:
        print(f"{name:34}{seconds:10.1f}{1000 * seconds / n:11.3f}")
    print(f"\nfirst run: {t_serial / t_cold:.2f}x faster than the serial loop; "
          f"cache file {size / 2**20:.1f} MiB ({size / n:.0f} bytes a review); identical tags: True")
    print(f"CPU seconds: serial loop {cpu_serial:.1f}; first run {cpu_here + cpu_workers:.1f} "
          f"({cpu_here:.1f} in this process, {cpu_workers:.1f} in {workers} worker process(es), "
          "start-up included). On a shared machine wall times follow the load; CPU seconds much less so.")

    if n < FULL:
        third = texts[: n // 3]
        t_cold_third, *_ = cached_calls(third)
        per_review = (t_cold - t_cold_third) / (n - len(third))
        startup = max(t_cold - per_review * n, 0.0)
        est_cold = startup + per_review * FULL
        est_serial = t_serial / n * FULL
        print(f"\nestimate for all {FULL:,} training reviews (first run: {startup:.1f} s start-up + "
              f"{1000 * per_review:.2f} ms a review, from {len(third):,} and {n:,} reviews):")
        print(f"  serial loop  {est_serial:7.0f} s")
        print(f"  first run    {est_cold:7.0f} s   ({est_serial / est_cold:.2f}x faster)")
        print(f"  second run   {t_warm / n * FULL:7.1f} s")


if __name__ == "__main__":
    main()
