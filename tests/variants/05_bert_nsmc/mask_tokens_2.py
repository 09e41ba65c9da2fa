def mask_tokens(input_ids, special_mask, prob, generator, mask_id, vocab_size):
    """BERT's MLM masking, drawing only as many random ids as needed: returns (inputs, labels)."""
    flat_ids = input_ids.reshape(-1)
    candidates = (~special_mask.reshape(-1)).nonzero().flatten()
    keep = torch.bernoulli(torch.full((len(candidates),), float(prob)), generator=generator).bool()
    chosen = candidates[keep]
    kind = torch.multinomial(torch.tensor([0.8, 0.1, 0.1]), len(chosen), replacement=True, generator=generator) \
        if len(chosen) else torch.zeros(0, dtype=torch.long)
    inputs = flat_ids.clone()
    labels = torch.full_like(flat_ids, -100)
    labels[chosen] = flat_ids[chosen]
    inputs[chosen[kind == 0]] = mask_id
    n_random = int((kind == 1).sum())
    inputs[chosen[kind == 1]] = torch.randint(vocab_size, (n_random,), generator=generator, dtype=input_ids.dtype)
    return inputs.reshape(input_ids.shape), labels.reshape(input_ids.shape)
