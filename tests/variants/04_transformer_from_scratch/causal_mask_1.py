def causal_mask(L):
    """(L, L) boolean mask, True where key j <= query i (keep)."""
    positions = torch.arange(L)
    return positions[:, None] >= positions[None, :]
