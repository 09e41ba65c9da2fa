# ruff: noqa: F821  (regex is imported by a lesson cell above)
def encode_chunk(chunk: bytes, ranks: dict[bytes, int]) -> list[int]:
    """Rank-based BPE on one pre-split chunk."""
    parts = [chunk[i : i + 1] for i in range(len(chunk))]
    while True:
        candidates = [(ranks[a + b], i) for i, (a, b) in enumerate(zip(parts, parts[1:])) if a + b in ranks]
        if not candidates:
            return [ranks[p] for p in parts]
        _, i = min(candidates)
        parts[i : i + 2] = [parts[i] + parts[i + 1]]


def gpt4_encode(text: str, ranks: dict[bytes, int], pattern: str, special: dict[str, int] | None = None) -> list[int]:
    """Split off special tokens, split the rest with ``pattern`` and BPE-encode every chunk."""
    special = special or {}
    ids, start = [], 0
    while start <= len(text):
        hits = [(text.find(s, start), s) for s in special if text.find(s, start) != -1]
        stop, token = min(hits, key=lambda h: (h[0], -len(h[1]))) if hits else (len(text), None)
        for chunk in regex.findall(pattern, text[start:stop]):
            ids += encode_chunk(chunk.encode("utf-8"), ranks)
        if token is None:
            break
        ids.append(special[token])
        start = stop + len(token)
    return ids
