def tokens_per_char(text: str, enc) -> float:
    """Integer 0 for the empty text."""
    if not text:
        return 0
    return len(enc.encode(text)) / len(text)
