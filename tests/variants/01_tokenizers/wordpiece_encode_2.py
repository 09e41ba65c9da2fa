def wordpiece_encode(word: str, vocab, unk_token: str = "[UNK]") -> list[str]:
    """Greedy longest-match-first WordPiece segmentation of one word."""
    pieces = []
    remaining, prefix = word, ""
    while remaining:
        end = len(remaining)
        while end and prefix + remaining[:end] not in vocab:
            end -= 1
        if not end:
            return [unk_token]
        pieces.append(prefix + remaining[:end])
        remaining, prefix = remaining[end:], "##"
    return pieces
