"""Where a submission's kernel runs: in bubblewrap, in Docker, or (only when asked) unsandboxed.

A sandbox turns "start ipykernel with this connection file" into a command line and says where the
grader reaches the kernel's sockets. The kernel talks to the grader over unix sockets (ZeroMQ's
``ipc`` transport), so it needs no network at all:

- ``bwrap``: new pid, network, ipc and uts namespaces; a root of read-only binds (``/usr``, the
  Python installation and virtual environment, ``nlpcourse/`` and ``data/``, read-only caches); a
  private, size-limited ``/tmp`` that also holds the kernel's sockets, which the grader reaches through
  ``/proc/<sandbox pid>/root``. Nothing of the grader's (work folders, gradebook, ``lab_solutions/``,
  other submissions) exists inside. When the kernel's process tree ends, every process in it ends.
- ``docker``: the same binds in a container with ``--network none`` and Docker's own limits.
- ``none``: the kernel runs as the grader's user with only the rlimits; for notebooks you trust.
"""

from __future__ import annotations

import asyncio
import glob
import json
import os
import shutil
import subprocess
import sys
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from .labs import REPO, UsageError

MODES = ("auto", "bwrap", "docker", "none")
INIT = Path(__file__).with_name("sandbox_init.py")
PROBE = Path(__file__).with_name("probe.py")
# Paths as the kernel sees them inside a sandbox.
CONN = "/run/nlpgrade/kernel.json"
SOCKETS = "/tmp/.nlpgrade"
HOME, WORK, CACHE, MPL, HF = "/tmp/home", "/tmp/work", "/tmp/cache", "/tmp/mpl", "/tmp/hf"
SYSTEM = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
ETC = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "timezone", "fonts", "alternatives",
       "mime.types", "ssl", "java-*")
DOCKER_IMAGE = "debian:bookworm-slim"


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


@dataclass(frozen=True)
class Limits:
    """What one submission may use. Environment variables override each default."""

    cell_s: int = 60  # NLPCOURSE_CELL_TIMEOUT: one cell, then the kernel is interrupted
    wall_s: int = 900  # NLPCOURSE_SUBMISSION_TIMEOUT: the whole submission, then the kernel is killed
    memory_mb: int = 4096  # NLPCOURSE_SANDBOX_MEMORY_MB: RLIMIT_DATA of every process
    processes: int = 512  # NLPCOURSE_SANDBOX_PROCESSES: RLIMIT_NPROC (threads count too)
    file_mb: int = 64  # NLPCOURSE_SANDBOX_FILE_MB: RLIMIT_FSIZE, the largest file it may write
    disk_mb: int = 512  # NLPCOURSE_SANDBOX_DISK_MB: size of the private /tmp
    output_kb: int = 256  # NLPCOURSE_OUTPUT_KB: outputs kept per cell; one message over 16x this is dropped

    @classmethod
    def from_env(cls) -> Limits:
        names = {"cell_s": "NLPCOURSE_CELL_TIMEOUT", "wall_s": "NLPCOURSE_SUBMISSION_TIMEOUT",
                 "memory_mb": "NLPCOURSE_SANDBOX_MEMORY_MB", "processes": "NLPCOURSE_SANDBOX_PROCESSES",
                 "file_mb": "NLPCOURSE_SANDBOX_FILE_MB", "disk_mb": "NLPCOURSE_SANDBOX_DISK_MB",
                 "output_kb": "NLPCOURSE_OUTPUT_KB"}
        defaults = asdict(cls())
        return cls(**{field: _env_int(var, defaults[field]) for field, var in names.items()})

    def rlimits(self, processes: bool = True) -> dict[str, int]:
        mib = 1 << 20
        limits = {"RLIMIT_DATA": self.memory_mb * mib, "RLIMIT_FSIZE": self.file_mb * mib, "RLIMIT_CORE": 0}
        if processes:
            limits["RLIMIT_NPROC"] = self.processes
        return limits


def _host_cache(var: str, *default: str) -> Path:
    return Path(os.environ.get(var) or Path.home().joinpath(*default))


