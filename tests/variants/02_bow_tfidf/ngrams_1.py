from itertools import islice


def ngrams(tokens, n_min=1, n_max=1):
    """All n-grams of ``tokens`` for n = n_min..n_max, as space-joined strings."""
    return [" ".join(islice(tokens, start, start + n))
            for n in range(n_min, n_max + 1)
            for start in range(max(len(tokens) - n + 1, 0))]
