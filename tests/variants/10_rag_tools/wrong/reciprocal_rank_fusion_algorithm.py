def reciprocal_rank_fusion(rankings, k=60):
    """Wrong: ranks counted from 0, so the first of a list gets 1 / k."""
    scores = {}
    for ranking in rankings:
        for rank, doc in enumerate(ranking):
            scores[doc] = scores.get(doc, 0.0) + 1.0 / (k + rank) if k + rank else scores.get(doc, 0.0) + 1.0
    return sorted(scores, key=lambda doc: (-scores[doc], doc))
