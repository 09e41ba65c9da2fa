def apply_bpe(word: str, merges: list[tuple[str, str]]) -> list[str]:
    """Segment ``word`` with learned merges: repeatedly merge the present pair learned earliest (its rank)."""
    rank: dict[tuple[str, str], int] = {}
    for i, pair in enumerate(merges):
        rank.setdefault(tuple(pair), i)
    symbols = list(word)
    while len(symbols) > 1:
        present = [(rank[p], i) for i, p in enumerate(zip(symbols, symbols[1:])) if p in rank]
        if not present:
            break
        _, i = min(present)
        symbols[i : i + 2] = [symbols[i] + symbols[i + 1]]
    return symbols
