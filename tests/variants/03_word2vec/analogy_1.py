def analogy(
    a: str, b: str, c: str, vectors: np.ndarray, index_to_key: list[str], topn: int = 1
) -> list[tuple[str, float]]:
    """Unit rows once, then the cosine with the normalised query."""
    pos = {w: i for i, w in enumerate(index_to_key)}
    ia, ib, ic = pos[a], pos[b], pos[c]
    unit = np.asarray(vectors, dtype=np.float64)
    unit = unit / np.sqrt((unit**2).sum(axis=1, keepdims=True))
    q = unit[ib] - unit[ia] + unit[ic]
    sims = unit @ q / np.linalg.norm(q)
    ranked = sorted((j for j in range(len(index_to_key)) if j not in (ia, ib, ic)), key=lambda j: (-sims[j], j))
    return [(index_to_key[j], float(sims[j])) for j in ranked[:topn]]
