def tfidf_sentence_vector(tokens: list[str], vectors, idf: dict[str, float], dim: int) -> np.ndarray:
    """Counts first (tf), then one weighted sum over the distinct tokens."""
    from collections import Counter as _Counter

    tf = _Counter(t for t in tokens if t in vectors and t in idf)
    weights = {t: n * idf[t] for t, n in tf.items()}
    total = sum(weights.values())
    if total == 0:
        return np.zeros(dim)
    return sum(w * np.asarray(vectors[t], dtype=np.float64) for t, w in weights.items()) / total
