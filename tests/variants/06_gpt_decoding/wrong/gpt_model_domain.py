import torch


class GPT(nn.Module):
    def __init__(self, vocab_size, d_model, n_heads, n_layers, max_len, d_ff=None, dropout=0.0, tie_weights=True):
        super().__init__()
        self.max_len = max_len
        self.tok_emb = nn.Embedding(vocab_size, d_model)
        self.pos_emb = nn.Embedding(max_len, d_model)
        self.drop = nn.Dropout(dropout)
        d_ff = 4 * d_model if d_ff is None else d_ff
        self.blocks = nn.ModuleList(DecoderBlock(d_model, n_heads, d_ff, dropout) for _ in range(n_layers))
        self.ln_f = nn.LayerNorm(d_model)
        self.lm_head = nn.Linear(d_model, vocab_size, bias=False)
        if tie_weights:
            self.lm_head.weight = self.tok_emb.weight

    def forward(self, ids):
        """Off by one in the length check: `L >= max_len` refuses a sequence of exactly max_len tokens."""
        L = ids.size(1)
        if L >= self.max_len:
            raise ValueError(f"{L} tokens, but max_len is {self.max_len}")
        x = self.drop(self.tok_emb(ids) + self.pos_emb(torch.arange(L, device=ids.device)))
        for block in self.blocks:
            x = block(x)
        return self.lm_head(self.ln_f(x))
