"""API keys: Colab Secrets, then the environment, then a ``.env`` file, then (if asked) a hidden prompt.

A key is never printed or returned in a message; once found it is exported to the environment, where
the SDKs (``openai.OpenAI()``, ``google.genai.Client()``) look for it.
"""

from __future__ import annotations

import os
import sys

from .i18n import tr


def _colab_secret(name: str) -> str | None:
    if "google.colab" not in sys.modules:
        return None
    from google.colab import userdata  # type: ignore[import-not-found]

    try:
        return userdata.get(name)
    except Exception:  # secret missing, or the notebook was not granted access to it
        return None


def _dotenv(name: str) -> str | None:
    """``name`` from the nearest ``.env`` file, searching from the working folder upwards (keep it out of git)."""
    try:
        from dotenv import dotenv_values, find_dotenv
    except ImportError:
        return None
    path = find_dotenv(usecwd=True)
    return dotenv_values(path).get(name) if path else None


def _interactive() -> bool:
    """True in a terminal, or in a Jupyter kernel (whose frontend may still refuse to ask)."""
    try:
        from IPython import get_ipython
    except ImportError:
        shell = None
    else:
        shell = get_ipython()
    if getattr(shell, "kernel", None) is not None:
        return True
    return sys.stdin is not None and sys.stdin.isatty()


def _prompt(name: str) -> str | None:
    if not _interactive():
        return None
    import getpass

    try:
        return getpass.getpass(f"{name}: ") or None
    except Exception:  # a frontend that cannot ask (nbconvert, grading): no key
        return None


def find_api_key(*names: str, ask: bool = False) -> str | None:
    """The first key stored under one of ``names`` (e.g. ``"GEMINI_API_KEY", "GOOGLE_API_KEY"``), or None.

    Looks in Colab Secrets, the environment and a ``.env`` file, in that order, for each name; with ``ask``,
    then asks for the first name with ``getpass``. A key found is exported as ``os.environ[name]``.
    """
    for name in names:
        key = _colab_secret(name) or os.environ.get(name) or _dotenv(name)
        if key:
            os.environ[name] = key
            return key
    if ask and names:
        key = _prompt(names[0])
        if key:
            os.environ[names[0]] = key
            return key
    return None


def get_api_key(name: str, ask: bool = True) -> str:
    """The key stored as ``name`` (see ``find_api_key``); RuntimeError, naming where to put it, if none."""
    key = find_api_key(name, ask=ask)
    if not key:
        raise RuntimeError(tr(
            f"{name}이(가) 설정되지 않았습니다. Colab 보안 비밀(열쇠 아이콘)에 추가하거나, 환경 변수로 설정하거나, "
            f"git이 무시하는 .env 파일에 {name}=...을 적으세요.",
            f"{name} is not set. Add it as a Colab secret (key icon), set the environment variable, "
            f"or put {name}=... in a .env file that git ignores.",
        ))
    return key
