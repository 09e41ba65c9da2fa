def skipgram_pairs(tokens, window):
    """A comprehension over all position pairs."""
    n = len(tokens)
    return [(tokens[i], tokens[j]) for i in range(n) for j in range(n) if i != j and abs(i - j) <= window]
