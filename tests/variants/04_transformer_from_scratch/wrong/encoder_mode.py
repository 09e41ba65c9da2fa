class TransformerEncoder(nn.Module):
    """Dropout on the embeddings through F.dropout(x, p): still on in eval mode."""

    def __init__(self, vocab_size, d_model, n_heads, d_ff, n_layers, max_len, dropout=0.1, pad_id=0):
        super().__init__()
        self.pad_id = pad_id
        self.p = dropout
        self.embed = nn.Embedding(vocab_size, d_model, padding_idx=pad_id)
        self.register_buffer("pe", positional_encoding(max_len, d_model))
        self.layers = nn.ModuleList([EncoderLayer(d_model, n_heads, d_ff, dropout) for _ in range(n_layers)])

    def forward(self, ids):
        mask = padding_mask(ids, self.pad_id)
        x = F.dropout(self.embed(ids) + self.pe[: ids.size(1)], p=self.p)
        weights = []
        for layer in self.layers:
            x, w = layer(x, mask)
            weights.append(w)
        return x, weights
