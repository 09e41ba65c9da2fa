"""The course's JupyterHub (jupyterhub/jupyterhub_config.py) on loopback, with real unix users.

An instructor and two students log in through the hub's REST API. The instructor runs plain nbgrader
commands in a kernel of their own server (as in a JupyterLab terminal); the students press the Assignment
List's buttons (its REST API: fetch, submit, fetch feedback) and save their work through the contents API.
Grading runs as this process (root): the grading machine, with the sandbox. Checked: each student gets
their own feedback, and cannot read the other's work or feedback, the inbox, the source notebooks (hidden
tests) or the instructor's work folder. Needs root (it creates users ``nlpc-*``); skipped otherwise.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import pwd
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from conftest import REPO, run_cli
from test_exchange import PARTIAL, PERFECT

LAB = "01_tokenizers"
INSTRUCTOR, STUDENTS = "nlpc-instructor", {"nlpc-student1": "ko", "nlpc-student2": "en"}
PROXY = REPO / ".tools" / "node_modules" / ".bin" / "configurable-http-proxy"
PASSWORD = uuid.uuid4().hex

pytestmark = pytest.mark.skipif(os.geteuid() != 0 or not (shutil.which("useradd") and shutil.which("runuser")),
                                reason="the hub test creates unix users (nlpc-*): it needs root, useradd and runuser")


def as_user(user: str, *cmd: str) -> subprocess.CompletedProcess:
    return subprocess.run(["runuser", "-u", user, "--", *cmd], capture_output=True, text=True, timeout=120)


def server_python(probe_user: str, bin_dir: Path) -> tuple[str, dict[str, str]]:
    """A Python every user can run with this environment's packages: this one, else the system's of the
    same version with this environment's site-packages (a venv built on a Python under /root, say; its
    scripts, such as the ``alembic`` nbgrader runs, then get wrappers in ``bin_dir``)."""
    if as_user(probe_user, sys.executable, "-c", "import jupyterhub").returncode == 0:
        return sys.executable, {}
    site = next(p for p in sys.path if p.endswith("site-packages") and p.startswith(sys.prefix))
    system = f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}"
    bin_dir.mkdir(mode=0o755)
    for script in ("alembic", "nbgrader"):
        (bin_dir / script).write_text(f'#!/bin/sh\nexec {system} -m {script} "$@"\n')
        (bin_dir / script).chmod(0o755)
    env = {"PYTHONPATH": site, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    probe = subprocess.run(["runuser", "-u", probe_user, "--", "env", f"PYTHONPATH={site}", system, "-c",
                            "import jupyterhub, nbgrader, jupyterlab"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"no Python that unix users can run with the course's packages ({probe.stderr[-200:]})")
    return system, env


def free_port() -> int:
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port < 60000 and all(_free(port + i) for i in (1, 2)):
            return port


def _free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


class Hub:
    def __init__(self, base: str) -> None:
        self.base = base

    def call(self, method: str, path: str, token: str | None = None, body=None, raw: bool = False):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method=method)
        if token:
            request.add_header("Authorization", f"token {token}")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        with urllib.request.urlopen(request, timeout=120) as response:
            text = response.read().decode()
        return text if raw else (json.loads(text) if text else None)

    def login(self, user: str) -> str:
        """A token for ``user``, got with the user's name and password (the hub's REST API, no browser)."""
        return self.call("POST", f"/hub/api/users/{user}/tokens", body={"auth": {"username": user,
                                                                               "password": PASSWORD}})["token"]

    def start(self, user: str, token: str) -> None:
        self.call("POST", f"/hub/api/users/{user}/server", token)

    def wait_ready(self, user: str, token: str, timeout: float = 240) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            server = self.call("GET", f"/hub/api/users/{user}", token)["servers"].get("")
            if server and server.get("ready"):
                return
            time.sleep(0.5)
        raise AssertionError(f"the server of {user} did not start")


async def _execute(url: str, token: str, code: str) -> str:
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    ws = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {token}"}))
    msg_id = uuid.uuid4().hex
    header = {"msg_id": msg_id, "msg_type": "execute_request", "username": "test", "session": uuid.uuid4().hex,
              "version": "5.3", "date": ""}
    content = {"code": code, "silent": False, "store_history": False, "user_expressions": {}, "allow_stdin": False,
               "stop_on_error": True}
    await ws.write_message(json.dumps({"header": header, "parent_header": {}, "metadata": {}, "content": content,
                                       "channel": "shell", "buffers": []}))
    out = []
    while True:
        msg = json.loads(await asyncio.wait_for(ws.read_message(), 300))
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            ws.close()
            raise AssertionError("".join(out) + "\n".join(msg["content"]["traceback"]))
        elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            ws.close()
            return "".join(out)


class Terminal:
    """Commands in a kernel of the instructor's own server, run in the course folder: the instructor's
    JupyterLab terminal, scripted."""

    def __init__(self, hub: Hub, user: str, token: str) -> None:
        self.token = token
        kernel = hub.call("POST", f"/user/{user}/api/kernels", token, {"name": "python3"})
        self.url = hub.base.replace("http", "ws", 1) + f"/user/{user}/api/kernels/{kernel['id']}/channels"

    def run(self, *args: str) -> str:
        code = ("import subprocess, sys\n"
                f"p = subprocess.run([sys.executable, *{list(args)!r}], capture_output=True, text=True, "
                f"cwd={str(REPO)!r})\n"
                "print(p.stdout + p.stderr)\nassert p.returncode == 0, p.returncode\n")
        return asyncio.run(_execute(self.url, self.token, code))


def check_users() -> None:
    """Remove users left over by an interrupted run of this test; skip if someone else owns such a name."""
    for user in (INSTRUCTOR, *STUDENTS):
        try:
            home = pwd.getpwnam(user).pw_dir
        except KeyError:
            continue
        if not home.startswith(f"{tempfile.gettempdir()}/nlpcourse-hub-"):
            pytest.skip(f"a unix user {user} exists already (home {home}); the test will not touch it")
        subprocess.run(["userdel", "-r", user], capture_output=True)


def make_users(root: Path) -> None:
    for user in (INSTRUCTOR, *STUDENTS):
        home = root / "home" / user
        subprocess.run(["useradd", "--create-home", "--home-dir", str(home), "--shell", "/bin/sh", user],
                       check=True, capture_output=True)
        home.chmod(0o700)


def drop_users() -> None:
    for user in (INSTRUCTOR, *STUDENTS):
        if shutil.which("pkill"):  # whatever the hub left running as the test's own users
            subprocess.run(["pkill", "-KILL", "-u", user], capture_output=True)
        subprocess.run(["userdel", "-r", user], capture_output=True)


@pytest.fixture
def hub():
    """A running course hub; yields (Hub, root folder, exchange, instructor's work folder)."""
    assert PROXY.exists(), "configurable-http-proxy is missing: `make test` installs it into .tools/"
    check_users()
    root = Path(tempfile.mkdtemp(prefix="nlpcourse-hub-"))
    root.chmod(0o755)
    solutions = REPO / "lab_solutions"
    mode = solutions.stat().st_mode
    solutions.chmod(stat.S_IMODE(mode) & ~0o007)  # a hub refuses to start while students could read them
    process = None
    try:
        make_users(root)
        python, extra = server_python(INSTRUCTOR, root / "bin")
        port = free_port()
        exchange, work = root / "exchange", root / "home" / INSTRUCTOR / "nlp-course-work"
        env = {**os.environ, **extra, "NLPCOURSE_HUB_PORT": str(port), "NLPCOURSE_HUB_STATE": str(root / "state"),
               "NLPCOURSE_EXCHANGE": str(exchange), "NLPCOURSE_HUB_PASSWORD": PASSWORD,
               "NLPCOURSE_INSTRUCTORS": INSTRUCTOR, "NLPCOURSE_STUDENTS": ",".join(STUDENTS),
               "NLPCOURSE_HUB_PYTHON": python}
        log = (root / "hub.log").open("w")
        process = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f",
                                    str(REPO / "jupyterhub" / "jupyterhub_config.py")],
                                   cwd=root, env=env,
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        hub = Hub(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + 90
        while True:
            try:
                hub.call("GET", "/hub/api/")
                break
            except (urllib.error.URLError, ConnectionError) as exc:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"the hub did not start:\n{(root / 'hub.log').read_text()[-3000:]}") from exc
                time.sleep(0.5)
        yield hub, root, exchange, work
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, 9)
        drop_users()
        solutions.chmod(stat.S_IMODE(mode))
        shutil.rmtree(root, ignore_errors=True)


