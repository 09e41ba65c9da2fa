"""Okt part-of-speech tags for many texts: computed once per machine, in parallel, cached on disk.

KoNLPy's Okt runs single-threaded in Java, so ``okt_pos`` splits the texts into chunks and tags them on
every usable core, in worker processes with a JVM each (one per core; this process hands out the chunks).
The workers stay up between calls, so a second call (the test set after the training set) pays no JVM
start-up. It shows a progress bar and keeps the result under ``cache_dir("okt")``, keyed by a hash of the
texts and the options: labs that tag the same NSMC reviews share the cache, and a second run reads it back
in seconds.
"""

from __future__ import annotations

import atexit
import gzip
import hashlib
import json
import multiprocessing
import os
import warnings
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from tqdm.auto import tqdm

from .i18n import tr
from .java import ensure_java
from .paths import DATA_DIR, cache_dir

Tagged = list[tuple[str, str]]
Job = tuple[list[str], bool, bool]
CHUNK = 500  # texts per task: small enough for a smooth progress bar and an even finish, large enough to be cheap
PARALLEL_MIN = 10_000  # fewer texts are tagged in this process alone: starting worker JVMs would cost more
FORMAT = 1  # bump when the cache file layout changes
SHIPPED = DATA_DIR / "okt"  # read-only cache files shipped with the course (Lab 10's: data/build_kb_embeddings.py)

_okt = None
_pool: ProcessPoolExecutor | None = None
_pool_size = 0


def _tagger():
    """This process's Okt (the JVM starts on first use)."""
    global _okt
    if _okt is None:
        ensure_java()
        from konlpy.tag import Okt

        _okt = Okt()
    return _okt


def _tag_chunk(job: Job) -> list[Tagged]:
    texts, norm, stem = job
    okt = _tagger()
    return [okt.pos(text, norm=norm, stem=stem) for text in texts]


def _workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def _helpers(size: int) -> ProcessPoolExecutor:
    """The worker processes, started once and kept (their JVMs stay warm for the next call)."""
    global _pool, _pool_size
    if _pool is None or _pool_size != size:
        close_pool()
        # spawn, not fork: a JVM already running in this process does not survive a fork
        _pool = ProcessPoolExecutor(size, mp_context=multiprocessing.get_context("spawn"))
        _pool_size = size
    return _pool


@atexit.register
def close_pool() -> None:
    """Stop the worker processes (a later call starts new ones)."""
    global _pool, _pool_size
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
    _pool, _pool_size = None, 0


def cache_path(texts: list[str], norm: bool, stem: bool) -> Path:
    """The cache file for these texts and options (it may not exist yet)."""
    from konlpy import __version__ as konlpy_version

    digest = hashlib.sha256(json.dumps([FORMAT, konlpy_version, norm, stem]).encode())
    for text in texts:
        data = text.encode("utf-8")
        digest.update(len(data).to_bytes(8, "little") + data)
    return cache_dir("okt") / f"{digest.hexdigest()[:32]}.jsonl.gz"


def _read(path: Path) -> list[Tagged]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [[tuple(pair) for pair in json.loads(line)] for line in fh]


def _write(path: Path, tagged: list[Tagged]) -> None:
    """Write atomically (a temporary file, then rename), so a killed run leaves no half file."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=6) as fh:
            for tags in tagged:
                fh.write(json.dumps(tags, ensure_ascii=False, separators=(",", ":")) + "\n")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        warnings.warn(tr(f"Okt 캐시 {path}를 쓰지 못했습니다: {exc}", f"could not write the Okt cache {path}: {exc}"),
                      stacklevel=3)


def _tag_all(jobs: list[Job], cores: int) -> Iterator[tuple[int, list[Tagged]]]:
    """(index, tags) of every job, in the order they finish: ``cores`` worker processes tag them while this
    process only hands them out and collects the tags (its JVM holds the GIL while it tags, which would stall the
    hand-over); one core or one job: this process alone."""
    pool = _helpers(cores) if cores > 1 and len(jobs) > 1 else None
    pending = {pool.submit(_tag_chunk, job): i for i, job in enumerate(jobs)} if pool else {}
    left = set(range(len(jobs)))
    try:
        for future in as_completed(pending):
            tags = future.result()
            left.discard(pending[future])
            yield pending[future], tags
    except BrokenProcessPool as exc:  # a worker died or could not start: finish in this process
        warnings.warn(tr(f"Okt 작업 프로세스가 실패해({exc}) 이 프로세스에서 태깅합니다",
                         f"Okt worker processes failed ({exc}); tagging in this process instead"), stacklevel=3)
        close_pool()
    for i in sorted(left):
        yield i, _tag_chunk(jobs[i])


def okt_pos(texts: list[str], *, norm: bool = False, stem: bool = False) -> list[list[tuple[str, str]]]:
    """``[Okt().pos(text, norm=norm, stem=stem) for text in texts]``, tagged once per machine.

    The first call tags the texts in parallel over the CPU cores and caches the result; later
    calls with the same texts and options read the cache. Set ``NLPCOURSE_CACHE`` to move it.
    A cache file shipped in ``data/okt/`` (same name) is read too, so a lab's fixed lists are never tagged.
    """
    texts = list(texts)
    path = cache_path(texts, norm, stem)
    for found in (path, SHIPPED / path.name):
        if found.exists():
            try:
                return _read(found)
            except (OSError, EOFError, ValueError) as exc:  # a damaged file: tag again and replace it
                warnings.warn(tr(f"손상된 Okt 캐시 {found}를 무시합니다: {exc}",
                                 f"ignoring the damaged Okt cache {found}: {exc}"), stacklevel=2)
    jobs = [(texts[i: i + CHUNK], norm, stem) for i in range(0, len(texts), CHUNK)]
    chunks: list[list[Tagged]] = [[] for _ in jobs]
    cores = _workers() if len(texts) >= PARALLEL_MIN else 1
    with tqdm(total=len(texts), desc="Okt", unit=tr("문장", "text")) as bar:
        for i, tags in _tag_all(jobs, cores):
            chunks[i] = tags
            bar.update(len(tags))
    tagged = [tags for chunk in chunks for tags in chunk]
    _write(path, tagged)
    return tagged
