"""nbgrader's own exchange, end to end on one machine: release both editions, fetch, submit (twice, and late),
collect, grade in the sandbox, release and fetch feedback, export grades.

Instructor steps run as plain ``nbgrader`` commands from the repository root (the course config must be found,
and nothing may be written outside the work folder and the exchange), or, where only their cost would differ,
through nbgrader's API with the same config; students' steps use nbgrader's exchange classes, as the
Assignment List's buttons do. ``test_hub.py`` runs the same cycle through a real JupyterHub.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import REPO, run_cli
from nbgrader.api import Gradebook
from nbgrader.apps import NbGraderAPI
from nbgrader.auth import Authenticator
from nbgrader.coursedir import CourseDirectory
from nbgrader.exchange import ExchangeFactory
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

SAMPLES = REPO / "autograder" / "samples"
LAB = "01_tokenizers"
BIN = Path(sys.executable).parent
# what the flat sample folder grades to (tests/test_grading.py checks it): every layout must agree
EXPECTED = {name: json.loads((SAMPLES / "expected.json").read_text())[f"{name}_{LAB}.ipynb"]["score"]
            for name in ("perfect", "partial")}
PERFECT, PARTIAL = float(EXPECTED["perfect"]), float(EXPECTED["partial"])
SYSTEM_EXCHANGES = [Path("/srv/nbgrader"), Path("/usr/local/share/nbgrader")]


def nbgrader(*args: str, env: dict) -> str:
    """Plain ``nbgrader ARGS`` from the repository root; return its log."""
    proc = subprocess.run([str(BIN / "nbgrader"), *args], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


def instructor(monkeypatch, work: Path, edition: str) -> NbGraderAPI:
    """nbgrader's API with the settings plain ``nbgrader`` finds at the repository root, for one edition
    (in this process: each ``nbgrader`` command costs seconds of start-up)."""
    monkeypatch.setenv("NLPCOURSE_WORKDIR", str(work))
    monkeypatch.setenv("NLPCOURSE_EDITION", edition)
    monkeypatch.delenv("NLPCOURSE_EXCHANGE", raising=False)
    monkeypatch.setattr(sys, "argv", ["nbgrader"])
    cfg = PyFileConfigLoader("nbgrader_config.py", path=str(REPO)).load_config()
    return NbGraderAPI(coursedir=CourseDirectory(config=cfg), config=cfg)


def ok(result: dict) -> None:
    assert result["success"], result.get("log", "") + str(result.get("error", ""))


def student(name: str, edition: str, exchange: Path, home: Path, step: str, lab: str = LAB) -> None:
    """One student's fetch, submit or fetch_feedback, as the Assignment List's buttons run it."""
    cfg = Config()
    cfg.Exchange.root = str(exchange)
    cfg.Exchange.cache = str(home / ".nbgrader_cache")
    cfg.Exchange.path_includes_course = True
    cfg.Exchange.assignment_dir = str(home)
    cfg.CourseDirectory.course_id = f"nlp-course-{edition}"
    cfg.CourseDirectory.student_id = name
    cfg.CourseDirectory.assignment_id = lab
    factory = ExchangeFactory(config=cfg)
    app = {"fetch": factory.FetchAssignment, "submit": factory.Submit, "fetch_feedback": factory.FetchFeedback}[step]
    app(coursedir=CourseDirectory(config=cfg), authenticator=Authenticator(config=cfg), config=cfg).start()


def hand_in(name: str, edition: str, sample: str, exchange: Path, home: Path) -> None:
    shutil.copyfile(SAMPLES / f"{sample}_{LAB}.ipynb", home / f"nlp-course-{edition}" / LAB / f"{LAB}.ipynb")
    student(name, edition, exchange, home, "submit")


def nbgrader_files() -> dict[str, float]:
    """What nbgrader could write in the repository unasked (git ignores these): name -> modification time."""
    names = [".nbgrader.log", "nbgrader.log", *(f"autograder/{n}" for n in (
        "exchange", "exchange-cache", "submitted", "autograded", "feedback", "gradebook.db"))]
    return {n: (REPO / n).stat().st_mtime for n in names if (REPO / n).exists()}


def utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f UTC")


def test_exchange_cycle(tmp_path: Path, monkeypatch):
    work, home = tmp_path / "work", tmp_path / "instructor-home"
    home.mkdir()
    monkeypatch.setenv("PATH", f"{BIN}{os.pathsep}{os.environ['PATH']}")  # nbgrader runs `alembic` for a new gradebook
    env = {**os.environ, "HOME": str(home), "NLPCOURSE_WORKDIR": str(work)}
    env.pop("NLPCOURSE_EXCHANGE", None)
    env.pop("NLPCOURSE_EDITION", None)
    exchange = work / "exchange"
    system_before = [p.exists() for p in SYSTEM_EXCHANGES]
    git = ["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=all"]
    repo_before = subprocess.run(git, capture_output=True, text=True).stdout, nbgrader_files()

    # release: the Korean edition (the default course) and the English one
    assert "Released as: nlp-course-ko 01_tokenizers" in nbgrader("release_assignment", LAB, env=env)
    assert "Released as: nlp-course-en 01_tokenizers" in nbgrader("release_assignment", LAB, "--course",
                                                                  "nlp-course-en", env=env)
    for lang in ("ko", "en"):
        released = exchange / f"nlp-course-{lang}" / "outbound" / LAB / f"{LAB}.ipynb"
        assert released.read_bytes() == (REPO / "course" / lang / LAB / f"{LAB}.ipynb").read_bytes()
    gradebook = f"sqlite:///{work / 'gradebook.db'}"
    with Gradebook(gradebook) as gb:
        gb.update_or_create_student("carol", first_name="Carol", last_name="Kim")  # on the roster, never submits

    homes = {name: tmp_path / name for name in ("alice", "bob")}
    for name, edition in (("alice", "ko"), ("bob", "en")):
        homes[name].mkdir()
        student(name, edition, exchange, homes[name], "fetch")
        assert (homes[name] / f"nlp-course-{edition}" / LAB / f"{LAB}.ipynb").is_file()
    # alice hands in a blank notebook, then her work: the newest counts; bob hands in after the due date
    hand_in("alice", "ko", "blank", exchange, homes["alice"])
    time.sleep(1.1)
    hand_in("alice", "ko", "perfect", exchange, homes["alice"])
    time.sleep(1.1)
    with Gradebook(gradebook) as gb:
        gb.update_or_create_assignment(LAB, duedate=utc_now())
    time.sleep(1.1)
    hand_in("bob", "en", "partial", exchange, homes["bob"])
    # students cannot list the inbox
    assert oct((exchange / "nlp-course-ko" / "inbound").stat().st_mode & 0o777) == "0o733"

    ok(instructor(monkeypatch, work, "ko").collect(LAB))
    ok(instructor(monkeypatch, work, "en").collect(LAB))
    collected = work / "submitted"
    assert sorted(p.name for p in collected.iterdir()) == ["alice", "bob"]

    proc = run_cli("grade", str(collected), "--csv", str(work / "grades.csv"), "--workers", "2",
                   env={"NLPCOURSE_WORKDIR": str(work), "HOME": str(home)})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows = {r["student"]: r for r in csv.DictReader((work / "grades.csv").open(encoding="utf-8"))}
    assert (float(rows["alice"]["score"]), rows["alice"]["status"]) == (PERFECT, "graded")
    assert (float(rows["bob"]["score"]), rows["bob"]["status"]) == (PARTIAL, "graded")
    assert "late: bob 01_tokenizers" in proc.stdout and "late: alice" not in proc.stdout
    # grading left nbgrader's stamps in place and beside each feedback page
    assert (collected / "alice" / LAB / "timestamp.txt").is_file()
    assert (work / "feedback" / "bob" / LAB / "submission_secret.txt").is_file()

    # the gradebook holds the scores: nbgrader's own export shows them
    nbgrader("export", f"--to={tmp_path / 'nbgrader.csv'}", env=env)
    exported = {r["student_id"]: r for r in csv.DictReader((tmp_path / "nbgrader.csv").open())}
    assert {k: float(v["score"]) for k, v in exported.items()} == {"alice": PERFECT, "bob": PARTIAL, "carol": 0.0}
    with Gradebook(gradebook) as gb:
        assert gb.find_submission(LAB, "bob").total_seconds_late > 0
        assert gb.find_submission(LAB, "alice").total_seconds_late == 0
        grades = {g.name: g.score for g in gb.find_submission_notebook(LAB, LAB, "alice").grades}
        assert sum(grades.values()) == PERFECT and len(grades) > 5

    ok(instructor(monkeypatch, work, "ko").release_feedback(LAB))
    ok(instructor(monkeypatch, work, "en").release_feedback(LAB))
    for name, edition in (("alice", "ko"), ("bob", "en")):
        student(name, edition, exchange, homes[name], "fetch_feedback")
        pages = list((homes[name] / f"nlp-course-{edition}" / LAB / "feedback").glob("*/*.html"))
        assert len(pages) == 1, pages
        text = pages[0].read_text(encoding="utf-8")
        assert f"{LAB}: {name}" in text and "HIDDEN TESTS" not in text
        other = "bob" if name == "alice" else "alice"
        assert f"{LAB}: {other}" not in text
    # the released pages carry names only the submitter can compute, and nobody can list them
    assert oct((exchange / "nlp-course-ko" / "feedback").stat().st_mode & 0o777) == "0o711"

    for fmt, marks in (("canvas", {"bob": "01_tokenizers: late by", "carol": "01_tokenizers: missing"}),
                       ("moodle", {"bob": "late by", "carol": "missing"})):
        proc = run_cli("export", "--format", fmt, env={"NLPCOURSE_WORKDIR": str(work), "HOME": str(home)})
        assert proc.returncode == 0, proc.stderr
        table = list(csv.reader(io.StringIO(proc.stdout)))
        body = table[2:] if fmt == "canvas" else table[1:]
        key = 3 if fmt == "canvas" else 0
        assert sorted(r[key] for r in body) == ["alice", "bob", "carol"]  # one row per student
        by_id = {r[key]: r for r in body}
        assert by_id["alice"][table[0].index(LAB)] == f"{PERFECT:g}" and by_id["carol"][table[0].index(LAB)] == ""
        for who, mark in marks.items():
            assert by_id[who][-1].startswith(mark), by_id[who]
        assert by_id["alice"][-1] == ""

    assert list(home.iterdir()) == []  # nothing in the instructor's home
    assert [p.exists() for p in SYSTEM_EXCHANGES] == system_before  # no system-wide exchange
    assert (subprocess.run(git, capture_output=True, text=True).stdout, nbgrader_files()) == repo_before


def edition_config(monkeypatch, argv: list[str]) -> tuple[str, str]:
    monkeypatch.setattr(sys, "argv", ["nbgrader", *argv])
    cfg = PyFileConfigLoader("nbgrader_config.py", path=str(REPO)).load_config().CourseDirectory
    return cfg.course_id, cfg.release_directory


def test_edition_follows_the_course_flag(tmp_path: Path, monkeypatch):
    """``--course nlp-course-en`` alone picks the English release folder (never the Korean one by default)."""
    monkeypatch.setenv("NLPCOURSE_WORKDIR", str(tmp_path))
    monkeypatch.setenv("NLPCOURSE_EDITION", "ko")
    assert edition_config(monkeypatch, ["release_assignment"]) == ("nlp-course-ko", "course/ko")
    assert edition_config(monkeypatch, ["collect", "--course", "nlp-course-en"]) == ("nlp-course-en", "course/en")
    assert edition_config(monkeypatch, ["--course=nlp-course-en"]) == ("nlp-course-en", "course/en")
    monkeypatch.setenv("NLPCOURSE_EDITION", "en")
    assert edition_config(monkeypatch, []) == ("nlp-course-en", "course/en")
    monkeypatch.setenv("NLPCOURSE_EDITION", "fr")
    with pytest.raises(ValueError, match="NLPCOURSE_EDITION must be one of ko, en"):
        edition_config(monkeypatch, [])


@pytest.mark.parametrize("seconds, text", [(90, "2 min"), (5400, "1.5 h"), (3 * 86400, "3.0 days")])
def test_late_wording(seconds: float, text: str):
    from autograder.export import late

    assert late(seconds) == text
