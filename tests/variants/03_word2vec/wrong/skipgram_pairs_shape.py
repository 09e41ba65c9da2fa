def skipgram_pairs(tokens: list[str], window: int) -> list[tuple[str, str]]:
    """The right edge of the window is exclusive (`i + window`): the farthest right-hand context word is lost."""
    pairs = []
    for i, center in enumerate(tokens):
        for j in range(max(0, i - window), min(len(tokens), i + window)):
            if j != i:
                pairs.append((center, tokens[j]))
    return pairs
