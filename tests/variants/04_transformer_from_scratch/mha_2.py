class MultiHeadAttention(nn.Module):
    def __init__(self, d_model, n_heads):
        super().__init__()
        if d_model % n_heads:
            raise ValueError(f"{d_model} is not a multiple of {n_heads}")
        self.n_heads = n_heads
        self.d_k = d_model // n_heads
        self.w_q = nn.Linear(d_model, d_model)
        self.w_k = nn.Linear(d_model, d_model)
        self.w_v = nn.Linear(d_model, d_model)
        self.w_o = nn.Linear(d_model, d_model)

    def forward(self, query, key, value, mask=None):
        """(B, L_q, d), (B, L_k, d), (B, L_k, d) -> output (B, L_q, d), weights (B, h, L_q, L_k)."""
        B, L_q, L_k = query.size(0), query.size(1), key.size(1)
        Q, K, V = self.w_q(query), self.w_k(key), self.w_v(value)
        outputs, weights = [], []
        for i in range(self.n_heads):  # one head at a time, on its slice of the features
            part = slice(i * self.d_k, (i + 1) * self.d_k)
            head_mask = None if mask is None else mask.expand(B, self.n_heads, L_q, L_k)[:, i]
            out, w = scaled_dot_product_attention(Q[..., part], K[..., part], V[..., part], head_mask)
            outputs.append(out)
            weights.append(w)
        return self.w_o(torch.cat(outputs, dim=-1)), torch.stack(weights, dim=1)
