# ruff: noqa: F821  (get_stats and merge_ids come from Exercise 6's cell)
class ByteBPE:
    """Byte-level BPE: train on text, encode text to ids, decode ids to text."""

    def __init__(self) -> None:
        self.merges: dict[tuple[int, int], int] = {}
        self.vocab: dict[int, bytes] = {i: bytes([i]) for i in range(256)}

    def train(self, text: str, vocab_size: int) -> None:
        self.merges, self.vocab = {}, {i: bytes([i]) for i in range(256)}
        ids = list(text.encode("utf-8"))
        for new_id in range(256, vocab_size):
            stats = get_stats(ids)
            if not stats:
                return
            top = max(stats.values())
            pair = next(p for p in stats if stats[p] == top)
            ids = merge_ids(ids, pair, new_id)
            self.merges[pair] = new_id
            self.vocab[new_id] = self.vocab[pair[0]] + self.vocab[pair[1]]

    def encode(self, text: str) -> list[int]:
        ids = list(text.encode("utf-8"))
        while True:
            present = [self.merges[p] for p in zip(ids, ids[1:]) if p in self.merges]
            if not present:
                return ids
            new_id = min(present)
            pair = next(p for p, i in self.merges.items() if i == new_id)
            ids = merge_ids(ids, pair, new_id)

    def decode(self, ids: list[int]) -> str:
        return b"".join(map(self.vocab.__getitem__, ids)).decode("utf-8", "replace")
