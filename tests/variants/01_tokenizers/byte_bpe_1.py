# ruff: noqa: F821  (get_stats and merge_ids come from Exercise 6's cell)
class ByteBPE:
    """Byte-level BPE: train on text, encode text to ids, decode ids to text."""

    def __init__(self) -> None:
        self.merges: dict[tuple[int, int], int] = {}
        self.vocab: dict[int, bytes] = {i: bytes([i]) for i in range(256)}

    def train(self, text: str, vocab_size: int) -> None:
        ids = list(text.encode("utf-8"))
        merges: dict[tuple[int, int], int] = {}
        while 256 + len(merges) < vocab_size:
            ranked = get_stats(ids).most_common(1)
            if not ranked:
                break
            pair, new_id = ranked[0][0], 256 + len(merges)
            merges[pair] = new_id
            ids = merge_ids(ids, pair, new_id)
        self.merges = merges
        self.vocab = {i: bytes([i]) for i in range(256)}
        for (a, b), i in merges.items():
            self.vocab[i] = self.vocab[a] + self.vocab[b]

    def encode(self, text: str) -> list[int]:
        ids = list(text.encode("utf-8"))
        for pair, new_id in self.merges.items():  # learned order: the same as lowest id first
            ids = merge_ids(ids, pair, new_id)
        return ids

    def decode(self, ids: list[int]) -> str:
        data = bytearray()
        for i in ids:
            data.extend(self.vocab[i])
        return bytes(data).decode("utf-8", errors="replace")
