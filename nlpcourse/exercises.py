"""Lesson cells that use a student's function stop cleanly until that exercise is done."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from .i18n import tr

STOP_MARK = "⏭"


def stop_message(exercise: int | str) -> str:
    """The one line a lesson cell prints instead of a traceback when an exercise is unfinished."""
    return tr(
        f"{STOP_MARK} 이 셀에는 연습 {exercise}의 코드가 필요합니다. "
        f"연습 {exercise}부터 완성한 뒤 이 셀을 다시 실행하세요.",
        f"{STOP_MARK} This cell needs your code from Exercise {exercise}: finish Exercise {exercise} first, "
        "then run this cell again.",
    )


@contextmanager
def needs(exercise: int | str) -> Iterator[None]:
    """Run the block; if it hits an unfinished exercise, print which one and stop the block cleanly.

    An unfinished exercise shows up as ``NotImplementedError`` (the release's stub) or as a
    ``NameError`` for something an earlier skipped cell would have made::

        with nlpcourse.needs(3):
            merges = learn_bpe(corpus, 10)
            print(merges)
    """
    try:
        yield
    except (NotImplementedError, NameError):
        print(stop_message(exercise))