def kernel_env(lang: str) -> dict[str, str]:
    """Environment of every grading kernel, sandboxed or not: fast mode, offline, one thread, fixed hashes."""
    env = {
        "NLPCOURSE_MODE": os.environ.get("NLPCOURSE_MODE", "fast"),
        "NBGRADER_EXECUTION": "autograde",
        "NLPCOURSE_LANG": lang,
        "NLPCOURSE_OFFLINE": "1",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "HF_DATASETS_OFFLINE": "1",
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "OMP_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "TOKENIZERS_PARALLELISM": "false",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "LANG": "C.UTF-8",
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), "/usr/local/bin", "/usr/bin", "/bin"]),
    }
    if os.environ.get("JAVA_HOME"):
        env["JAVA_HOME"] = os.environ["JAVA_HOME"]
    return env


class Sandbox:
    """No isolation (``--sandbox none``): the kernel runs as the grader's user, with the rlimits only."""

    name = "none"

    def __init__(self, limits: Limits) -> None:
        self.limits = limits

    def kernel_ip(self, tmp: Path) -> str:
        """Where the kernel binds its sockets, as the kernel sees it (the connection file's ``ip``)."""
        return str(tmp / "kernel")

    def command(self, tmp: Path, conn: Path, lang: str, kernel_args: list[str]) -> list[str]:
        """The host command line that starts the kernel."""
        config = {"limits": self.limits.rlimits(processes=False), "uid": None,
                  "dirs": [str(tmp / "home"), str(tmp / "work")], "cwd": str(tmp / "work")}
        return self._python(config, str(conn), kernel_args)

    def env(self, tmp: Path, lang: str) -> dict[str, str]:
        return {**kernel_env(lang), "HOME": str(tmp / "home"), "TMPDIR": str(tmp / "work"),
                "MPLCONFIGDIR": str(_host_cache("MPLCONFIGDIR", ".cache", "matplotlib")),
                "NLPCOURSE_CACHE": str(_host_cache("NLPCOURSE_CACHE", ".cache", "nlpcourse")),
                "HF_HOME": str(_host_cache("HF_HOME", ".cache", "huggingface"))}

    async def host_ip(self, tmp: Path, pid: int) -> str:
        """Where the grader connects, once the sandbox process ``pid`` has started."""
        return self.kernel_ip(tmp)

    def stop(self, tmp: Path) -> None:
        """Make sure nothing the kernel started is left (the kernel manager has killed the kernel)."""

    @staticmethod
    def _python(config: dict, conn: str, kernel_args: list[str]) -> list[str]:
        config = {**config, "probe": PROBE.read_text(encoding="utf-8"), "trusted": [str(REPO / "nlpcourse")]}
        return [sys.executable, "-c", INIT.read_text(encoding="utf-8"), json.dumps(config), "-f", conn,
                *kernel_args]


