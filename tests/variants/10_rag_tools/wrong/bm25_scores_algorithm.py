def bm25_scores(query_tokens, docs_tokens, k1=1.5, b=0.75):
    """Wrong: Robertson's idf log((N - n + 0.5) / (n + 0.5)), without the 1 +, which goes negative for common words."""
    n_docs = len(docs_tokens)
    lengths = np.array([len(d) for d in docs_tokens], dtype=np.float64)
    avgdl = lengths.mean()
    scores = np.zeros(n_docs)
    for token in query_tokens:
        df = sum(token in d for d in docs_tokens)
        if df == 0:
            continue
        idf = np.log((n_docs - df + 0.5) / (df + 0.5))
        tf = np.array([d.count(token) for d in docs_tokens], dtype=np.float64)
        scores += idf * tf / (tf + k1 * (1 - b + b * lengths / avgdl))
    return scores
