def most_similar(word: str, vectors: np.ndarray, index_to_key: list[str], topn: int = 5) -> list[tuple[str, float]]:
    """Right ranking, but the cosines stay NumPy float32 scalars instead of Python floats."""
    if word not in index_to_key:
        raise KeyError(word)
    i = index_to_key.index(word)
    norms = np.linalg.norm(vectors, axis=1)
    sims = (vectors @ vectors[i]) / (norms * norms[i])
    result = []
    for j in np.argsort(-sims, kind="stable"):
        if j != i:
            result.append((index_to_key[j], sims[j]))
    return result[:topn]
