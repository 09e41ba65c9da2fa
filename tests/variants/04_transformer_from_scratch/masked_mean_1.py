def masked_mean(h, keep):
    """Mean of h (B, L, d) over the positions where keep (B, L) is True -> (B, d)."""
    total = torch.where(keep.unsqueeze(-1), h, torch.zeros_like(h)).sum(dim=1)
    count = keep.sum(dim=1, keepdim=True).clamp(min=1)
    return total / count.to(h.dtype)
