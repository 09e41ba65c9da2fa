import torch.nn.functional as F
from torch import nn


class GPT(nn.Module):
    """Positions sliced from the embedding table; the head applied with F.linear on its own weight."""

    def __init__(self, vocab_size, d_model, n_heads, n_layers, max_len, d_ff=None, dropout=0.0, tie_weights=True):
        super().__init__()
        hidden = d_ff if d_ff is not None else d_model * 4
        self.tok_emb = nn.Embedding(vocab_size, d_model)
        self.pos_emb = nn.Embedding(max_len, d_model)
        self.drop = nn.Dropout(dropout)
        self.blocks = nn.ModuleList([DecoderBlock(d_model, n_heads, hidden, dropout) for _ in range(n_layers)])
        self.ln_f = nn.LayerNorm(d_model)
        self.lm_head = nn.Linear(d_model, vocab_size, bias=False)
        if tie_weights:
            self.tok_emb.weight = self.lm_head.weight  # the same Parameter, shared the other way round

    def forward(self, ids):
        B, L = ids.shape
        if L > self.pos_emb.num_embeddings:
            raise ValueError(f"sequence of {L} tokens exceeds max_len={self.pos_emb.num_embeddings}")
        x = self.tok_emb(ids) + self.pos_emb.weight[:L].unsqueeze(0)
        x = self.drop(x)
        for block in self.blocks:
            x = block(x)
        return F.linear(self.ln_f(x), self.lm_head.weight)
