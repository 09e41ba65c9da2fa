def completion_logprobs(model, input_ids, attention_mask, completion_mask):
    """No position ids: with left padding the real tokens start at position > 0."""
    logits = model(input_ids=input_ids, attention_mask=attention_mask).logits
    logp = logits[:, :-1].float().log_softmax(-1)
    token_logp = logp.gather(-1, input_ids[:, 1:, None]).squeeze(-1)
    return (token_logp * completion_mask[:, 1:]).sum(-1)
