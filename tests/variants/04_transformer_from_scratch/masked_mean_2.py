def masked_mean(h, keep):
    """Mean of h (B, L, d) over the positions where keep (B, L) is True -> (B, d)."""
    weights = keep.to(h.dtype)
    counts = torch.maximum(weights.sum(1), torch.ones((), dtype=h.dtype))
    return torch.einsum("bl,bld->bd", weights, h) / counts[:, None]
