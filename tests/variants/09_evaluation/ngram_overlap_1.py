import re


def char_ngrams(text, n):
    """A regex collapses the whitespace."""
    clean = re.sub(r"\s+", " ", text).strip()
    if len(clean) < n:
        return {clean} if clean else set()
    return set(clean[i:i + n] for i in range(len(clean) - n + 1))


def ngram_overlap(text, corpus_ngrams, n):
    grams = char_ngrams(text, n)
    if not grams:
        return 0.0
    return sum(g in corpus_ngrams for g in grams) / len(grams)
