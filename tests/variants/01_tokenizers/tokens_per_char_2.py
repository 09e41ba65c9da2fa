def tokens_per_char(text: str, enc) -> float:
    """Tokens per character of ``text`` under a tiktoken encoding."""
    if not text:
        return 0.0
    n_tokens = len(enc.encode_ordinary(text))
    return float(n_tokens) / float(len(text))
