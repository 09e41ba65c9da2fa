class AdditiveAttention(nn.Module):
    def __init__(self, d_query, d_key, d_attn):
        super().__init__()
        self.W = nn.Linear(d_query, d_attn, bias=False)
        self.U = nn.Linear(d_key, d_attn, bias=False)
        self.v = nn.Linear(d_attn, 1, bias=False)

    def forward(self, query, keys, values, mask=None):
        """(B, L_q, d_query), (B, L_k, d_key), (B, L_k, d_v) -> context (B, L_q, d_v), weights (B, L_q, L_k)."""
        projected_keys = self.U(keys)  # (B, L_k, d_attn), computed once
        rows = []
        for i in range(query.size(1)):  # one query position at a time, as in an RNN decoder
            s = self.W(query[:, i]).unsqueeze(1)  # (B, 1, d_attn)
            rows.append(self.v(torch.tanh(s + projected_keys)).squeeze(-1))  # (B, L_k)
        scores = torch.stack(rows, dim=1)
        if mask is not None:
            scores = scores.masked_fill(~mask, float("-inf"))
        weights = F.softmax(scores, dim=-1)
        return torch.bmm(weights, values), weights
