"""The one run-mode switch: ``fast`` (CI, grading, offline) or ``full`` (Colab/GPU, real sizes)."""

from __future__ import annotations

import os
from typing import TypeVar

T = TypeVar("T")

MODE_VAR = "NLPCOURSE_MODE"


def run_mode() -> str:
    """Return ``"fast"`` or ``"full"``.

    ``NLPCOURSE_MODE`` wins when set; otherwise nbgrader grading (``NBGRADER_EXECUTION``) and CI
    (``CI``) mean fast, and anything else means full.
    """
    mode = os.environ.get(MODE_VAR, "").strip().lower()
    if mode in ("fast", "full"):
        return mode
    if mode:
        raise ValueError(f"{MODE_VAR} must be 'fast' or 'full', not {mode!r}")
    if os.environ.get("NBGRADER_EXECUTION") or os.environ.get("CI"):
        return "fast"
    return "full"


def is_fast() -> bool:
    """True in fast mode."""
    return run_mode() == "fast"


def pick(fast: T, full: T) -> T:
    """Choose a size or checkpoint name by run mode: ``n = pick(fast=2_000, full=None)``."""
    return fast if is_fast() else full


OPTIONAL_VAR = "NLPCOURSE_OPTIONAL"


def run_optional() -> bool:
    """Whether a lab's optional heavy sections run: always in fast mode (they are small there, and CI checks them);
    in full mode only when ``NLPCOURSE_OPTIONAL=1``, so Colab's *Run All* does not start an hour of extra training.

    A lab reads it once, ``RUN_OPTIONAL = nlpcourse.run_optional()``, and a student may set ``RUN_OPTIONAL = True``.
    """
    return is_fast() or os.environ.get(OPTIONAL_VAR, "").strip() == "1"
