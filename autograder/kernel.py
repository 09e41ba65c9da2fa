"""Run a prepared notebook in a sandboxed kernel and record, per cell, what the kernel reported.

The grader stays outside the sandbox: nbclient runs here and talks to the kernel over unix sockets.
What comes back is bounded: ZeroMQ drops any single message over ``MAX_MESSAGE`` before Python sees it
(and drops the connection too, which the client then makes again), each cell keeps at most ``output_kb``
of output and the whole notebook ``TOTAL_CELLS`` times that. The whole submission has a wall-clock limit,
after which the kernel and everything it started are killed.

The kernel's own stdout and stderr go to a log file outside the sandbox, opened for appending with mode
0600: the grader's warden (``probe.py``) writes its signed records there, through a copy of that
descriptor made before any student code ran; ``Run.channel`` holds what the log had.

``freeze_at``: when that cell starts, a copy of every earlier cell's outputs is kept (``Run.frozen``):
display updates sent later cannot change what feedback shows of cells before the first hidden test.
"""

from __future__ import annotations

import asyncio
import atexit
import copy
import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import zmq
import zmq.asyncio
from jupyter_client import AsyncKernelManager
from jupyter_client.kernelspec import KernelSpec
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError
from nbformat import NotebookNode
from traitlets import Any
from zmq.utils.monitor import parse_monitor_message

from .cgroup import Cgroup, Tree
from .sandbox import Limits, Sandbox

KERNEL_ARGS = ["--HistoryManager.hist_file=:memory:", "--IPKernelApp.log_level=ERROR"]
MAX_MESSAGE = 16 << 20
LOG_TAIL = 2000
TOTAL_CELLS = 64  # the whole notebook keeps at most this many cells' worth of output


@dataclass
class Run:
    """What happened: per-cell reply status (``None``: not run), timeouts, truncation, and why it stopped."""

    replies: dict[int, str] = field(default_factory=dict)
    timed_out: set[int] = field(default_factory=set)
    truncated: set[int] = field(default_factory=set)
    dropped: set[int] = field(default_factory=set)  # cells with a message over MAX_MESSAGE
    stopped: str | None = None  # "wall" (over the submission's limit), "died" or "start" (kernel failed)
    stopped_at: int | None = None
    log: str = ""  # the end of the kernel's own stdout/stderr (signed records left out), for instructors
    channel: bytes = b""  # the kernel log: the warden's signed records among the kernel's own messages
    frozen: list | None = None  # outputs of the cells before ``freeze_at``, as they were when it started
    over: str | None = None  # "memory" or "processes": the whole sandbox went over its limit
    accounting: str = ""  # how the whole sandbox was limited: "cgroup v1", "cgroup v2" or "process tree"


class GradingKernelManager(AsyncKernelManager):
    """A kernel manager whose kernel starts inside ``sandbox`` and is reached over unix sockets."""

    sandbox = Any()
    tmp = Any()
    lang = Any()
    cgroup = Any()

    @property
    def kernel_spec(self) -> KernelSpec:
        return KernelSpec(argv=["python"], display_name="grading", language="python", interrupt_mode="message")

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        Path(self.connection_file).chmod(0o644)  # the sandbox may run as another uid; the folder stays 0700
        command = self.sandbox.command(self.tmp, Path(self.connection_file), self.lang, KERNEL_ARGS)
        return self.cgroup.wrap(command) if self.cgroup is not None else command

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        await super()._async_launch_kernel(kernel_cmd, **kw)
        self.ip = await self.sandbox.host_ip(self.tmp, self.provisioner.pid)

    def client(self, **kwargs):
        return super().client(context=self.context, **kwargs)


class GradingClient(NotebookClient):
    """nbclient with bounded outputs, and a record of each cell's reply and timeout."""

    def __init__(self, nb: NotebookNode, km: GradingKernelManager, limits: Limits, freeze_at: int | None) -> None:
        super().__init__(nb, km=km, timeout=limits.cell_s, allow_errors=True, interrupt_on_timeout=True,
                         shutdown_kernel="immediate", record_timing=False, iopub_timeout=4,
                         startup_timeout=120, store_widget_state=False, coalesce_streams=True)
        self.record = Run()
        self.budget = limits.output_kb * 1024
        self.total = self.budget * TOTAL_CELLS
        self.used: dict[int, int] = {}
        self.current = -1
        self.freeze_at = freeze_at

    def output(self, outs, msg, display_id, cell_index):
        content = msg.get("content", {})
        size = len(str(content.get("text", ""))) + sum(len(str(v)) for v in content.get("data", {}).values())
        size += sum(len(str(line)) for line in content.get("traceback", []))
        used = self.used.get(cell_index, 0) + size
        self.used[cell_index] = used
        if sum(self.used.values()) > self.total or (used > self.budget and msg.get("msg_type") != "error"):
            self.record.truncated.add(cell_index)
            return None
        if used > self.budget:
            self.record.truncated.add(cell_index)
            msg = {**msg, "content": {**content, "traceback": list(content.get("traceback", []))[-3:]}}
        return super().output(outs, msg, display_id, cell_index)

    async def _check_raise_for_error(self, cell, cell_index, exec_reply) -> None:
        self.record.replies[cell_index] = (exec_reply or {}).get("content", {}).get("status", "none")

    async def _async_handle_timeout(self, timeout, cell=None):
        self.record.timed_out.add(self.current)
        return await super()._async_handle_timeout(timeout, cell)

    async def run_cells(self, history: list[bool], **start) -> None:
        """Start the kernel (``start``: Popen options) and run every cell."""
        async with self.async_setup_kernel(**start):
            iopub = self.kc.iopub_channel.socket
            monitor = iopub.get_monitor_socket(zmq.EVENT_DISCONNECTED | zmq.EVENT_HANDSHAKE_SUCCEEDED)
            for index, cell in enumerate(self.nb.cells):
                self.current = index
                if index == self.freeze_at:
                    self.record.frozen = [copy.deepcopy(c.get("outputs", [])) for c in self.nb.cells[:index]]
                await self.async_execute_cell(cell, index, store_history=history[index])
                if await self._disconnected(monitor):
                    self.record.dropped.add(index)  # ZeroMQ cut the oversized message and the connection
                    await self._reconnect(iopub, monitor)

    @staticmethod
    async def _disconnected(monitor) -> bool:
        found = False
        while await monitor.poll(timeout=0):
            found |= parse_monitor_message(await monitor.recv_multipart())["event"] == zmq.EVENT_DISCONNECTED
        return found

    async def _reconnect(self, iopub, monitor) -> None:
        """Connect the output channel again (ZeroMQ does not after an oversized message), and wait for it."""
        url = self.kc._make_url("iopub")
        iopub.disconnect(url)
        iopub.connect(url)
        if await monitor.poll(timeout=2000):
            await monitor.recv_multipart()
        await asyncio.sleep(0.2)  # the subscription reaches the kernel a moment after the handshake


