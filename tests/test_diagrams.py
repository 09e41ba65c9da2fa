"""The box-and-arrow diagrams of Labs 04, 06 and 07 draw in both languages, with labels in the edition's language."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import nlpcourse  # noqa: E402
from nlpcourse.figures import lab04_transformer as transformer_diagrams  # noqa: E402
from nlpcourse.figures import lab06_gpt as gpt_diagrams  # noqa: E402
from nlpcourse.figures import lab07_prompt as prompt_diagrams  # noqa: E402

nlpcourse.use_korean_font()
HANGUL = range(0xAC00, 0xD7A4)
# Korean example text that the English figures show too (the lab's sentences and reviews).
EXAMPLES = ("최고의 영화! 또 보고 싶다", "시간 아까움. 스토리 엉망", "연기는 좋은데 너무 길다",
            "나는", "밥을", "먹었다", "먹는다", "이 영화", "정말", "재밌다", "최고", "별로", "보고", "ㅋㅋ",
            "는", "연기")
DIAGRAMS = [
    *[(transformer_diagrams, name) for name in
      ("seq2seq_bottleneck", "qkv_one_head", "multihead_split_merge", "encoder_block", "positional_encoding")],
    *[(gpt_diagrams, name) for name in ("teacher_forcing", "beam_search", "kv_cache")],
    *[(prompt_diagrams, name) for name in ("api_round_trip", "prompt_anatomy", "tool_calling_loop")],
]


def texts(fig) -> str:
    """Every piece of text in a figure: titles, labels, annotations, legends."""
    return "\n".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))


def drawn(draw, lang: str, **kwargs) -> str:
    nlpcourse.set_lang(lang)
    fig = draw(**kwargs)
    shown = texts(fig)
    plt.close(fig)
    return shown


@pytest.mark.parametrize(("module", "name"), DIAGRAMS, ids=[f"{m.__name__.split('.')[-1]}.{n}" for m, n in DIAGRAMS])
def test_diagram_speaks_the_editions_language(module, name, monkeypatch):
    monkeypatch.setattr(nlpcourse.i18n, "_current", None)
    korean, english = (drawn(getattr(module, name), lang) for lang in ("ko", "en"))
    assert any(ord(ch) in HANGUL for ch in korean), "the Korean edition's figure has no Korean label"
    assert korean != english, "the figure does not change with the language"
    for word in EXAMPLES:
        english = english.replace(word, "")
    assert not any(ord(ch) in HANGUL for ch in english), "Korean labels in the English edition"


def test_positional_encoding_figure_shows_the_table():
    fig = transformer_diagrams.positional_encoding(n_positions=50, d_model=16, n=100.0)
    image = fig.axes[1].images[0].get_array()
    plt.close(fig)
    assert image.shape == (50, 16)
    assert image[0, 0::2].max() == 0 and image[0, 1::2].min() == 1  # position 0: sin 0 = 0, cos 0 = 1
    assert abs(image[1, 0] - 0.8415) < 1e-4  # sin(1 / 100^0)


def test_teacher_forcing_shows_the_shift():
    shown = drawn(gpt_diagrams.teacher_forcing, "en")
    assert all(f"logits[{i}]" in shown for i in range(5)) and "<EOS>" in shown
