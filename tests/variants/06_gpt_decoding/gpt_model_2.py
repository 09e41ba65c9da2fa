import torch
import torch.nn as nn


class GPT(nn.Module):
    """Blocks appended in a loop; position ids expanded to the batch; max_len kept as an attribute."""

    def __init__(self, vocab_size, d_model, n_heads, n_layers, max_len, d_ff=None, dropout=0.0, tie_weights=True):
        super().__init__()
        if not d_ff:
            d_ff = 4 * d_model
        self.max_len = max_len
        self.tok_emb = nn.Embedding(vocab_size, d_model)
        self.pos_emb = nn.Embedding(max_len, d_model)
        self.drop = nn.Dropout(dropout)
        self.blocks = nn.ModuleList()
        for _ in range(n_layers):
            self.blocks.append(DecoderBlock(d_model, n_heads, d_ff, dropout))
        self.ln_f = nn.LayerNorm(d_model)
        self.lm_head = nn.Linear(d_model, vocab_size, bias=False)
        if tie_weights:
            self.lm_head.weight = self.tok_emb.weight

    def forward(self, ids):
        if ids.size(1) > self.max_len:
            raise ValueError("input longer than max_len")
        pos = torch.arange(ids.size(1)).unsqueeze(0).expand_as(ids)
        hidden = self.drop(self.tok_emb(ids) + self.pos_emb(pos))
        for i in range(len(self.blocks)):
            hidden = self.blocks[i](hidden)
        hidden = self.ln_f(hidden)
        return self.lm_head(hidden)
