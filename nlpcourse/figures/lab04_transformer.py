"""Lab 04's diagrams (seq2seq vs attention, one head, multi-head shapes, the encoder block, positional
encoding), drawn with matplotlib in the edition's language. Each function returns a new Figure."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from ..i18n import tr
from .drawing import GREEN, GREY, ORANGE, RED, arrow, box, canvas

HEADS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759")


def seq2seq_bottleneck() -> Figure:
    """Left: an RNN encoder squeezes the source into one vector c. Right: attention gives every output
    step its own weighted sum c_i of all encoder states."""
    fig, (left, right) = canvas(13, 4.6, ncols=2)
    words = ["나는", "밥을", "먹었다", "</s>"]
    weights = [0.1, 0.6, 0.25, 0.05]
    for ax in (left, right):
        for j, word in enumerate(words):
            x = 1.0 + 1.6 * j
            box(ax, x, 2.6, 1.1, 0.9, f"$h_{j + 1}$")
            ax.text(x, 1.4, word, ha="center", fontsize=10)
            arrow(ax, (x, 1.7), (x, 2.15))
            if j:
                arrow(ax, (x - 1.05, 2.6), (x - 0.55, 2.6))
        ax.text(3.4, 0.5, tr("인코더 (RNN)", "encoder (RNN)"), ha="center", fontsize=10, style="italic")
    box(left, 7.6, 2.6, 0.9, 0.9, "$c$", color=RED)
    arrow(left, (6.35, 2.6), (7.15, 2.6))
    for i, word in enumerate(["I", "ate", "rice"]):
        x = 3.0 + 2.2 * i
        box(left, x, 7.2, 1.2, 0.9, f"$s_{i + 1}$", color=ORANGE)
        left.text(x, 8.3, word, ha="center", fontsize=10)
        arrow(left, (7.6, 3.05), (x, 6.75), color="#b03030", rad=0.15)
        if i:
            arrow(left, (x - 1.6, 7.2), (x - 0.6, 7.2))
    left.text(5.0, 9.4, tr("seq2seq: 문장 전체가 벡터 하나 $c$로 (병목)",
                           "seq2seq: the whole source in one vector $c$ (bottleneck)"),
              ha="center", fontsize=11, weight="bold")
    for j, w in enumerate(weights):
        arrow(right, (1.0 + 1.6 * j, 3.05), (6.2, 5.9), label=rf"$\alpha_{{2{j + 1}}}$={w}", width=0.5 + 6 * w,
              color="#b03030", at=0.12 + 0.1 * j)
    box(right, 6.6, 6.3, 1.0, 0.8, "$c_2$", color=RED)
    box(right, 8.6, 6.3, 1.1, 0.9, "$s_2$", color=ORANGE)
    arrow(right, (7.1, 6.3), (8.05, 6.3))
    right.text(8.6, 7.3, "ate", ha="center", fontsize=10)
    right.text(5.0, 9.4, tr("어텐션: 출력 단계마다 새 문맥 벡터 $c_i = \\sum_j \\alpha_{ij} h_j$",
                            "attention: a new context $c_i = \\sum_j \\alpha_{ij} h_j$ for every output step"),
               ha="center", fontsize=11, weight="bold")
    fig.tight_layout()
    return fig


def qkv_one_head() -> Figure:
    """How one attention head turns the input X into its output Z, with every shape."""
    fig, (ax,) = canvas(13, 4.8)
    ax.set_xlim(0, 13)
    box(ax, 0.9, 5, 1.4, 1.2, "$X$\n$(L, d_{model})$")
    rows = {"Q": 8.2, "K": 5.0, "V": 1.8}
    for name, y in rows.items():
        arrow(ax, (1.6, 5), (3.1, y), label=f"$\\times W^{name}$")
        dim = "d_v" if name == "V" else "d_k"
        box(ax, 3.9, y, 1.4, 1.1, f"${name}$\n$(L, {dim})$", color=GREEN)
    box(ax, 6.3, 6.6, 1.9, 1.3, tr("점수", "scores") + "\n$QK^\\top/\\sqrt{d_k}$\n$(L, L)$", color=ORANGE)
    arrow(ax, (4.6, 8.2), (5.35, 7.0))
    arrow(ax, (4.6, 5.0), (5.35, 6.2))
    box(ax, 9.3, 6.6, 1.9, 1.3, tr("가중치", "weights") + "\n$A$ = softmax\n$(L, L)$", color=ORANGE)
    arrow(ax, (7.25, 6.6), (8.35, 6.6))
    ax.text(7.8, 6.85, tr("마스크", "mask"), ha="center", fontsize=9)
    box(ax, 11.8, 4.2, 1.6, 1.2, "$Z = AV$\n$(L, d_v)$", color=RED)
    arrow(ax, (10.25, 6.2), (11.4, 4.8))
    arrow(ax, (4.6, 1.8), (11.0, 3.7))
    ax.text(9.3, 7.6, tr("행마다 합이 1 (키 방향 softmax)", "each row sums to 1 (softmax over the keys)"),
            ha="center", fontsize=9, style="italic")
    ax.set_title(tr("헤드 하나의 흐름: 쿼리/키/값은 입력의 선형 변환",
                    "One attention head: queries, keys and values are linear maps of the input"),
                 fontsize=12, weight="bold")
    fig.tight_layout()
    return fig


def _grid(ax: Axes, x: float, y: float, rows: int, cols: int, colors: list[str], cell: float = 0.32,
          label: str = "") -> None:
    """A rows x cols matrix drawn from (x, y) (top left), column j coloured colors[j]."""
    for r in range(rows):
        for c in range(cols):
            ax.add_patch(Rectangle((x + c * cell, y - (r + 1) * cell), cell, cell, facecolor=colors[c],
                                   edgecolor="white", linewidth=1, alpha=0.85))
    if label:
        ax.text(x + cols * cell / 2, y - rows * cell - 0.35, label, ha="center", va="top", fontsize=9)


def multihead_split_merge(L: int = 4, d_model: int = 8, h: int = 2) -> Figure:
    """Split the feature axis into h heads, attend per head, merge back; one colour per head."""
    d_k, c = d_model // h, 0.3
    fig, (ax,) = canvas(15.5, 3.8)
    ax.set_xlim(0, 22.8)
    ax.set_ylim(3.0, 9.3)
    by_feature = [HEADS[j // d_k] for j in range(d_model)]

    def step(x0: float, x1: float, text: str) -> None:
        arrow(ax, (x0, 7.2), (x1, 7.2))
        ax.text((x0 + x1) / 2, 7.45, text, ha="center", va="bottom", fontsize=9)

    _grid(ax, 0.3, 7.8, L, d_model, by_feature, cell=c, label=f"$Q = XW^Q$\n$(L, d_{{model}}) = ({L}, {d_model})$")
    step(2.9, 4.1, "view")
    for i in range(h):
        _grid(ax, 4.3 + i * (d_k * c + 0.25), 7.8, L, d_k, [HEADS[i]] * d_k, cell=c)
    ax.text(4.3 + (d_model * c + 0.25) / 2, 6.2, f"$(L, h, d_k) = ({L}, {h}, {d_k})$", ha="center", va="top",
            fontsize=9)
    step(7.3, 8.6, "transpose")
    for i in range(h):
        _grid(ax, 8.8 + 0.3 * i, 8.4 - 0.6 * i, L, d_k, [HEADS[i]] * d_k, cell=c)
    ax.text(9.6, 6.2, f"$(h, L, d_k) = ({h}, {L}, {d_k})$", ha="center", va="top", fontsize=9)
    step(10.7, 12.3, tr("헤드마다 어텐션", "attention per head"))
    for i in range(h):
        _grid(ax, 12.5 + 0.3 * i, 8.4 - 0.6 * i, L, L, [HEADS[i]] * L, cell=c)
    ax.text(13.3, 6.2, "$(h, L, L)$ " + tr("가중치", "weights") + " $\\times V$\n$\\to (h, L, d_k)$",
            ha="center", va="top", fontsize=9)
    step(14.4, 16.1, "transpose, reshape")
    _grid(ax, 16.3, 7.8, L, d_model, by_feature, cell=c, label=f"concat\n$(L, d_{{model}}) = ({L}, {d_model})$")
    step(18.8, 19.8, "$\\times W^O$")
    _grid(ax, 20.0, 7.8, L, d_model, ["#999999"] * d_model, cell=c, label="$(L, d_{model})$")
    ax.text(11, 3.4, tr("view(L, h, d_k) 다음에 transpose: 특징 축을 헤드로 나눕니다. "
                        "view(h, L, d_k)는 문장을 토막 내므로 틀립니다.",
                        "view(L, h, d_k) then transpose splits the feature axis into heads; "
                        "view(h, L, d_k) would cut the sentence into pieces instead."), ha="center", fontsize=10)
    ax.set_title(tr(f"멀티 헤드 어텐션의 분할과 병합 (h = {h}, 색 = 헤드)",
                    f"Multi-head attention: split and merge (h = {h}, colour = head)"), fontsize=12, weight="bold")
    fig.tight_layout()
    return fig


def _block(ax: Axes, x: float, pre_norm: bool) -> None:
    """One encoder layer, bottom to top, with its two residual paths."""
    if pre_norm:
        steps = [("LayerNorm", GREY), (tr("멀티 헤드\n셀프 어텐션", "multi-head\nself-attention"), ORANGE),
                 ("dropout, +", "white"), ("LayerNorm", GREY), ("FFN", GREEN), ("dropout, +", "white")]
    else:
        steps = [(tr("멀티 헤드\n셀프 어텐션", "multi-head\nself-attention"), ORANGE), ("dropout, +", "white"),
                 ("LayerNorm", GREY), ("FFN", GREEN), ("dropout, +", "white"), ("LayerNorm", GREY)]
    ys = [1.9 + 1.15 * i for i in range(len(steps))]
    ax.text(x, 0.7, "$x$  $(B, L, d_{model})$", ha="center", fontsize=10)
    arrow(ax, (x, 1.0), (x, ys[0] - 0.4))
    for i, (text, color) in enumerate(steps):
        box(ax, x, ys[i], 2.2, 0.75 if "\n" not in text else 0.95, text, color=color, size=9)
        if i + 1 < len(steps):
            arrow(ax, (x, ys[i] + 0.42), (x, ys[i + 1] - 0.42))
    arrow(ax, (x, ys[-1] + 0.4), (x, 9.7))
    adds = [i for i, (text, _) in enumerate(steps) if text.startswith("dropout")]
    branch = adds[0] + 1  # the second residual starts after the first "+" (and its LayerNorm in post-norm)
    starts = [ys[0] - 0.6, (ys[branch] + ys[branch + 1]) / 2 if not pre_norm else (ys[adds[0]] + ys[branch]) / 2]
    for start, add in zip(starts, adds):
        ax.plot([x, x + 1.7, x + 1.7], [start, start, ys[add]], color="#2a6bb0", lw=1.2)
        arrow(ax, (x + 1.7, ys[add]), (x + 1.12, ys[add]), color="#2a6bb0")
        ax.text(x + 1.8, (start + ys[add]) / 2, tr("잔차 연결", "residual"), rotation=90, va="center",
                color="#2a6bb0", fontsize=9)


def encoder_block() -> Figure:
    """The encoder layer in its two forms: post-norm (the 2017 paper, BERT) and pre-norm (GPT-2 onwards)."""
    fig, (left, right) = canvas(10, 5.8, ncols=2)
    _block(left, 4.5, pre_norm=False)
    _block(right, 4.5, pre_norm=True)
    left.set_title(tr("post-norm: 더한 다음 층 정규화 (논문, BERT)",
                      "post-norm: add, then normalise (the paper, BERT)"), fontsize=11, weight="bold")
    right.set_title(tr("pre-norm: 정규화한 입력으로 서브층 (GPT-2 이후)",
                       "pre-norm: normalise the sub-layer's input (GPT-2 on)"), fontsize=11, weight="bold")
    fig.suptitle(tr("인코더 층 하나 (N번 쌓음)", "One encoder layer (stacked N times)"), fontsize=12)
    fig.tight_layout()
    return fig


def positional_encoding(n_positions: int = 100, d_model: int = 128, n: float = 10000.0) -> Figure:
    """Left: P(k, j) against the position k for a few dimensions j. Right: the whole table as a heat map."""
    k = np.arange(n_positions)[:, None]
    freq = n ** (-np.arange(0, d_model, 2) / d_model)
    table = np.empty((n_positions, d_model))
    table[:, 0::2] = np.sin(k * freq)
    table[:, 1::2] = np.cos(k * freq)
    fig, (curves, heat) = plt.subplots(1, 2, figsize=(13, 4), gridspec_kw={"width_ratios": [1.1, 1]})
    for j in sorted({0, 1} | {min(2 * round(d_model * f / 2), d_model - 2) for f in (0.15, 0.3, 0.6)}):
        curves.plot(table[:, j], lw=1 if j < 2 else 2, alpha=0.6 if j < 2 else 1,
                    label=f"j = {j} ({'sin' if j % 2 == 0 else 'cos'}, i = {j // 2})")
    curves.set_xlabel(tr("위치 k", "position k"))
    curves.set_ylabel("P(k, j)")
    curves.set_title(tr("차원 쌍마다 주파수가 하나: 앞 차원은 빠르게, 뒤 차원은 느리게 변합니다",
                        "One frequency per pair of dimensions: low j changes fast, high j slowly"), fontsize=10)
    curves.legend(fontsize=8, loc="lower left")
    image = heat.imshow(table, aspect="auto", cmap="RdBu", vmin=-1, vmax=1)
    heat.set_xlabel(tr("임베딩 차원 j", "embedding dimension j"))
    heat.set_ylabel(tr("위치 k", "position k"))
    heat.set_title(tr(f"{n_positions}개 위치 × {d_model}차원 (n = {n:,.0f})",
                      f"{n_positions} positions x {d_model} dimensions (n = {n:,.0f})"), fontsize=10)
    fig.colorbar(image, ax=heat, label="P(k, j)")
    fig.tight_layout()
    return fig
