import torch


def repetition_penalty(logits, input_ids, penalty):
    """gather / scatter, as the library does."""
    if penalty <= 0:
        raise ValueError("penalty must be positive")
    picked = torch.gather(logits, 1, input_ids)
    picked = torch.where(picked < 0, picked * penalty, picked / penalty)
    return logits.scatter(1, input_ids, picked)
