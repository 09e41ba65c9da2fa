class TransformerEncoder(nn.Module):
    def __init__(self, vocab_size, d_model, n_heads, d_ff, n_layers, max_len, dropout=0.1, pad_id=0):
        super().__init__()
        self.pad_id = pad_id
        self.embed = nn.Embedding(vocab_size, d_model, padding_idx=pad_id)
        self.register_buffer("pe", positional_encoding(max_len, d_model), persistent=False)
        self.dropout = nn.Dropout(dropout)
        self.layers = nn.ModuleList([EncoderLayer(d_model, n_heads, d_ff, dropout) for _ in range(n_layers)])

    def forward(self, ids):
        """(B, L) token ids -> states (B, L, d_model), list of per-layer weights (B, h, L, L)."""
        L = ids.shape[1]
        mask = padding_mask(ids, pad_id=self.pad_id)
        x = self.dropout(self.embed(ids) + self.pe[:L].unsqueeze(0))
        all_weights = []
        for layer in self.layers:
            x, weights = layer(x, mask=mask)
            all_weights.append(weights)
        return x, all_weights
