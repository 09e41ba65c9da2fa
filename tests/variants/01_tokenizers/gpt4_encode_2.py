import regex as re2


def encode_chunk(chunk: bytes, ranks: dict[bytes, int]) -> list[int]:
    """Rank-based BPE on one pre-split chunk."""
    parts = list(map(lambda b: bytes([b]), chunk))
    while len(parts) > 1:
        i = min(range(len(parts) - 1), key=lambda j: ranks.get(parts[j] + parts[j + 1], float("inf")))
        if parts[i] + parts[i + 1] not in ranks:
            break
        parts = parts[:i] + [parts[i] + parts[i + 1]] + parts[i + 2 :]
    return [ranks[p] for p in parts]


def gpt4_encode(text: str, ranks: dict[bytes, int], pattern: str, special: dict[str, int] | None = None) -> list[int]:
    """Split off special tokens, split the rest with ``pattern`` and BPE-encode every chunk."""
    if special:
        alternatives = "|".join(re2.escape(s) for s in sorted(special, key=len, reverse=True))
        pieces = re2.split(f"({alternatives})", text)
    else:
        pieces = [text]
    out = []
    for k, piece in enumerate(pieces):
        if k % 2:  # odd pieces are the separators the capture group kept: special tokens
            out.append(special[piece])
        else:
            out.extend(i for chunk in re2.findall(pattern, piece) for i in encode_chunk(chunk.encode(), ranks))
    return out
