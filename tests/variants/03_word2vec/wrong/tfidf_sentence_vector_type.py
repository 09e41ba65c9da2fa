def tfidf_sentence_vector(tokens: list[str], vectors, idf: dict[str, float], dim: int) -> np.ndarray:
    """Right weighted mean, but integer zeros when nothing is usable."""
    num, den = np.zeros(dim, dtype=int), 0
    for t in tokens:
        if t in vectors and t in idf:
            num = num + idf[t] * np.asarray(vectors[t])
            den += idf[t]
    if den == 0:
        return num
    return num / den