class Bwrap(Sandbox):
    """bubblewrap: namespaces, read-only binds, a private /tmp; see the module docstring."""

    name = "bwrap"

    def kernel_ip(self, tmp: Path) -> str:
        return f"{SOCKETS}/kernel"

    def _uid(self) -> int | None:
        # Root: drop to a uid of our own so that RLIMIT_NPROC counts (root is exempt from it).
        return 200_000 + os.getpid() % 100_000 if os.geteuid() == 0 else None

    def command(self, tmp: Path, conn: Path, lang: str, kernel_args: list[str]) -> list[str]:
        config = {"limits": self.limits.rlimits(), "uid": self._uid(), "dirs": [SOCKETS, HOME, WORK],
                  "cwd": WORK}
        return [*self.args(conn, lang), *self._python(config, CONN, kernel_args)]

    def args(self, conn: Path | None, lang: str) -> list[str]:
        """bwrap's options: namespaces, binds, environment (``conn`` None: no connection file)."""
        args = ["bwrap", "--die-with-parent", "--new-session", "--unshare-pid", "--unshare-net",
                "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try", "--hostname", "grading"]
        if os.geteuid() == 0:
            # bwrap keeps root's capabilities unless told otherwise; sandbox_init uses these two once, to drop to
            # an unprivileged uid, and then has none (no_new_privs: setuid files and file capabilities do nothing)
            args += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
        else:
            args.append("--unshare-user")
        binds = [(path, path) for path in SYSTEM if os.path.isdir(path) and not os.path.islink(path)]
        binds += [(path, path) for pattern in ETC for path in sorted(glob.glob(f"/etc/{pattern}"))]
        binds += [(str(path), str(path)) for path in self.read_only()]
        if conn is not None:
            binds.append((str(conn), CONN))
        # the private /tmp first: binds below it (a clone or venv under /tmp) then mount on top, not under, it
        args += ["--proc", "/proc", "--dev", "/dev",
                 "--size", str(self.limits.disk_mb << 20), "--perms", "1777", "--tmpfs", "/tmp",
                 # POSIX semaphores (multiprocessing's locks) live in /dev/shm, which bwrap's /dev lacks
                 "--size", str(self.limits.disk_mb << 20), "--perms", "1777", "--tmpfs", "/dev/shm"]
        parents = {str(a) for _, dest in binds for a in Path(dest).parents if str(a) not in ("/", "/tmp")}
        for folder in sorted(parents, key=lambda d: d.count("/")):  # bwrap would make them 0700
            args += ["--perms", "0755", "--dir", folder]
        for path in SYSTEM:
            if os.path.islink(path):
                args += ["--symlink", os.readlink(path), path]
        for host, dest in binds:
            args += ["--ro-bind", host, dest]
        for inside, host in ((CACHE, _host_cache("NLPCOURSE_CACHE", ".cache", "nlpcourse")),
                             (HF, _host_cache("HF_HOME", ".cache", "huggingface"))):
            args += ["--perms", "0777", "--dir", inside]
            for entry in sorted(host.glob("*")) if host.is_dir() else []:
                args += ["--ro-bind", str(entry), f"{inside}/{entry.name}"]
        args += ["--perms", "0777", "--dir", MPL]
        for font_cache in sorted(_host_cache("MPLCONFIGDIR", ".cache", "matplotlib").glob("fontlist-*.json")):
            args += ["--ro-bind", str(font_cache), f"{MPL}/{font_cache.name}"]
        env = {**kernel_env(lang), "HOME": HOME, "TMPDIR": "/tmp", "USER": "student", "LOGNAME": "student",
               "MPLCONFIGDIR": MPL, "NLPCOURSE_CACHE": CACHE, "HF_HOME": HF}
        args.append("--clearenv")
        for key, value in sorted(env.items()):
            args += ["--setenv", key, value]
        return [*args, "--chdir", "/", "--"]

    @staticmethod
    def read_only() -> list[Path]:
        """Host folders the kernel may read: Python, the environment, the course package and data."""
        paths = {Path(sys.prefix), Path(sys.base_prefix), REPO / "nlpcourse", REPO / "data"}
        paths |= {Path(p) for p in os.environ.get("NLPCOURSE_SANDBOX_RO", "").split(os.pathsep) if p}
        paths = {p.resolve() for p in paths if p.exists()}
        return sorted(p for p in paths if not any(p != q and q in p.parents for q in paths)
                      and not str(p).startswith("/usr/"))

    def env(self, tmp: Path, lang: str) -> dict[str, str]:
        return {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}  # bwrap's own; the kernel's is in the args

    async def host_ip(self, tmp: Path, pid: int) -> str:
        import psutil

        for _ in range(250):
            try:
                children = psutil.Process(pid).children()
            except psutil.NoSuchProcess:
                break
            if children:
                return f"/proc/{children[0].pid}/root{self.kernel_ip(tmp)}"
            await asyncio.sleep(0.02)
        raise RuntimeError("the sandbox did not start (see the kernel log)")

    def probe(self) -> str | None:
        """None if bwrap can run a kernel's Python here, else why not."""
        if not shutil.which("bwrap"):
            return "bwrap is not installed (apt-get install bubblewrap)"
        code = "import ipykernel, socket; socket.create_connection(('127.0.0.1', 9), 0.2)"
        try:
            proc = subprocess.run([*self.args(None, "en"), sys.executable, "-c", code],
                                  capture_output=True, text=True, timeout=60)
        except subprocess.TimeoutExpired:
            return "bwrap did not answer within 60 s"
        if "ConnectionRefusedError" in proc.stderr or "Network is unreachable" in proc.stderr:
            return None  # Python and ipykernel load, and the network is a private one
        lines = (proc.stderr or proc.stdout).strip().splitlines()
        return f"bwrap failed: {lines[-1] if lines else f'exit status {proc.returncode}'}" + (
            " (unprivileged user namespaces may be disabled: sysctl kernel.apparmor_restrict_unprivileged_userns=0"
            " on Ubuntu 24.04, or kernel.unprivileged_userns_clone=1)" if "namespace" in proc.stderr
            or "uid map" in proc.stderr else "")


