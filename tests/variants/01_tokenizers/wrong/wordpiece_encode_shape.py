def wordpiece_encode(word: str, vocab, unk_token: str = "[UNK]") -> list[str]:
    """Keeps the pieces found before a dead end and appends [UNK], instead of [UNK] for the whole word."""
    pieces, start = [], 0
    while start < len(word):
        for end in range(len(word), start, -1):
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                pieces.append(piece)
                start = end
                break
        else:
            pieces.append(unk_token)
            break
    return pieces
