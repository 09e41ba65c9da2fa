def greedy_generate(model, input_ids, max_new_tokens, attention_mask=None, eos_token_id=None, pad_token_id=None):
    """Hands the whole job to model.generate instead of writing the decoding loop."""
    if attention_mask is None:
        attention_mask = torch.ones_like(input_ids)
    pad = eos_token_id if pad_token_id is None else pad_token_id
    return model.generate(input_ids, attention_mask=attention_mask, max_new_tokens=max_new_tokens, do_sample=False,
                          eos_token_id=eos_token_id, pad_token_id=pad)
