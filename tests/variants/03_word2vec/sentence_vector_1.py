def sentence_vector(tokens: list[str], vectors, dim: int) -> np.ndarray:
    """A running sum and a count."""
    total, count = np.zeros(dim), 0
    for t in tokens:
        if t in vectors:
            total = total + np.asarray(vectors[t], dtype=float)
            count += 1
    return total / count if count else total
