"""A JupyterHub for the course on one machine: ``jupyterhub -f jupyterhub/jupyterhub_config.py`` (as root).

Every person is a unix user (JupyterHub's local spawner runs each server as its user, so the system keeps
students apart). Two groups: ``instructors`` (their server opens this course folder, with formgrader and
the course's nbgrader config) and ``students`` (their server opens their home, with the Assignment List and
only the exchange's settings: ``jupyterhub/student/``). nbgrader's exchange is one shared folder.

Settings (environment variables; docs/instructors.md walks through them):

- ``NLPCOURSE_INSTRUCTORS``, ``NLPCOURSE_STUDENTS``: comma-separated unix user names.
- ``NLPCOURSE_EXCHANGE`` (``/srv/nlpcourse/exchange``): created here, mode 1777 (anyone may add, nobody may
  rename or delete what others own); nbgrader makes each course's ``inbound`` 2733 (students write, cannot
  list) and ``feedback`` 0711 (pages under names only their submitter can compute).
- ``NLPCOURSE_HUB_STATE`` (``/srv/nlpcourse/hub``): the hub's database and cookie secret.
- ``NLPCOURSE_HUB_WORKDIR`` (``~/nlp-course-work`` of each instructor): the grading work folder, 0700.
- ``NLPCOURSE_HUB_IP`` (127.0.0.1), ``NLPCOURSE_HUB_PORT`` (8000; the hub itself and the proxy's API take the
  next two ports).
- ``NLPCOURSE_HUB_PASSWORD``: a shared password for a demo (JupyterHub's DummyAuthenticator); unset, people
  log in with their system password (PAM).
- ``NLPCOURSE_HUB_PYTHON``: the Python that runs users' servers (default: this one); every user must be able
  to run it and read this folder except ``lab_solutions/``, which must be private (the hub refuses to start
  otherwise: the source notebooks hold the solutions and hidden tests).
"""

import os
import pwd
import stat
import sys
from pathlib import Path

c = get_config()  # noqa: F821  (injected by traitlets)

COURSE = Path(__file__).resolve().parent.parent
STUDENT_CONFIG = COURSE / "jupyterhub" / "student"
EXCHANGE = Path(os.environ.get("NLPCOURSE_EXCHANGE", "/srv/nlpcourse/exchange"))
STATE = Path(os.environ.get("NLPCOURSE_HUB_STATE", "/srv/nlpcourse/hub"))
PORT = int(os.environ.get("NLPCOURSE_HUB_PORT", "8000"))
IP = os.environ.get("NLPCOURSE_HUB_IP", "127.0.0.1")
# the course environment's Jupyter settings (nbgrader's server extensions) and data (its JupyterLab extensions),
# found even when users' servers run another Python with this environment's packages (NLPCOURSE_HUB_PYTHON)
ENV_CONFIG, ENV_DATA = Path(sys.prefix) / "etc" / "jupyter", Path(sys.prefix) / "share" / "jupyter"
PROXY = COURSE / ".tools" / "node_modules" / ".bin" / "configurable-http-proxy"  # the Makefile installs it (npm)


def names(variable: str) -> list[str]:
    return [n.strip() for n in os.environ.get(variable, "").split(",") if n.strip()]


INSTRUCTORS, STUDENTS = names("NLPCOURSE_INSTRUCTORS"), names("NLPCOURSE_STUDENTS")
if set(INSTRUCTORS) & set(STUDENTS):
    sys.exit(f"in both NLPCOURSE_INSTRUCTORS and NLPCOURSE_STUDENTS: {', '.join(set(INSTRUCTORS) & set(STUDENTS))}")
if (COURSE / "lab_solutions").stat().st_mode & (stat.S_IROTH | stat.S_IXOTH):
    sys.exit(f"{COURSE / 'lab_solutions'} is readable by every user (students too): chmod o-rwx it first")

STATE.mkdir(parents=True, exist_ok=True, mode=0o700)
EXCHANGE.mkdir(parents=True, exist_ok=True)
EXCHANGE.chmod(0o1777)

c.JupyterHub.ip = IP
c.JupyterHub.port = PORT
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = PORT + 1
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{PORT + 2}"
if PROXY.exists():
    c.ConfigurableHTTPProxy.command = [str(PROXY)]
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")

c.JupyterHub.load_groups = {"instructors": {"users": INSTRUCTORS}, "students": {"users": STUDENTS}}
c.Authenticator.allowed_users = set(INSTRUCTORS + STUDENTS)
c.Authenticator.admin_users = set()  # instructors need no hub powers: nbgrader runs in their own server
if os.environ.get("NLPCOURSE_HUB_PASSWORD"):
    c.JupyterHub.authenticator_class = "dummy"
    c.DummyAuthenticator.password = os.environ["NLPCOURSE_HUB_PASSWORD"]

c.JupyterHub.spawner_class = "localprocess"
c.Spawner.cmd = [os.environ.get("NLPCOURSE_HUB_PYTHON", sys.executable), "-m", "jupyterhub.singleuser"]
c.Spawner.default_url = "/lab"
c.Spawner.http_timeout = 120
c.Spawner.start_timeout = 120
c.Spawner.env_keep = ["PATH", "PYTHONPATH", "LANG", "LC_ALL", "NLPCOURSE_MODE", "NLPCOURSE_SANDBOX_RO"]


def pre_spawn_hook(spawner) -> None:
    """Students: their home and the exchange. Instructors: this course folder, its config, a private work folder."""
    user = spawner.user.name
    spawner.environment["NLPCOURSE_EXCHANGE"] = str(EXCHANGE)
    if user in INSTRUCTORS:
        entry = pwd.getpwnam(user)
        work = Path(os.environ.get("NLPCOURSE_HUB_WORKDIR") or Path(entry.pw_dir) / "nlp-course-work")
        work.mkdir(parents=True, exist_ok=True)
        os.chown(work, entry.pw_uid, entry.pw_gid)
        work.chmod(0o700)  # submissions, feedback of everyone, the gradebook
        spawner.notebook_dir = str(COURSE)
        config = COURSE
        spawner.environment["NLPCOURSE_WORKDIR"] = str(work)
    else:
        config = STUDENT_CONFIG
    spawner.environment["JUPYTER_CONFIG_PATH"] = os.pathsep.join([str(config), str(ENV_CONFIG)])
    spawner.environment["JUPYTER_PATH"] = str(ENV_DATA)


c.Spawner.pre_spawn_hook = pre_spawn_hook
