"""ngrams with the zip-of-shifted-lists idiom, one n at a time."""


def ngrams(tokens, n_min=1, n_max=1):
    out = []
    for n in range(n_min, n_max + 1):
        out += [" ".join(gram) for gram in zip(*(tokens[k:] for k in range(n)))]
    return out
