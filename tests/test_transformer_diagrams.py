"""Lab 04's diagrams draw in both languages, with their labels in the edition's language."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import nlpcourse  # noqa: E402
from nlpcourse import transformer_diagrams  # noqa: E402

nlpcourse.use_korean_font()
DIAGRAMS = ["seq2seq_bottleneck", "qkv_one_head", "multihead_split_merge", "encoder_block", "positional_encoding"]
HANGUL = range(0xAC00, 0xD7A4)


def texts(fig) -> str:
    """Every piece of text in a figure: titles, labels, annotations, legends."""
    return "\n".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))


@pytest.mark.parametrize("name", DIAGRAMS)
def test_diagram_speaks_the_editions_language(name, monkeypatch):
    monkeypatch.setattr(nlpcourse.i18n, "_current", None)
    drawn = {}
    for lang in ("ko", "en"):
        nlpcourse.set_lang(lang)
        fig = getattr(transformer_diagrams, name)()
        drawn[lang] = texts(fig)
        plt.close(fig)
    assert any(ord(ch) in HANGUL for ch in drawn["ko"]), "the Korean edition's figure has no Korean label"
    assert drawn["ko"] != drawn["en"], "the figure does not change with the language"
    english_only = drawn["en"].replace("나는", "").replace("밥을", "").replace("먹었다", "")  # the example sentence
    assert not any(ord(ch) in HANGUL for ch in english_only), "Korean labels in the English edition"


def test_positional_encoding_figure_shows_the_table():
    fig = transformer_diagrams.positional_encoding(n_positions=50, d_model=16, n=100.0)
    image = fig.axes[1].images[0].get_array()
    assert image.shape == (50, 16)
    assert image[0, 0::2].max() == 0 and image[0, 1::2].min() == 1  # position 0: sin 0 = 0, cos 0 = 1
    assert abs(image[1, 0] - 0.8415) < 1e-4  # sin(1 / 100^0)
    plt.close(fig)
