import math


def top_k_filter(logits, k):
    """Row by row in Python over a 2-D view."""
    if k < 1:
        raise ValueError("k must be at least 1")
    flat = logits.reshape(-1, logits.shape[-1])
    out = flat.clone()
    for row in range(flat.shape[0]):
        kth = sorted(flat[row].tolist(), reverse=True)[min(k, flat.shape[1]) - 1]
        out[row][flat[row] < kth] = -math.inf
    return out.reshape(logits.shape)
