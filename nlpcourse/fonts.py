"""Hangul in matplotlib figures."""

from __future__ import annotations


def use_korean_font() -> str:
    """Make matplotlib draw Hangul (NanumGothic from ``koreanize-matplotlib``); return the family."""
    import koreanize_matplotlib  # noqa: F401  (registers NanumGothic and sets rcParams on import)
    import matplotlib.pyplot as plt

    plt.rcParams["axes.unicode_minus"] = False
    return plt.rcParams["font.family"][0]
