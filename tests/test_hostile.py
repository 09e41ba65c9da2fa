"""The hostile corpus, graded sandboxed in one run with honest students: every attack is neutralised or
flagged, no honest score moves, nothing leaks, nothing outside the sandbox changes, and a serial run, a
parallel run and a Dask run give the same results."""

from __future__ import annotations

import csv
import html
import json
import os
import re
import shutil
import socket
import threading
import time
from pathlib import Path

import hostile
import nbformat
import pytest
from conftest import REPO, run_cli
from test_release import secret_lines

from autograder.labs import source_notebook

pytestmark = pytest.mark.skipif(not shutil.which("bwrap") and not os.environ.get("CI"),
                                reason="bubblewrap is not installed (CI installs it; see README)")

LIMITS = {"NLPCOURSE_CELL_TIMEOUT": "20", "NLPCOURSE_SUBMISSION_TIMEOUT": "60", "NLPCOURSE_SANDBOX_MEMORY_MB": "2048",
          "NLPCOURSE_SANDBOX_PROCESSES": "64", "NLPCOURSE_SANDBOX_FILE_MB": "16", "NLPCOURSE_SANDBOX_DISK_MB": "64"}
REPEATED = ["honest-partial_01_tokenizers.ipynb", "transformer-stealth_01_tokenizers.ipynb",
            "custom-exc_01_tokenizers.ipynb"]


TARGETS = [REPO / "nlpcourse" / "__init__.py", REPO / "data" / "README.md",
           REPO / "lab_solutions" / hostile.LAB / f"{hostile.LAB}.ipynb"]  # what tamper-files appends to


def probes_running() -> list[str]:
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as fh:
                if hostile.PROBE.encode() in fh.read():
                    found.append(pid)
        except OSError:
            continue
    return found


