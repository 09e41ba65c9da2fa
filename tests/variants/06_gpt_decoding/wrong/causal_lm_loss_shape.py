import torch.nn.functional as F


def causal_lm_loss(logits, labels):
    """Shifts the wrong way: logits[:, t + 1] against labels[:, t], scoring each position on the token before."""
    shifted_logits = logits[:, 1:].reshape(-1, logits.shape[-1])
    shifted_labels = labels[:, :-1].reshape(-1)
    return F.cross_entropy(shifted_logits.float(), shifted_labels, ignore_index=-100)
