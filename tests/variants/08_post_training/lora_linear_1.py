import torch
import torch.nn as nn
import torch.nn.functional as F


class LoRALinear(nn.Module):
    """Weights as parameters of the sub-layers, forward with F.linear, merge by deepcopy of the shapes."""

    def __init__(self, base, r, alpha, dropout=0.0):
        super().__init__()
        base.weight.requires_grad_(False)
        if base.bias is not None:
            base.bias.requires_grad_(False)
        self.base = base
        self.lora_A = nn.Linear(base.in_features, r, bias=False).to(base.weight)
        self.lora_B = nn.Linear(r, base.out_features, bias=False).to(base.weight)
        with torch.no_grad():
            self.lora_B.weight.zero_()
        self.scaling = float(alpha) / r
        self.dropout = nn.Dropout(p=dropout)

    def forward(self, x):
        update = F.linear(F.linear(self.dropout(x), self.lora_A.weight), self.lora_B.weight)
        return self.base(x) + self.scaling * update

    def merge(self):
        delta = self.scaling * torch.matmul(self.lora_B.weight, self.lora_A.weight)
        out = nn.Linear(self.base.in_features, self.base.out_features, bias=self.base.bias is not None)
        out.weight = nn.Parameter((self.base.weight + delta).detach().clone())
        if self.base.bias is not None:
            out.bias = nn.Parameter(self.base.bias.detach().clone())
        return out.to(self.base.weight)