async def _watch(km: GradingKernelManager, limits: Limits, record: Run) -> None:
    """Without a cgroup: every half second, kill the sandbox's whole process tree when together its processes
    use more memory, or are more, than one submission may have."""
    while not (km.has_kernel and getattr(km.provisioner, "pid", None)):
        await asyncio.sleep(0.2)
    tree = Tree(km.provisioner.pid)
    while True:
        memory, count = await asyncio.to_thread(tree.usage)
        if memory > limits.memory_mb << 20 or count > limits.processes:
            record.over = "memory" if memory > limits.memory_mb << 20 else "processes"
            tree.kill()
            return
        await asyncio.sleep(0.5)


def _read(path: Path, limit: int) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(min(limit, os.fstat(fh.fileno()).st_size))  # read(n) would allocate n bytes first
    except OSError:
        return b""


def _tail(data: bytes, tag: str) -> str:
    """The end of the kernel log without the warden's records (the signing key among them)."""
    lines = [line for line in data.decode("utf-8", "replace").splitlines(keepends=True) if not line.startswith(tag)]
    return "".join(lines)[-LOG_TAIL:]


async def _execute(nb: NotebookNode, history: list[bool], sandbox: Sandbox, lang: str, freeze_at: int | None,
                   tag: str) -> Run:
    limits = sandbox.limits
    tmp = Path(tempfile.mkdtemp(prefix="nlpgrade-"))
    context = zmq.asyncio.Context()
    context.setsockopt(zmq.MAXMSGSIZE, MAX_MESSAGE)
    group = Cgroup.make(limits.memory_mb, limits.processes) if sandbox.name != "docker" else None
    km = GradingKernelManager(sandbox=sandbox, tmp=tmp, lang=lang, transport="ipc", ip=sandbox.kernel_ip(tmp),
                              connection_file=str(tmp / "kernel.json"), context=context, cgroup=group)
    client = GradingClient(nb, km, limits, freeze_at)
    record, log, start = client.record, tmp / "kernel.log", time.monotonic()
    watch = None
    if group is not None:
        record.accounting = f"cgroup v{group.version}"
    elif sandbox.name != "docker":  # Docker limits its container itself
        record.accounting, watch = "process tree", asyncio.create_task(_watch(km, limits, record))
    try:
        with open(os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "wb") as fh:
            await asyncio.wait_for(client.run_cells(history, stdout=fh, stderr=fh, env=sandbox.env(tmp, lang),
                                                    cwd=str(tmp)), limits.wall_s)
    except Exception as exc:  # the wall-clock limit, a dead kernel, or one (or a sandbox) that never answered
        if time.monotonic() - start >= limits.wall_s - 1:
            record.stopped = "wall"  # nbclient may report the cancelled cell as a dead kernel
        elif isinstance(exc, DeadKernelError):
            record.stopped = "died"
        elif client.current < 0:
            record.stopped, record.log = "start", f"{type(exc).__name__}: {exc}\n"
        else:
            raise
    finally:
        try:
            if client.kc is not None:
                client.kc.stop_channels()
            if km.has_kernel:
                await km.shutdown_kernel(now=True)
        finally:
            atexit.unregister(client._cleanup_kernel)  # nbclient's, for an interpreter that exits mid-run
            if watch is not None:
                watch.cancel()
            if group is not None:
                if group.oom():
                    record.over = "memory"
                group.close()
            sandbox.stop(tmp)
            context.destroy(linger=0)
            record.channel = _read(log, (limits.file_mb + 1) << 20)
            record.log += _tail(record.channel, tag)
            shutil.rmtree(tmp, ignore_errors=True)
    if record.stopped:
        record.stopped_at = max(client.current, 0)
    return record


def execute(nb: NotebookNode, history: list[bool], sandbox: Sandbox, lang: str, freeze_at: int | None = None,
            tag: str = "\x1enlpgrade:") -> Run:
    """Run every code cell of ``nb`` in place (``history[i]``: store cell i in the kernel's history)."""
    return asyncio.run(_execute(nb, history, sandbox, lang, freeze_at, tag))
