import torch


def top_p_filter(logits, p):
    """Sorts descending and removes where the cumulative sum passes p: the token that crosses p is removed too."""
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p must be in [0, 1], not {p}")
    sorted_logits, order = torch.sort(logits, descending=True)
    remove_sorted = sorted_logits.softmax(dim=-1).cumsum(dim=-1) > p
    remove_sorted[..., 0] = False
    remove = remove_sorted.scatter(-1, order, remove_sorted)
    return logits.masked_fill(remove, float("-inf"))
