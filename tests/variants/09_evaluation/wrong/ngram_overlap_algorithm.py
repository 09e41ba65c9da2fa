def char_ngrams(text, n):
    text = " ".join(text.split())
    if not text:
        return set()
    if len(text) < n:
        return {text}
    return {text[i:i + n] for i in range(len(text) - n + 1)}


def ngram_overlap(text, corpus_ngrams, n):
    """Counts every n-gram occurrence (a list), so a repeated n-gram weighs more than the distinct ones."""
    text = " ".join(text.split())
    grams = [text[i:i + n] for i in range(len(text) - n + 1)] if len(text) >= n else [text] if text else []
    return sum(g in corpus_ngrams for g in grams) / len(grams) if grams else 0.0
