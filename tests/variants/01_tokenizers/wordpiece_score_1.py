from collections import defaultdict


def wordpiece_scores(splits: dict[tuple[str, ...], int]) -> dict[tuple[str, str], float]:
    """WordPiece score of every adjacent pair: freq(pair) / (freq(first) * freq(second))."""
    single: dict[str, int] = defaultdict(int)
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    for symbols, freq in splits.items():
        for i, symbol in enumerate(symbols):
            single[symbol] += freq
            if i + 1 < len(symbols):
                pairs[symbol, symbols[i + 1]] += freq
    scores = {}
    for (a, b), f in pairs.items():
        scores[a, b] = float(f) / (single[a] * single[b])
    return scores
