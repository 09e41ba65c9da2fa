class EncoderLayer(nn.Module):
    def __init__(self, d_model, n_heads, d_ff, dropout=0.1, norm_first=False):
        super().__init__()
        self.self_attn = MultiHeadAttention(d_model, n_heads)
        self.ffn = FeedForward(d_model, d_ff, dropout)
        self.norm1, self.norm2 = nn.LayerNorm(d_model), nn.LayerNorm(d_model)
        self.dropout1, self.dropout2 = nn.Dropout(dropout), nn.Dropout(dropout)
        self.norm_first = norm_first

    def _attention_block(self, x, mask):
        out, weights = self.self_attn(x, x, x, mask=mask)
        return self.dropout1(out), weights

    def _feed_forward_block(self, x):
        return self.dropout2(self.ffn(x))

    def forward(self, x, mask=None):
        """(B, L, d_model) -> (B, L, d_model), attention weights (B, h, L, L)."""
        if self.norm_first:
            attn, weights = self._attention_block(self.norm1(x), mask)
            x = x + attn
            return x + self._feed_forward_block(self.norm2(x)), weights
        attn, weights = self._attention_block(x, mask)
        x = self.norm1(x + attn)
        return self.norm2(x + self._feed_forward_block(x)), weights
