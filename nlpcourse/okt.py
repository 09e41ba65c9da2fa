"""Okt part-of-speech tags for many texts: computed once per machine, in parallel, cached on disk.

KoNLPy's Okt runs single-threaded in Java, so ``okt_pos`` tags chunks of the texts in a pool of
worker processes (each starts its own JVM), shows a progress bar, and keeps the result under
``cache_dir("okt")`` keyed by a hash of the texts and the options. Labs that tokenise the same NSMC
reviews share the cache; a second run reads it back in seconds.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import multiprocessing
import os
import warnings
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from tqdm.auto import tqdm

from .java import ensure_java
from .paths import cache_dir

Tagged = list[tuple[str, str]]
CHUNK = 500  # texts per task: small enough for a smooth progress bar, large enough to keep overhead low
PARALLEL_MIN = 10_000  # fewer texts are tagged in this process: starting worker JVMs would cost more
FORMAT = 1  # bump when the cache file layout changes

_okt = None


def _tagger():
    """This process's Okt (the JVM starts on first use)."""
    global _okt
    if _okt is None:
        ensure_java()
        from konlpy.tag import Okt

        _okt = Okt()
    return _okt


def _tag_chunk(job: tuple[list[str], bool, bool]) -> list[Tagged]:
    texts, norm, stem = job
    okt = _tagger()
    return [okt.pos(text, norm=norm, stem=stem) for text in texts]


def _workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


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
        warnings.warn(f"could not write the Okt cache {path}: {exc}", stacklevel=3)


def _tag_all(texts: list[str], norm: bool, stem: bool, workers: int) -> Iterator[list[Tagged]]:
    """The tags of ``texts``, chunk by chunk, in order."""
    jobs = [(texts[i: i + CHUNK], norm, stem) for i in range(0, len(texts), CHUNK)]
    done = 0
    if min(workers, len(jobs)) > 1:
        # spawn, not fork: a JVM already running in this process does not survive a fork
        context = multiprocessing.get_context("spawn")
        try:
            with ProcessPoolExecutor(min(workers, len(jobs)), mp_context=context) as pool:
                for chunk in pool.map(_tag_chunk, jobs):
                    yield chunk
                    done += 1
            return
        except BrokenProcessPool as exc:  # the workers could not start (e.g. no importable __main__)
            warnings.warn(f"Okt worker processes failed ({exc}); tagging in this process instead", stacklevel=3)
    yield from map(_tag_chunk, jobs[done:])


def okt_pos(texts: list[str], *, norm: bool = False, stem: bool = False) -> list[list[tuple[str, str]]]:
    """``[Okt().pos(text, norm=norm, stem=stem) for text in texts]``, tagged once per machine.

    The first call tags the texts in parallel over the CPU cores and caches the result; later
    calls with the same texts and options read the cache. Set ``NLPCOURSE_CACHE`` to move it.
    """
    texts = list(texts)
    path = cache_path(texts, norm, stem)
    if path.exists():
        try:
            return _read(path)
        except (OSError, EOFError, ValueError) as exc:  # a damaged file: tag again and replace it
            warnings.warn(f"ignoring the damaged Okt cache {path}: {exc}", stacklevel=2)
    tagged: list[Tagged] = []
    with tqdm(total=len(texts), desc="Okt", unit="text") as bar:
        workers = _workers() if len(texts) >= PARALLEL_MIN else 1
        for chunk in _tag_all(texts, norm, stem, workers):
            tagged.extend(chunk)
            bar.update(len(chunk))
    _write(path, tagged)
    return tagged
