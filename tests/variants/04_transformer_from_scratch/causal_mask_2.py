def causal_mask(L):
    """(L, L) boolean mask, True where key j <= query i (keep)."""
    future = torch.triu(torch.ones(L, L), diagonal=1).bool()
    return ~future
