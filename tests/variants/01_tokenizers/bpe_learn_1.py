from collections import Counter, defaultdict


def pair_counts(splits: dict[tuple[str, ...], int]) -> Counter:
    """Count adjacent symbol pairs, weighted by each word's count."""
    counts = defaultdict(int)
    for symbols, freq in splits.items():
        for i in range(len(symbols) - 1):
            counts[symbols[i], symbols[i + 1]] += freq
    return Counter(counts)


def merge_pair(splits: dict[tuple[str, ...], int], pair: tuple[str, str]) -> dict[tuple[str, ...], int]:
    """A new split corpus with every occurrence of ``pair`` replaced by the merged symbol."""
    merged: dict[tuple[str, ...], int] = {}
    for symbols, freq in splits.items():
        out, skip = [], False
        for i, symbol in enumerate(symbols):
            if skip:
                skip = False
            elif i + 1 < len(symbols) and symbol == pair[0] and symbols[i + 1] == pair[1]:
                out.append(symbol + symbols[i + 1])
                skip = True
            else:
                out.append(symbol)
        key = tuple(out)
        merged[key] = merged.get(key, 0) + freq
    return merged


def learn_bpe(word_counts: dict[str, int], num_merges: int) -> list[tuple[str, str]]:
    """Learn up to ``num_merges`` BPE merges from word counts."""
    splits = {tuple(word): n for word, n in word_counts.items()}
    merges = []
    while len(merges) < num_merges:
        ranked = pair_counts(splits).most_common(1)  # stable sort: ties keep first-seen order
        if not ranked:
            break
        merges.append(ranked[0][0])
        splits = merge_pair(splits, ranked[0][0])
    return merges
