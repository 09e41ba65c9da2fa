"""Lab 07's diagrams (an API round trip, the parts of a chat prompt, the tool-calling loop), drawn with
matplotlib in the edition's language. Each function returns a new Figure."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..i18n import tr
from .drawing import BLUE, GREEN, GREY, ORANGE, arrow, box, canvas


def _arrow(ax: Axes, start: tuple[float, float], end: tuple[float, float], label: str = "",
           offset: tuple[float, float] = (0.0, 0.25)) -> None:
    """A slightly heavier arrow with its label centred above its middle."""
    arrow(ax, start, end, label, width=1.3, offset=offset, ha="center", va="bottom")


def api_round_trip() -> Figure:
    """Your code, the SDK, one HTTPS request with the key in a header, the model server, the response object."""
    fig, (ax,) = canvas(13, 5.2)
    box(ax, 1.6, 5.0, 2.6, 5.0, tr("여러분의 노트북\n\nopenai /\ngoogle-genai SDK", "your notebook\n\nopenai /\n"
                                   "google-genai SDK"), color=GREEN)
    box(ax, 8.4, 5.0, 2.8, 5.0, tr("모델 서버\n\nOpenAI, Gemini\n또는 이 컴퓨터의\ntransformers serve",
                                   "model server\n\nOpenAI, Gemini\nor transformers serve\non this machine"),
        color=ORANGE)
    request = ('POST /v1/chat/completions\nAuthorization: Bearer sk-****\n{"model": ..., "messages": [...],\n'
               ' "max_completion_tokens": 200, "temperature": 0.2}')
    response = '{"choices": [{"message": {...},\n  "finish_reason": "stop"}],\n "usage": {"prompt_tokens": 31,\n  ' \
               '"completion_tokens": 143}}'
    box(ax, 5.0, 8.7, 4.4, 1.9, request, color=BLUE, size=8, align="left")
    box(ax, 5.0, 1.3, 4.4, 1.9, response, color=BLUE, size=8, align="left")
    _arrow(ax, (2.9, 6.7), (6.9, 6.7), tr("요청 (HTTPS, JSON)", "request (HTTPS, JSON)"), offset=(0, -0.55))
    _arrow(ax, (6.9, 3.3), (2.9, 3.3), tr("응답: 텍스트, 사용량(토큰), 종료 이유", "response: text, usage (tokens), "
                                         "finish reason"), offset=(0, 0.1))
    note = tr("비용 = 입력 토큰 × 입력 단가 + 출력 토큰 × 출력 단가\n"
              "요청 제한: 분당 요청 수(RPM), 분당 토큰 수(TPM)",
              "cost = input tokens × input price + output tokens × output price\n"
              "rate limits: requests per minute (RPM), tokens per minute (TPM)")
    ax.text(5.0, 4.9, note, ha="center", va="center", fontsize=9, style="italic")
    ax.set_ylim(0, 10.4)
    ax.text(5.0, 10.0, tr("API 호출 한 번", "One API call"), ha="center", fontsize=12, weight="bold")
    return fig


def prompt_anatomy() -> Figure:
    """A chat request as a list of messages, with the prompt elements of the slides marked on it."""
    fig, (ax,) = canvas(13, 5.2)
    rows = [
        ("system", tr("너는 영화 리뷰의 감성을 분류하는 전문가다. (페르소나)\n"
                      "'positive' 또는 'negative' 한 단어로만 답하라. (형식)",
                      "You are an expert in movie-review sentiment. (persona)\n"
                      "Answer with one word: positive or negative. (format)"),
         GREY, tr("지시문 + 출력 형식", "instruction + output indicator")),
        ("user", "최고의 영화! 또 보고 싶다", BLUE, tr("예시 (퓨샷)", "example (few-shot)")),
        ("assistant", "positive", ORANGE, tr("예시의 정답", "its label")),
        ("user", "시간 아까움. 스토리 엉망", BLUE, tr("예시 (퓨샷)", "example (few-shot)")),
        ("assistant", "negative", ORANGE, tr("예시의 정답", "its label")),
        ("user", tr('다음 리뷰를 분류하라.\n"""\n연기는 좋은데 너무 길다\n"""', 'Classify this review.\n"""\n'
                    '연기는 좋은데 너무 길다\n"""'), BLUE, tr("입력 데이터 (구분자로 감쌈)", "input data (delimited)")),
        ("", tr("모델의 답: negative", "the model's reply: negative"), GREEN, tr("출력", "output")),
    ]
    heights = [1.2, 0.7, 0.7, 0.7, 0.7, 1.5, 0.7]
    y = 9.0
    for (role, text, color, element), h in zip(rows, heights):
        y -= h / 2
        ax.text(0.9, y, role, ha="right", va="center", fontsize=10, weight="bold")
        box(ax, 4.2, y, 6.2, h, text, color=color, size=9, align="left")
        ax.text(7.5, y, "- " + element, ha="left", va="center", fontsize=9, style="italic")
        y -= h / 2 + 0.2
    ax.set_ylim(y - 0.2, 10)
    title = tr("프롬프트의 구성: 메시지 목록 (역할 + 내용)", "A prompt is a list of messages (role + content)")
    ax.text(5.0, 9.5, title, ha="center", fontsize=12, weight="bold")
    return fig


def tool_calling_loop() -> Figure:
    """Tool calling in four steps: the model asks for a function call, your code runs it, the model answers."""
    fig, (ax,) = canvas(13, 4.4)
    code = tr("여러분의 코드\n\n도구(함수)를 정의하고\n실제로 실행",
              "your code\n\ndefines the tools\n(functions) and\nruns them")
    box(ax, 1.4, 5.0, 2.4, 7.4, code, color=GREEN)
    box(ax, 8.6, 5.0, 2.4, 7.4, tr("모델\n\n함수를 실행하지 않고\n부를 함수의 이름과\n인자만 정함",
                                   "model\n\nnever runs a function:\nit only picks a name\nand arguments"),
        color=ORANGE)
    steps = [
        (7.6, tr("1. 질문 + 도구 스키마 (이름, 설명, 인자의 JSON Schema)",
                 "1. question + tool schemas (name, description, arguments' JSON Schema)"), 1),
        (5.8, tr('2. function_call: count_reviews({"keyword": "연기"})', '2. function_call: count_reviews({"keyword": '
                                                                           '"연기"})'), -1),
        (4.0, tr("3. 함수를 실행한 결과: function_call_output (call_id, JSON)", "3. the function's result: "
                                                                       "function_call_output (call_id, JSON)"), 1),
        (2.2, tr("4. 결과를 읽고 쓴 최종 답", "4. the final answer, written from the result"), -1),
    ]
    for y, label, direction in steps:
        start, end = ((2.6, y), (7.4, y)) if direction > 0 else ((7.4, y), (2.6, y))
        _arrow(ax, start, end)
        ax.text(5.0, y + 0.2, label, ha="center", va="bottom", fontsize=8.5)
    ax.text(5.0, 9.4, tr("도구 호출(function calling) 루프", "The tool-calling (function-calling) loop"),
            ha="center", fontsize=12, weight="bold")
    return fig
