from collections import Counter
from itertools import pairwise


def get_stats(ids: list[int]) -> Counter:
    """Counts of adjacent pairs in ``ids``."""
    return Counter(pairwise(ids))


def merge_ids(ids: list[int], pair: tuple[int, int], new_id: int) -> list[int]:
    """A new list with each occurrence of ``pair`` in ``ids`` replaced by ``new_id``."""
    out: list[int] = []
    just_merged = False
    for x in ids:
        if out and not just_merged and out[-1] == pair[0] and x == pair[1]:
            out[-1] = new_id
            just_merged = True
        else:
            out.append(x)
            just_merged = False
    return out
