class TransformerClassifier(nn.Module):
    def __init__(self, vocab_size, n_classes, d_model, n_heads, d_ff, n_layers, max_len, dropout=0.1, pad_id=0):
        super().__init__()
        self.pad_id = pad_id
        self.encoder = TransformerEncoder(vocab_size=vocab_size, d_model=d_model, n_heads=n_heads, d_ff=d_ff,
                                          n_layers=n_layers, max_len=max_len, dropout=dropout, pad_id=pad_id)
        self.classifier = nn.Linear(d_model, n_classes)

    def forward(self, ids):
        """(B, L) token ids -> logits (B, n_classes)."""
        states, _ = self.encoder(ids)
        pooled = masked_mean(states, ids.ne(self.pad_id))
        return self.classifier(pooled)
