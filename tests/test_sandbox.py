"""The sandbox itself, on tiny notebooks: what a grading kernel can see, reach, keep and cost the grader."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
import tracemalloc

import nbformat
import pytest
from conftest import REPO

from autograder import kernel
from autograder.sandbox import Bwrap, Limits, choose

pytestmark = pytest.mark.skipif(not shutil.which("bwrap") and not os.environ.get("CI"),
                                reason="bubblewrap is not installed (CI installs it; see README)")


def run(*cells: str, limits: Limits | None = None):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    record = kernel.execute(nb, [True] * len(cells), choose("bwrap", limits or Limits(cell_s=30, wall_s=120)),
                            "en")
    return record, ["".join(o.get("text", "") + o.get("ename", "") for o in c.outputs) for c in nb.cells]


@pytest.fixture
def listener():
    """A TCP server on the host's loopback that counts connections (the only network target in tests)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    hits, stop = [], threading.Event()

    def serve():
        while not stop.is_set():
            try:
                hits.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], hits
    stop.set()
    thread.join()
    server.close()


def test_kernel_sees_no_grader_files_no_network_and_no_host_processes(tmp_path, listener):
    port, hits = listener
    work = os.environ["NLPCOURSE_WORKDIR"]
    record, out = run(
        "import os, socket, resource",
        f"print([os.path.exists(p) for p in ({str(REPO / 'lab_solutions')!r}, {str(REPO / 'autograder')!r}, "
        f"{work!r}, {str(REPO / '.git')!r})])",
        f"print(os.path.exists({str(REPO / 'nlpcourse' / '__init__.py')!r}))",
        f"socket.create_connection(('127.0.0.1', {port}), timeout=2)",
        f"open({str(REPO / 'nlpcourse' / 'probe.txt')!r}, 'w')",
        "print(os.getuid() != 0, resource.getrlimit(resource.RLIMIT_NPROC)[0], sorted(os.listdir('/tmp')))",
        "print(len([p for p in os.listdir('/proc') if p.isdigit()]) < 10)",
    )
    assert out[1] == "[False, False, False, False]\n" and out[2] == "True\n"
    assert "ConnectionRefusedError" in out[3] or "OSError" in out[3]
    assert "OSError" in out[4] and not (REPO / "nlpcourse" / "probe.txt").exists()
    # a checkout under /tmp (a CI clone) shows up as the folder that holds its read-only course package
    under_tmp = {p.parts[2] for p in Bwrap.read_only() if p.parts[1] == "tmp"}
    tmp_listing = sorted({".nlpgrade", "cache", "hf", "home", "mpl", "work"} | under_tmp)
    assert out[5].startswith(f"True 512 {tmp_listing}") and out[6] == "True\n"
    assert hits == [] and record.stopped is None


def test_every_process_ends_with_the_kernel():
    marker = f"nlpgrade-test-orphan-{os.getpid()}"
    run("import subprocess, sys\n"
        f"subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)', {marker!r}], start_new_session=True)")
    time.sleep(1)
    left = [p for p in os.listdir("/proc") if p.isdigit() and marker.encode() in _cmdline(p)]
    assert left == []


def _cmdline(pid: str) -> bytes:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return fh.read()
    except OSError:
        return b""


def test_limits_on_memory_files_and_the_whole_submission():
    limits = Limits(cell_s=30, wall_s=12, memory_mb=1024, file_mb=8)
    start = time.monotonic()
    record, out = run("x = bytearray(2 << 30)", "open('f', 'wb').write(b'0' * (16 << 20))", "print('fine')",
                      *["import time\ntime.sleep(3)"] * 6, limits=limits)
    assert out[0] == "MemoryError" and "OSError" in out[1] and out[2] == "fine\n"
    assert record.stopped == "wall" and time.monotonic() - start < 40


def test_a_huge_output_never_reaches_the_grader():
    tracemalloc.start()
    try:
        record, out = run("print('x' * (40 << 20))", "print('after')")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert out[0] == "" and out[1] == "after\n" and 0 in record.dropped
    assert peak < 8 << 20  # the 40 MB message was dropped by ZeroMQ before Python allocated it
