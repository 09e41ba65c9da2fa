import torch


def top_p_filter(logits, p):
    """Same rule, the removal mask scattered back through an inverse permutation."""
    if p < 0 or p > 1:
        raise ValueError("p must lie in [0, 1]")
    flat = logits.reshape(-1, logits.shape[-1])
    sorted_logits, order = torch.sort(flat, descending=False)
    cum = torch.cumsum(torch.softmax(sorted_logits, dim=-1), dim=-1)
    drop = cum <= (1 - p)
    drop[:, -1] = False
    inverse = torch.argsort(order, dim=-1)
    drop_original = torch.gather(drop, 1, inverse)
    return flat.masked_fill(drop_original, float("-inf")).reshape(logits.shape)
