"""Loaders and prompts of the course benchmark's lm_eval tasks; the prompts come from ``nlpcourse.course_bench``."""

from datasets import Dataset, DatasetDict

from nlpcourse.course_bench import NSMC_CHOICES, load_course_bench, nsmc_context, quiz_context


def _split(items: list[dict]) -> DatasetDict:
    return DatasetDict({"test": Dataset.from_list(items)})


def load_quiz_en(**_: object) -> DatasetDict:
    return _split(load_course_bench("quiz", lang="en", kind="mcq"))


def load_quiz_ko(**_: object) -> DatasetDict:
    return _split(load_course_bench("quiz", lang="ko", kind="mcq"))


def load_nsmc(**_: object) -> DatasetDict:
    return _split(load_course_bench("nsmc"))


def quiz_text(doc: dict) -> str:
    return quiz_context(doc)


def nsmc_text(doc: dict) -> str:
    return nsmc_context(doc)


def nsmc_choices(doc: dict) -> list[str]:
    return list(NSMC_CHOICES)