def test_hub_cycle(hub):
    hub, root, exchange, work = hub
    tokens = {user: hub.login(user) for user in (INSTRUCTOR, *STUDENTS)}
    with pytest.raises(urllib.error.HTTPError):  # a wrong password gets no token
        hub.call("POST", f"/hub/api/users/{INSTRUCTOR}/tokens", body={"auth": {"username": INSTRUCTOR,
                                                                                 "password": "wrong"}})
    for user, token in tokens.items():
        hub.start(user, token)
    for user, token in tokens.items():
        hub.wait_ready(user, token)
    with pytest.raises(urllib.error.HTTPError):  # one student's token opens nobody else's server
        hub.call("GET", "/user/nlpc-student2/api/contents", tokens["nlpc-student1"])
    # students have no formgrader; the instructor has
    with pytest.raises(urllib.error.HTTPError):
        hub.call("GET", "/user/nlpc-student1/formgrader/api/assignments", tokens["nlpc-student1"])

    term = Terminal(hub, INSTRUCTOR, tokens[INSTRUCTOR])
    assert "Released as: nlp-course-ko" in term.run("-m", "nbgrader", "release_assignment", LAB)
    assert "Released as: nlp-course-en" in term.run("-m", "nbgrader", "release_assignment", LAB,
                                                    "--course", "nlp-course-en")

    samples = {"nlpc-student1": "perfect", "nlpc-student2": "partial"}
    for user, edition in STUDENTS.items():
        token, course = tokens[user], f"nlp-course-{edition}"
        listed = hub.call("GET", f"/user/{user}/assignments?course_id={course}", token)
        assert [(a["assignment_id"], a["status"]) for a in listed["value"]] == [(LAB, "released")]
        hub.call("POST", f"/user/{user}/assignments/fetch", token, {"course_id": course, "assignment_id": LAB})
        path = f"{course}/{LAB}/{LAB}.ipynb"
        fetched = hub.call("GET", f"/user/{user}/api/contents/{path}", token)
        assert "BEGIN HIDDEN TESTS" not in json.dumps(fetched["content"])
        work_nb = json.loads((REPO / "autograder" / "samples" / f"{samples[user]}_{LAB}.ipynb").read_text())
        hub.call("PUT", f"/user/{user}/api/contents/{path}", token,
                 {"type": "notebook", "format": "json", "content": work_nb})
        reply = hub.call("POST", f"/user/{user}/assignments/submit", token, {"course_id": course,
                                                                             "assignment_id": LAB})
        assert reply["success"], reply

    s1, s2 = (root / "home" / user for user in STUDENTS)
    denied = [
        ("cat", str(s2 / "nlp-course-en" / LAB / f"{LAB}.ipynb")),           # another student's work
        ("ls", str(exchange / "nlp-course-ko" / "inbound")),                   # the inbox
        ("ls", str(exchange / "nlp-course-ko" / "feedback")),                  # everyone's feedback
        ("cat", str(REPO / "lab_solutions" / LAB / f"{LAB}.ipynb")),           # solutions and hidden tests
        ("ls", str(work)),                                                     # the instructor's work folder
        ("mv", str(exchange / "nlp-course-ko"), str(exchange / "moved")),      # the instructor's course
    ]
    for cmd in denied:
        assert as_user("nlpc-student1", *cmd).returncode != 0, cmd

    term.run("-m", "nbgrader", "collect", LAB)
    term.run("-m", "nbgrader", "collect", LAB, "--course", "nlp-course-en")
    assert sorted(p.name for p in (work / "submitted").iterdir()) == sorted(STUDENTS)

    proc = run_cli("grade", str(work / "submitted"), "--csv", str(work / "grades.csv"), "--workers", "2",
                   env={"NLPCOURSE_WORKDIR": str(work)})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    subprocess.run(["chown", "-R", f"{INSTRUCTOR}:{INSTRUCTOR}", str(work)], check=True)
    scores = {r["student"]: r["score"] for r in csv.DictReader((work / "grades.csv").open(encoding="utf-8"))}
    assert {k: float(v) for k, v in scores.items()} == {"nlpc-student1": PERFECT, "nlpc-student2": PARTIAL}

    term.run("-m", "nbgrader", "release_feedback", LAB)
    term.run("-m", "nbgrader", "release_feedback", LAB, "--course", "nlp-course-en")
    exported = term.run("-m", "autograder", "export", "--format", "moodle")
    rows = {r[0]: r for r in csv.reader(io.StringIO(exported.strip()))}
    assert (rows["nlpc-student1"][2], rows["nlpc-student2"][2]) == (f"{PERFECT:g}", f"{PARTIAL:g}")
    shown = hub.call("GET", f"/user/{INSTRUCTOR}/formgrader/api/submissions/{LAB}", tokens[INSTRUCTOR])
    assert {s["student"]: s["score"] for s in shown} == {"nlpc-student1": PERFECT, "nlpc-student2": PARTIAL}

    for user, edition in STUDENTS.items():
        course = f"nlp-course-{edition}"
        hub.call("POST", f"/user/{user}/assignments/fetch_feedback", tokens[user], {"course_id": course,
                                                                                    "assignment_id": LAB})
        pages = list((root / "home" / user / course / LAB / "feedback").glob(f"*/{LAB}.html"))
        assert len(pages) == 1, pages
        text = pages[0].read_text(encoding="utf-8")
        other = next(u for u in STUDENTS if u != user)
        assert f"{LAB}: {user}" in text and other not in text and "BEGIN HIDDEN TESTS" not in text
    page = next((s2 / "nlp-course-en" / LAB / "feedback").glob(f"*/{LAB}.html"))
    assert as_user("nlpc-student1", "cat", str(page)).returncode != 0  # another student's feedback
    assert not list(s1.glob("nlp-course-en"))  # nothing of the other edition reached the first student
