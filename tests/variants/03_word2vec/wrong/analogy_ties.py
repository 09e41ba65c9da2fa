def analogy(a: str, b: str, c: str, vectors: np.ndarray, index_to_key: list[str], topn: int = 1) -> list:
    """Leaves out b and c but forgets a (far from b - a + c, so it only shows up with a large topn)."""
    for w in (a, b, c):
        if w not in index_to_key:
            raise KeyError(w)
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    ia, ib, ic = (index_to_key.index(w) for w in (a, b, c))
    q = unit[ib] - unit[ia] + unit[ic]
    sims = unit @ q / np.linalg.norm(q)
    out = [(index_to_key[j], float(sims[j])) for j in np.argsort(-sims, kind="stable") if j not in (ib, ic)]
    return out[:topn]
