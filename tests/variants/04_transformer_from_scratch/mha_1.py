class MultiHeadAttention(nn.Module):
    def __init__(self, d_model, n_heads):
        super().__init__()
        if d_model % n_heads != 0:
            raise ValueError("d_model must be divisible by n_heads")
        self.h = n_heads
        self.w_q, self.w_k, self.w_v, self.w_o = (nn.Linear(d_model, d_model) for _ in range(4))

    def forward(self, query, key, value, mask=None):
        """(B, L_q, d), (B, L_k, d), (B, L_k, d) -> output (B, L_q, d), weights (B, h, L_q, L_k)."""
        def heads(x):
            return x.unflatten(-1, (self.h, -1)).permute(0, 2, 1, 3)

        out, weights = scaled_dot_product_attention(heads(self.w_q(query)), heads(self.w_k(key)),
                                                    heads(self.w_v(value)), mask=mask)
        return self.w_o(out.permute(0, 2, 1, 3).flatten(2)), weights
