def most_similar(word, vectors, index_to_key, topn=5):
    """Cosine by hand, the query masked with -inf."""
    lookup = dict(zip(index_to_key, range(len(index_to_key))))
    q = lookup[word]  # KeyError for an unknown word
    m = np.asarray(vectors, dtype=np.float64)
    cos = (m @ m[q]) / (np.linalg.norm(m, axis=1) * np.linalg.norm(m[q]))
    cos[q] = -np.inf
    order = np.argsort(-cos, kind="mergesort")[: min(topn, len(index_to_key) - 1)]
    return [(index_to_key[j], cos[j].item()) for j in order]
