from collections import Counter


def get_stats(ids: list[int]) -> Counter:
    """Counts of adjacent pairs in ``ids``."""
    stats = Counter()
    for i in range(len(ids) - 1):
        stats[ids[i], ids[i + 1]] += 1
    return stats


def merge_ids(ids: list[int], pair: tuple[int, int], new_id: int) -> list[int]:
    """A new list with each occurrence of ``pair`` in ``ids`` replaced by ``new_id``."""
    merged, i = [], 0
    while i < len(ids):
        if ids[i : i + 2] == list(pair):
            merged.append(new_id)
            i += 2
        else:
            merged.append(ids[i])
            i += 1
    return merged
