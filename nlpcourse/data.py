"""NSMC loader: the official files online (cached), the copy shipped in ``data/`` offline."""

from __future__ import annotations

import csv
import os
import urllib.request
import warnings
from pathlib import Path

import pandas as pd

from .i18n import tr
from .mode import is_fast
from .paths import DATA_DIR, cache_dir

NSMC_URL = "https://raw.githubusercontent.com/e9t/nsmc/master/ratings_{split}.txt"
SPLITS = ("train", "test")


def _offline() -> bool:
    return any(os.environ.get(v) for v in ("NLPCOURSE_OFFLINE", "HF_HUB_OFFLINE"))


def _official(split: str, timeout: float = 20.0) -> Path | None:
    """The official file, downloaded once into the cache; None when it cannot be had."""
    path = cache_dir("nsmc") / f"ratings_{split}.txt"
    if path.exists():
        return path
    if _offline():
        return None
    try:
        with urllib.request.urlopen(NSMC_URL.format(split=split), timeout=timeout) as resp:
            body = resp.read()
    except OSError:
        return None
    tmp = path.with_suffix(".part")
    tmp.write_bytes(body)
    tmp.replace(path)
    return path


def nsmc_path(split: str) -> Path:
    """The file ``load_nsmc`` reads for ``split``: shipped copy in fast mode or offline, else official."""
    if split not in SPLITS:
        raise ValueError(tr(f"split는 {SPLITS} 중 하나여야 합니다: {split!r}",
                            f"split must be one of {SPLITS}, not {split!r}"))
    shipped = DATA_DIR / "nsmc" / f"ratings_{split}.txt.gz"
    if not (is_fast() or _offline()):
        official = _official(split)
        if official is not None:
            return official
        if shipped.exists():
            warnings.warn(tr("NSMC 공식 파일에 접속할 수 없어 data/nsmc에 든 사본을 씁니다",
                             "official NSMC files unreachable; using the copy shipped in data/nsmc"), stacklevel=3)
    if shipped.exists():
        return shipped
    official = _official(split)
    if official is not None:
        return official
    url = NSMC_URL.format(split=split)
    raise FileNotFoundError(tr(
        f"NSMC {split!r} 데이터를 찾을 수 없습니다: {shipped}도 없고 {url}에도 접속할 수 없습니다. "
        "강의 저장소 전체를 클론하거나(data/nsmc가 들어 있습니다) 인터넷에 연결하세요.",
        f"NSMC {split!r} split not found: neither {shipped} nor {url} is reachable. "
        "Clone the whole course repository (it ships data/nsmc) or connect to the internet."))


def load_nsmc(split: str = "train", n: int | None = None) -> pd.DataFrame:
    """NSMC reviews as a DataFrame with columns ``id``, ``document`` (str) and ``label`` (0/1).

    ``n`` keeps the first ``n`` rows (the files are already shuffled).
    """
    df = pd.read_csv(
        nsmc_path(split),
        sep="\t",
        quoting=csv.QUOTE_NONE,
        keep_default_na=False,
        dtype={"id": str, "document": str, "label": int},
        nrows=n,
    )
    return df[["id", "document", "label"]]
