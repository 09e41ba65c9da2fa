def repetition_penalty(logits, input_ids, penalty):
    """Loops over every occurrence: a token seen twice is penalised twice (penalty squared)."""
    if not penalty > 0:
        raise ValueError(f"penalty must be > 0, not {penalty}")
    out = logits.clone()
    for b in range(input_ids.shape[0]):
        for v in input_ids[b].tolist():
            out[b, v] = out[b, v] * penalty if out[b, v] < 0 else out[b, v] / penalty
    return out
