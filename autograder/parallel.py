"""Run grading units one after another, N at a time in a process pool, or on a Dask cluster.

Nothing here schedules: ``concurrent.futures`` runs a local pool, and ``distributed`` runs the same unit
on a Dask scheduler (``--scheduler tcp://host:8786``; dask-jobqueue and dask-kubernetes start such a
cluster on Slurm or Kubernetes). Results come back as each submission finishes.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from .grade import Outcome, Task, grade_unit
from .messages import Note


def _failed(task: Task, exc: BaseException) -> Outcome:
    """A row for a submission whose worker failed (the worker process died, or the cluster lost it)."""
    task.sub.problem = Note("internal", why=f"its worker failed: {type(exc).__name__}: {exc}"[:200])
    return grade_unit(task)


def run(tasks: list[Task], workers: int = 1, scheduler: str | None = None) -> Iterator[Outcome]:
    """Grade every task; yield each outcome as soon as it is ready."""
    if scheduler:
        from distributed import Client
        from distributed import as_completed as dask_completed

        with Client(scheduler) as client:
            futures = {client.submit(grade_unit, task, pure=False): task for task in tasks}
            for future in dask_completed(futures):
                try:
                    yield future.result()
                except Exception as exc:
                    yield _failed(futures[future], exc)
    elif workers > 1:
        yield from _pool(tasks, workers)
    else:
        for task in tasks:
            yield grade_unit(task)


def _pool(tasks: list[Task], workers: int, unit: Callable[[Task], Outcome] = grade_unit) -> Iterator[Outcome]:
    """A local pool. When a worker dies the pool breaks; the submissions it had not finished are graded
    again one at a time, so that only the one that kills its worker gets an error row."""
    broken: list[Task] = []
    pool = _executor(workers)
    try:
        futures = {pool.submit(unit, task): task for task in tasks}
        for future in as_completed(futures):
            outcome = _outcome(future, futures[future])
            if outcome is None:
                broken.append(futures[future])
            else:
                yield outcome
        pool.shutdown()
        pool = None
        for task in broken:
            pool = pool or _executor(1)
            outcome = _outcome(pool.submit(unit, task), task)
            if outcome is None:
                pool.shutdown()
                pool, outcome = None, _failed(task, BrokenProcessPool("its worker process died twice"))
            yield outcome
    except BaseException:  # Ctrl-C, SIGTERM, or the consumer stopped: no worker or sandbox may outlive the run
        if pool is not None:
            _kill(pool)
        raise
    if pool is not None:
        pool.shutdown()


def _kill(pool: ProcessPoolExecutor) -> None:
    """Kill every worker of ``pool`` and everything each started (sandboxes, kernels), then drop the pool."""
    import psutil

    procs = []
    for process in list((pool._processes or {}).values()):  # noqa: SLF001 (the executor has no public handle)
        try:
            root = psutil.Process(process.pid)
            procs += [root, *root.children(recursive=True)]
        except psutil.Error:
            continue
    for proc in procs:
        try:
            proc.kill()
        except psutil.Error:
            continue
    psutil.wait_procs(procs, timeout=5)
    pool.shutdown(wait=False, cancel_futures=True)


def _executor(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("forkserver"))


def _outcome(future, task: Task) -> Outcome | None:
    """The future's outcome; None when the pool broke under it."""
    try:
        return future.result()
    except BrokenProcessPool:
        return None
    except Exception as exc:
        return _failed(task, exc)
