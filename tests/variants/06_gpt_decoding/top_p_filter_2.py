import math

import torch


def top_p_filter(logits, p):
    """Loop over rows and sorted positions."""
    if not (0 <= p <= 1):
        raise ValueError(p)
    flat = logits.reshape(-1, logits.shape[-1])
    out = flat.clone()
    for r in range(flat.shape[0]):
        sorted_logits, order = torch.sort(flat[r])
        cum = torch.softmax(sorted_logits, dim=-1).cumsum(-1).tolist()
        order = order.tolist()
        for j in range(len(order) - 1):
            if cum[j] <= 1 - p:
                out[r, order[j]] = -math.inf
    return out.reshape(logits.shape)
