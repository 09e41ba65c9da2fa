def padding_mask(ids, pad_id=0):
    """Adds one axis only: (B, 1, L), which does not broadcast over the heads and queries as (B, 1, 1, L)."""
    return (ids != pad_id).unsqueeze(1)
