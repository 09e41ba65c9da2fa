def wordpiece_encode(word: str, vocab, unk_token: str = "[UNK]") -> list[str]:
    """Greedy longest-match-first WordPiece segmentation of one word."""

    def rest(start: int) -> list[str] | None:
        if start == len(word):
            return []
        best = None
        for end in range(start + 1, len(word) + 1):  # keep the longest match
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                best = (end, piece)
        if best is None:
            return None
        tail = rest(best[0])
        return None if tail is None else [best[1], *tail]

    pieces = rest(0)
    return [unk_token] if pieces is None else pieces
