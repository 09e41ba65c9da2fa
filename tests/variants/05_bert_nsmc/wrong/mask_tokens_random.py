def mask_tokens(input_ids, special_mask, prob, generator, mask_id, vocab_size):
    """Random replacement ids drawn from 1..vocab_size-1: id 0 can never appear."""
    labels = input_ids.clone()
    inputs = input_ids.clone()
    chosen = (torch.rand(input_ids.shape, generator=generator) < prob) & ~special_mask
    labels[~chosen] = -100
    r = torch.rand(input_ids.shape, generator=generator)
    masked = chosen & (r < 0.8)
    randomised = chosen & (r >= 0.8) & (r < 0.9)
    inputs[masked] = mask_id
    random_ids = torch.randint(1, vocab_size, input_ids.shape, generator=generator, dtype=input_ids.dtype)
    inputs[randomised] = random_ids[randomised]
    return inputs, labels
