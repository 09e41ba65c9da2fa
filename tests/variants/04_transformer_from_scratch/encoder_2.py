class TransformerEncoder(nn.Module):
    def __init__(self, vocab_size, d_model, n_heads, d_ff, n_layers, max_len, dropout=0.1, pad_id=0):
        super().__init__()
        self.pad = pad_id
        self.embed = nn.Embedding(num_embeddings=vocab_size, embedding_dim=d_model, padding_idx=pad_id)
        pe = positional_encoding(max_len, d_model)
        self.register_buffer("pe", pe)
        self.drop = nn.Dropout(p=dropout)
        self.layers = nn.ModuleList()
        for _ in range(n_layers):
            self.layers.append(EncoderLayer(d_model, n_heads, d_ff, dropout=dropout, norm_first=False))

    def forward(self, ids):
        """(B, L) token ids -> states (B, L, d_model), list of per-layer weights (B, h, L, L)."""
        x = self.embed(ids)
        x = self.drop(x + self.pe[: x.size(1)])
        keep = padding_mask(ids, self.pad)
        weights = []
        for layer in self.layers:
            x, w = layer(x, keep)
            weights += [w]
        return x, weights
