def reciprocal_rank_fusion(rankings, k=60):
    """defaultdict of scores, then sort by id and a stable sort by score."""
    from collections import defaultdict

    scores = defaultdict(float)
    for ranking in rankings:
        for i, doc in enumerate(ranking):
            scores[doc] += 1 / (k + i + 1)
    return sorted(sorted(scores), key=scores.__getitem__, reverse=True)
