"""API keys: environment variable, then Colab secrets, then a hidden prompt."""

from __future__ import annotations

import os
import sys


def get_api_key(name: str) -> str:
    """Return the key stored as ``name`` (e.g. ``"OPENAI_API_KEY"``) and export it to the environment."""
    key = os.environ.get(name)
    if not key and "google.colab" in sys.modules:
        from google.colab import userdata  # type: ignore[import-not-found]

        try:
            key = userdata.get(name)
        except Exception:  # secret missing or notebook access not granted
            key = None
    if not key and sys.stdin is not None and sys.stdin.isatty():
        import getpass

        key = getpass.getpass(f"{name}: ")
    if not key:
        raise RuntimeError(
            f"{name} is not set. Set the environment variable, or add it as a Colab secret (key icon)."
        )
    os.environ[name] = key
    return key
