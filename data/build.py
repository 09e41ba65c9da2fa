"""Build ``data/nsmc/*.txt.gz`` from a folder holding NSMC-format ``ratings_{train,test}.txt``."""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

OUT = Path(__file__).resolve().parent / "nsmc"


def build(src: Path, out: Path = OUT) -> list[Path]:
    """Gzip each split reproducibly (no name or time stamp in the header); return the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for split in ("train", "test"):
        raw = (src / f"ratings_{split}.txt").read_bytes()
        header = raw.split(b"\n", 1)[0]
        if header.split(b"\t") != [b"id", b"document", b"label"]:
            raise ValueError(f"{src}/ratings_{split}.txt is not NSMC format (header {header!r})")
        target = out / f"ratings_{split}.txt.gz"
        with open(target, "wb") as fh, gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0) as gz:
            gz.write(raw)
        written.append(target)
    return written


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("src", type=Path, help="folder with ratings_train.txt and ratings_test.txt")
    for path in build(parser.parse_args().src):
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
