"""Run notebook cells in this process (an IPython shell) and checks in forked children.

The notebook runs once, cell by cell, in an in-process ``InteractiveShell``. A check (a mutant, a
variant, a blanked solution) runs in a child forked just before a test cell: copy-on-write makes the
whole kernel state free, and the child can't disturb the parent or its siblings. Once a JVM has started
(KoNLPy), forked children can't use it, so checks run in the parent one at a time, under an alarm.
"""

from __future__ import annotations

import ctypes
import json
import os
import select
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass

# Set before the notebook imports NumPy, torch or tokenizers: one thread each, so forking is safe and
# parallel children don't fight over the cores.
ENVIRONMENT = {
    "NLPCOURSE_MODE": "fast",
    "MPLBACKEND": "Agg",
    "TOKENIZERS_PARALLELISM": "false",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
}


@dataclass
class Outcome:
    """What a check did: "passed", "failed" (an exception), "timeout", "inert" (the mutation never acted)
    or "crashed" (the child died)."""

    status: str
    error: str = ""
    seconds: float = 0.0


class MutantTimeout(BaseException):
    """Raised by the alarm in the parent: not an Exception, so code under test can't swallow it."""


class Shell:
    """The notebook's kernel: an IPython shell in this process, output sent to /dev/null."""

    def __init__(self):
        from IPython.core.interactiveshell import InteractiveShell

        self.ip = InteractiveShell.instance()
        self.ip.history_manager.enabled = False

    @property
    def namespace(self) -> dict:
        return self.ip.user_ns

    @property
    def hidden(self) -> set[str]:
        return set(self.ip.user_ns_hidden)

    def run(self, source: str) -> str:
        """Run a cell; return "" or the error as "ExceptionName: message"."""
        with quiet():
            result = self.ip.run_cell(source, silent=True)
        error = result.error_before_exec or result.error_in_exec
        return "" if error is None else f"{type(error).__name__}: {str(error)[:200]}".strip()


@contextmanager
def quiet() -> Iterator[None]:
    """Send file descriptors 1 and 2 (prints, warnings, tracebacks, C libraries) to /dev/null."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(1), os.dup(2)]
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    try:
        yield
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(saved[0], 1)
        os.dup2(saved[1], 2)
        for fd in (*saved, devnull):
            os.close(fd)


def fork_safe() -> bool:
    """False once a JVM runs in this process: a forked child would hang in it."""
    jpype = sys.modules.get("jpype")
    return not (jpype and jpype.isJVMStarted())


def run_forked(checks: Iterable[tuple[str, Callable[[], Outcome]]], workers: int, timeout: float,
               workdir: str) -> Iterator[tuple[str, Outcome]]:
    """Run each check in its own forked child, ``workers`` at a time; a child past ``timeout`` is killed."""
    pending, running = list(checks), {}
    while pending or running:
        while pending and len(running) < workers:
            key, check = pending.pop(0)
            running[_spawn(check, workdir)] = (key, time.monotonic() + timeout, bytearray())
        deadline = min(d for _, d, _ in running.values())
        ready, _, _ = select.select(list(running), [], [], max(0.0, deadline - time.monotonic()))
        for fd in ready:
            chunk = os.read(fd, 65536)
            if chunk:
                running[fd][2].extend(chunk)
                continue
            key, _, data = running.pop(fd)
            yield key, _finish(fd, data)
        now = time.monotonic()
        for fd in [fd for fd, (_, d, _) in running.items() if d <= now and fd not in ready]:
            key, _, _ = running.pop(fd)
            yield key, _finish(fd, None, kill=True)


_children: dict[int, int] = {}  # read end of a child's pipe -> its pid


def _spawn(check: Callable[[], Outcome], workdir: str) -> int:
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read)
        _die_with_parent()
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.chdir(workdir)
            payload = json.dumps(asdict(check())).encode()
        except BaseException as exc:  # noqa: BLE001 - whatever happens, report it
            payload = json.dumps(asdict(Outcome("crashed", f"{type(exc).__name__}: {exc}"[:200]))).encode()
        os.write(write, payload)
        os._exit(0)
    os.close(write)
    _children[read] = pid
    return read


def _die_with_parent() -> None:
    """Linux: SIGKILL this child when its parent dies, so a mutant stuck in a loop can't outlive the run."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _finish(fd: int, data: bytearray | None, kill: bool = False) -> Outcome:
    pid = _children.pop(fd)
    if kill:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    if kill:
        return Outcome("timeout")
    try:
        return Outcome(**json.loads(bytes(data)))
    except (ValueError, TypeError):
        return Outcome("crashed", f"child exited with status {status} and no result")


def run_inline(check: Callable[[], Outcome], timeout: float, namespace: dict) -> Outcome:
    """Run a check in this process, interrupted by an alarm after ``timeout`` seconds; then put the
    namespace back as it was (see ``Snapshot``)."""
    def alarm(signum, frame):
        raise MutantTimeout(f"over {timeout:g} s")

    snapshot = Snapshot(namespace)
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return check()
    except MutantTimeout:
        return Outcome("timeout")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        snapshot.restore()


class Snapshot:
    """A namespace's bindings and the contents of its lists, dicts, sets and arrays: what a check run in
    this process can change (a mutant that modifies its argument in place, cells that rebind names).
    Objects changed in other ways (a model's weights, a tokenizer's state) are not restored."""

    def __init__(self, namespace: dict):
        self.namespace = namespace
        self.bindings = dict(namespace)
        self.contents = [(value, saved) for value in {id(v): v for v in namespace.values()}.values()
                         if (saved := _save(value)) is not None]

    def restore(self) -> None:
        for name in [n for n in self.namespace if n not in self.bindings]:
            del self.namespace[name]
        self.namespace.update(self.bindings)
        for value, saved in self.contents:
            _put(value, saved)


_LARGEST = 10_000_000  # elements: bigger arrays are not saved


def _save(value):
    if isinstance(value, (list, dict, set, bytearray)):
        return type(value).copy(value) if not isinstance(value, bytearray) else bytes(value)
    kind = type(value).__module__.split(".")[0]
    if kind == "numpy" and hasattr(value, "flags") and value.flags.writeable and value.size <= _LARGEST:
        return value.copy()
    if kind == "torch" and hasattr(value, "detach") and value.numel() <= _LARGEST:
        return value.detach().clone()
    return None


def _put(value, saved) -> None:
    if isinstance(value, (list, bytearray)):
        value[:] = saved
    elif isinstance(value, (dict, set)):
        value.clear()
        value.update(saved)
    elif type(value).__module__.startswith("torch"):
        import torch

        with torch.no_grad():
            value.data.copy_(saved)
    else:
        value[...] = saved