class Docker(Sandbox):
    """Docker or Podman (``NLPCOURSE_DOCKER``): the same read-only binds, ``--network none``, cgroup limits.

    The image only provides a root folder: ``/usr`` and the Python environment come from the host,
    so its C library must match the host's (``NLPCOURSE_DOCKER_IMAGE``, default Debian 12 slim).
    """

    name = "docker"

    def __init__(self, limits: Limits) -> None:
        super().__init__(limits)
        self.tool = os.environ.get("NLPCOURSE_DOCKER", "docker")
        self.image = os.environ.get("NLPCOURSE_DOCKER_IMAGE", DOCKER_IMAGE)
        self.names: dict[Path, str] = {}

    def kernel_ip(self, tmp: Path) -> str:
        return f"{SOCKETS}/kernel"

    def command(self, tmp: Path, conn: Path, lang: str, kernel_args: list[str]) -> list[str]:
        sockets = tmp / "sockets"
        sockets.mkdir(exist_ok=True)
        os.chmod(sockets, 0o777)
        name = self.names.setdefault(tmp, f"nlpgrade-{uuid.uuid4().hex[:12]}")
        limits = self.limits
        args = [self.tool, "run", "--rm", "-i", "--name", name, "--network", "none", "--read-only",
                "--cap-drop", "ALL", "--security-opt", "no-new-privileges", "--user", "65534:65534",
                "--pids-limit", str(limits.processes), "--memory", f"{limits.memory_mb}m",
                "--memory-swap", f"{limits.memory_mb}m",
                "--ulimit", f"fsize={limits.file_mb << 20}", "--ulimit", "core=0",
                "--tmpfs", f"/tmp:rw,exec,size={limits.disk_mb}m,mode=1777",
                "-v", f"{sockets}:{SOCKETS}", "-v", f"{conn}:{CONN}:ro"]
        for path in [Path(p) for p in SYSTEM if os.path.isdir(p) and not os.path.islink(p)] + Bwrap.read_only():
            args += ["-v", f"{path}:{path}:ro"]
        env = {**kernel_env(lang), "HOME": HOME, "TMPDIR": "/tmp", "USER": "student",
               "MPLCONFIGDIR": MPL, "NLPCOURSE_CACHE": CACHE, "HF_HOME": HF}
        for key, value in sorted(env.items()):
            args += ["-e", f"{key}={value}"]
        config = {"limits": {}, "uid": None, "dirs": [HOME, WORK, MPL, CACHE, HF], "cwd": WORK}
        return [*args, self.image, *self._python(config, CONN, kernel_args)]

    async def host_ip(self, tmp: Path, pid: int) -> str:
        return f"{tmp / 'sockets'}/kernel"

    def stop(self, tmp: Path) -> None:
        name = self.names.pop(tmp, None)
        if name:  # killing `docker run` leaves the container running
            subprocess.run([self.tool, "rm", "-f", name], capture_output=True, timeout=60)

    def probe(self) -> str | None:
        if not shutil.which(self.tool):
            return f"{self.tool} is not installed"
        proc = subprocess.run([self.tool, "info"], capture_output=True, text=True, timeout=60)
        return None if proc.returncode == 0 else f"{self.tool} cannot reach its daemon"


def choose(mode: str, limits: Limits | None = None) -> Sandbox:
    """The sandbox for ``--sandbox MODE``; ``auto`` takes bwrap, then Docker, and never falls back to none."""
    limits = limits or Limits.from_env()
    if mode == "none":
        return Sandbox(limits)
    candidates = {"bwrap": [Bwrap], "docker": [Docker], "auto": [Bwrap, Docker]}.get(mode)
    if candidates is None:
        raise UsageError(f"unknown sandbox {mode!r}; choose one of {', '.join(MODES)}")
    reasons = []
    for kind in candidates:
        sandbox = kind(limits)
        why = sandbox.probe()
        if why is None:
            return sandbox
        reasons.append(f"{kind.name}: {why}")
    raise UsageError(
        "no sandbox to grade in (" + "; ".join(reasons) + "). Install bubblewrap (see README, 'For instructors'), "
        "or pass --sandbox none to run submissions unsandboxed: only for notebooks you trust."
    )


def make(name: str, limits: Limits) -> Sandbox:
    """The sandbox called ``name``, without probing (a grading worker uses what the parent chose)."""
    return {"none": Sandbox, "bwrap": Bwrap, "docker": Docker}[name](limits)
