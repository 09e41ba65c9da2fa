import torch


def causal_mask(L):
    """The right lower triangle, but a float tensor of ones and zeros, not a boolean one."""
    return torch.tril(torch.ones(L, L))
