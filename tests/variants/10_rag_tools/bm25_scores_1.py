def bm25_scores(query_tokens, docs_tokens, k1=1.5, b=0.75):
    """Counter per document, plain Python loops, math.log."""
    import math
    from collections import Counter

    tfs = [Counter(doc) for doc in docs_tokens]
    n = len(docs_tokens)
    avgdl = sum(len(doc) for doc in docs_tokens) / n
    out = []
    for tf, doc in zip(tfs, docs_tokens):
        score = 0.0
        for token in query_tokens:
            df = sum(1 for other in tfs if token in other)
            if df == 0 or tf[token] == 0:
                continue
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            score += idf * tf[token] / (tf[token] + k1 * (1 - b + b * len(doc) / avgdl))
        out.append(score)
    return np.array(out)
