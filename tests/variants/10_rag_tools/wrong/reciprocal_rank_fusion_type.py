def reciprocal_rank_fusion(rankings, k=60):
    """Wrong: returns the fused scores as a dict in ranked order (iterating it gives the ids), not a list."""
    scores = {}
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] = scores.get(doc, 0.0) + 1.0 / (k + rank)
    return {doc: scores[doc] for doc in sorted(scores, key=lambda doc: (-scores[doc], doc))}
