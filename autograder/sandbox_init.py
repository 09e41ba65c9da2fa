"""The first code a grading kernel runs, inside its sandbox (stdlib only: the grader passes this file's
text to ``python -c``, because the sandbox cannot see the autograder).

It applies the resource limits, drops to an unprivileged uid when the sandbox starts as root, makes
the socket and work folders, stops other processes of the sandbox from reading or writing this
process's memory (``PR_SET_DUMPABLE``), installs the grader's audit hook and result channel (the
``probe`` text from the config, ``probe.warden``: before any student code, so it cannot be removed), and
then becomes the ipykernel.
Usage: ``python -c TEXT CONFIG_JSON -f CONNECTION_FILE [ipykernel options]``.
"""

import ctypes
import json
import os
import resource
import sys

PR_SET_DUMPABLE = 4


def main() -> None:
    config = json.loads(sys.argv[1])
    for name, value in config["limits"].items():
        resource.setrlimit(getattr(resource, name), (value, value))
    uid = config.get("uid")
    if uid is not None:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    for folder in config["dirs"]:
        os.makedirs(folder, exist_ok=True)
    os.chdir(config["cwd"])
    ctypes.CDLL(None).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    if config.get("probe"):
        probe = {"__name__": "nlpgrade"}
        exec(compile(config["probe"], "<nlpgrade-probe>", "exec"), probe)
        probe["warden"](os.dup(2), tuple(config.get("trusted", ())))  # fd 2: the kernel log, outside the sandbox
    sys.argv = [sys.argv[0], *sys.argv[2:]]
    if sys.path and sys.path[0] == "":
        del sys.path[0]  # never import from the student's working folder by accident
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


if __name__ == "__main__":
    main()
