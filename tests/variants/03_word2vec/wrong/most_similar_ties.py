def most_similar(word: str, vectors: np.ndarray, index_to_key: list[str], topn: int = 5) -> list[tuple[str, float]]:
    """Assumes the query is always ranked first (cosine 1) and drops position 0 of the ranking."""
    if word not in index_to_key:
        raise KeyError(word)
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    sims = unit @ unit[index_to_key.index(word)]
    order = np.argsort(-sims, kind="stable")[1 : topn + 1]
    return [(index_to_key[j], float(sims[j])) for j in order]
