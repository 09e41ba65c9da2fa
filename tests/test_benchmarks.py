"""The benchmark runner executes a notebook in the requested mode and collects what it reports."""

from __future__ import annotations

import importlib.util
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
