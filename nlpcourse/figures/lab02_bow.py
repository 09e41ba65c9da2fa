"""Lab 02's diagrams (a bag of words as a sum of one-hot rows, n-gram windows, the NSMC pipeline), drawn with
matplotlib in the edition's language. Each function returns a new Figure."""

from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch, Rectangle

from ..i18n import tr

BLUE, ORANGE, GREEN, GREY = "#dbe9f6", "#fde2c8", "#d9f0d3", "#f4f4f4"
SPANS = ("#4e79a7", "#f28e2b", "#59a14f")


def _cell(ax: Axes, x: float, y: float, text: str, color: str, weight: str = "normal") -> None:
    ax.add_patch(Rectangle((x, y), 1, 1, facecolor=color, edgecolor="#999999", linewidth=0.8))
    ax.text(x + 0.5, y + 0.5, text, ha="center", va="center", fontsize=10, weight=weight)


def bag_of_words(tokens: list[str], vocabulary: list[str]) -> Figure:
    """One one-hot row per token; their sum is the document's count vector. Unknown tokens add nothing."""
    n, m = len(tokens), len(vocabulary)
    column = {term: j for j, term in enumerate(vocabulary)}
    fig, ax = plt.subplots(figsize=(0.9 * m + 3.2, 0.42 * (n + 3) + 0.9))
    ax.set_axis_off()
    ax.set_xlim(-3.2, m + 0.2)
    ax.set_ylim(-(n + 2.2), 1.4)
    for j, term in enumerate(vocabulary):
        ax.text(j + 0.5, 0.25, term, ha="center", va="bottom", fontsize=10, weight="bold")
    counts = [0] * m
    for i, token in enumerate(tokens):
        j = column.get(token)
        known = j is not None
        ax.text(-0.2, -i - 0.5, token if known else tr(f"{token} (사전에 없음)", f"{token} (not in V)"),
                ha="right", va="center", fontsize=10, color="#333333" if known else "#b03030")
        for k in range(m):
            _cell(ax, k, -i - 1, "1" if k == j else "0", BLUE if k == j else GREY)
        if known:
            counts[j] += 1
    ax.plot([-3.0, m], [-n - 0.6, -n - 0.6], color="#333333", linewidth=1.2)
    ax.text(-0.2, -n - 1.7, tr("합 = BOW 벡터", "sum = bag of words"), ha="right", va="center", fontsize=10,
            weight="bold")
    for k, c in enumerate(counts):
        _cell(ax, k, -n - 2.2, str(c), ORANGE if c else GREY, weight="bold")
    ax.set_title(tr("원-핫 벡터를 더하면 단어 주머니(BOW): 순서는 사라지고 개수만 남습니다",
                    "Adding the one-hot vectors gives the bag of words: the counts stay, the order is gone"),
                 fontsize=11)
    fig.tight_layout()
    return fig


def ngram_windows(tokens: list[str], ns: tuple[int, ...] = (1, 2, 3)) -> Figure:
    """Each n-gram as a bar under the tokens it covers: a window of n tokens sliding one step at a time."""
    length = len(tokens)
    levels = sum(ns) + len(ns)
    fig, ax = plt.subplots(figsize=(2.0 * length + 2.4, 0.4 * levels + 1.2))
    ax.set_axis_off()
    ax.set_xlim(-2.4, 2 * length)
    for i, token in enumerate(tokens):
        ax.add_patch(FancyBboxPatch((2 * i + 0.15, 0.2), 1.7, 0.9, boxstyle="round,pad=0.02,rounding_size=0.15",
                                    facecolor=BLUE, edgecolor="#333333"))
        ax.text(2 * i + 1, 0.65, token, ha="center", va="center", fontsize=11)
    y = -0.2
    for color, n in zip(SPANS * len(ns), ns, strict=False):
        count = max(length - n + 1, 0)
        ax.text(-0.2, y - 0.5, tr(f"{n}-gram: {count}개", f"{n}-grams: {count}"), ha="right", va="center",
                fontsize=10, weight="bold", color=color)
        for k in range(count):
            row = y - 0.9 * (k % n) - 0.85
            ax.add_patch(FancyBboxPatch((2 * k + 0.2, row), 2 * n - 0.4, 0.7, facecolor=color, alpha=0.25,
                                        boxstyle="round,pad=0.01,rounding_size=0.2", edgecolor=color))
            ax.text(2 * k + n, row + 0.35, " ".join(tokens[k: k + n]), ha="center", va="center", fontsize=9)
        y -= 0.9 * n + 0.9
    ax.set_ylim(y + 0.5, 1.5)
    ax.set_title(tr(f"토큰 {length}개에서 나오는 n-gram: 길이 n의 창을 한 칸씩 민다 (모두 L - n + 1개)",
                    f"The n-grams of {length} tokens: a window of n tokens slides one step at a time "
                    "(L - n + 1 of them)"), fontsize=11)
    fig.tight_layout()
    return fig


def pipeline(review: str, morphemes: list[str]) -> Figure:
    """The NSMC classifier, stage by stage, with one review travelling through it."""
    pairs = [" ".join(morphemes[i: i + 2]) for i in range(len(morphemes) - 1)]
    stages = [
        (tr("리뷰 (원문)", "review (raw text)"), review, GREY),
        (tr("Okt 형태소\n(norm, stem, 소문자)", "Okt morphemes\n(norm, stem, lowercased)"),
         " / ".join(morphemes), BLUE),
        (tr("1-2-gram 특징", "1-2-gram features"), " / ".join(morphemes[:3] + pairs[:3]) + " …", BLUE),
        (tr("TF-IDF 벡터\n(희소, l2 정규화)", "TF-IDF vector\n(sparse, l2-normalised)"),
         tr("특징 수십만 개 중\n0이 아닌 것 수십 개", "tens of non-zeros\nout of 100,000s of features"), ORANGE),
        (tr("로지스틱 회귀", "logistic regression"), r"$\sigma(\beta_0 + \sum_t \beta_t \hat w_{d,t})$" + "\n"
         + tr("= P(긍정)", "= P(positive)"), GREEN),
    ]
    fig, ax = plt.subplots(figsize=(15, 2.9))
    ax.set_axis_off()
    ax.set_xlim(0, 15)
    ax.set_ylim(0.4, 3.6)
    width = 2.6
    for i, (title, example, color) in enumerate(stages):
        x = 0.2 + 3.0 * i
        ax.add_patch(FancyBboxPatch((x, 2.2), width, 1.2, boxstyle="round,pad=0.02,rounding_size=0.15",
                                    facecolor=color, edgecolor="#333333"))
        ax.text(x + width / 2, 2.8, title, ha="center", va="center", fontsize=10, weight="bold")
        ax.text(x + width / 2, 1.3, _wrap(example, 22), ha="center", va="center", fontsize=9, color="#333333")
        if i:
            ax.annotate("", xy=(x - 0.05, 2.8), xytext=(x - 0.35, 2.8),
                        arrowprops={"arrowstyle": "-|>", "lw": 1.4, "color": "#333333"})
    ax.set_title(tr("NSMC 감성 분류기: 리뷰 한 편이 거치는 단계",
                    "The NSMC sentiment classifier: one review, stage by stage"), fontsize=11)
    fig.tight_layout()
    return fig


def _wrap(text: str, width: int) -> str:
    """Break long lines at spaces where there are some (Korean reviews often have few), at most 4 lines."""
    lines = []
    for line in text.split("\n"):
        lines += [line] if "$" in line else textwrap.wrap(line, width) or [""]
    return "\n".join(lines[:4])
