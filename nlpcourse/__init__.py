"""Plumbing for the NLP course notebooks: run mode, data, paths, seeds, device, fonts, keys.

Lab content lives in the notebooks, not here.
"""

from __future__ import annotations

from .data import load_nsmc, nsmc_path
from .fonts import use_korean_font
from .java import ensure_java
from .keys import get_api_key
from .metrics import report
from .mode import is_fast, pick, run_mode
from .paths import DATA_DIR, REPO_ROOT, cache_dir
from .seed import get_device, set_seed
from .tiktoken_offline import setup_tiktoken

__all__ = [
    "DATA_DIR",
    "REPO_ROOT",
    "cache_dir",
    "ensure_java",
    "get_api_key",
    "get_device",
    "is_fast",
    "load_nsmc",
    "nsmc_path",
    "pick",
    "report",
    "run_mode",
    "set_seed",
    "setup",
    "setup_tiktoken",
    "use_korean_font",
]


def setup(seed: int = 42) -> str:
    """Seed everything, make plots draw Hangul, make tiktoken work offline; print and return the mode."""
    set_seed(seed)
    use_korean_font()
    setup_tiktoken()
    mode = run_mode()
    print(f"nlpcourse: {mode} mode (set NLPCOURSE_MODE=fast or full to change), seed {seed}")
    return mode
