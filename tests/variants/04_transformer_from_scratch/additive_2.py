class AdditiveAttention(nn.Module):
    def __init__(self, d_query, d_key, d_attn):
        super().__init__()
        for name, d_in, d_out in (("W", d_query, d_attn), ("U", d_key, d_attn), ("v", d_attn, 1)):
            setattr(self, name, nn.Linear(d_in, d_out, bias=False))

    def forward(self, query, keys, values, mask=None):
        """(B, L_q, d_query), (B, L_k, d_key), (B, L_k, d_v) -> context (B, L_q, d_v), weights (B, L_q, L_k)."""
        pairs = torch.tanh(self.W(query)[:, :, None, :] + self.U(keys)[:, None, :, :])  # (B, L_q, L_k, d_attn)
        scores = torch.einsum("bqka,a->bqk", pairs, self.v.weight[0])
        if mask is not None:
            scores = torch.where(mask, scores, torch.tensor(float("-inf")))
        weights = scores.softmax(-1)
        return torch.einsum("bqk,bkd->bqd", weights, values), weights
