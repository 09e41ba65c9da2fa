import torch
import torch.nn as nn


class DecoderBlock(nn.Module):
    """The two sub-layers as one loop of (norm, sub-layer) pairs; the mask from triu."""

    def __init__(self, d_model, n_heads, d_ff, dropout=0.0):
        super().__init__()
        self.ln_1, self.ln_2 = nn.LayerNorm(d_model), nn.LayerNorm(d_model)
        self.attn = MultiHeadAttention(d_model, n_heads)
        self.ffn = FeedForward(d_model, d_ff, dropout)
        self.dropout = nn.Dropout(dropout)

    def _self_attention(self, h):
        L = h.size(-2)
        future = torch.triu(torch.ones(L, L, dtype=torch.bool), diagonal=1)
        return self.attn(h, h, h, ~future)[0]

    def forward(self, x):
        out = x
        for norm, sublayer in ((self.ln_1, self._self_attention), (self.ln_2, self.ffn)):
            out = out + self.dropout(sublayer(norm(out)))
        return out
