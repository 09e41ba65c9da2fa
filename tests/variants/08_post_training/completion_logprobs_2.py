import torch


def completion_logprobs(model, input_ids, attention_mask, completion_mask):
    """Log-softmax as logits minus logsumexp; masks with torch.where."""
    pos = attention_mask.long().cumsum(1).sub(1).clamp_min(0)
    logits = model(input_ids=input_ids, attention_mask=attention_mask, position_ids=pos).logits.float()
    logits, targets, keep = logits[:, :-1], input_ids[:, 1:], completion_mask[:, 1:].bool()
    picked = torch.gather(logits, 2, targets.unsqueeze(2)).squeeze(2) - torch.logsumexp(logits, dim=2)
    return torch.where(keep, picked, torch.zeros_like(picked)).sum(1)
