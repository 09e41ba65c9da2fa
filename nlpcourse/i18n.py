"""The two editions of every lab: Korean (``ko``) and English (``en``).

Prose lives in paired markdown cells; strings that code prints or draws (labels, titles, assert
messages in visible tests) go through ``tr``, which picks the edition's language. The setup cell of
each edition calls ``nlpcourse.setup(lang=...)``; elsewhere ``NLPCOURSE_LANG`` decides (default ``en``).
"""

from __future__ import annotations

import os

LANGS = ("ko", "en")
LANG_VAR = "NLPCOURSE_LANG"
_current: str | None = None


def set_lang(lang: str) -> None:
    """Choose the language that ``tr`` returns."""
    global _current
    if lang not in LANGS:
        raise ValueError(tr(f"lang은 {LANGS} 중 하나여야 합니다: {lang!r}",
                            f"lang must be one of {LANGS}, not {lang!r}"))
    _current = lang


def get_lang() -> str:
    """The current language: the last ``set_lang``, else ``NLPCOURSE_LANG``, else ``en``."""
    if _current is not None:
        return _current
    lang = os.environ.get(LANG_VAR, "").strip().lower() or "en"
    if lang not in LANGS:
        raise ValueError(f"{LANG_VAR}: {lang!r} ∉ {LANGS}")  # no language to speak in yet
    return lang


def tr(ko: str, en: str) -> str:
    """The Korean or English text, by the current language: ``plt.title(tr("손실", "loss"))``."""
    return ko if get_lang() == "ko" else en
