import torch
import torch.nn as nn


class LoRALinear(nn.Module):
    """merge() builds a Linear without bias: the base layer's bias is lost."""

    def __init__(self, base, r, alpha, dropout=0.0):
        super().__init__()
        self.base = base
        for p in base.parameters():
            p.requires_grad = False
        self.lora_A = nn.Linear(base.in_features, r, bias=False, device=base.weight.device, dtype=base.weight.dtype)
        self.lora_B = nn.Linear(r, base.out_features, bias=False, device=base.weight.device, dtype=base.weight.dtype)
        nn.init.zeros_(self.lora_B.weight)
        self.scaling = alpha / r
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        return self.base(x) + self.lora_B(self.lora_A(self.dropout(x))) * self.scaling

    def merge(self):
        merged = nn.Linear(self.base.in_features, self.base.out_features, bias=False)
        with torch.no_grad():
            merged.weight.copy_(self.base.weight + self.scaling * self.lora_B.weight @ self.lora_A.weight)
        return merged
