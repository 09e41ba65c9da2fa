from collections import Counter


def wordpiece_scores(splits: dict[tuple[str, ...], int]) -> dict[tuple[str, str], float]:
    """Weights the pair counts by word count but counts each symbol once per occurrence, ignoring the word count."""
    symbol_freq, pair_freq = Counter(), Counter()
    for symbols, freq in splits.items():
        for s in symbols:
            symbol_freq[s] += 1
        for pair in zip(symbols, symbols[1:]):
            pair_freq[pair] += freq
    return {p: f / (symbol_freq[p[0]] * symbol_freq[p[1]]) for p, f in pair_freq.items()}
