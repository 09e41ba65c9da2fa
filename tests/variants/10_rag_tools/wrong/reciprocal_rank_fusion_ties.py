def reciprocal_rank_fusion(rankings, k=60):
    """Wrong: sorted by score only, so equal scores keep the order they were first seen in."""
    scores = {}
    for ranking in rankings:
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] = scores.get(doc, 0.0) + 1.0 / (k + rank)
    return sorted(scores, key=scores.get, reverse=True)
