def bm25_scores(query_tokens, docs_tokens, k1=1.5, b=0.75):
    """A document-term count matrix over the query's vocabulary, vectorised; query counts as weights."""
    from collections import Counter

    weights = Counter(query_tokens)
    terms = list(weights)
    counts = np.array([[doc.count(t) for t in terms] for doc in docs_tokens], dtype=float)
    counts = counts.reshape(len(docs_tokens), len(terms))
    lengths = np.array([len(doc) for doc in docs_tokens], dtype=float)
    df = (counts > 0).sum(axis=0)
    idf = np.log1p((len(docs_tokens) - df + 0.5) / (df + 0.5))
    norm = k1 * (1 - b + b * lengths / lengths.mean())
    part = counts / (counts + norm[:, None])
    return part @ (idf * np.array([weights[t] for t in terms], dtype=float))
