def beam_search(model, input_ids, num_beams, max_new_tokens, eos_token_id, length_penalty=1.0, early_stopping=True):
    """Calls model.generate with the same arguments instead of searching."""
    return model.generate(input_ids, num_beams=num_beams, max_new_tokens=max_new_tokens, do_sample=False,
                          eos_token_id=eos_token_id, pad_token_id=eos_token_id, length_penalty=length_penalty,
                          early_stopping=early_stopping)
