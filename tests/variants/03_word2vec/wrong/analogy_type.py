def analogy(a: str, b: str, c: str, vectors: np.ndarray, index_to_key: list[str], topn: int = 1) -> list:
    """Right words, but the cosines are NumPy scalars (np.float64 from the array), not Python floats."""
    idx = {w: i for i, w in enumerate(index_to_key)}
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    q = unit[idx[b]] - unit[idx[a]] + unit[idx[c]]
    sims = (unit @ q) / np.linalg.norm(q)
    ranked = [i for i in np.argsort(-sims, kind="stable") if index_to_key[i] not in (a, b, c)]
    return [(index_to_key[i], sims[i]) for i in ranked[:topn]]
