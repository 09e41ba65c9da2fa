def cohen_kappa(labels_a, labels_b):
    """Shares of each label per rater, as plain dicts."""
    a, b = list(labels_a), list(labels_b)
    n = len(a)
    share_a = {k: a.count(k) / n for k in set(a)}
    share_b = {k: b.count(k) / n for k in set(b)}
    p_o = sum(1 for x, y in zip(a, b) if x == y) / n
    p_e = sum(share_a[k] * share_b.get(k, 0.0) for k in share_a)
    return 1.0 if p_e == 1 else (p_o - p_e) / (1 - p_e)
