"""A local OpenAI-compatible server for the prompting lab: ``transformers serve`` on SmolLM2-135M-Instruct.

    base_url = nlpcourse.start_llm_server()
    client = OpenAI(base_url=base_url, api_key="local")
    client.chat.completions.create(model=nlpcourse.SERVER_MODEL, messages=[...], max_completion_tokens=64)
    client.responses.create(model=nlpcourse.SERVER_MODEL, input="...", max_output_tokens=64, stream=False)

Requests sample unless ``temperature=0`` (greedy); ``seed`` makes sampling repeatable. ``/v1/responses`` streams
unless the request says ``stream=False``. ``n``, ``logprobs`` and ``response_format`` are accepted but ignored.

One server per machine, on 127.0.0.1 only: a second call, from this kernel or another one, reuses the running
server (``llm/server/state.json`` in the cache holds its pid and port). The process that started it stops it at
exit, and on Linux the server also dies with that process if it is killed. Its output goes to
``llm/server/server.log`` in the cache.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import functools
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from .llm import SMOLLM2, smollm2_dir
from .paths import cache_dir

SERVER_MODEL = SMOLLM2  # the `model` every request must name
HOST = "127.0.0.1"
# Sample by default, as the OpenAI API does; `temperature=0` makes a request greedy (and reproducible).
SERVED_GENERATION = {"do_sample": True, "top_k": 0}

_owned: subprocess.Popen | None = None  # the server this process started


def _folder() -> Path:
    """The server's state, lock, log and model links: in the course cache, or in the temp folder where the cache is
    read-only (a grading sandbox, which binds the host's cache read-only and gives each kernel a private /tmp)."""
    try:
        folder = cache_dir("llm", "server")
        if os.access(folder, os.W_OK):
            return folder
    except OSError:
        pass
    folder = Path(tempfile.gettempdir()) / "nlpcourse-llm-server"
    folder.mkdir(exist_ok=True)
    return folder


def _served_model() -> Path:
    """SmolLM2's cached files linked into the server's folder, with the server's generation defaults."""
    target = _folder() / SERVER_MODEL
    if target.is_dir():
        return target
    source = smollm2_dir()
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.mkdir(parents=True)
    for path in source.iterdir():
        if path.name != "generation_config.json":
            (tmp / path.name).symlink_to(path)
    generation = json.loads((source / "generation_config.json").read_text())
    (tmp / "generation_config.json").write_text(json.dumps({**generation, **SERVED_GENERATION}, indent=2))
    try:
        tmp.rename(target)
    except OSError:  # another process finished first
        for path in tmp.iterdir():
            path.unlink()
        tmp.rmdir()
    return target


@contextlib.contextmanager
def _lock() -> Iterator[None]:
    """One starter or stopper at a time on this machine (POSIX; elsewhere a no-op)."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    with open(_folder() / "lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://{HOST}:{port}/health", timeout=2) as resp:
            return resp.status == 200
    except OSError:
        return False


def _alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie, exited but not yet reaped, counts as gone)."""
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    with contextlib.suppress(OSError, IndexError):
        return Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1][0] != "Z"
    return True


def _live_state() -> dict | None:
    """The recorded server's ``{"pid", "port"}`` if it still answers, else None (and the record is dropped)."""
    path = _folder() / "state.json"
    try:
        state = json.loads(path.read_text())
        if _alive(state["pid"]) and _healthy(state["port"]):
            return state
    except (OSError, ValueError, KeyError):
        pass
    path.unlink(missing_ok=True)
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _launch(timeout: float) -> dict:
    global _owned
    if _owned is not None:  # started here earlier, but no longer answers
        _stop(_owned.pid)
    model = _served_model()
    port = _free_port()
    log = _folder() / "server.log"
    command = [sys.executable, "-m", "transformers.cli.transformers", "serve", SERVER_MODEL]
    command += ["--host", HOST, "--port", str(port), "--default-seed", "0"]
    # one thread: a 135M model gains little from more, and spinning OpenMP threads on a busy machine (a kernel,
    # tests, grading beside it) made replies 4-6x slower (measured on 2 cores: 3 replies of 32 tokens, 35-52 s vs 8-9 s)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HUB_DISABLE_UPDATE_CHECK": "1", "OMP_NUM_THREADS": "1",
           "MKL_NUM_THREADS": "1"}
    die_with_parent = None
    if sys.platform == "linux":  # the kernel SIGTERMs the server when this process dies, even by SIGKILL
        die_with_parent = functools.partial(ctypes.CDLL(None).prctl, 1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    with open(log, "wb") as out:
        _owned = subprocess.Popen(
            command,
            cwd=model.parent.parent,  # the model's name is its path from here
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=die_with_parent,
        )
    atexit.unregister(_stop_owned)
    atexit.register(_stop_owned)
    deadline = time.monotonic() + timeout
    while not _healthy(port):
        if _owned.poll() is not None or time.monotonic() > deadline:
            _stop(_owned.pid)
            tail = log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"transformers serve did not come up on port {port}; {log} ends with:\n{tail}")
        time.sleep(0.5)
    state = {"pid": _owned.pid, "port": port}
    (_folder() / "state.json").write_text(json.dumps(state))
    return state


def start_llm_server(timeout: float = 300.0) -> str:
    """Start SmolLM2 behind ``transformers serve`` on 127.0.0.1, or reuse the running one; return its base URL.

    The URL ends in ``/v1``: pass it as ``base_url`` to ``openai.OpenAI`` and name ``SERVER_MODEL`` as the model.
    """
    with _lock():
        state = _live_state() or _launch(timeout)
    return f"http://{HOST}:{state['port']}/v1"


def _stop(pid: int) -> None:
    """SIGTERM the server's process group, SIGKILL it after 10 s; reap it when this process started it."""
    global _owned
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGTERM)
    if _owned is not None and _owned.pid == pid:
        try:
            _owned.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(pid, signal.SIGKILL)
            _owned.wait()
        _owned = None
        return
    deadline = time.monotonic() + 10
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if _alive(pid):
        os.killpg(pid, signal.SIGKILL)


def _stop_owned() -> None:
    """At exit: stop the server this process started, if any, and drop its record."""
    if _owned is None:
        return
    with _lock():
        pid = _owned.pid
        _stop(pid)
        path = _folder() / "state.json"
        with contextlib.suppress(OSError, ValueError, KeyError):
            if json.loads(path.read_text())["pid"] == pid:
                path.unlink()


def stop_llm_server() -> None:
    """Stop the running server, whichever kernel started it; a no-op when none runs."""
    with _lock():
        state = _live_state()
        if state is not None:
            _stop(state["pid"])
            (_folder() / "state.json").unlink(missing_ok=True)
    _stop_owned()
