def tfidf_sentence_vector(tokens, vectors, idf, dim):
    """np.average with weights."""
    usable = [t for t in tokens if t in idf and t in vectors]
    weights = np.array([idf[t] for t in usable], dtype=np.float64)
    if not usable or weights.sum() == 0:
        return np.zeros(dim)
    return np.average(np.array([vectors[t] for t in usable], dtype=np.float64), axis=0, weights=weights)
