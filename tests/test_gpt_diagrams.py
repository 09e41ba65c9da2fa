"""Lab 06's diagrams draw in both languages, with their labels in the edition's language."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import nlpcourse  # noqa: E402
from nlpcourse import gpt_diagrams  # noqa: E402

nlpcourse.use_korean_font()
DIAGRAMS = ["teacher_forcing", "beam_search", "kv_cache"]
HANGUL = range(0xAC00, 0xD7A4)
EXAMPLES = ("나는", "밥을", "먹는다", "이 영화", "정말", "재밌다", "최고", "별로", "보고", "ㅋㅋ", "는")  # example text


def texts(fig) -> str:
    return "\n".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))


@pytest.mark.parametrize("name", DIAGRAMS)
def test_diagram_speaks_the_editions_language(name, monkeypatch):
    monkeypatch.setattr(nlpcourse.i18n, "_current", None)
    drawn = {}
    for lang in ("ko", "en"):
        nlpcourse.set_lang(lang)
        fig = getattr(gpt_diagrams, name)()
        drawn[lang] = texts(fig)
        plt.close(fig)
    assert any(ord(ch) in HANGUL for ch in drawn["ko"]), "the Korean edition's figure has no Korean label"
    assert drawn["ko"] != drawn["en"], "the figure does not change with the language"
    english = drawn["en"]
    for word in EXAMPLES:
        english = english.replace(word, "")
    assert not any(ord(ch) in HANGUL for ch in english), "Korean labels in the English edition"


def test_teacher_forcing_shows_the_shift():
    nlpcourse.set_lang("en")
    fig = gpt_diagrams.teacher_forcing()
    drawn = texts(fig)
    plt.close(fig)
    assert all(f"logits[{i}]" in drawn for i in range(5)) and "<EOS>" in drawn
