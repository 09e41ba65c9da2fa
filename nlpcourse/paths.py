"""Where things live: the repository, its shipped data, and a writable cache."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_ROOT / "data"


def cache_dir(*parts: str) -> Path:
    """A writable cache folder (``NLPCOURSE_CACHE`` or ``~/.cache/nlpcourse``), created on demand."""
    root = Path(os.environ.get("NLPCOURSE_CACHE") or Path.home() / ".cache" / "nlpcourse")
    path = root.joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path
