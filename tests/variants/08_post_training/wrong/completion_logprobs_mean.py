def completion_logprobs(model, input_ids, attention_mask, completion_mask):
    """The mean over the completion's tokens, not the sum."""
    position_ids = (attention_mask.cumsum(-1) - 1).clamp(min=0)
    logits = model(input_ids=input_ids, attention_mask=attention_mask, position_ids=position_ids).logits
    logp = logits[:, :-1].float().log_softmax(-1)
    token_logp = logp.gather(-1, input_ids[:, 1:, None]).squeeze(-1)
    mask = completion_mask[:, 1:]
    return (token_logp * mask).sum(-1) / mask.sum(-1).clamp(min=1)
