"""Figures a lab reports (accuracy, timings): printed, and collected by ``benchmarks/run.py``."""

from __future__ import annotations

import json
import os
from pathlib import Path

from .mode import run_mode

METRICS_VAR = "NLPCOURSE_METRICS"


def report(name: str, value: float | int | str, floor: float | None = None) -> None:
    """Print ``name = value``; also append it to the JSON-lines file named by ``NLPCOURSE_METRICS``.

    ``floor`` is the least a full-mode run may reach (fast mode runs on toy sizes, so it is ignored
    there); the benchmark runner and the GPU workflow fail when a figure falls below its floor.
    """
    print(f"{name} = {value:.4f}" if isinstance(value, float) else f"{name} = {value}")
    target = os.environ.get(METRICS_VAR)
    if target:
        row: dict = {"name": name, "value": value}
        if floor is not None and run_mode() == "full":
            row["floor"] = floor
        with Path(target).open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def below_floor(rows: list[dict]) -> list[str]:
    """The reported figures under their floors, as one line each."""
    return [f"{r['name']} = {r['value']} is below its floor {r['floor']}"
            for r in rows if "floor" in r and r["value"] < r["floor"]]
