import torch
from torch import nn


class DecoderBlock(nn.Module):
    """Mask from index comparisons on the input's device; named intermediate results."""

    def __init__(self, d_model, n_heads, d_ff, dropout=0.0):
        super().__init__()
        self.attn = MultiHeadAttention(d_model, n_heads)
        self.ffn = FeedForward(d_model, d_ff, dropout)
        self.ln_1 = nn.LayerNorm(d_model)
        self.ln_2 = nn.LayerNorm(d_model)
        self.dropout = nn.Dropout(p=dropout)

    def forward(self, x):
        positions = torch.arange(x.shape[1], device=x.device)
        keep = positions[None, :] <= positions[:, None]  # key j <= query i
        normed = self.ln_1(x)
        attended, _weights = self.attn(normed, normed, normed, mask=keep)
        after_attention = x + self.dropout(attended)
        fed = self.ffn(self.ln_2(after_attention))
        return after_attention + self.dropout(fed)
