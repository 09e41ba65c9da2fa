def skipgram_pairs(tokens: list[str], window: int) -> list[tuple[str, str]]:
    """Pairs by offset: every distance 1..window, to the left and to the right."""
    pairs = []
    for offset in range(1, window + 1):
        for i in range(len(tokens) - offset):
            pairs.append((tokens[i], tokens[i + offset]))
            pairs.append((tokens[i + offset], tokens[i]))
    return pairs
