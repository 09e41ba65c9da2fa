from collections import Counter
from itertools import pairwise


def wordpiece_scores(splits: dict[tuple[str, ...], int]) -> dict[tuple[str, str], float]:
    """WordPiece score of every adjacent pair: freq(pair) / (freq(first) * freq(second))."""
    single, pairs = Counter(), Counter()
    for symbols, freq in splits.items():
        single.update({s: 0 for s in symbols})
        for s in symbols:
            single[s] += freq
        for p in pairwise(symbols):
            pairs[p] += freq
    return {p: pairs[p] / single[p[0]] / single[p[1]] for p in pairs}
