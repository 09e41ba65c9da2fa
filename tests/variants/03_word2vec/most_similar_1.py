def most_similar(word: str, vectors: np.ndarray, index_to_key: list[str], topn: int = 5) -> list[tuple[str, float]]:
    """Normalise, score, then a stable sort on (-score, index)."""
    i = index_to_key.index(word) if word in index_to_key else None
    if i is None:
        raise KeyError(word)
    v = np.array(vectors, dtype=np.float64)
    v /= np.linalg.norm(v, axis=1)[:, None]
    scores = v @ v[i]
    ranked = sorted((j for j in range(len(index_to_key)) if j != i), key=lambda j: (-scores[j], j))
    return [(index_to_key[j], float(scores[j])) for j in ranked[:topn]]
