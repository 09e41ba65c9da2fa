import torch


def apply_temperature(logits, temperature):
    """torch.div into a fresh tensor."""
    if not (temperature > 0):
        raise ValueError(f"bad temperature {temperature}")
    return torch.div(logits, temperature)
