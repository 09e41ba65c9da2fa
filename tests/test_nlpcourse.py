"""The helper package: run mode, data, tiktoken, seeds, fonts, keys, metrics, Colab header."""

from __future__ import annotations

import ast
import json
import warnings

import numpy as np
import pandas as pd
import pytest

import nlpcourse
from nlpcourse import colab, data


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "full"),
        ({"NLPCOURSE_MODE": "fast"}, "fast"),
        ({"NLPCOURSE_MODE": "FULL", "CI": "true"}, "full"),
        ({"NBGRADER_EXECUTION": "autograde"}, "fast"),
        ({"CI": "true"}, "fast"),
    ],
)
def test_run_mode(monkeypatch, env, expected):
    for var in ("NLPCOURSE_MODE", "NBGRADER_EXECUTION", "CI"):
        monkeypatch.delenv(var, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert nlpcourse.run_mode() == expected
    assert nlpcourse.pick(fast=1, full=2) == (1 if expected == "fast" else 2)


@pytest.mark.parametrize(("mode", "optional", "expected"), [
    ("fast", None, True), ("full", None, False), ("full", "0", False), ("full", "1", True),
])
def test_optional_sections_run_in_fast_mode_and_in_full_mode_only_when_asked(monkeypatch, mode, optional, expected):
    monkeypatch.setenv("NLPCOURSE_MODE", mode)
    monkeypatch.delenv("NLPCOURSE_OPTIONAL", raising=False)
    if optional is not None:
        monkeypatch.setenv("NLPCOURSE_OPTIONAL", optional)
    assert nlpcourse.run_optional() is expected


def test_bad_mode_is_an_error(monkeypatch):
    monkeypatch.setenv("NLPCOURSE_MODE", "quick")
    with pytest.raises(ValueError, match="NLPCOURSE_MODE"):
        nlpcourse.run_mode()


def test_load_nsmc_shipped_copy(monkeypatch):
    monkeypatch.setenv("NLPCOURSE_MODE", "fast")
    df = nlpcourse.load_nsmc("test", n=500)
    assert list(df.columns) == ["id", "document", "label"]
    assert len(df) == 500
    assert set(df.label) <= {0, 1} and df.document.map(type).eq(str).all()
    assert nlpcourse.nsmc_path("train").name == "ratings_train.txt.gz"


def test_load_nsmc_full_sizes(monkeypatch):
    monkeypatch.setenv("NLPCOURSE_MODE", "fast")
    train = nlpcourse.load_nsmc("train")
    assert len(train) == 150_000
    assert train.label.mean() == pytest.approx(0.5, abs=0.01)
    assert train.id.is_unique


def test_load_nsmc_rejects_unknown_split():
    with pytest.raises(ValueError, match="split"):
        nlpcourse.load_nsmc("dev")


def test_load_nsmc_clear_error_when_nothing_is_reachable(monkeypatch, tmp_path):
    monkeypatch.setattr(data, "DATA_DIR", tmp_path / "nothing")
    monkeypatch.setenv("NLPCOURSE_OFFLINE", "1")
    monkeypatch.setenv("NLPCOURSE_CACHE", str(tmp_path / "cache"))
    with pytest.raises(FileNotFoundError, match="neither .* nor .* is reachable"):
        nlpcourse.load_nsmc("train")


def test_load_nsmc_full_mode_prefers_the_official_file(monkeypatch, tmp_path):
    monkeypatch.setenv("NLPCOURSE_MODE", "full")
    monkeypatch.setenv("NLPCOURSE_CACHE", str(tmp_path))
    monkeypatch.delenv("NLPCOURSE_OFFLINE", raising=False)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    official = tmp_path / "nsmc" / "ratings_test.txt"
    official.parent.mkdir(parents=True)
    official.write_text('id\tdocument\tlabel\n1\t"따옴표" 그대로\t1\n2\t\t0\n', encoding="utf-8")
    df = nlpcourse.load_nsmc("test")
    assert df.document.tolist() == ['"따옴표" 그대로', ""]
    assert df.label.tolist() == [1, 0]


def test_load_nsmc_full_mode_falls_back_with_a_warning(monkeypatch, tmp_path):
    monkeypatch.setenv("NLPCOURSE_MODE", "full")
    monkeypatch.setenv("NLPCOURSE_CACHE", str(tmp_path))
    monkeypatch.setattr(data, "_official", lambda split, timeout=20.0: None)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        path = nlpcourse.nsmc_path("train")
    assert path.suffix == ".gz"
    assert any("unreachable" in str(w.message) for w in caught)


def test_tiktoken_works_offline(monkeypatch, tmp_path):
    monkeypatch.setenv("TIKTOKEN_CACHE_DIR", str(tmp_path))
    import tiktoken

    assert nlpcourse.setup_tiktoken() == tmp_path
    assert len(list(tmp_path.iterdir())) == 2
    assert tiktoken.get_encoding("cl100k_base").encode("I love my dog") == [40, 3021, 856, 5679]
    assert tiktoken.get_encoding("o200k_base").decode(tiktoken.get_encoding("o200k_base").encode("한국어")) == "한국어"


def test_set_seed_makes_numpy_and_torch_repeatable():
    import torch

    nlpcourse.set_seed(7)
    a = (np.random.rand(3), torch.rand(3))
    nlpcourse.set_seed(7)
    b = (np.random.rand(3), torch.rand(3))
    assert np.array_equal(a[0], b[0]) and torch.equal(a[1], b[1])


def test_get_device_is_a_torch_device():
    import torch

    assert nlpcourse.get_device() in {"cpu", "cuda", "mps"}
    torch.zeros(1, device=nlpcourse.get_device())


def test_korean_font_renders_hangul(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    family = nlpcourse.use_korean_font()
    assert "Nanum" in family
    fig, ax = plt.subplots()
    ax.set_title("한글 제목")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(tmp_path / "hangul.png")
    plt.close(fig)
    assert not [w for w in caught if "missing from font" in str(w.message)]


def test_ensure_java_finds_a_jvm():
    assert nlpcourse.ensure_java()


def test_get_api_key(monkeypatch):
    monkeypatch.setenv("SOME_API_KEY", "sk-test")
    assert nlpcourse.get_api_key("SOME_API_KEY") == "sk-test"
    monkeypatch.delenv("SOME_API_KEY")
    monkeypatch.setattr("sys.stdin", None)
    with pytest.raises(RuntimeError, match="SOME_API_KEY is not set"):
        nlpcourse.get_api_key("SOME_API_KEY")


def test_report_prints_and_records(monkeypatch, tmp_path, capsys):
    target = tmp_path / "m.jsonl"
    monkeypatch.setenv("NLPCOURSE_METRICS", str(target))
    nlpcourse.report("test_accuracy", 0.86213)
    nlpcourse.report("epochs", 3)
    assert capsys.readouterr().out == "test_accuracy = 0.8621\nepochs = 3\n"
    rows = [json.loads(line) for line in target.read_text().splitlines()]
    assert rows == [{"name": "test_accuracy", "value": 0.86213}, {"name": "epochs", "value": 3}]


def test_colab_setup_cell_is_python_and_names_the_repository():
    source = colab.setup_source()
    ast.parse(source)
    assert colab.REPO_URL in source and "MODE = nlpcourse.setup()" in source
    badge = colab.badge_markdown("course/01_tokenizers/01_tokenizers.ipynb")
    assert colab.REPO_URL.removeprefix("https://github.com/") in badge
    assert badge.count("course/01_tokenizers/01_tokenizers.ipynb") == 1


def test_setup_returns_the_mode(monkeypatch, capsys):
    monkeypatch.setenv("NLPCOURSE_MODE", "fast")
    assert nlpcourse.setup() == "fast"
    assert "fast mode" in capsys.readouterr().out


def test_shipped_data_matches_its_readme(repo):
    readme = (repo / "data" / "README.md").read_text()
    for path in (repo / "data").rglob("*"):
        if path.is_file() and path.suffix in {".gz", ".json", ".txt"}:
            folder = path.parent.relative_to(repo / "data")
            assert path.name in readme or f"{folder}/" in readme, path
    assert isinstance(pd.read_csv(repo / "data" / "nsmc" / "ratings_test.txt.gz", sep="\t", nrows=1), pd.DataFrame)
