"""Plumbing for the NLP course notebooks: run mode, data, paths, seeds, device, fonts, keys.

Lab content lives in the notebooks, not here.
"""

from __future__ import annotations

from . import hosted
from .course_kb import cached_embeddings, load_course_cells, load_gold_questions
from .data import load_nsmc, nsmc_path
from .exercises import needs
from .fonts import use_korean_font
from .i18n import get_lang, set_lang, tr
from .java import ensure_java
from .keys import find_api_key, get_api_key
from .llm import load_chat_model
from .metrics import report
from .mode import is_fast, pick, run_mode, run_optional
from .models import bert_mini_path, gpt_mini_path, sentence_encoder_path
from .okt import okt_pos
from .paths import DATA_DIR, REPO_ROOT, cache_dir
from .seed import get_device, set_seed
from .serve import SERVER_MODEL, start_llm_server, stop_llm_server
from .tiktoken_offline import setup_tiktoken

__all__ = [
    "DATA_DIR",
    "REPO_ROOT",
    "SERVER_MODEL",
    "bert_mini_path",
    "cached_embeddings",
    "cache_dir",
    "ensure_java",
    "find_api_key",
    "get_api_key",
    "get_device",
    "get_lang",
    "gpt_mini_path",
    "hosted",
    "is_fast",
    "load_chat_model",
    "load_course_cells",
    "load_gold_questions",
    "load_nsmc",
    "needs",
    "nsmc_path",
    "okt_pos",
    "pick",
    "report",
    "run_mode",
    "run_optional",
    "sentence_encoder_path",
    "set_lang",
    "set_seed",
    "setup",
    "setup_tiktoken",
    "start_llm_server",
    "stop_llm_server",
    "tr",
    "use_korean_font",
]


def setup(seed: int = 42, lang: str | None = None) -> str:
    """Seed everything, choose the edition's language, make plots draw Hangul and tiktoken work offline.

    Prints and returns the run mode.
    """
    if lang is not None:
        set_lang(lang)
    set_seed(seed)
    use_korean_font()
    setup_tiktoken()
    mode = run_mode()
    print(tr(f"nlpcourse: {mode} 모드 (NLPCOURSE_MODE=fast 또는 full로 바꿀 수 있습니다), 시드 {seed}",
             f"nlpcourse: {mode} mode (set NLPCOURSE_MODE=fast or full to change), seed {seed}"))
    return mode
