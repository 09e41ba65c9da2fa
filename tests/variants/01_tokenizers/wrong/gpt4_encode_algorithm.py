import regex


def encode_chunk(chunk: bytes, ranks: dict[bytes, int]) -> list[int]:
    """Merges the leftmost pair that has a rank, not the pair with the lowest rank."""
    parts = [bytes([b]) for b in chunk]
    merged = True
    while merged and len(parts) >= 2:
        merged = False
        for i in range(len(parts) - 1):
            if parts[i] + parts[i + 1] in ranks:
                parts[i : i + 2] = [parts[i] + parts[i + 1]]
                merged = True
                break
    return [ranks[p] for p in parts]


def gpt4_encode(text: str, ranks: dict[bytes, int], pattern: str, special: dict[str, int] | None = None) -> list[int]:
    parts = [text]
    if special:
        parts = regex.split("(" + "|".join(regex.escape(s) for s in special) + ")", text)
    ids = []
    for part in parts:
        if special and part in special:
            ids.append(special[part])
            continue
        for chunk in regex.findall(pattern, part):
            ids.extend(encode_chunk(chunk.encode("utf-8"), ranks))
    return ids
