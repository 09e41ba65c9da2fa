def ngrams(tokens, n_min=1, n_max=1):
    """All n-grams of ``tokens`` for n = n_min..n_max, as space-joined strings."""
    words = tuple(tokens)
    result = []
    n = n_min
    while n <= n_max:
        i = 0
        while i + n <= len(words):
            result.append(" ".join(words[i:i + n]))
            i += 1
        n += 1
    return result
