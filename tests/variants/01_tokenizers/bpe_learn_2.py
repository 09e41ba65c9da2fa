from collections import Counter


def pair_counts(splits: dict[tuple[str, ...], int]) -> Counter:
    """Count adjacent symbol pairs, weighted by each word's count."""
    counts = Counter()
    for symbols, freq in splits.items():
        counts.update({pair: 0 for pair in zip(symbols, symbols[1:])})  # keep first-seen order
        for pair in zip(symbols, symbols[1:]):
            counts[pair] += freq
    return +counts


def _merge_symbols(symbols: tuple[str, ...], pair: tuple[str, str]) -> tuple[str, ...]:
    if len(symbols) < 2:
        return symbols
    if symbols[:2] == pair:
        return (symbols[0] + symbols[1], *_merge_symbols(symbols[2:], pair))
    return (symbols[0], *_merge_symbols(symbols[1:], pair))


def merge_pair(splits: dict[tuple[str, ...], int], pair: tuple[str, str]) -> dict[tuple[str, ...], int]:
    """A new split corpus with every occurrence of ``pair`` replaced by the merged symbol."""
    merged = Counter()
    for symbols, freq in splits.items():
        merged[_merge_symbols(symbols, tuple(pair))] += freq
    return dict(merged)


def learn_bpe(word_counts: dict[str, int], num_merges: int) -> list[tuple[str, str]]:
    """Learn up to ``num_merges`` BPE merges from word counts."""
    splits = {tuple(word): n for word, n in word_counts.items()}
    merges = []
    for _ in range(num_merges):
        counts = pair_counts(splits)
        if not counts:
            break
        top = max(counts.values())
        first_seen = [pair for symbols in splits for pair in zip(symbols, symbols[1:])]
        best = next(pair for pair in first_seen if counts[pair] == top)
        merges.append(best)
        splits = merge_pair(splits, best)
    return merges
