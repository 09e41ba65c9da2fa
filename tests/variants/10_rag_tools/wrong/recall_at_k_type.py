def recall_at_k(ranked, relevant, k):
    """Wrong: NumPy's mean of hit flags gives a NumPy float, not a Python float."""
    return np.sum([doc in relevant for doc in ranked[:k]]) / len(relevant)


def reciprocal_rank(ranked, relevant):
    for rank, doc in enumerate(ranked, start=1):
        if doc in relevant:
            return 1.0 / rank
    return 0.0


def ndcg_at_k(ranked, relevant, k):
    import math

    dcg = sum(1.0 / math.log2(i + 1) for i, doc in enumerate(ranked[:k], start=1) if doc in relevant)
    ideal = sum(1.0 / math.log2(i + 1) for i in range(1, min(len(relevant), k) + 1))
    return dcg / ideal
