import torch


def top_k_filter(logits, k):
    """Sort descending and take the k-th value as the threshold."""
    if k < 1:
        raise ValueError("k must be >= 1")
    values, _ = torch.sort(logits, dim=-1, descending=True)
    threshold = values[..., min(k, logits.shape[-1]) - 1].unsqueeze(-1)
    return torch.where(logits >= threshold, logits, torch.full_like(logits, float("-inf")))
