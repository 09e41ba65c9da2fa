import copy

import torch
from torch import nn


class LoRALinear(nn.Module):
    """Freezes with requires_grad_ on the module, merges into a deep copy of base."""

    def __init__(self, base, r, alpha, dropout=0.0):
        super().__init__()
        self.base = base.requires_grad_(False)
        self.r, self.alpha = r, alpha
        self.scaling = alpha / r
        self.lora_A = nn.Linear(base.in_features, r, bias=False, device=base.weight.device, dtype=base.weight.dtype)
        self.lora_B = nn.Linear(r, base.out_features, bias=False, device=base.weight.device, dtype=base.weight.dtype)
        self.lora_B.weight.data.fill_(0.0)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        h = self.lora_A(self.dropout(x))
        return self.base(x) + self.scaling * self.lora_B(h)

    @torch.no_grad()
    def merge(self):
        merged = copy.deepcopy(self.base)
        merged.weight += self.scaling * (self.lora_B.weight @ self.lora_A.weight)
        return merged
