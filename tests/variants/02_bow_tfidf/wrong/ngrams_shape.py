def ngrams(tokens, n_min=1, n_max=1):
    """Stops at n = len(tokens) - 1: an n-gram as long as the whole text is missed."""
    out = []
    for n in range(n_min, n_max + 1):
        for i in range(len(tokens) - n):
            out.append(" ".join(tokens[i:i + n]))
    return out
