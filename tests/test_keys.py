"""API keys: Colab Secrets, environment, .env, then getpass only when asked and possible; never printed."""

from __future__ import annotations

import os
import sys
import types

import pytest

import nlpcourse
from nlpcourse import keys

NAME = "NLPCOURSE_TEST_API_KEY"


@pytest.fixture(autouse=True)
def clean(monkeypatch, tmp_path):
    """No key anywhere: not in the environment, no .env above the working folder, not on Colab."""
    for name in (NAME, "SECOND_TEST_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delitem(sys.modules, "google.colab", raising=False)
    monkeypatch.setattr(keys, "_interactive", lambda: False)


def fake_colab(monkeypatch, secrets: dict[str, str]) -> None:
    def get(name):
        if name not in secrets:
            raise KeyError(name)  # google.colab raises its own SecretNotFoundError
        return secrets[name]

    module = types.ModuleType("google.colab")
    module.userdata = types.SimpleNamespace(get=get)
    monkeypatch.setitem(sys.modules, "google.colab", module)


def test_environment_then_export(monkeypatch, capsys):
    monkeypatch.setenv(NAME, "sk-env")
    assert nlpcourse.find_api_key(NAME) == "sk-env"
    assert nlpcourse.get_api_key(NAME) == "sk-env"
    assert capsys.readouterr() == ("", "")


def test_dotenv_file_is_read_and_exported(tmp_path, monkeypatch):
    (tmp_path / ".env").write_text(f"OTHER=1\n{NAME}=sk-dotenv\n")
    nested = tmp_path / "lab"
    nested.mkdir()
    monkeypatch.chdir(nested)  # found from a subfolder too, as a notebook's folder would be
    assert nlpcourse.find_api_key(NAME) == "sk-dotenv"
    assert os.environ[NAME] == "sk-dotenv"
    assert "OTHER" not in os.environ  # only the key asked for is exported


def test_colab_secret_comes_first(monkeypatch, tmp_path):
    (tmp_path / ".env").write_text(f"{NAME}=sk-dotenv\n")
    monkeypatch.setenv(NAME, "sk-env")
    fake_colab(monkeypatch, {NAME: "sk-colab"})
    assert nlpcourse.find_api_key(NAME) == "sk-colab"
    assert os.environ[NAME] == "sk-colab"  # exported for the SDKs
    monkeypatch.setenv(NAME, "sk-env")
    fake_colab(monkeypatch, {})  # a missing secret falls through to the environment
    assert nlpcourse.find_api_key(NAME) == "sk-env"


def test_first_name_that_has_a_key_wins(monkeypatch):
    monkeypatch.setenv("SECOND_TEST_KEY", "sk-second")
    assert nlpcourse.find_api_key(NAME, "SECOND_TEST_KEY") == "sk-second"
    assert NAME not in os.environ


def test_no_key_and_no_prompt(monkeypatch):
    def forbidden(prompt):
        raise AssertionError("getpass must not run when nobody can answer")

    monkeypatch.setattr("getpass.getpass", forbidden)
    assert nlpcourse.find_api_key(NAME) is None
    assert nlpcourse.find_api_key(NAME, ask=True) is None
    with pytest.raises(RuntimeError, match=f"{NAME} is not set") as info:
        nlpcourse.get_api_key(NAME)
    assert ".env" in str(info.value)


def test_getpass_last_and_only_when_asked(monkeypatch, capsys):
    monkeypatch.setattr(keys, "_interactive", lambda: True)
    asked = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt) or "sk-typed")
    assert nlpcourse.find_api_key(NAME) is None and asked == []
    assert nlpcourse.find_api_key(NAME, "SECOND_TEST_KEY", ask=True) == "sk-typed"
    assert asked == [f"{NAME}: "] and os.environ[NAME] == "sk-typed"
    assert "sk-typed" not in capsys.readouterr().out


def test_a_frontend_that_cannot_ask_means_no_key(monkeypatch):
    monkeypatch.setattr(keys, "_interactive", lambda: True)

    def cannot(prompt):
        raise NotImplementedError("raw_input was called, but this frontend does not support input requests")

    monkeypatch.setattr("getpass.getpass", cannot)
    assert nlpcourse.find_api_key(NAME, ask=True) is None
