def fertility(tokenizer, texts) -> float:
    """Right ratio, but integer 0 when there is no word."""
    words = sum(len(t.split()) for t in texts)
    tokens = sum(len(tokenizer.tokenize(t)) for t in texts if t.split())
    if words == 0:
        return 0
    return tokens / words
