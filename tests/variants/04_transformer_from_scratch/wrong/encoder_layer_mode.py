class EncoderLayer(nn.Module):
    """F.dropout with its default training=True: the dropout stays on in eval mode."""

    def __init__(self, d_model, n_heads, d_ff, dropout=0.1, norm_first=False):
        super().__init__()
        self.self_attn = MultiHeadAttention(d_model, n_heads)
        self.ffn = FeedForward(d_model, d_ff, dropout)
        self.norm1 = nn.LayerNorm(d_model)
        self.norm2 = nn.LayerNorm(d_model)
        self.p = dropout
        self.norm_first = norm_first

    def forward(self, x, mask=None):
        if self.norm_first:
            h = self.norm1(x)
            attn, weights = self.self_attn(h, h, h, mask)
            x = x + F.dropout(attn, self.p)
            x = x + F.dropout(self.ffn(self.norm2(x)), self.p)
        else:
            attn, weights = self.self_attn(x, x, x, mask)
            x = self.norm1(x + F.dropout(attn, self.p))
            x = self.norm2(x + F.dropout(self.ffn(x), self.p))
        return x, weights
