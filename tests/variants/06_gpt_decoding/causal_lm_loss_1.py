import torch


def causal_lm_loss(logits, labels):
    """By hand: log-softmax, gather the target log-probabilities, average over the kept positions."""
    log_probs = torch.log_softmax(logits[:, :-1].float(), dim=-1)
    targets = labels[:, 1:]
    keep = targets != -100
    picked = log_probs.gather(-1, targets.clamp(min=0).unsqueeze(-1)).squeeze(-1)
    return -(picked * keep).sum() / keep.sum()
