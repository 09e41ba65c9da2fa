class EncoderLayer(nn.Module):
    def __init__(self, d_model, n_heads, d_ff, dropout=0.1, norm_first=False):
        super().__init__()
        self.pre = norm_first
        self.self_attn = MultiHeadAttention(d_model, n_heads)
        self.ffn = FeedForward(d_model, d_ff, dropout=dropout)
        self.norm1 = nn.LayerNorm(d_model)
        self.norm2 = nn.LayerNorm(d_model)
        self.drop = nn.Dropout(p=dropout)

    def forward(self, x, mask=None):
        """(B, L, d_model) -> (B, L, d_model), attention weights (B, h, L, L)."""
        weights = None

        def attention(t):
            nonlocal weights
            out, weights = self.self_attn(t, t, t, mask)
            return out

        for sublayer, norm in ((attention, self.norm1), (self.ffn, self.norm2)):
            if self.pre:
                x = x + self.drop(sublayer(norm(x)))
            else:
                x = norm(x + self.drop(sublayer(x)))
        return x, weights
