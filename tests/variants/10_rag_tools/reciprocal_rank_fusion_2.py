def reciprocal_rank_fusion(rankings, k=60):
    """Rank dictionaries per list; every document's sum over the lists that hold it."""
    positions = [{doc: rank for rank, doc in enumerate(ranking, 1)} for ranking in rankings]
    docs = {doc for ranking in rankings for doc in ranking}
    fused = {doc: sum(1 / (k + p[doc]) for p in positions if doc in p) for doc in docs}
    return [doc for _, doc in sorted((-score, doc) for doc, score in fused.items())]
