"""Lab 06's diagrams (teacher forcing with the one-position shift, a beam-search tree, the KV cache), drawn with
matplotlib in the edition's language. Each function returns a new Figure."""

from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from ..i18n import tr
from .drawing import BLUE, GREEN, GREY, ORANGE, RED, arrow, box, canvas


def teacher_forcing() -> Figure:
    """Training: the reference tokens go in, every position predicts the next one (labels shifted by one)."""
    fig, (ax,) = canvas(11, 4.2)
    tokens = ["<BOS>", "나는", "밥을", "먹는다", "<EOS>"]
    xs = [1.2 + 1.9 * i for i in range(len(tokens))]
    frame = tr("GPT (인과적 마스크: 위치 t는 1..t만 봄)", "GPT (causal mask: position t sees 1..t only)")
    box(ax, 4.95, 4.7, 8.9, 1.6, frame, color=GREY, size=11)
    for i, (x, tok) in enumerate(zip(xs, tokens)):
        box(ax, x, 2.2, 1.5, 0.8, tok, color=BLUE if i < len(tokens) - 1 else GREY)
        arrow(ax, (x, 2.65), (x, 3.85))
        label = tokens[i + 1] if i + 1 < len(tokens) else tr("(쓰지 않음)", "(unused)")
        box(ax, x, 7.2, 1.5, 0.8, label, color=ORANGE if i + 1 < len(tokens) else GREY)
        arrow(ax, (x, 5.55), (x, 6.75))
        ax.text(x, 6.15, f"logits[{i}]", ha="center", fontsize=8, color="#555555")
    for i in range(len(tokens) - 1):
        ax.annotate("", xy=(xs[i] + 0.2, 6.8), xytext=(xs[i + 1] - 0.2, 2.6),
                    arrowprops={"arrowstyle": "-|>", "color": "#b03030", "lw": 0.8, "linestyle": "--"})
    ax.text(0.3, 2.2, tr("입력\n(정답 토큰)", "input\n(reference)"), ha="right", va="center", fontsize=9)
    ax.text(0.3, 7.2, tr("라벨\n(한 칸 뒤)", "label\n(one ahead)"), ha="right", va="center", fontsize=9)
    ax.text(4.95, 9.0, tr("교사 강요: 한 번의 순전파로 모든 위치가 다음 토큰을 예측 (손실은 한 칸 밀어 맞춤)",
                          "teacher forcing: one forward pass, every position predicts the next token "
                          "(loss shifted by one)"),
            ha="center", fontsize=11, weight="bold")
    ax.text(4.95, 0.6, tr("추론에서는 마지막 위치의 로짓 logits[:, -1]만 쓰고, 고른 토큰을 입력 끝에 붙입니다",
                          "inference uses only the last position's logits[:, -1] and appends the chosen token"),
            ha="center", fontsize=9, style="italic")
    return fig


def beam_search() -> Figure:
    """A beam of 2 over three steps: kept candidates, pruned ones, and a finished hypothesis."""
    fig, (ax,) = canvas(11, 4.8)
    box(ax, 0.9, 5.0, 1.3, 0.8, "이 영화", color=GREY)
    layers = [
        [("정말", -0.9, True), ("는", -1.2, True), ("보고", -2.3, False)],
        [("정말 재밌다", -1.6, True), ("는 최고", -2.0, True), ("정말 별로", -2.6, False)],
        [("재밌다 <EOS>", -1.9, True), ("최고 <EOS>", -2.2, True), ("재밌다 ㅋㅋ", -3.1, False)],
    ]
    parents = [[0, 0, 0], [0, 1, 0], [0, 1, 0]]
    prev = [(0.9, 5.0)]
    for step, (layer, par) in enumerate(zip(layers, parents)):
        x = 3.0 + 2.6 * step
        kept = []
        for j, ((text, score, keep), p) in enumerate(zip(layer, par)):
            y = 7.4 - 2.4 * j
            color = (GREEN if step == 2 else BLUE) if keep else GREY
            box(ax, x, y, 2.2, 0.8, f"{text}\n{score}", color=color, size=9)
            src = prev[min(p, len(prev) - 1)]
            arrow(ax, (src[0] + 0.7, src[1]), (x - 1.15, y), color="#333333" if keep else "#aaaaaa",
                  style="-" if keep else "--")
            if keep:
                kept.append((x + 0.4, y))
        prev = kept
        ax.text(x, 9.0, tr(f"단계 {step + 1}", f"step {step + 1}"), ha="center", fontsize=10, weight="bold")
    ax.text(5.0, 0.7, tr("빔 크기 2: 단계마다 점수(로그 확률의 합)가 높은 2개만 남기고(파랑), 나머지는 버림(회색). "
                         "EOS로 끝난 가설(초록)은 길이로 정규화해 비교",
                         "beam size 2: each step keeps the 2 best scores (sum of log-probabilities, blue) and "
                         "drops the rest (grey); hypotheses ending in EOS (green) are compared after length "
                         "normalisation"),
            ha="center", fontsize=9, wrap=True)
    return fig


def kv_cache() -> Figure:
    """Without a cache every step recomputes all positions; with one, only the new token's K and V are added."""
    fig, axes = plt.subplots(1, 2, figsize=(12, 3.8))
    titles = (tr("캐시 없음: 단계마다 전체를 다시 계산", "no cache: every step recomputes everything"),
              tr("KV 캐시: 새 토큰 하나만 계산", "KV cache: only the new token is computed"))
    for ax, title, cached in zip(axes, titles, (False, True)):
        ax.set_axis_off()
        ax.set_xlim(0, 7)
        ax.set_ylim(0, 5)
        for step in range(4):
            y = 4.0 - step
            ax.text(0.1, y, tr(f"단계 {step + 1}", f"step {step + 1}"), va="center", fontsize=9)
            for pos in range(3 + step):
                new = pos == 2 + step
                color = ORANGE if new else (GREY if cached else RED)
                ax.add_patch(FancyBboxPatch((1.3 + 0.8 * pos, y - 0.3), 0.65, 0.6, boxstyle="round,pad=0.02",
                                            facecolor=color, edgecolor="#333333", linewidth=0.8))
                ax.text(1.63 + 0.8 * pos, y, "K,V", ha="center", va="center", fontsize=7)
        ax.set_title(title, fontsize=10)
    axes[1].text(3.5, 0.05, tr("회색: 캐시에서 읽음 · 주황: 이번에 계산",
                               "grey: read from the cache · orange: computed now"),
                 ha="center", fontsize=9)
    axes[0].text(3.5, 0.05, tr("빨강: 다시 계산 · 주황: 새 토큰", "red: recomputed · orange: the new token"),
                 ha="center", fontsize=9)
    fig.tight_layout()
    return fig
