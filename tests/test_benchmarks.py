"""The benchmark runner executes a notebook in the requested mode and collects what it reports."""

from __future__ import annotations

import importlib.util
import json
import os

import nbformat
from conftest import REPO


def load_runner():
    spec = importlib.util.spec_from_file_location("bench_run", REPO / "benchmarks" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_runner_collects_reported_figures(tmp_path, monkeypatch):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
        "import nlpcourse\nnlpcourse.report('mode', nlpcourse.run_mode())\nnlpcourse.report('accuracy', 0.5)")])
    path = tmp_path / "lab.ipynb"
    nbformat.write(nb, path)
    monkeypatch.delenv("NLPCOURSE_METRICS", raising=False)
    monkeypatch.setenv("NLPCOURSE_MODE", "fast")
    rows = load_runner().run(path, "full")
    assert os.environ["NLPCOURSE_MODE"] == "fast", "the runner must not change this process's mode"
    assert rows[:2] == [{"name": "mode", "value": "full"}, {"name": "accuracy", "value": 0.5}]
    assert rows[2]["name"] == "notebook_wall_seconds" and rows[2]["value"] > 0


def test_figures_below_their_floor_fail(tmp_path, monkeypatch):
    from nlpcourse.metrics import below_floor

    monkeypatch.setenv("NLPCOURSE_MODE", "full")
    monkeypatch.setenv("NLPCOURSE_METRICS", str(tmp_path / "figures.jsonl"))
    import nlpcourse

    nlpcourse.report("accuracy", 0.85, floor=0.862)
    nlpcourse.report("loss", 0.3)
    rows = [json.loads(line) for line in (tmp_path / "figures.jsonl").read_text().splitlines()]
    assert below_floor(rows) == ["accuracy = 0.85 is below its floor 0.862"]
    assert load_runner().show(rows) == 1
    assert load_runner().show(rows[1:]) == 0
    monkeypatch.setenv("NLPCOURSE_MODE", "fast")  # toy sizes: floors do not apply
    nlpcourse.report("accuracy", 0.5, floor=0.862)
    assert "floor" not in json.loads((tmp_path / "figures.jsonl").read_text().splitlines()[-1])
