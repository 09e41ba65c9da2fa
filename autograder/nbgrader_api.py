"""nbgrader, driven in-process with the course configuration."""

from __future__ import annotations

import logging
import os
import re
import sys
from functools import cache
from pathlib import Path

from nbgrader.apps import NbGraderAPI
from nbgrader.coursedir import CourseDirectory
from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

CONFIG_FILE = Path(__file__).resolve().parent / "nbgrader_config.py"
# nbgrader shells out to `alembic` when it creates a gradebook: make this interpreter's scripts findable.
os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])


@cache
def config() -> Config:
    """The course's nbgrader configuration."""
    return PyFileConfigLoader(CONFIG_FILE.name, path=str(CONFIG_FILE.parent)).load_config()


def api() -> NbGraderAPI:
    """An nbgrader API object bound to the course directory (quiet unless something goes wrong)."""
    cfg = config()
    coursedir = CourseDirectory(config=cfg)
    instance = NbGraderAPI(coursedir=coursedir, config=cfg)
    instance.log.setLevel(logging.ERROR)
    return instance


def run(result: dict, what: str) -> None:
    """Raise with nbgrader's own error text when an API call failed."""
    if not result.get("success"):
        text = "\n".join(str(result.get(k) or "") for k in ("log", "error"))
        causes = [m.strip() for m in re.findall(r"^\s*(?:\w+\.)*\w*(?:Error|Exception|Timeout)\b:.*$", text, re.M)
                  if "NbGraderException" not in m]
        raise RuntimeError(f"{what} failed: {causes[-1] if causes else 'see nbgrader log'}")
