"""Lab 02's diagrams draw in the edition's language and show what they claim."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import nlpcourse  # noqa: E402
from nlpcourse.figures import lab02_bow as bow_diagrams  # noqa: E402


def texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in [*ax.texts, ax.title]]


@pytest.fixture(params=["ko", "en"])
def lang(request, monkeypatch):
    monkeypatch.setattr(nlpcourse.i18n, "_current", request.param)
    nlpcourse.use_korean_font()
    yield request.param
    plt.close("all")


def test_bag_of_words_sums_the_one_hot_rows(lang):
    fig = bow_diagrams.bag_of_words(["a", "good", "movie", "good", "ending"], ["good", "movie", "a", "did"])
    shown = texts(fig)
    assert shown[-5:-1] == ["2", "1", "1", "0"], "the last row is the count vector"
    assert any("ending" in t for t in shown), "an unknown token keeps its row"
    title = fig.axes[0].get_title()
    assert ("주머니" in title) == (lang == "ko") and ("bag of words" in title) == (lang == "en")


def test_ngram_windows_count_every_window(lang):
    fig = bow_diagrams.ngram_windows(["not", "a", "good", "movie"])
    shown = texts(fig)
    for gram in ["not a", "a good", "good movie", "not a good", "a good movie"]:
        assert gram in shown
    assert ("3-gram: 2개" in shown) == (lang == "ko") and ("3-grams: 2" in shown) == (lang == "en")


def test_pipeline_shows_the_review_and_its_morphemes(lang):
    fig = bow_diagrams.pipeline("기대 안 했는데 재밌네요", ["기대", "안", "하다", "재밌다"])
    joined = "\n".join(texts(fig))
    assert "기대 안 했는데 재밌네요" in joined and "기대 / 안 / 하다 / 재밌다" in joined
    assert ("로지스틱 회귀" in joined) == (lang == "ko") and ("logistic regression" in joined) == (lang == "en")
