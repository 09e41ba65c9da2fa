import math


def scaled_dot_product_attention(q, k, v, mask=None):
    """Masks where the mask is True: the convention reversed (True means keep in this lab)."""
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))
    if mask is not None:
        scores = scores.masked_fill(mask, float("-inf"))
    weights = scores.softmax(dim=-1)
    return weights @ v, weights
