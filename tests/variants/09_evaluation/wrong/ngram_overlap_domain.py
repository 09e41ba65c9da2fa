def char_ngrams(text, n):
    """Checks the length before collapsing the whitespace: a short text padded with spaces gives no n-gram."""
    if len(text) < n:
        text = " ".join(text.split())
        return {text} if text else set()
    text = " ".join(text.split())
    return {text[i:i + n] for i in range(len(text) - n + 1)}


def ngram_overlap(text, corpus_ngrams, n):
    grams = char_ngrams(text, n)
    return len(grams & corpus_ngrams) / len(grams) if grams else 0.0
