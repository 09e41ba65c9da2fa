def cohen_kappa(labels_a, labels_b):
    """Takes chance agreement as 1/K for the K labels seen, ignoring how often each rater uses each label."""
    n = len(labels_a)
    p_o = sum(a == b for a, b in zip(labels_a, labels_b)) / n
    p_e = 1 / len(set(labels_a) | set(labels_b))
    if p_e == 1:
        return 1.0
    return float((p_o - p_e) / (1 - p_e))