def grade(folder: Path, work: Path, *extra: str) -> dict[str, dict]:
    proc = run_cli("grade", str(folder), "--csv", str(work / "grades.csv"), *extra,
                   env={"NLPCOURSE_WORKDIR": str(work), **LIMITS}, timeout=1500)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    with open(work / "grades.csv", encoding="utf-8") as fh:
        return {Path(r["file"]).name: r for r in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Grade the committed corpus (network attack pointed at our own loopback server), two at a time."""
    folder, work = tmp_path_factory.mktemp("hostile"), tmp_path_factory.mktemp("hostile-work")
    for path in hostile.FOLDER.glob("*.ipynb"):
        shutil.copy(path, folder / path.name)
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
    network = f"network_{hostile.LAB}.ipynb"
    (folder / network).write_bytes(hostile.files(server.getsockname()[1])[network][0])
    os.utime(folder / f"dup_{hostile.LAB}.ipynb", (1_700_000_000, 1_700_000_000))
    os.utime(folder / f"dup_{hostile.LAB} (1).ipynb", (1_700_000_100, 1_700_000_100))
    (folder / f"mallory_{hostile.LAB}.ipynb").symlink_to(folder / f"honest-partial_{hostile.LAB}.ipynb")
    Path(f"/tmp/{hostile.PROBE}").unlink(missing_ok=True)  # only this run's escape may leave it
    try:
        rows = grade(folder, work, "--workers", "2")
    finally:
        stop.set()
        thread.join()
        server.close()
    left = probes_running()
    time.sleep(5)  # the detached process would have written by now
    return {"rows": rows, "work": work, "folder": folder, "hits": hits, "left": left,
            "host_probe": Path(f"/tmp/{hostile.PROBE}").exists()}


def test_committed_corpus_is_fresh():
    built, hint = hostile.files(), "run `python tests/hostile.py`"
    assert sorted(p.name for p in hostile.FOLDER.glob("*.ipynb")) == sorted(built), hint
    for name, (content, _) in built.items():
        assert (hostile.FOLDER / name).read_bytes() == content, f"{name} is stale: {hint}"
    assert json.loads((hostile.FOLDER / "expected.json").read_text()) == {n: e for n, (_, e) in built.items()}


def test_every_attack_is_neutralised_or_flagged_and_honest_scores_do_not_move(corpus):
    expected = json.loads((hostile.FOLDER / "expected.json").read_text())
    rows = corpus["rows"]
    for name, want in expected.items():
        row = rows[name]
        assert row["status"] == want["status"], (name, row)
        assert want["reason"] in row["reason"], (name, row["reason"])
        if want["score"] is not None:
            assert float(row["score"]) == want["score"], (name, row)
        if row["score"]:
            assert float(row["score"]) <= float(row["max_score"])
    assert rows[f"mallory_{hostile.LAB}.ipynb"]["reason"] == "symbolic link refused"
    korean = rows[f"김민수_{hostile.LAB}.ipynb"]
    assert "실패" in korean["reason"] and "failed" in korean["reason_en"] and korean["lang"] == "ko"
    assert rows[f"Kim Min-su_{hostile.LAB}.ipynb"]["student_id"].startswith("Kim_Min-su-")


def test_nothing_outside_the_sandbox_changed(corpus):
    assert corpus["hits"] == [], "a sandboxed kernel reached the host's loopback"
    assert not [t for t in TARGETS if "# tampered" in t.read_text(encoding="utf-8")], "a kernel wrote to the repository"
    assert not (REPO / "autograder" / "grades.csv").exists() or "tampered" not in (
        REPO / "autograder" / "grades.csv").read_text(encoding="utf-8")
    assert corpus["left"] == [] and not corpus["host_probe"], "a process outlived its grading"


def test_no_feedback_shows_hidden_tests_and_outputs_stay_bounded(corpus):
    hidden = secret_lines(nbformat.read(source_notebook(hostile.LAB), as_version=4))
    assert hidden
    reports = list((corpus["work"] / "feedback").glob(f"*/{hostile.LAB}/{hostile.LAB}.html"))
    assert len(reports) == sum(r["status"] != "skipped" for r in corpus["rows"].values())
    for report in reports:
        text = html.unescape(re.sub(r"<[^>]+>", "", report.read_text(encoding="utf-8")))
        leaked = [line for line in hidden if line in text]
        assert not leaked, (report, leaked[:2])
    for kind, suffix in (("feedback", "html"), ("autograded", "ipynb")):
        assert (corpus["work"] / kind / "big-output" / hostile.LAB / f"{hostile.LAB}.{suffix}").stat().st_size < 2 << 20
    assert "over 16 MB was dropped" in corpus["rows"][f"big-output_{hostile.LAB}.ipynb"]["reason"]


def test_serial_and_parallel_runs_agree(corpus, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in REPEATED:
        shutil.copy(corpus["folder"] / name, folder / name)
    rows = grade(folder, tmp_path / "work", "--workers", "1")
    for name in REPEATED:
        first, again = corpus["rows"][name], rows[name]
        assert [first[k] for k in ("score", "status", "reason")] == [again[k] for k in ("score", "status", "reason")]
        sid = first["student_id"]
        page = f"feedback/{sid}/{hostile.LAB}/{hostile.LAB}.html"
        assert (corpus["work"] / page).read_bytes() == (tmp_path / "work" / page).read_bytes(), name


def test_the_same_unit_runs_on_a_dask_cluster(corpus, tmp_path):
    from distributed import LocalCluster

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(corpus["folder"] / REPEATED[1], folder / REPEATED[1])
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        rows = grade(folder, tmp_path / "work", "--scheduler", cluster.scheduler_address)
    first, again = corpus["rows"][REPEATED[1]], rows[REPEATED[1]]
    assert [first[k] for k in ("score", "status", "reason")] == [again[k] for k in ("score", "status", "reason")]


def test_sigterm_stops_every_worker_and_sandbox_and_keeps_the_csv(tmp_path):
    import signal
    import subprocess
    import sys

    import psutil

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("wall-clock", "slow-hook"):
        shutil.copy(hostile.FOLDER / f"{name}_{hostile.LAB}.ipynb", folder / f"{name}_{hostile.LAB}.ipynb")
    proc = subprocess.Popen([sys.executable, "-m", "autograder", "grade", str(folder), "--csv", str(tmp_path / "g.csv"),
                             "--workers", "2"], cwd=REPO, env={**os.environ, "NLPCOURSE_WORKDIR": str(tmp_path / "w")},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    root, started = psutil.Process(proc.pid), []
    for _ in range(600):  # until both sandboxed kernels run
        started = root.children(recursive=True)
        if sum(_kernel(p) for p in started) >= 2:
            break
        time.sleep(0.5)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    time.sleep(1)
    alive = [p.pid for p in started if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert proc.returncode == 130 and "--resume" in err and alive == []
    assert (tmp_path / "g.csv").read_text().startswith("student,student_id,lab")


def _kernel(proc) -> bool:
    try:
        line = proc.cmdline()
    except Exception:
        return False
    return bool(line) and line[0].endswith("python") and "/run/nlpgrade/kernel.json" in line
