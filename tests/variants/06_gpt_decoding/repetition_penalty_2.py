def repetition_penalty(logits, input_ids, penalty):
    """Per row, over the set of distinct ids, in Python."""
    if not penalty > 0:
        raise ValueError("penalty must be > 0")
    out = logits.clone()
    for b in range(logits.shape[0]):
        for v in set(input_ids[b].tolist()):
            value = logits[b, v]
            out[b, v] = value * penalty if value < 0 else value / penalty
    return out
