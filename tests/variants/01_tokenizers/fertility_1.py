# ruff: noqa: F821  (word_tokenize comes from Exercise 1's cell)
def fertility(tokenizer, texts) -> float:
    """Subword tokens per whitespace word over ``texts``."""
    with_words = [t for t in texts if word_tokenize(t)]
    words = sum(len(word_tokenize(t)) for t in with_words)
    if words == 0:
        return 0.0
    return sum(len(tokenizer.tokenize(t)) for t in with_words) / words
