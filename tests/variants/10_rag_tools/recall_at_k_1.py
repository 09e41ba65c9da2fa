def recall_at_k(ranked, relevant, k):
    """Count the hits in the top k."""
    return sum(1 for doc in ranked[:k] if doc in relevant) / len(relevant)


def reciprocal_rank(ranked, relevant):
    """The first hit's index, if any."""
    hits = [i for i, doc in enumerate(ranked) if doc in relevant]
    return 1.0 / (hits[0] + 1) if hits else 0.0


def ndcg_at_k(ranked, relevant, k):
    """NumPy discounts."""
    gains = np.array([doc in relevant for doc in ranked[:k]], dtype=float)
    discounts = 1 / np.log2(np.arange(2, k + 2))
    ideal = discounts[: min(len(relevant), k)].sum()
    return float((gains * discounts[: len(gains)]).sum() / ideal)
