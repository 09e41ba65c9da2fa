def padding_mask(ids, pad_id=0):
    """(B, L) token ids -> (B, 1, 1, L) boolean mask, True at real tokens (keep), False at padding."""
    return ids.ne(pad_id).unsqueeze(1).unsqueeze(2)
