def analogy(a, b, c, vectors, index_to_key, topn=1):
    """gensim's recipe, spelled out: mean of the unit vectors with weights +1, +1, -1."""
    index = {w: i for i, w in enumerate(index_to_key)}
    missing = [w for w in (a, b, c) if w not in index]
    if missing:
        raise KeyError(missing[0])
    m = np.asarray(vectors, dtype=np.float64)
    unit = m / np.linalg.norm(m, axis=1, keepdims=True)
    query = (unit[index[b]] + unit[index[c]] - unit[index[a]]) / 3
    sims = unit @ query / np.linalg.norm(query)
    for w in (a, b, c):
        sims[index[w]] = -np.inf
    order = np.argsort(-sims, kind="stable")[:topn]
    return [(index_to_key[j], float(sims[j])) for j in order if np.isfinite(sims[j])]
