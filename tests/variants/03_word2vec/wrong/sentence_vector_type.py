def sentence_vector(tokens: list[str], vectors, dim: int) -> np.ndarray:
    """Right mean, but the empty case returns integer zeros."""
    known = [vectors[t] for t in tokens if t in vectors]
    if len(known) == 0:
        return np.array([0] * dim)
    return np.mean(known, axis=0)
