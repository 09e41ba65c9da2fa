"""Lab 10's diagram: the retrieval-augmented generation pipeline, drawn with matplotlib in the edition's language."""

from __future__ import annotations

from matplotlib.figure import Figure

from ..i18n import tr
from .drawing import BLUE, GREEN, GREY, ORANGE, arrow, box, canvas


def rag_pipeline() -> Figure:
    """Offline: cells to chunks to two indexes. Online: question, two rankings fused, a numbered prompt, the answer."""
    fig, (ax,) = canvas(13, 5.6)
    box(ax, 1.0, 8.0, 1.7, 1.4, tr("과정의 셀\n(실습, README)", "course cells\n(labs, README)"), color=GREY, size=9)
    box(ax, 3.3, 8.0, 1.9, 1.4, tr("청크 나누기\n(문단, 토큰, 겹침)", "chunking\n(paragraphs,\ntokens, overlap)"),
        color=GREY, size=9)
    box(ax, 6.0, 9.0, 2.2, 0.9, tr("BM25 색인 (Okt / 단어)", "BM25 index (Okt / words)"), color=BLUE, size=9)
    box(ax, 6.0, 7.0, 2.2, 0.9, tr("벡터 색인 (FAISS)", "vector index (FAISS)"), color=BLUE, size=9)
    arrow(ax, (1.85, 8.0), (2.35, 8.0))
    arrow(ax, (4.25, 8.3), (4.9, 9.0))
    arrow(ax, (4.25, 7.7), (4.9, 7.0))
    box(ax, 1.0, 3.2, 1.7, 1.2, tr("질문", "question"), color=GREEN, size=10)
    box(ax, 3.6, 3.2, 2.0, 1.4, tr("희소 순위 +\n밀집 순위", "sparse ranking +\ndense ranking"), color=BLUE, size=9)
    box(ax, 6.0, 3.2, 1.9, 1.4, tr("RRF로 합치기\n(top-k 청크)", "fuse by RRF\n(top-k chunks)"), color=BLUE, size=9)
    box(ax, 8.4, 4.6, 2.6, 1.6, tr("프롬프트: [1] [2] ... 번호 붙인\n청크 (토큰 예산 안)\n+ 모르면 모른다고 답하라",
                                   "prompt: numbered chunks\n[1] [2] ... within a token budget\n"
                                   "+ say so when they don't answer"), color=ORANGE, size=8)
    box(ax, 8.4, 1.9, 2.6, 1.4, tr("LLM의 답 + [n] 인용\n→ 검색한 id와 대조", "LLM answer + [n] citations\n"
                                   "→ checked against retrieved ids"), color=ORANGE, size=8)
    arrow(ax, (1.85, 3.2), (2.6, 3.2))
    arrow(ax, (4.6, 3.2), (5.05, 3.2))
    arrow(ax, (6.0, 6.55), (4.2, 3.9), tr("검색", "search"), offset=(0.15, 0.0))
    arrow(ax, (6.95, 3.5), (7.1, 4.2))
    arrow(ax, (8.4, 3.8), (8.4, 2.6))
    ax.text(5.0, 10.1, tr("미리 (한 번)", "offline (once)"), ha="center", fontsize=11, weight="bold")
    ax.text(1.0, 5.0, tr("질문마다", "per question"), ha="center", fontsize=11, weight="bold")
    ax.set_ylim(0.8, 10.5)
    return fig
