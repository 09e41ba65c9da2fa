"""What the grader tells students and instructors, in English and Korean.

``say(key, lang, **fields)`` fills one template; ``grades.csv`` has the reason in the student's
language (``reason``) and in English (``reason_en``). Evidence of tampering stays in English:
it is for the instructor who reviews it.
"""

from __future__ import annotations

LANGS = ("en", "ko")

TEMPLATES: dict[str, tuple[str, str]] = {
    # key: (English, Korean)
    "all_passed": ("all tests passed", "모든 테스트 통과"),
    "failed": ("failed: {ids}", "실패: {ids}"),
    "timed_out": ("timed out: {ids}", "시간 초과: {ids}"),
    "code_errors": ("errors in your code: {cells}", "코드 오류: {cells}"),
    "deleted_tests": ("deleted test cells put back: {ids}", "삭제된 테스트 셀을 되돌려 채점함: {ids}"),
    "edited_tests": ("edited test cells restored: {ids}", "수정된 테스트 셀을 원래대로 되돌려 채점함: {ids}"),
    "copied_cells": ("copied cells: {ids} (each test ran once)", "복사된 셀: {ids} (테스트는 한 번씩만 실행)"),
    "no_graded_cells": ("no graded cells found: is this the right notebook?",
                        "채점할 셀이 없음: 올바른 노트북인지 확인하세요"),
    "kernel_died": ("the kernel died in cell {where}; tests after it scored 0",
                    "{where} 셀에서 커널이 종료됨: 그 뒤의 테스트는 0점"),
    "wall": ("stopped after {seconds} s, the limit for one submission; tests not run scored 0",
             "제출물 하나의 제한 시간 {seconds}초를 넘겨 중단됨: 실행되지 않은 테스트는 0점"),
    "start": ("the grading kernel could not start: {why}", "채점 커널을 시작할 수 없음: {why}"),
    "internal": ("the grader failed on this submission: {why}", "채점기가 이 제출물에서 실패함: {why}"),
    "over_memory": ("its processes together used more than {mb} MB, the limit for one submission, and were stopped",
                    "프로세스들이 함께 제출물 하나의 제한인 {mb} MB를 넘게 사용해 중단됨"),
    "over_processes": ("it started more than {n} processes, the limit for one submission, and was stopped",
                       "제출물 하나의 제한인 {n}개보다 많은 프로세스를 시작해 중단됨"),
    "truncated": ("output cut to {kb} KB per cell in: {cells}", "셀당 출력 {kb} KB로 잘림: {cells}"),
    "dropped": ("an output over {mb} MB was dropped in: {cells}", "{mb} MB가 넘는 출력을 버림: {cells}"),
    "review": ("needs review: {evidence}", "검토 필요: {evidence}"),
    "newest_of": ("newest of {n} files ({when}); older ones ignored",
                  "파일 {n}개 중 가장 최근 것 ({when}): 이전 파일은 무시함"),
    "older_file": ("older file: graded {kept} instead", "이전 파일: 대신 {kept}을(를) 채점함"),
    "symlink": ("symbolic link refused", "심볼릭 링크는 받지 않음"),
    "not_ipynb": ("not a notebook: {name!r} is not an .ipynb file",
                  "노트북이 아님: {name!r}은(는) .ipynb 파일이 아님"),
    "unknown_lab": ("unknown lab {lab!r} in {name!r}; labs are: {labs}",
                    "{name!r}의 실습 {lab!r}을(를) 알 수 없음 (실습: {labs})"),
    "bad_name": ("cannot tell student and lab from {name!r} (expected <student>_<lab>.ipynb)",
                 "{name!r}에서 학생과 실습을 알 수 없음 (<학생>_<실습>.ipynb 형식이어야 함)"),
    "bad_layout": ("not <student>_<lab>.ipynb nor <student>/<lab>/<lab>.ipynb",
                   "<학생>_<실습>.ipynb 또는 <학생>/<실습>/<실습>.ipynb 형식이 아님"),
    "not_utf8": ("not a notebook: the file is not UTF-8 text", "노트북이 아님: UTF-8 텍스트 파일이 아님"),
    "bad_json": ("not a notebook: invalid JSON (line {line}, column {col}: {msg})",
                 "노트북이 아님: 잘못된 JSON (줄 {line}, 열 {col}: {msg})"),
    "no_nbformat": ("not a notebook: JSON without an 'nbformat' version", "노트북이 아님: 'nbformat' 버전이 없는 JSON"),
    "old_format": ("unsupported notebook format v{version} (need v4; re-save it in Jupyter or Colab)",
                   "지원하지 않는 노트북 형식 v{version} (v4 필요: Jupyter나 Colab에서 다시 저장하세요)"),
    "invalid": ("invalid notebook: {why}", "잘못된 노트북: {why}"),
    "too_big": ("file too large to grade: {mb} MB (the limit is {limit} MB; clear the outputs and save again)",
                "파일이 너무 커서 채점할 수 없음: {mb} MB (제한 {limit} MB. 출력을 지우고 다시 저장하세요)"),
    "too_deep": ("not a notebook: JSON nested more than {limit} levels deep",
                 "노트북이 아님: JSON이 {limit}단계보다 깊게 중첩됨"),
    "too_many_cells": ("too many cells to grade: {n} (the limit is {limit})",
                       "셀이 너무 많아 채점할 수 없음: {n}개 (제한 {limit}개)"),
    "too_much_source": ("too much code and text to grade: {kb} KB in cells (the limit is {limit} KB)",
                        "셀의 코드와 글이 너무 많아 채점할 수 없음: {kb} KB (제한 {limit} KB)"),
    "unreadable": ("the file could not be read: {why}", "파일을 읽을 수 없음: {why}"),
    # feedback
    "score": ("Score: {score:g} / {max_score:g}", "점수: {score:g} / {max_score:g}"),
    "test_passed": ("passed: {points:g} / {points:g} points", "통과: {points:g} / {points:g}점"),
    "test_failed": ("failed: 0 / {points:g} points ({ename})", "실패: 0 / {points:g}점 ({ename})"),
    "test_timeout": ("timed out: 0 / {points:g} points", "시간 초과: 0 / {points:g}점"),
    "test_not_run": ("not run: 0 / {points:g} points", "실행되지 않음: 0 / {points:g}점"),
    "failed_line": ("the failing line: {line}", "실패한 줄: {line}"),
    "failed_hidden": ("a hidden test failed (hidden tests are not shown)",
                      "숨은 테스트가 실패함 (숨은 테스트는 보여 주지 않음)"),
    "outputs_hidden": ("Outputs of cells that ran after the first hidden test are not shown here (they could carry "
                       "hidden test code); your own notebook has them.",
                       "첫 숨은 테스트 뒤에 실행된 셀의 출력은 여기에 보여 주지 않음 "
                       "(숨은 테스트 코드가 담길 수 있음). 여러분의 노트북에는 그대로 있음."),
    "output_withheld": ("(output not shown: this cell ran after a hidden test)",
                        "(출력 생략: 숨은 테스트 뒤에 실행된 셀)"),
}


def say(key: str, lang: str, **fields) -> str:
    """The message ``key`` in ``lang`` (English for any other language)."""
    english, korean = TEMPLATES[key]
    return (korean if lang == "ko" else english).format(**fields)


class Note:
    """One message, not yet in a language: ``Note("failed", ids="t1")``; ``str()`` is the English text."""

    def __init__(self, key: str, **fields) -> None:
        self.key, self.fields = key, fields

    def text(self, lang: str) -> str:
        return say(self.key, lang, **self.fields)

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        return f"Note({self.key!r}, {self.fields!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Note) and (self.key, self.fields) == (other.key, other.fields)

    def __hash__(self) -> int:
        return hash((self.key, tuple(sorted(self.fields.items()))))
