def sentence_vector(tokens, vectors, dim):
    """Stack the known vectors and average them."""
    rows = [vectors[t] for t in tokens if t in vectors]
    return np.vstack(rows).astype(np.float64).mean(axis=0) if rows else np.zeros(dim, dtype=np.float64)
