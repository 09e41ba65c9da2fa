"""Limits for a whole sandbox, every process it starts together: a cgroup where this machine lets the grader
make one, else the grader's own accounting of the sandbox's process tree.

- with ``NLPCOURSE_CGROUP=1``, cgroup v2 (a writable ``cgroup.subtree_control`` with ``memory`` and ``pids``
  beside the grader's own cgroup) or v1 (writable ``memory`` and ``pids`` hierarchies, usually as root): the
  kernel's launcher moves itself into a new cgroup before it becomes bwrap, so nothing the sandbox starts escapes it;
  the Linux kernel enforces ``memory.max``/``memory.limit_in_bytes`` (swap included) and ``pids.max``, and the
  cgroup is emptied and removed when grading ends.
- otherwise (the default) ``Tree``: every half second the grader sums the proportional memory (PSS) and counts the
  processes of the sandbox's tree, and kills the whole tree when the sum is over the limit.
"""

from __future__ import annotations

import os
import signal
import time
import uuid
from pathlib import Path

ROOT = Path("/sys/fs/cgroup")
MIB = 1 << 20


def _own(hierarchy: str) -> str | None:
    """This process's cgroup path in ``hierarchy`` ("" for v2) from /proc/self/cgroup."""
    try:
        lines = Path("/proc/self/cgroup").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        _, names, path = line.split(":", 2)
        if names.split(",") == [hierarchy] or (hierarchy == "" and names == ""):
            return path
    return None


def _writable(folder: Path) -> bool:
    return folder.is_dir() and os.access(folder, os.W_OK)


class Cgroup:
    """One sandbox's cgroup (v2, or v1 memory + pids); ``None`` from ``make`` when the machine has none for us."""

    def __init__(self, folders: list[Path], version: int) -> None:
        self.folders, self.version = folders, version

    @classmethod
    def make(cls, memory_mb: int, processes: int) -> Cgroup | None:
        # Opt-in: on a machine whose own supervisor manages cgroups (this project's CI and dev machines put every job
        # in a memory cgroup of its own), a grader that nests cgroups there took the whole job down with it.
        if os.environ.get("NLPCOURSE_CGROUP") != "1":
            return None
        name = f"nlpgrade-{uuid.uuid4().hex[:12]}"
        for attempt in (cls._v2, cls._v1):
            try:
                group = attempt(name)
                if group is not None:
                    group.limit(memory_mb, processes)
                    return group
            except OSError:
                continue
        return None

    @classmethod
    def _v2(cls, name: str) -> Cgroup | None:
        own = _own("")
        if own is None or not (ROOT / "cgroup.controllers").exists():
            return None
        parent = ROOT / own.lstrip("/")
        # a process may not sit in a cgroup whose children have controllers: use a sibling of ours, under our parent
        base = parent.parent if (parent / "cgroup.procs").read_text().strip() else parent
        if not {"memory", "pids"} <= set((base / "cgroup.controllers").read_text().split()) or not _writable(base):
            return None
        (base / "cgroup.subtree_control").write_text("+memory +pids")
        folder = base / name
        folder.mkdir()
        return cls([folder], 2)

    @classmethod
    def _v1(cls, name: str) -> Cgroup | None:
        folders = []
        for controller in ("memory", "pids"):
            own = _own(controller)
            base = ROOT / controller / (own or "/").lstrip("/")
            if own is None or not _writable(base):
                for folder in folders:
                    folder.rmdir()
                return None
            (base / name).mkdir()
            folders.append(base / name)
        return cls(folders, 1)

    def limit(self, memory_mb: int, processes: int) -> None:
        memory = str(memory_mb * MIB)
        if self.version == 2:
            folder = self.folders[0]
            (folder / "memory.max").write_text(memory)
            if (folder / "memory.swap.max").exists():
                (folder / "memory.swap.max").write_text("0")
            (folder / "pids.max").write_text(str(processes))
            return
        memory_folder, pids_folder = self.folders
        (memory_folder / "memory.limit_in_bytes").write_text(memory)
        if (memory_folder / "memory.memsw.limit_in_bytes").exists():
            (memory_folder / "memory.memsw.limit_in_bytes").write_text(memory)
        (pids_folder / "pids.max").write_text(str(processes))

    def wrap(self, command: list[str]) -> list[str]:
        """``command``, started by a shell that first moves itself into the cgroup(s)."""
        files = [str(folder / "cgroup.procs") for folder in self.folders]
        script = 'for f in "$@"; do [ "$f" = -- ] && break; echo $$ > "$f" || exit 1; shift; done; shift; exec "$@"'
        return ["/bin/sh", "-c", script, "sh", *files, "--", *command]

    def oom(self) -> bool:
        """True if the memory limit stopped a process."""
        try:
            name = "memory.events" if self.version == 2 else "memory.oom_control"
            events = dict(line.split()[:2] for line in (self.folders[0] / name).read_text().splitlines() if line)
            return int(events.get("oom_kill", 0)) > 0
        except (OSError, ValueError):
            return False

    def close(self) -> None:
        """Kill whatever is left in the cgroup and remove it."""
        for _ in range(50):
            pids = set()
            for folder in self.folders:
                try:
                    pids |= {int(p) for p in (folder / "cgroup.procs").read_text().split()}
                except OSError:
                    pass
            if not pids:
                break
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
            time.sleep(0.05)
        for folder in self.folders:
            try:
                folder.rmdir()
            except OSError:
                pass


def _pss(pid: int) -> int:
    """Proportional memory of one process in bytes (shared pages split among their users), else RSS."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


class Tree:
    """Accounting without a cgroup: the memory and process count of the tree under ``pid``."""

    def __init__(self, pid: int) -> None:
        self.pid = pid

    def pids(self) -> list[int]:
        import psutil

        try:
            root = psutil.Process(self.pid)
            return [root.pid] + [child.pid for child in root.children(recursive=True)]
        except psutil.Error:
            return []

    def usage(self) -> tuple[int, int]:
        """(bytes, processes) used by the tree now."""
        pids = self.pids()
        return sum(_pss(pid) for pid in pids), len(pids)

    def kill(self) -> None:
        for pid in reversed(self.pids()):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
