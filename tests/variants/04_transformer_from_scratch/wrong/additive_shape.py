class AdditiveAttention(nn.Module):
    """squeeze() without a dim on the scores: breaks as soon as L_q, L_k or B is 1."""

    def __init__(self, d_query, d_key, d_attn):
        super().__init__()
        self.W = nn.Linear(d_query, d_attn, bias=False)
        self.U = nn.Linear(d_key, d_attn, bias=False)
        self.v = nn.Linear(d_attn, 1, bias=False)

    def forward(self, query, keys, values, mask=None):
        q = self.W(query)[:, :, None, :]
        k = self.U(keys)[:, None, :, :]
        scores = self.v(torch.tanh(q + k)).squeeze()
        if mask is not None:
            scores = scores.masked_fill(~mask, float("-inf"))
        weights = torch.softmax(scores, dim=-1)
        return torch.matmul(weights, values), weights
