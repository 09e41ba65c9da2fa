class DecoderBlock(nn.Module):
    def __init__(self, d_model, n_heads, d_ff, dropout=0.0):
        super().__init__()
        self.ln_1 = nn.LayerNorm(d_model)
        self.attn = MultiHeadAttention(d_model, n_heads)
        self.ln_2 = nn.LayerNorm(d_model)
        self.ffn = FeedForward(d_model, d_ff, dropout)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x):
        """Post-norm (the original Transformer's order): layer norm after each residual sum, not before."""
        attn, _ = self.attn(x, x, x, causal_mask(x.size(1)))
        x = self.ln_1(x + self.dropout(attn))
        return self.ln_2(x + self.dropout(self.ffn(x)))
