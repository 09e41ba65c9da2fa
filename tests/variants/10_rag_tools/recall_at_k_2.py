def recall_at_k(ranked, relevant, k):
    """Set intersection, float() around it."""
    return float(len(relevant.intersection(ranked[:k])) / len(relevant))


def reciprocal_rank(ranked, relevant):
    """next() over the ranks."""
    return next((1 / rank for rank, doc in enumerate(ranked, 1) if doc in relevant), 0.0)


def ndcg_at_k(ranked, relevant, k):
    """DCG of the ranking over DCG of the ideal one, both by one helper."""
    import math

    def dcg(flags):
        return sum(flag / math.log2(i + 2) for i, flag in enumerate(flags))

    return dcg([doc in relevant for doc in ranked[:k]]) / dcg([1] * min(len(relevant), k))
