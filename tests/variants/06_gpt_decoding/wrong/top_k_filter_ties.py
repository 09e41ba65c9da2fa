def top_k_filter(logits, k):
    """Keeps exactly the k indices topk returns: a token tied with the k-th value is dropped."""
    if k < 1:
        raise ValueError("k must be >= 1")
    k = min(k, logits.shape[-1])
    keep = torch.zeros_like(logits, dtype=torch.bool).scatter(-1, torch.topk(logits, k, dim=-1).indices, True)
    return logits.masked_fill(~keep, float("-inf"))
