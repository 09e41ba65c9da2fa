def tokens_per_char(text: str, enc) -> float:
    """Tokens per character of ``text`` under a tiktoken encoding."""
    try:
        return len(enc.encode(text)) / len(text)
    except ZeroDivisionError:
        return 0.0
