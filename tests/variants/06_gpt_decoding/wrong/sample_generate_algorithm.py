def sample_generate(model, input_ids, max_new_tokens, processors=(), eos_token_id=None):
    """Passes the processors to model.generate instead of writing the sampling loop."""
    from transformers import LogitsProcessorList

    return model.generate(input_ids, do_sample=True, max_new_tokens=max_new_tokens, top_k=0, top_p=1.0,
                          logits_processor=LogitsProcessorList(processors), eos_token_id=eos_token_id,
                          pad_token_id=eos_token_id)
