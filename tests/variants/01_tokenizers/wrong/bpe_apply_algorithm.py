def apply_bpe(word: str, merges: list[tuple[str, str]]) -> list[str]:
    """Merges the leftmost adjacent pair that is in the merge list, again and again: the learned order is ignored."""
    learned = set(merges)
    symbols = list(word)
    merged = True
    while merged:
        merged = False
        for i in range(len(symbols) - 1):
            if (symbols[i], symbols[i + 1]) in learned:
                symbols[i:i + 2] = [symbols[i] + symbols[i + 1]]
                merged = True
                break
    return symbols
