"""Hosted chat models the LLM labs name, in one place, with the day they were last checked.

Hosted models are retired on the providers' schedules (their deprecation pages, in ``SOURCES``), so a name
that worked last term may fail this term. Update ``OPENAI_MODEL``, ``GEMINI_MODEL``, ``OPENAI_PRICES`` and
``CHECKED`` together. A student can override a name in the lab's configuration cell, and
``python -m nlpcourse.hosted --check`` lists the models their own key can use.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager

from .i18n import tr

CHECKED = "2026-12-06"  # the day the names below were checked against SOURCES
OPENAI_MODEL = "gpt-6-luna"  # the replacement OpenAI names for gpt-4.1-mini (shut down 2027-01-14)
GEMINI_MODEL = "gemini-3.5-flash"  # gemini-2.5-flash was shut down in 2026
OPENAI_PRICES = {"input": 0.10, "output": 0.50}  # USD per 1M tokens of OPENAI_MODEL, list prices on CHECKED
SOURCES = {
    "openai": "https://developers.openai.com/api/docs/deprecations",
    "gemini": "https://ai.google.dev/gemini-api/docs/deprecations",
}
_GONE = ("model_not_found", "does not exist", "not found", "no longer available", "deprecated", "decommissioned",
         "unsupported parameter", "unsupported value")


def model_gone(error: BaseException) -> bool:
    """True when a provider's error says the model (or a parameter it no longer takes) is not served."""
    status = getattr(error, "status_code", None) or getattr(error, "code", None)
    text = str(error).lower()
    return status in (400, 404) and any(phrase in text for phrase in _GONE)


def gone_message(provider: str, model: str, constant: str) -> str:
    """What to do when ``model`` no longer answers: which constant to change and where to look."""
    return tr(
        f"{provider} 서버가 모델 {model!r}을(를) 더 이상 제공하지 않거나 이 요청 형식을 받지 않습니다. "
        f"설정 셀의 {constant}에 지금 쓸 수 있는 모델 이름을 적으세요. 여러분의 키로 쓸 수 있는 모델 목록은 "
        f"`python -m nlpcourse.hosted --check`가 보여 주고, 공급사의 지원 중단 안내는 {SOURCES[provider]}에 있습니다 "
        f"(과정의 기본값은 nlpcourse/hosted.py에 있으며 {CHECKED}에 확인했습니다).",
        f"{provider} no longer serves the model {model!r}, or no longer accepts this request. Set {constant} in the "
        f"configuration cell to a current model: `python -m nlpcourse.hosted --check` lists the models your key can "
        f"use, and {SOURCES[provider]} lists retired ones (the course's defaults are in nlpcourse/hosted.py, checked "
        f"on {CHECKED}).",
    )


@contextmanager
def explain_retired(provider: str, model: str, constant: str) -> Iterator[None]:
    """Turn a hosted provider's "no such model" error into ``gone_message`` (other errors and backends pass)."""
    try:
        yield
    except Exception as error:
        if provider in SOURCES and model_gone(error):
            raise RuntimeError(gone_message(provider, model, constant)) from error
        raise


def available(provider: str) -> list[str]:
    """The model ids the key in the environment can use (``OPENAI_API_KEY``; ``GEMINI_API_KEY``/``GOOGLE_API_KEY``)."""
    if provider == "openai":
        from openai import OpenAI

        return sorted(m.id for m in OpenAI().models.list())
    from google import genai

    key = os.environ.get("GEMINI_API_KEY") or os.environ.get("GOOGLE_API_KEY")
    return sorted(m.name.removeprefix("models/") for m in genai.Client(api_key=key).models.list())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nlpcourse.hosted", description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="list the models your keys can use")
    args = parser.parse_args(argv)
    print(f"checked {CHECKED}: OPENAI_MODEL={OPENAI_MODEL!r}, GEMINI_MODEL={GEMINI_MODEL!r}")
    if not args.check:
        return 0
    from .keys import find_api_key

    status = 0
    for provider, names, default in (("openai", ("OPENAI_API_KEY",), OPENAI_MODEL),
                                     ("gemini", ("GEMINI_API_KEY", "GOOGLE_API_KEY"), GEMINI_MODEL)):
        if not find_api_key(*names):
            print(f"{provider}: no key ({' or '.join(names)}), skipped")
            continue
        try:
            models = available(provider)
        except Exception as error:  # a bad key or no network: say so, check the other provider
            print(f"{provider}: could not list models: {type(error).__name__}: {error}")
            status = 1
            continue
        mark = "available" if default in models else "NOT AVAILABLE: change it in nlpcourse/hosted.py"
        print(f"{provider}: {len(models)} models; the course's {default!r} is {mark}")
        print("  " + ", ".join(models))
        status |= default not in models
    return status


if __name__ == "__main__":
    raise SystemExit(main())
