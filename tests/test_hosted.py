"""Hosted model names live in one place, and a retired model tells the student what to change."""

from __future__ import annotations

import re

import pytest

import nlpcourse
from nlpcourse import hosted


class ProviderError(Exception):
    def __init__(self, message: str, status_code: int):
        super().__init__(message)
        self.status_code = status_code


def test_names_and_the_day_they_were_checked():
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", hosted.CHECKED)
    assert hosted.OPENAI_MODEL and hosted.GEMINI_MODEL and set(hosted.OPENAI_PRICES) == {"input", "output"}
    assert set(hosted.SOURCES) == {"openai", "gemini"}


@pytest.mark.parametrize(("message", "status", "gone"), [
    ("Error code: 404 - {'error': {'code': 'model_not_found', 'message': 'The model `x` does not exist'}}", 404, True),
    ("404 NOT_FOUND. models/gemini-2.5-flash is not found for API version v1beta", 404, True),
    ("Unsupported parameter: 'max_tokens' is not supported with this model.", 400, True),
    ("Rate limit reached for requests", 429, False),
    ("Incorrect API key provided", 401, False),
    ("The server had an error while processing your request", 500, False),
])
def test_model_gone_tells_retired_models_from_other_failures(message, status, gone):
    assert hosted.model_gone(ProviderError(message, status)) is gone


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_retired_model_names_the_constant_to_change(lang):
    nlpcourse.set_lang(lang)
    try:
        with pytest.raises(RuntimeError) as caught, hosted.explain_retired("openai", "gpt-old", "OPENAI_MODEL"):
            raise ProviderError("model_not_found: does not exist", 404)
    finally:
        nlpcourse.set_lang("en")
    text = str(caught.value)
    assert "OPENAI_MODEL" in text and "gpt-old" in text and "python -m nlpcourse.hosted --check" in text
    assert hosted.SOURCES["openai"] in text and hosted.CHECKED in text
    assert ("설정 셀" in text) == (lang == "ko")


def test_other_errors_and_the_local_server_pass_through():
    with pytest.raises(ProviderError), hosted.explain_retired("openai", "m", "OPENAI_MODEL"):
        raise ProviderError("Rate limit reached", 429)
    with pytest.raises(ProviderError), hosted.explain_retired("local", "m", "OPENAI_MODEL"):
        raise ProviderError("model_not_found", 404)


def test_check_without_keys_lists_nothing_and_succeeds(monkeypatch, capsys, tmp_path):
    for name in ("OPENAI_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no .env file above
    assert hosted.main(["--check"]) == 0
    out = capsys.readouterr().out
    assert hosted.CHECKED in out and "openai: no key" in out and "gemini: no key" in out
