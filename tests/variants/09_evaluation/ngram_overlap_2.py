def char_ngrams(text, n):
    """zip over shifted copies of the text."""
    words = text.split()
    clean = " ".join(words)
    if not clean:
        return set()
    if len(clean) < n:
        return {clean}
    return {"".join(chars) for chars in zip(*(clean[k:] for k in range(n)))}


def ngram_overlap(text, corpus_ngrams, n):
    grams = char_ngrams(text, n)
    found = grams.intersection(corpus_ngrams)
    return float(len(found) / len(grams)) if grams else 0.0
