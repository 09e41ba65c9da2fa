def pieces_to_text(pieces: list[str]) -> str:
    """Detokenise SentencePiece pieces."""
    return "".join(pieces).replace("▁", " ").removeprefix(" ")
