"""Figures a lab reports (accuracy, timings): printed, and collected by ``benchmarks/run.py``."""

from __future__ import annotations

import json
import os
from pathlib import Path

METRICS_VAR = "NLPCOURSE_METRICS"


def report(name: str, value: float | int | str) -> None:
    """Print ``name = value``; also append it to the JSON-lines file named by ``NLPCOURSE_METRICS``."""
    print(f"{name} = {value:.4f}" if isinstance(value, float) else f"{name} = {value}")
    target = os.environ.get(METRICS_VAR)
    if target:
        with Path(target).open("a", encoding="utf-8") as fh:
            fh.write(json.dumps({"name": name, "value": value}, ensure_ascii=False) + "\n")
