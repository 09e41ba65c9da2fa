def mask_tokens(input_ids, special_mask, prob, generator, mask_id, vocab_size):
    """BERT's MLM masking with two uniform draws per position: returns (inputs, labels)."""
    chosen = (torch.rand(input_ids.shape, generator=generator) < prob) & ~special_mask
    how = torch.rand(input_ids.shape, generator=generator)  # < 0.8: [MASK], < 0.9: random, else unchanged
    random_ids = torch.randint(0, vocab_size, input_ids.shape, generator=generator).to(input_ids.dtype)
    inputs = input_ids.clone()
    inputs[chosen & (how < 0.8)] = mask_id
    swap = chosen & (how >= 0.8) & (how < 0.9)
    inputs[swap] = random_ids[swap]
    labels = input_ids.clone()
    labels[~chosen] = -100
    return inputs, labels
