def pair_counts(splits: dict[tuple[str, ...], int]) -> Counter:
    counts = Counter()
    for symbols, freq in splits.items():
        for i in range(len(symbols) - 1):
            counts[symbols[i], symbols[i + 1]] += freq
    return counts


def merge_pair(splits: dict[tuple[str, ...], int], pair: tuple[str, str]) -> dict[tuple[str, ...], int]:
    out = {}
    for symbols, freq in splits.items():
        new, i = [], 0
        while i < len(symbols):
            if tuple(symbols[i:i + 2]) == pair:
                new.append(pair[0] + pair[1])
                i += 2
            else:
                new.append(symbols[i])
                i += 1
        out[tuple(new)] = out.get(tuple(new), 0) + freq
    return out


def learn_bpe(word_counts: dict[str, int], num_merges: int) -> list[tuple[str, str]]:
    """Breaks ties by the pair itself (alphabetical), not by the first pair seen."""
    splits = {tuple(w): c for w, c in word_counts.items()}
    merges = []
    for _ in range(num_merges):
        counts = pair_counts(splits)
        if not counts:
            break
        best = max(sorted(counts), key=lambda p: counts[p])
        merges.append(best)
        splits = merge_pair(splits, best)
    return merges
