def pieces_to_text(pieces: list[str]) -> str:
    """Detokenise SentencePiece pieces."""
    chars = [" " if ch == "\u2581" else ch for piece in pieces for ch in piece]
    if chars and chars[0] == " ":
        del chars[0]
    return "".join(chars)
