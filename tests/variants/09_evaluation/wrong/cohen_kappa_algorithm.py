from collections import Counter


def cohen_kappa(labels_a, labels_b):
    """Chance agreement from the two raters' pooled labels (Scott's pi), not from each rater's own distribution."""
    n = len(labels_a)
    p_o = sum(a == b for a, b in zip(labels_a, labels_b)) / n
    pooled = Counter(labels_a) + Counter(labels_b)
    p_e = sum((count / (2 * n)) ** 2 for count in pooled.values())
    if p_e == 1:
        return 1.0
    return float((p_o - p_e) / (1 - p_e))
