class MultiHeadAttention(nn.Module):
    def __init__(self, d_model, n_heads):
        super().__init__()
        if d_model % n_heads:
            raise ValueError(f"d_model={d_model} is not divisible by n_heads={n_heads}")
        self.n_heads, self.d_k = n_heads, d_model // n_heads
        self.w_q = nn.Linear(d_model, d_model)
        self.w_k = nn.Linear(d_model, d_model)
        self.w_v = nn.Linear(d_model, d_model)
        self.w_o = nn.Linear(d_model, d_model)

    def forward(self, query, key, value, mask=None):
        """Splits the heads with one `view(B, h, L, d_k)` instead of view(B, L, h, d_k) + transpose: the heads mix
        positions and features."""
        B, L_q, d_model = query.shape

        def split(x):
            return x.view(B, self.n_heads, x.size(1), self.d_k)

        out, weights = scaled_dot_product_attention(split(self.w_q(query)), split(self.w_k(key)),
                                                    split(self.w_v(value)), mask)
        return self.w_o(out.transpose(1, 2).reshape(B, L_q, d_model)), weights
