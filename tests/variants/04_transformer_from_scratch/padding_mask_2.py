def padding_mask(ids, pad_id=0):
    """(B, L) token ids -> (B, 1, 1, L) boolean mask, True at real tokens (keep), False at padding."""
    keep = torch.ones(ids.shape, dtype=torch.bool)
    keep[ids == pad_id] = False
    B, L = ids.shape
    return keep.view(B, 1, 1, L)
